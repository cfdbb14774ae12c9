let greeting = 'hello'

let () = print_endline greeting
