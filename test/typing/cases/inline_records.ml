(* A variable bound to an inline record: usable for field access, assignment
   and rebuilding its constructor. *)
type 'a t = Cons of { mutable next : int; v : 'a } | Nil
exception E of { mutable x : int; y : string }

let bump = function Cons c -> c.next <- c.next + 1 | Nil -> ()
let get = function Cons c -> c.next | Nil -> -1
let same x = match x with Cons c -> Cons c | Nil -> Nil
let copy x = match x with Cons c -> Cons { c with next = 7 } | Nil -> Nil
let value = function Cons ({ v; _ } as c) -> (v, c.next) | Nil -> raise Not_found
let catch f = try f () with E r -> r.x <- r.x + 1; r.y
let reraise f = try f () with E r -> raise (E r)
