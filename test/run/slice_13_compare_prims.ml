(* Slice: comparison operators on ints, strings, bools; min/max style helpers *)
let b2s b = if b then "T" else "F"

let row name a b =
  print_endline (name ^ ": "
    ^ b2s (a = b) ^ b2s (a <> b) ^ b2s (a < b)
    ^ b2s (a > b) ^ b2s (a <= b) ^ b2s (a >= b))

let smaller a b = if a < b then a else b
let larger a b = if a > b then a else b

let () =
  row "1 2" 1 2;
  row "2 1" 2 1;
  row "3 3" 3 3;
  row "-5 5" (-5) 5;
  row "0 -0" 0 (-0);
  row "\"a\" \"b\"" "a" "b";
  row "\"ab\" \"a\"" "ab" "a";
  row "\"\" \"\"" "" "";
  row "\"Z\" \"a\"" "Z" "a";
  row "true false" true false;
  row "false false" false false;
  print_int (smaller 3 9); print_newline ();
  print_int (larger 3 9); print_newline ();
  print_endline (smaller "pear" "apple");
  print_endline (larger "pear" "apple");
  print_endline (b2s (compare 1 2 < 0));
  print_int (compare 5 5); print_newline ();
  print_int (compare 9 2); print_newline ();
  print_int (compare "b" "a"); print_newline ();
  print_int (compare false true); print_newline ()
