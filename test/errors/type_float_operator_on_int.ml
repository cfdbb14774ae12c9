let circle_area r = 3.14159 *. r *. r

let () = print_float (circle_area 2)
