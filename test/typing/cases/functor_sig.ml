(* A functor matched against a functor signature with `with type key = H.t`. *)
module type S = sig type key type t val make : key -> t end
module type H = sig type t end

module Make (H : H) : S with type key = H.t = struct
  type key = H.t
  type t = key list
  let make k = [ k ]
end

module Sealed : sig
  module Make (H : H) : S with type key = H.t
  module Twice (A : H) (B : H) : S with type key = A.t * B.t
end = struct
  module Make (H : H) = struct
    type key = H.t
    type t = key list
    let make k = [ k ]
  end
  module Twice (A : H) (B : H) = struct
    type key = A.t * B.t
    type t = key option
    let make k = Some k
  end
end

module M = Sealed.Make (struct type t = int end)
let m = M.make 3
