(* Core: user-defined infix and prefix operators, precedence by first character, sections *)
let ( +| ) (a, b) (c, d) = (a + c, b + d)
let ( *| ) k (a, b) = (k * a, k * b)
let ( <=> ) a b = compare a b
let ( ^^ ) s n = let rec go i acc = if i = 0 then acc else go (i - 1) (acc ^ s) in go n ""
let ( |? ) o d = match o with Some x -> x | None -> d
let ( @@@ ) f x = f (f x)
let ( ~- ) x = x + 1000
let ( !! ) r = !r * 2
let ( ** ) a b = a * 10 + b
let ( %. ) a b = a mod b

let show (a, b) = print_endline ("(" ^ string_of_int a ^ ", " ^ string_of_int b ^ ")")

let () =
  show ((1, 2) +| (10, 20));
  show (3 *| (1, 2) +| (1, 1));
  print_int (3 <=> 4); print_newline ();
  print_int ("b" <=> "a"); print_newline ();
  print_endline ("ab" ^^ 3);
  print_int (Some 5 |? 0); print_newline ();
  print_int (None |? 42); print_newline ();
  print_int ((fun x -> x * 3) @@@ 2); print_newline ();
  print_int (- 5); print_newline ();
  print_int (-5); print_newline ();
  let five = 5 in
  print_int (- five); print_newline ();
  print_int (-five); print_newline ();
  let r = ref 21 in
  print_int !!r; print_newline ();
  print_int (1 ** 2 ** 3); print_newline ();
  print_int (17 %. 5); print_newline ();
  print_int (( + ) 3 4); print_newline ();
  print_int (( * ) 6 7); print_newline ();
  let plus = ( + ) in
  let times2 = ( * ) 2 in
  print_int (plus 1 (times2 20)); print_newline ();
  print_endline (( ^ ) "con" "cat");
  print_endline (string_of_bool (( < ) 1 2));
  print_endline (string_of_bool (( = ) "a" "a"))
