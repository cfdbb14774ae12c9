(* Either: a value of one of two types, OCaml 4.13's Either. A value is
   rebuilt rather than returned through an alias pattern when its type
   changes (test/stdlib/BUGS.md #3). *)

type ('a, 'b) t = Left of 'a | Right of 'b

let left x = Left x
let right x = Right x

(* Everything else is a case analysis, so it is all said with [fold]. *)
let fold ~left ~right e = match e with Left a -> left a | Right b -> right b

let is_left e = fold ~left:(fun _ -> true) ~right:(fun _ -> false) e
let is_right e = not (is_left e)
let find_left e = fold ~left:(fun a -> Some a) ~right:(fun _ -> None) e
let find_right e = fold ~left:(fun _ -> None) ~right:(fun b -> Some b) e
let map ~left ~right e = fold ~left:(fun a -> Left (left a)) ~right:(fun b -> Right (right b)) e
let map_left f e = map ~left:f ~right:(fun b -> b) e
let map_right f e = map ~left:(fun a -> a) ~right:f e
let iter ~(left : 'a -> unit) ~(right : 'b -> unit) e = fold ~left ~right e
let for_all = fold

(* Every Left sorts before every Right. *)
let compare ~left ~right a b =
  match a, b with
  | Left x, Left y -> left x y
  | Right x, Right y -> right x y
  | Left _, Right _ -> -1
  | Right _, Left _ -> 1

let equal ~left ~right a b =
  match a, b with
  | Left x, Left y -> left x y
  | Right x, Right y -> right x y
  | _ -> false
