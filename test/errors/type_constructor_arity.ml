type shape = Rect of int * int | Circle of int

let unit_square = Rect 1

let () = ignore unit_square
