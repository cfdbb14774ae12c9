let average a b = (a + b) / 2

let () = print_int (average 3 4.5)
