let greet name =
  print_endline (“Hello, ” ^ name)

let () = greet "Ada"
