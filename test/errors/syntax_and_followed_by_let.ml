let width = 80 and
let height = 24

let () = print_int (width * height)
