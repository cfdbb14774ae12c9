(* Core: matching on int, char, string constants, char ranges, bools, unit *)
let kind c =
  match c with
  | 'a' | 'e' | 'i' | 'o' | 'u' -> "vowel"
  | 'a' .. 'z' -> "consonant"
  | 'A' .. 'Z' -> "upper"
  | '0' .. '9' -> "digit"
  | ' ' | '\t' | '\n' -> "space"
  | _ -> "other"

let number_word = function
  | 0 -> "zero" | 1 -> "one" | 2 -> "two" | 3 -> "three"
  | -1 -> "minus one"
  | 1000000 -> "a million"
  | n when n > 0 -> "many"
  | _ -> "negative"

let command = function
  | "start" -> 1
  | "stop" -> 2
  | "" -> 0
  | "pause" | "wait" -> 3
  | _ -> -1

let bools = function
  | true, true -> "TT" | true, false -> "TF" | false, true -> "FT" | false, false -> "FF"

let unit_match () = match () with () -> "unit matched"

let () =
  let chars = [ 'a'; 'b'; 'E'; '7'; ' '; '\t'; '!'; 'u'; 'z'; 'Z'; '0' ] in
  let rec go = function
    | [] -> ()
    | c :: rest -> print_char c; print_string " -> "; print_endline (kind c); go rest
  in
  go chars;
  let rec each = function
    | [] -> ()
    | n :: rest -> print_endline (number_word n); each rest
  in
  each [ 0; 1; 2; 3; -1; 1000000; 17; -17 ];
  print_int (command "start"); print_newline ();
  print_int (command "stop"); print_newline ();
  print_int (command ""); print_newline ();
  print_int (command "wait"); print_newline ();
  print_int (command "pause"); print_newline ();
  print_int (command "Start"); print_newline ();
  print_endline (bools (true, true) ^ bools (true, false) ^ bools (false, true) ^ bools (false, false));
  print_endline (unit_match ())
