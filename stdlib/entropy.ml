(* Random bytes (see entropy.mli). *)

module type S = sig
  val generate : int -> string
end

let generate n =
  if n < 0 then invalid_arg "Entropy.generate";
  Host.entropy n
