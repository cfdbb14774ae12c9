let () =
  print_string "Hello, ";
  print_endline "world"
  let answer = 42 in
  print_int answer
