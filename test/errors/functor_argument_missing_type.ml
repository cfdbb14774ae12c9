module type ORDERED = sig
  type t
  val compare : t -> t -> int
end

module MakeSet (O : ORDERED) = struct
  let mem x xs = List.exists (fun y -> O.compare x y = 0) xs
end

module IntSet = MakeSet (struct let compare a b = a - b end)
