(* Generative functors: applied to () only, fresh abstract types each time. *)
module F () = struct
  type t = A | B
  let counter = ref 0
  let next () = incr counter; !counter
end

module type S = sig type t val make : unit -> t end

module G () : S = struct type t = int let make () = 3 end
module A = F (struct end)
module B = F (struct end)
module C = G (struct end)
let a = A.A
let c = C.make ()
module type GS = functor () -> S
module H : GS = G
