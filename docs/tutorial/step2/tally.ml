(* Visits counted by page name, in a map from names to counts. *)

module Pages = Map.Make (String)

type t = { mutable counts : int Pages.t }

let create () = { counts = Pages.empty }

let count t page = Option.value (Pages.find_opt page t.counts) ~default:0

let hit t page =
  let n = count t page + 1 in
  t.counts <- Pages.add page n t.counts;
  n

let pages t = Pages.bindings t.counts
