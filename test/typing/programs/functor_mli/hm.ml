module type HashedType = sig type t val hash : t -> int end
module type S = sig type key type 'a t val create : int -> 'a t val add : 'a t -> key -> 'a -> unit end
module Make (H : HashedType) = struct
  type key = H.t
  type 'a t = (key * 'a) list ref
  let create _ = ref []
  let add t k v = ignore (H.hash k); t := (k, v) :: !t
end
