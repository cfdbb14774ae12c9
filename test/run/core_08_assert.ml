(* Core: assert, Assert_failure caught with its location, assert false *)
let checked_sqrt n =
  assert (n >= 0);
  let rec go r = if (r + 1) * (r + 1) > n then r else go (r + 1) in
  go 0

let unreachable () : int = assert false

let () =
  print_int (checked_sqrt 50); print_newline ();
  print_int (checked_sqrt 0); print_newline ();
  (match checked_sqrt (-1) with
   | _ -> print_endline "no failure?"
   | exception Assert_failure (file, line, col) ->
     print_endline ("assert failed at " ^ file ^ ":" ^ string_of_int line ^ ":" ^ string_of_int col));
  (try ignore (unreachable ()) with
   | Assert_failure (_, line, _) -> print_endline ("assert false on line " ^ string_of_int line));
  assert true;
  assert (1 + 1 = 2);
  print_endline "assertions passed"
