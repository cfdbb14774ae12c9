(* Visits counted by page name. A count only grows, one visit at a time:
   the type [t] is abstract, so [hit] is the only way to change one. *)

type t
(** The counts of a site. *)

val create : unit -> t
(** [create ()] is a tally with no visits. *)

val hit : t -> string -> int
(** [hit t page] counts one visit of [page] and returns its new count. *)

val count : t -> string -> int
(** [count t page] is the number of visits of [page] so far. *)

val pages : t -> (string * int) list
(** [pages t] is every visited page with its count, sorted by name. *)
