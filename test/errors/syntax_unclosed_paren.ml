let area r =
  3.14159 *. (r *. r

let () = Printf.printf "%f\n" (area 2.0)
