let name = "Ada";
let greeting = "Hello, " ^ name

let () = print_endline greeting
