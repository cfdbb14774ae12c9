module type HashedType = sig type t val hash : t -> int end
module type S = sig type key type 'a t val create : int -> 'a t val add : 'a t -> key -> 'a -> unit end
module Make (H : HashedType) : S with type key = H.t
