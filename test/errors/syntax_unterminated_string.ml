let greeting = "Hello, world!
let () = print_endline greeting
