module type ORDERED = sig
  type t
  val compare : t -> t -> int
end

module MakeSet (O : ORDERED) = struct
  let mem x xs = List.exists (fun y -> O.compare x y = 0) xs
end

module Shape = struct
  type shape = Circle of float | Square of float
  let area = function Circle r -> 3.14 *. r *. r | Square s -> s *. s
  let perimeter = function Circle r -> 6.28 *. r | Square s -> 4. *. s
  let name = function Circle _ -> "circle" | Square _ -> "square"
  let scale k = function Circle r -> Circle (k *. r) | Square s -> Square (k *. s)
  let compare_area a b = compare (area a) (area b)
end

module ShapeSet = MakeSet (Shape)

let has_unit_square shapes = ShapeSet.mem (Shape.Square 1.) shapes
