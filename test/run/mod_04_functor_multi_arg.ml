(* Modules: multi-argument functors, functors returning functors, sealing the result *)
module type SHOW = sig type t val show : t -> string end
module type PAIR = sig type a type b val show : a * b -> string val swap_show : b * a -> string end

module ShowInt = struct type t = int let show = string_of_int end
module ShowBool = struct type t = bool let show b = if b then "yes" else "no" end
module ShowStr = struct type t = string let show s = "'" ^ s ^ "'" end

module Pair (A : SHOW) (B : SHOW) = struct
  type a = A.t
  type b = B.t
  let show (x, y) = "(" ^ A.show x ^ ", " ^ B.show y ^ ")"
  let swap_show (y, x) = "<" ^ B.show y ^ " | " ^ A.show x ^ ">"
end

module ListOf (E : SHOW) : SHOW with type t = E.t list = struct
  type t = E.t list
  let show l =
    let rec go = function [] -> "" | [ x ] -> E.show x | x :: r -> E.show x ^ "; " ^ go r in
    "[" ^ go l ^ "]"
end

module Triple (A : SHOW) (B : SHOW) (C : SHOW) = struct
  module AB = Pair (A) (B)
  let show (a, b, c) = AB.show (a, b) ^ " & " ^ C.show c
end

module IB = Pair (ShowInt) (ShowBool)
module SI = Pair (ShowStr) (ShowInt)
module LL = ListOf (ListOf (ShowInt))
module T = Triple (ShowInt) (ShowStr) (ListOf (ShowBool))

let () =
  print_endline (IB.show (1, true));
  print_endline (IB.swap_show (false, 2));
  print_endline (SI.show ("x", 10));
  print_endline (LL.show [ [ 1; 2 ]; []; [ 3 ] ]);
  print_endline (T.show (7, "seven", [ true; false ]));
  let module P = Pair (ListOf (ShowStr)) (ShowInt) in
  print_endline (P.show ([ "a"; "b" ], 3))
