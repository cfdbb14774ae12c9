let pr s = print_endline s
let pi i = print_int i; print_newline ()
exception E of int
let () =
  pi (Fun.id 3);
  pi (Fun.const 4 "x");
  pi (Fun.flip (-) 1 10);
  pr (string_of_bool (Fun.negate (fun x -> x > 0) 5));
  pr (string_of_bool (Fun.negate (fun x -> x > 0) (-5)));
  pi (Fun.protect ~finally:(fun () -> pr "finally 1") (fun () -> 42));
  (try Fun.protect ~finally:(fun () -> pr "finally 2") (fun () -> raise (E 7))
   with E n -> pr ("caught E " ^ string_of_int n));
  (try Fun.protect ~finally:(fun () -> raise Exit) (fun () -> pr "work"; 1) |> ignore
   with Fun.Finally_raised Exit -> pr "Finally_raised Exit");
  (try Fun.protect ~finally:(fun () -> failwith "in finally") (fun () -> raise (E 1))
   with Fun.Finally_raised (Failure m) -> pr ("Finally_raised Failure " ^ m) | E _ -> pr "E");
  let l = List.map (Fun.const 0) [1;2;3] in pi (List.length l)
