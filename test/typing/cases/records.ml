(* Records and variants: disambiguation, with, inline records, mutable fields *)
type p = { x : int; y : int }
type q = { x : float; z : string }
let get_x (r : p) = r.x
let last_x r = r.x
let mk_p = { x = 1; y = 2 }
let move p = { p with y = p.y + 1 }
type shape = Circle of { r : float } | Rect of { w : float; h : float } | Empty
let area = function Circle { r } -> r *. r | Rect { w; h } -> w *. h | Empty -> 0.
type 'a tree = Leaf | Node of 'a tree * 'a * 'a tree
let rec size = function Leaf -> 0 | Node (l, _, r) -> size l + 1 + size r
type counter = { mutable count : int; name : string }
let bump c = c.count <- c.count + 1; c
exception Bad of string * int
exception Empty_list
let head = function [] -> raise Empty_list | x :: _ -> x
let safe f x = try Some (f x) with Bad (_, _) | Empty_list -> None
let classify c = match c with 'a' .. 'z' -> 1 | 'A' .. 'Z' -> 2 | _ -> 3
let rec alias = function (x :: _ as l) -> l @ [ x ] | [] -> []
