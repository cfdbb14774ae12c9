(* Stack: mutable last-in first-out containers, with OCaml 4.13's Stack
   interface (without the Seq conversions).

   A stack is an immutable list, top first, in a mutable field; its length is
   kept beside it so that [length] takes constant time. Since the list is
   never changed in place, [copy] can share it. *)

type 'a t = { mutable c : 'a list; mutable len : int }

exception Empty

let create () = { c = []; len = 0 }
let clear s = s.c <- []; s.len <- 0
let copy s = { c = s.c; len = s.len }
let is_empty s = s.c = []
let length s = s.len

let push x s = s.c <- x :: s.c; s.len <- s.len + 1

let pop_opt s =
  match s.c with
  | [] -> None
  | x :: rest -> s.c <- rest; s.len <- s.len - 1; Some x

let top_opt s = match s.c with [] -> None | x :: _ -> Some x

let pop s = match pop_opt s with Some x -> x | None -> raise Empty
let top s = match s.c with [] -> raise Empty | x :: _ -> x

(* From the top down. *)
let iter f s = List.iter f s.c
let fold f acc s = List.fold_left f acc s.c

(** The signature of a network stack, the same as {!Net.S}.

    OCaml's [Stack] is the LIFO container above; MirageOS also uses the word
    for the TCP/IP stack a unikernel is given, and services are commonly
    written [module Main (S : Stack.S) = ...]. This name lets such code be
    written here unchanged; it adds nothing to the container. *)
module type S = Net.S

(* From the top down. *)
let to_seq s = List.to_seq s.c
let add_seq s xs = Seq.iter (fun x -> push x s) xs
let of_seq xs = let s = create () in add_seq s xs; s
