(* Sequences to and from the containers: order, laziness, and round trips. *)
let show_ints s = print_endline (String.concat " " (List.map string_of_int (List.of_seq s)))
let show_chars s = print_endline (String.of_seq s)

let () =
  show_ints (List.to_seq [ 1; 2; 3 ]);
  show_ints (Array.to_seq [| 4; 5; 6 |]);
  show_ints (Seq.map fst (Array.to_seqi [| 'a'; 'b' |]));
  show_chars (String.to_seq "hello");
  show_chars (Seq.map (fun (i, c) -> if i mod 2 = 0 then Char.uppercase_ascii c else c) (String.to_seqi "sequence"));
  show_chars (Bytes.to_seq (Bytes.of_string "bytes"));
  print_endline (Bytes.to_string (Bytes.of_seq (String.to_seq "round trip")));
  Array.iter print_int (Array.of_seq (List.to_seq [ 7; 8; 9 ]));
  print_newline ();
  show_ints (Option.to_seq (Some 42));
  show_ints (Option.to_seq None);
  (* an array is read as the sequence is walked *)
  let a = [| 1; 2; 3 |] in
  let s = Array.to_seq a in
  a.(2) <- 30;
  show_ints s;
  (* a list's sequence can be walked twice *)
  let s = List.to_seq [ 1; 2 ] in
  show_ints (Seq.append s s);
  let b = Buffer.create 4 in
  Buffer.add_seq b (String.to_seq "buf");
  Buffer.add_string b "fer";
  show_chars (Buffer.to_seq b);
  print_endline (Buffer.contents (Buffer.of_seq (String.to_seq "of_seq")));
  let q = Queue.of_seq (List.to_seq [ 1; 2; 3 ]) in
  Queue.add 4 q;
  show_ints (Queue.to_seq q);
  let st = Stack.of_seq (List.to_seq [ 1; 2; 3 ]) in
  show_ints (Stack.to_seq st);
  (* of_seq on a sequence built lazily from an unfold *)
  show_ints (List.to_seq (List.of_seq (Seq.unfold (fun n -> if n > 5 then None else Some (n, n + 1)) 1)))
