let add = fun x y = x + y

let () = print_int (add 1 2)
