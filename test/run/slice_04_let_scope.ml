(* Slice: let bindings, nesting, shadowing, simultaneous let ... and, toplevel values *)
let x = 10
let y = x * 2
let x = x + 1

let f a =
  let b = a + 1 in
  let c = b * 2 in
  let b = c + b in
  b

let () =
  print_int x; print_newline ();
  print_int y; print_newline ();
  print_int (f 5); print_newline ();
  let x = 100 in
  let y = x + y in
  print_int y; print_newline ();
  (* let ... and binds simultaneously: the right sides see the outer x *)
  let x = 1 and z = x + 1 in
  print_int x; print_newline ();
  print_int z; print_newline ();
  let s =
    let inner = "in" in
    let outer = "out" in
    inner ^ "/" ^ outer
  in
  print_endline s;
  let _ = 99 in
  let () = print_endline "unit binding" in
  let a, b = 3, 4 in
  print_int (a * b); print_newline ()
