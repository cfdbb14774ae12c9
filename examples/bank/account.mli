(* A bank account whose balance can only change through deposits and
   withdrawals: the representation is hidden behind the abstract type [t]. *)

type t

exception Insufficient_funds of int
(** Raised by [withdraw] with the amount that was missing. *)

val open_account : owner:string -> t
val owner : t -> string
val balance : t -> int
val deposit : t -> int -> unit
val withdraw : t -> int -> unit
