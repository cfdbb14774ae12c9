(* Buffer: the corners of add_substitute's syntax, appending a buffer to
   itself, reset after growth, and the range checks at their limits. *)

let q s = print_endline ("\"" ^ s ^ "\"")

let subst s =
  let b = Buffer.create 4 in
  (match Buffer.add_substitute b (fun v -> "<" ^ v ^ ">") s with
   | () -> q (Buffer.contents b)
   | exception Not_found -> print_string "Not_found after "; q (Buffer.contents b))

let check name f =
  match f () with
  | () -> print_endline (name ^ " ok")
  | exception Invalid_argument m -> print_endline (name ^ " Invalid_argument " ^ m)

let () =
  List.iter subst
    [ ""; "plain"; "$"; "a$"; "$ x"; "$$"; "$-a"; "$a_b9-c"; "$1x";
      "$(a(b)c)d"; "${a{b}c}d"; "$(a{b)c"; "${a(b}c"; "$()"; "${}";
      "$(unclosed"; "ab${x"; "\\"; "\\\\"; "\\\\$x"; "\\$x"; "\\$(x)"; "a\\b";
      "\\\\\\$x"; "$x\\"; "$x$y"; "$(x)$(y)"; "x$é" ];
  let b = Buffer.create 1 in
  Buffer.add_string b "ab";
  Buffer.add_buffer b b; q (Buffer.contents b);
  Buffer.add_buffer b b; q (Buffer.contents b);
  Buffer.add_substring b (Buffer.contents b) 2 3; q (Buffer.contents b);
  Buffer.reset b; q (Buffer.contents b);
  Buffer.add_string b "xyz"; q (Buffer.contents b);
  Buffer.clear b; Buffer.add_char b 'c'; q (Buffer.contents b);
  let c = Buffer.create (-5) in
  Buffer.add_string c ""; Buffer.add_char c 'z'; Buffer.add_string c "zz"; q (Buffer.contents c);
  check "sub 0 3" (fun () -> q (Buffer.sub c 0 3));
  check "sub 3 0" (fun () -> q (Buffer.sub c 3 0));
  check "sub 0 4" (fun () -> q (Buffer.sub c 0 4));
  check "sub 4 0" (fun () -> q (Buffer.sub c 4 0));
  check "sub 1 -1" (fun () -> q (Buffer.sub c 1 (-1)));
  check "sub max_int" (fun () -> q (Buffer.sub c 2 max_int));
  let d = Bytes.make 3 '.' in
  check "blit 0 0 3" (fun () -> Buffer.blit c 0 d 0 3; q (Bytes.to_string d));
  check "blit 3 3 0" (fun () -> Buffer.blit c 3 d 3 0);
  check "blit 0 1 3" (fun () -> Buffer.blit c 0 d 1 3);
  check "blit 1 0 3" (fun () -> Buffer.blit c 1 d 0 3);
  check "blit -1" (fun () -> Buffer.blit c (-1) d 0 1);
  check "blit dst -1" (fun () -> Buffer.blit c 0 d (-1) 1);
  check "blit len -1" (fun () -> Buffer.blit c 0 d 0 (-1));
  check "nth 2" (fun () -> print_char (Buffer.nth c 2); print_newline ());
  check "nth 3" (fun () -> ignore (Buffer.nth c 3));
  check "add_substring 4 0" (fun () -> Buffer.add_substring c "abcd" 4 0);
  check "add_substring 5 0" (fun () -> Buffer.add_substring c "abcd" 5 0);
  check "add_subbytes 1 -1" (fun () -> Buffer.add_subbytes c (Bytes.of_string "ab") 1 (-1));
  check "add_subbytes 1 1" (fun () -> Buffer.add_subbytes c (Bytes.of_string "ab") 1 1);
  check "truncate 4" (fun () -> Buffer.truncate c 4);
  check "truncate -1" (fun () -> Buffer.truncate c (-1));
  check "truncate 0" (fun () -> Buffer.truncate c 0);
  q (Buffer.contents c);
  q (Bytes.to_string (Buffer.to_bytes c));
  (* A large buffer keeps every byte through its growths. *)
  let big = Buffer.create 3 in
  for i = 0 to 99999 do Buffer.add_char big (Char.chr (i mod 251)) done;
  let ok = ref true in
  for i = 0 to 99999 do if Buffer.nth big i <> Char.chr (i mod 251) then ok := false done;
  print_endline (string_of_int (Buffer.length big) ^ " " ^ string_of_bool !ok)
