(* Core: comparing functional values raises Invalid_argument "compare: functional value"  # exit 2 *)
let f x = x + 1
let g x = x * 2

let () =
  print_endline (string_of_bool (f == f));
  print_endline (string_of_bool (1 = 1));
  (try print_endline (string_of_bool (f = g))
   with Invalid_argument m -> print_endline ("caught: " ^ m));
  (try print_int (compare (1, f) (1, g)); print_newline ()
   with Invalid_argument m -> print_endline ("caught again: " ^ m));
  (* a difference found before the closures stops the comparison *)
  print_endline (string_of_bool ((1, f) = (2, f)));
  print_endline "now uncaught";
  print_endline (string_of_bool (Some f = Some g));
  print_endline "not reached"
