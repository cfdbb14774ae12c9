(* Core: a non-exhaustive match raises Match_failure with its location, uncaught  # exit 2 *)
type dir = North | East | South | West

let turn d =
  match d with
  | North -> East
  | East -> South
  | South -> West

let name = function North -> "N" | East -> "E" | South -> "S" | West -> "W"

let () =
  print_endline (name (turn North));
  print_endline (name (turn East));
  print_endline (name (turn South));
  (try print_endline (name (turn West))
   with Match_failure (f, l, c) ->
     print_endline ("caught " ^ f ^ " " ^ string_of_int l ^ " " ^ string_of_int c));
  let first (x :: _) = x in
  print_int (first [ 4; 5 ]); print_newline ();
  print_int (first []); print_newline ();
  print_endline "not reached"
