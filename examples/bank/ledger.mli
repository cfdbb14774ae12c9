(* A ledger of accounts by owner, built on Account's interface only. *)

type t

val create : unit -> t
val account : t -> string -> Account.t
val transfer : t -> from:string -> to_:string -> int -> (unit, string) result
val report : t -> string list
