(* Modules: with type constraints exposing an abstract type, functor results constrained with with type *)
module type CONTAINER = sig
  type elt
  type t
  val empty : t
  val add : elt -> t -> t
  val to_list : t -> elt list
end

module type ELT = sig type t end

module Bag (E : ELT) : CONTAINER with type elt = E.t = struct
  type elt = E.t
  type t = elt list
  let empty = []
  let add x l = x :: l
  let to_list l = l
end

module IntBag = Bag (struct type t = int end)
module StrBag = Bag (struct type t = string end)

module type ID = sig type t val make : int -> t val get : t -> int end
module Id : ID with type t = int = struct type t = int let make x = x let get x = x end
module OpaqueId : ID = Id

let rec sum = function [] -> 0 | x :: r -> x + sum r
let rec join = function [] -> "" | [ x ] -> x | x :: r -> x ^ "+" ^ join r

let () =
  let b = IntBag.add 3 (IntBag.add 4 IntBag.empty) in
  print_int (sum (IntBag.to_list b)); print_newline ();
  let s = StrBag.add "x" (StrBag.add "y" StrBag.empty) in
  print_endline (join (StrBag.to_list s));
  (* Id.t is known to be int, so plain ints flow in and out *)
  print_int (Id.make 5 + 1); print_newline ();
  print_int (OpaqueId.get (OpaqueId.make 41) + 1); print_newline ()
