let add x y = x + y

let () = print_int (add 1 2 3)
