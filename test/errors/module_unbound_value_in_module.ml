module Geometry = struct
  let pi = 3.14159
  let circle_area r = pi *. r *. r
end

let () = print_float (Geometry.square_area 2.0)
