(* Core: an uncaught user exception with payload, printed by the runtime  # exit 2 *)
exception Config_error of string * int

let parse n = if n > 2 then raise (Config_error ("too many", n)) else n

let () =
  print_int (parse 1); print_newline ();
  print_int (parse 2); print_newline ();
  print_int (parse 3); print_newline ()
