let make_window ~width ~height = width * height

let () = print_int (make_window ~width:80 ~heigth:24)
