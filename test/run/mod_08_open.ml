(* Modules: open, let open, M.(e), local opens shadowing, open of nested modules *)
module Vec = struct
  type t = { x : int; y : int }
  let make x y = { x; y }
  let ( + ) a b = { x = a.x + b.x; y = a.y + b.y }
  let ( * ) k a = { x = k * a.x; y = k * a.y }
  let to_string v = "<" ^ string_of_int v.x ^ "," ^ string_of_int v.y ^ ">"
  let zero = { x = 0; y = 0 }
end

module Config = struct
  let name = "config"
  module Limits = struct
    let max_items = 10
    let name = "limits"
  end
end

let name = "toplevel"

let () =
  let v = Vec.(make 1 2 + 3 * make 1 1) in
  print_endline (Vec.to_string v);
  print_int (1 + 2 * 3); print_newline ();
  let w =
    let open Vec in
    zero + make 5 5 + 2 * make (-1) 0
  in
  print_endline (Vec.to_string w);
  print_int (2 + 2); print_newline ();
  print_endline name;
  print_endline Config.(name ^ "/" ^ Limits.name);
  print_endline (let open Config.Limits in name ^ " " ^ string_of_int max_items);
  print_endline name;
  let open Config in
  print_endline (name ^ " " ^ string_of_int Limits.max_items)

open Vec
let total = make 10 20 + zero
let () = print_endline (to_string total)
