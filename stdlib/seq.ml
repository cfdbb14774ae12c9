(* Seq: on-demand sequences, with OCaml 4.13's Seq interface.

   A sequence is a function that, applied to (), computes its first node: the
   end, or an element and the sequence of the rest. Nothing is computed before
   it is asked for, and each combinator here keeps that: it returns a function
   that does its work only when its own first node is asked for, and then
   forces no more of its arguments than that one node needs. A sequence is
   recomputed each time it is traversed. *)

type 'a t = unit -> 'a node

and +'a node =
  | Nil
  | Cons of 'a * 'a t

let empty () = Nil
let return x () = Cons (x, empty)
let cons x rest () = Cons (x, rest)

let rec unfold step state () =
  match step state with
  | None -> Nil
  | Some (x, next) -> Cons (x, unfold step next)

let rec append s tail () =
  match s () with
  | Nil -> tail ()
  | Cons (x, rest) -> Cons (x, append rest tail)

(* The general transformer: elements mapped to None are skipped, which may
   force several nodes of [s] to produce one node of the result. *)
let rec filter_map f s () =
  match s () with
  | Nil -> Nil
  | Cons (x, rest) ->
    match f x with
    | None -> filter_map f rest ()
    | Some y -> Cons (y, filter_map f rest)

let map f s = filter_map (fun x -> Some (f x)) s
let filter p s = filter_map (fun x -> if p x then Some x else None) s

let rec concat ss () =
  match ss () with
  | Nil -> Nil
  | Cons (s, rest) -> append s (concat rest) ()

let flat_map f s = concat (map f s)
let concat_map = flat_map

let rec fold_left f acc s =
  match s () with
  | Nil -> acc
  | Cons (x, rest) -> fold_left f (f acc x) rest

let iter (f : 'a -> unit) s = fold_left (fun () x -> f x) () s
