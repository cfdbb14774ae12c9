module type SHAPE = sig
  val area : float -> float
  val name : string
end

module Square : SHAPE = struct
  let area side = side *. side
end
