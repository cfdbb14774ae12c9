(* Core: chars, Char.code, char_of_int, escapes, char comparison, print_char *)
let show_code c = print_char c; print_endline (" " ^ string_of_int (Char.code c))

let upper c = if c >= 'a' && c <= 'z' then char_of_int (Char.code c - 32) else c
let rot13 c =
  if c >= 'a' && c <= 'z' then char_of_int ((Char.code c - 97 + 13) mod 26 + 97)
  else if c >= 'A' && c <= 'Z' then char_of_int ((Char.code c - 65 + 13) mod 26 + 65)
  else c

let () =
  show_code 'a';
  show_code 'Z';
  show_code '0';
  show_code ' ';
  print_int (Char.code '\n'); print_newline ();
  print_int (Char.code '\t'); print_newline ();
  print_int (Char.code '\\'); print_newline ();
  print_int (Char.code '\''); print_newline ();
  print_int (Char.code '\000'); print_newline ();
  print_int (Char.code '\255'); print_newline ();
  print_int (Char.code '\x7f'); print_newline ();
  print_char (char_of_int 72); print_char (char_of_int 105); print_newline ();
  print_char (upper 'q'); print_char (upper 'Q'); print_char (upper '3'); print_newline ();
  let s = "Hello, World" in
  for i = 0 to String.length s - 1 do print_char (rot13 s.[i]) done;
  print_newline ();
  print_endline (string_of_bool ('a' < 'b'));
  print_endline (string_of_bool ('Z' < 'a'));
  print_endline (string_of_bool ('x' = 'x'));
  print_int (compare 'a' 'b'); print_newline ();
  print_int (compare 'z' 'a'); print_newline ();
  print_endline (string_of_bool (char_of_int 65 = 'A'));
  print_int (Char.code 'z' - Char.code 'a'); print_newline ()
