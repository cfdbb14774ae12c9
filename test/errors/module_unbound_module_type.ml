module type SHAPE = sig
  val area : float
end

module Unit_square : SHAPES = struct
  let area = 1.0
end
