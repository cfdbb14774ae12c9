let größe = 180

let () = print_int größe
