(* Visits counted by page name. *)

type t = { mutable counts : (string * int) list }

let create () = { counts = [] }

let count t page = match List.assoc_opt page t.counts with Some n -> n | None -> 0

let hit t page =
  let n = count t page + 1 in
  t.counts <- (page, n) :: List.remove_assoc page t.counts;
  n

let pages t = List.sort compare t.counts
