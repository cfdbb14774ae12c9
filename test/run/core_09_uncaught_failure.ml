(* Core: an uncaught Failure ends the program with exit 2 after its output  # exit 2 *)
let step n =
  print_endline ("step " ^ string_of_int n);
  if n = 3 then failwith "boom"

let () =
  step 1;
  step 2;
  (try step 3 with Failure m -> print_endline ("recovered from " ^ m));
  step 3;
  print_endline "not reached"
