module type STACK = sig
  type 'a t
  val empty : 'a t
  val push : 'a -> 'a t -> 'a t

module Stack : STACK = struct
  type 'a t = 'a list
  let empty = []
  let push x s = x :: s
end
