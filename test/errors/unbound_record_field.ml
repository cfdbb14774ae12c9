type person = { name : string; age : int }

let greet p = print_endline ("Hello, " ^ p.nmae)
