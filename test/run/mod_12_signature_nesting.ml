(* Modules: signatures with nested modules and module types, functor signatures, type sharing across modules *)
module type SHAPE = sig
  type t
  val area : t -> int
  val name : string
end

module type LIBRARY = sig
  module Square : SHAPE with type t = int
  module Rect : SHAPE with type t = int * int
  module type S = SHAPE
  val total : int list -> int
end

module Lib : LIBRARY = struct
  module type S = SHAPE
  module Square = struct type t = int let area s = s * s let name = "square" end
  module Rect = struct type t = int * int let area (w, h) = w * h let name = "rect" end
  let total l = let rec go = function [] -> 0 | x :: r -> x + go r in go l
end

module Describe (S : Lib.S) = struct
  let describe x = S.name ^ " with area " ^ string_of_int (S.area x)
end

module DS = Describe (Lib.Square)
module DR = Describe (Lib.Rect)

module type MAKER = functor (S : SHAPE) -> sig val double_area : S.t -> int end
module Doubler : MAKER = functor (S : SHAPE) -> struct let double_area x = 2 * S.area x end
module DD = Doubler (Lib.Rect)

let () =
  print_endline (DS.describe 4);
  print_endline (DR.describe (2, 9));
  print_int (Lib.total [ Lib.Square.area 3; Lib.Rect.area (1, 2) ]); print_newline ();
  print_int (DD.double_area (5, 5)); print_newline ()
