(* Modules: structures, nested modules, qualified access, module-level state, shadowing *)
module Counter = struct
  let count = ref 0
  let next () = incr count; !count
  let reset () = count := 0
end

module Geometry = struct
  type point = { x : int; y : int }
  let origin = { x = 0; y = 0 }
  let manhattan a b = abs (a.x - b.x) + abs (a.y - b.y)
  module Shapes = struct
    type shape = Square of int | Rect of int * int
    let area = function Square s -> s * s | Rect (w, h) -> w * h
    let name = function Square _ -> "square" | Rect _ -> "rect"
  end
  let describe s = Shapes.name s ^ " of area " ^ string_of_int (Shapes.area s)
end

module Strings = struct
  let twice s = s ^ s
  let length = String.length
  let exclaim s = s ^ "!"
end

let x = 1
module Shadow = struct
  let x = x + 10
  let y = x * 2
end

let () =
  print_int (Counter.next ()); print_newline ();
  print_int (Counter.next ()); print_newline ();
  Counter.reset ();
  print_int (Counter.next ()); print_newline ();
  let p = { Geometry.x = 3; y = 4 } in
  print_int (Geometry.manhattan Geometry.origin p); print_newline ();
  print_int p.Geometry.x; print_newline ();
  print_endline (Geometry.describe (Geometry.Shapes.Square 5));
  print_endline (Geometry.describe (Geometry.Shapes.Rect (2, 7)));
  print_endline (Strings.exclaim (Strings.twice "ab"));
  print_int (Strings.length "four"); print_newline ();
  print_int Shadow.x; print_newline ();
  print_int Shadow.y; print_newline ();
  print_int x; print_newline ();
  let open Geometry.Shapes in
  print_int (area (Rect (3, 3))); print_newline ()
