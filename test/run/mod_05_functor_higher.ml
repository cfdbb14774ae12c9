(* Modules: higher-order functors (functor parameters), functors with state applied twice *)
module type MONOID = sig type t val zero : t val plus : t -> t -> t end
module type FOLD = functor (M : MONOID) -> sig val sum : M.t list -> M.t end

module Sum = struct type t = int let zero = 0 let plus = ( + ) end
module Prod = struct type t = int let zero = 1 let plus = ( * ) end
module Concat = struct type t = string let zero = "" let plus = ( ^ ) end

module FoldLeft (M : MONOID) = struct
  let sum l = let rec go acc = function [] -> acc | x :: r -> go (M.plus acc x) r in go M.zero l
end

module FoldRight (M : MONOID) = struct
  let rec sum = function [] -> M.zero | x :: r -> M.plus x (sum r)
end

(* takes a functor as its argument *)
module Apply (F : FOLD) (M : MONOID) = F (M)

module Twice (F : FOLD) (M : MONOID) = struct
  module Inner = F (M)
  let sum l = M.plus (Inner.sum l) (Inner.sum l)
end

module MakeCounter (X : sig end) = struct
  let n = ref 0
  let tick () = incr n; !n
end

(* each application runs the functor body, so the two counters are separate *)
module C1 = MakeCounter (struct end)
module C2 = MakeCounter (struct end)

let () =
  let module A = Apply (FoldLeft) (Sum) in
  print_int (A.sum [ 1; 2; 3; 4 ]); print_newline ();
  let module B = Apply (FoldRight) (Prod) in
  print_int (B.sum [ 1; 2; 3; 4 ]); print_newline ();
  let module L = Apply (FoldLeft) (Concat) in
  let module R = Apply (FoldRight) (Concat) in
  print_endline (L.sum [ "a"; "b"; "c" ] ^ " " ^ R.sum [ "x"; "y" ]);
  let module T = Twice (FoldRight) (Concat) in
  print_endline (T.sum [ "ab"; "c" ]);
  let module TS = Twice (FoldLeft) (Sum) in
  print_int (TS.sum [ 10; 20 ]); print_newline ();
  ignore (C1.tick ());
  ignore (C1.tick ());
  print_int (C1.tick ()); print_newline ();
  print_int (C2.tick ()); print_newline ()
