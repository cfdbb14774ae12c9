(* Option: helpers for ['a option], OCaml 4.13's Option without to_seq. *)

type 'a t = 'a option = None | Some of 'a

let none = None
let some x = Some x
let is_none o = match o with None -> true | Some _ -> false
let is_some o = not (is_none o)
let fold ~none ~some o = match o with None -> none | Some x -> some x
let value o ~default = fold ~none:default ~some:(fun x -> x) o
let get o = match o with None -> invalid_arg "option is None" | Some x -> x
let bind o f = fold ~none:None ~some:f o
let join o = bind o (fun inner -> inner)
let map f o = fold ~none:None ~some:(fun x -> Some (f x)) o
let iter f o = fold ~none:() ~some:f o
let to_list o = fold ~none:[] ~some:(fun x -> [x]) o
let to_result ~none o = fold ~none:(Error none) ~some:(fun x -> Ok x) o

(* None counts as smaller than any Some. *)
let compare cmp a b =
  match a, b with
  | None, None -> 0
  | None, Some _ -> -1
  | Some _, None -> 1
  | Some x, Some y -> cmp x y

let equal eq a b =
  match a, b with
  | None, None -> true
  | Some x, Some y -> eq x y
  | _ -> false

let to_seq o : _ Seq.t = match o with None -> Seq.empty | Some x -> Seq.return x
