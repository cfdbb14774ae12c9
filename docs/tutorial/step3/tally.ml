(* Visits counted by page name, kept in any store that has [get] and [set].
   Each page's count is the value of the key that is its name, in decimal. *)

(** What the tally needs of a store. Kv.RW has these two functions (and
    more), so any Kv.RW store will do. *)
module type STORE = sig
  type t

  val get : t -> string -> (string, Kv.error) result Promise.t
  val set : t -> string -> string -> (unit, Kv.error) result Promise.t
end

module Make (Store : STORE) : sig
  val hit : Store.t -> string -> int Promise.t
  (** [hit store page] counts one visit of [page]; resolves with its new count. *)

  val count : Store.t -> string -> int Promise.t
  (** [count store page] is the number of visits of [page] so far. *)
end = struct
  let fail e = Promise.fail_with ("tally: " ^ Kv.pp_error e)

  let count store page =
    Promise.bind (Store.get store page) (function
      | Ok text -> Promise.return (int_of_string text)
      | Error (Kv.Not_found _) -> Promise.return 0
      | Error e -> fail e)

  let hit store page =
    let open Promise.Syntax in
    let* n = count store page in
    let* r = Store.set store page (string_of_int (n + 1)) in
    match r with
    | Ok () -> Promise.return (n + 1)
    | Error e -> fail e
end
