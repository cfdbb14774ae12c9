(* Modules: let module, local functor applications, modules capturing local values *)
module type COUNTER = sig val next : unit -> int val name : string end

module Make (P : sig val start : int val step : int val name : string end) : COUNTER = struct
  let cur = ref P.start
  let next () = let v = !cur in cur := v + P.step; v
  let name = P.name
end

let use_local base =
  let module C = Make (struct let start = base let step = 10 let name = "local" end) in
  let a = C.next () in
  let b = C.next () in
  let c = C.next () in
  C.name ^ ": " ^ string_of_int a ^ " " ^ string_of_int b ^ " " ^ string_of_int c

let () =
  print_endline (use_local 0);
  print_endline (use_local 5);
  let module M = struct
    let greeting = "hi from a local module"
    let shout s = s ^ "!"
  end in
  print_endline (M.shout M.greeting);
  let k = 7 in
  let module K = struct let times x = x * k end in
  print_int (K.times 6); print_newline ();
  let module Up = Make (struct let start = 100 let step = -1 let name = "down" end) in
  ignore (Up.next ());
  print_int (Up.next ()); print_newline ();
  print_endline Up.name
