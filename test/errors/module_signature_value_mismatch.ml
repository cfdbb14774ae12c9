module type COUNTER = sig
  val start : int
  val next : int -> int
end

module Counter : COUNTER = struct
  let start = 0
  let next n = float_of_int n +. 1.0
end
