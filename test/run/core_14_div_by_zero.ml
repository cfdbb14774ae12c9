(* Core: Division_by_zero from / and mod, caught, then uncaught  # exit 2 *)
let safe f a b = try string_of_int (f a b) with Division_by_zero -> "Division_by_zero"

let () =
  print_endline (safe ( / ) 7 2);
  print_endline (safe ( / ) 7 0);
  print_endline (safe ( mod ) 7 0);
  print_endline (safe ( mod ) min_int 0);
  print_endline (safe ( / ) 0 0);
  let zero = int_of_string "0" in
  print_endline (string_of_int (100 / (zero + 1)));
  print_endline (string_of_int (100 / zero))
