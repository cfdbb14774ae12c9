(* Core: structural equality and compare on ints, floats, strings, tuples, lists, variants, records, arrays, options *)
type v = A | B of int | C of string * v
type r = { k : int; s : string }

let cmp label a b = print_endline (label ^ ": " ^ string_of_int (compare a b) ^ " " ^ string_of_bool (a = b))

let () =
  cmp "ints" 3 7;
  cmp "strings" "abc" "abd";
  cmp "floats" 2.5 2.5;
  cmp "tuples" (1, "b") (1, "a");
  cmp "tuples2" (1, 2, 3) (1, 2, 4);
  cmp "lists" [ 1; 2; 3 ] [ 1; 2 ];
  cmp "lists2" [ 1; 2 ] [ 1; 3 ];
  cmp "empty lists" [] [ 1 ];
  cmp "same lists" [ "x"; "y" ] [ "x"; "y" ];
  cmp "constant ctors" A A;
  cmp "ctor order" A (B 0);
  cmp "ctor args" (B 1) (B 2);
  cmp "nested ctor" (C ("a", B 1)) (C ("a", A));
  cmp "block vs const" (B 0) A;
  cmp "records" { k = 1; s = "z" } { k = 1; s = "a" };
  cmp "records eq" { k = 1; s = "a" } { k = 1; s = "a" };
  cmp "arrays" [| 1; 2; 3 |] [| 1; 2 |];
  cmp "arrays2" [| 1; 5 |] [| 2; 0 |];
  cmp "options" (Some 3) None;
  cmp "options2" (Some 3) (Some 4);
  cmp "bools" true false;
  cmp "chars" 'a' 'b';
  cmp "units" () ();
  cmp "nested" [ (1, [ "a" ]); (2, []) ] [ (1, [ "a" ]); (2, [ "b" ]) ];
  cmp "neg ints" (-5) 3;
  cmp "min max" min_int max_int;
  cmp "float neg zero" 0.0 (-0.0);
  cmp "float inf" infinity 1e308;
  print_endline (string_of_bool ([ 1; 2 ] <> [ 1; 2 ]));
  print_endline (string_of_bool ((1, 2) < (1, 3)));
  print_endline (string_of_bool ("b" >= "abc"));
  print_endline (string_of_bool (Some [ 1 ] > Some []));
  print_endline (string_of_bool (B 5 <= C ("", A)));
  let mk n = [ 1; 2; n ] in
  let a = mk 3 and b = mk 3 in
  print_endline (string_of_bool (a = b) ^ " " ^ string_of_bool (a == b) ^ " " ^ string_of_bool (a == a));
  print_endline (string_of_bool (a != b));
  let t = (a, b) in
  print_endline (string_of_bool (fst t == a));
  print_endline (string_of_bool (1 == 1) ^ " " ^ string_of_bool ('x' == 'x') ^ " " ^ string_of_bool (A == A));
  print_int (compare (max 3 9) (min 3 9)); print_newline ();
  print_endline (max "pear" "apple" ^ " " ^ min "pear" "apple");
  print_endline (string_of_bool (max (1, "z") (1, "a") = (1, "z")))
