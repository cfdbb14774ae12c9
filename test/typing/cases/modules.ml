(* Modules: sealing, functors, with type, include, open, let module *)
module type ORD = sig type t val compare : t -> t -> int end
module IntOrd : ORD with type t = int = struct type t = int let compare = compare end
module Make (O : ORD) = struct
  type elt = O.t
  type t = elt list
  let empty : t = []
  let add x (s : t) : t = if List.exists (fun y -> O.compare x y = 0) s then s else x :: s
end
module S = Make (IntOrd)
module T = Make (struct type t = string let compare = compare end)
module Ext = struct
  include S
  let singleton x = add x empty
end
module type HIDDEN = sig type t val make : int -> t val get : t -> int end
module Hidden : HIDDEN = struct type t = int let make x = x let get x = x end
let v = Hidden.get (Hidden.make 3)
let local =
  let module M = struct let z = 10 end in
  M.z + 1
let opened = S.(add 1 empty)
module Alias = S
module type WITHX = sig val x : int end
module Add (A : WITHX) (B : WITHX) = struct let x = A.x + B.x end
module One = struct let x = 1 end
module Two = Add (One) (One)
let three = let open Two in x + 1
