(* Result: helpers for [('a, 'e) result], OCaml 4.13's Result without
   to_seq. A value is rebuilt rather than returned through an alias pattern
   when its type parameter changes (test/stdlib/BUGS.md #3). *)

type ('a, 'e) t = ('a, 'e) result = Ok of 'a | Error of 'e

let ok x = Ok x
let error e = Error e
let fold ~ok ~error r = match r with Ok x -> ok x | Error e -> error e
let is_ok r = fold ~ok:(fun _ -> true) ~error:(fun _ -> false) r
let is_error r = not (is_ok r)
let value r ~default = fold ~ok:(fun x -> x) ~error:(fun _ -> default) r
let get_ok r = fold ~ok:(fun x -> x) ~error:(fun _ -> invalid_arg "result is Error _") r
let get_error r = fold ~ok:(fun _ -> invalid_arg "result is Ok _") ~error:(fun e -> e) r
let bind r f = fold ~ok:f ~error:(fun e -> Error e) r
let join r = bind r (fun inner -> inner)
let map f r = bind r (fun x -> Ok (f x))
let map_error f r = fold ~ok:(fun x -> Ok x) ~error:(fun e -> Error (f e)) r
let iter f r = fold ~ok:f ~error:(fun _ -> ()) r
let iter_error f r = fold ~ok:(fun _ -> ()) ~error:f r
let to_option r = fold ~ok:(fun x -> Some x) ~error:(fun _ -> None) r
let to_list r = fold ~ok:(fun x -> [x]) ~error:(fun _ -> []) r

(* Every Ok sorts before every Error. *)
let compare ~ok ~error a b =
  match a, b with
  | Ok x, Ok y -> ok x y
  | Error x, Error y -> error x y
  | Ok _, Error _ -> -1
  | Error _, Ok _ -> 1

let equal ~ok ~error a b =
  match a, b with
  | Ok x, Ok y -> ok x y
  | Error x, Error y -> error x y
  | _ -> false
