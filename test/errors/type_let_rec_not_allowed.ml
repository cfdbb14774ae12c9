let rec f = fun x -> g x
and g = f

let () = print_int (f 1)
