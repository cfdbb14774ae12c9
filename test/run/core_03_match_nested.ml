(* Core: nested patterns, guards, or-patterns, as, wildcards, match order *)
type t = A of int | B of string * int | C of t * t | D

let rec describe = function
  | A 0 -> "A zero"
  | A n when n < 0 -> "A negative"
  | A n -> "A " ^ string_of_int n
  | B ("", _) -> "B empty"
  | B (s, (1 | 2 | 3)) -> "B small " ^ s
  | B (s, n) -> "B " ^ s ^ " " ^ string_of_int n
  | C (D, D) -> "C of two Ds"
  | C ((A _ | B _) as left, D) -> "C left " ^ describe left
  | C (C (x, _), y) -> "C nested (" ^ describe x ^ ", " ^ describe y ^ ")"
  | C (_, right) -> "C right " ^ describe right
  | D -> "D"

let classify pair =
  match pair with
  | (0, 0) -> "both zero"
  | (0, _) | (_, 0) -> "one zero"
  | (a, b) when a = b -> "equal"
  | (a, b) when a + b = 0 -> "opposite"
  | ((1 | 2), _) -> "small first"
  | _ -> "other"

let rec sum_pairs = function
  | [] -> 0
  | (a, b) :: rest -> a * b + sum_pairs rest

let first_two = function
  | x :: y :: _ -> string_of_int x ^ "," ^ string_of_int y
  | [ x ] -> "only " ^ string_of_int x
  | [] -> "none"

let () =
  print_endline (describe (A 0));
  print_endline (describe (A (-4)));
  print_endline (describe (A 12));
  print_endline (describe (B ("", 9)));
  print_endline (describe (B ("x", 2)));
  print_endline (describe (B ("y", 20)));
  print_endline (describe (C (D, D)));
  print_endline (describe (C (A 1, D)));
  print_endline (describe (C (C (B ("z", 3), D), A 5)));
  print_endline (describe (C (D, B ("w", 99))));
  print_endline (describe D);
  print_endline (classify (0, 0));
  print_endline (classify (0, 4));
  print_endline (classify (4, 0));
  print_endline (classify (7, 7));
  print_endline (classify (3, -3));
  print_endline (classify (2, 9));
  print_endline (classify (9, 2));
  print_int (sum_pairs [ (1, 2); (3, 4); (5, 6) ]); print_newline ();
  print_endline (first_two [ 1; 2; 3 ]);
  print_endline (first_two [ 7 ]);
  print_endline (first_two []);
  let ((a, b) as whole, c) = ((1, 2), 3) in
  let x, y = whole in
  print_int (a + b + c + x + y); print_newline ()
