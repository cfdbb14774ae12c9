(* Slice: string literals, escapes, ^, print_string, print_endline, string_of_int *)
let greet name = "Hello, " ^ name ^ "!"

let () =
  print_string "plain";
  print_newline ();
  print_endline (greet "world");
  print_endline (greet "");
  print_string "a\tb\\c\"d\"\n";
  print_endline ("multi" ^ "ple" ^ " " ^ "parts");
  print_endline ("num=" ^ string_of_int 42);
  print_endline ("neg=" ^ string_of_int (-42));
  print_endline (string_of_int 0 ^ string_of_int 1 ^ string_of_int 2);
  print_endline "";
  print_endline "after empty";
  print_string "no newline, ";
  print_string "then newline";
  print_newline ();
  let s = "abc" in
  let t = s ^ s in
  print_endline t;
  print_endline (if s = "abc" then "equal" else "different");
  print_endline (if s < "abd" then "less" else "not less");
  print_endline (if "b" > "abc" then "b greater" else "b not greater");
  print_endline (if "" < "a" then "empty less" else "empty not less");
  print_endline (if t <> s then "t differs" else "t same");
  print_endline "unicode bytes: caf\195\169";
  print_endline "\065\066\067 \x41\x42"
