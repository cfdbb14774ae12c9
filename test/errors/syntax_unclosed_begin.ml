let greet name =
  if name <> "" then begin
    print_string "Hello, ";
    print_endline name

let () = greet "world"
