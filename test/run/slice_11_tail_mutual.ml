(* Slice: 10,000,000 iterations through mutual tail recursion and through closures *)
let rec ping n acc = if n = 0 then acc else pong (n - 1) (acc + 1)
and pong n acc = if n = 0 then acc else ping (n - 1) (acc + 2)

(* the tail call goes through a function value, not a known function *)
let rec run f n acc = if n = 0 then acc else f (n - 1) (acc + 1)

let step = fun n acc -> run (fun n acc -> n + acc) n acc

let rec via_closure (k : int -> int -> int) n acc =
  if n = 0 then acc else k (n - 1) (acc + 3)

let rec trampoline n acc = via_closure trampoline n acc

let () =
  print_int (ping 10_000_000 0); print_newline ();
  print_int (ping 9_999_999 0); print_newline ();
  print_int (step 10 5); print_newline ();
  print_int (trampoline 10_000_000 0); print_newline ();
  let g = fun self n acc -> if n = 0 then acc else self (n - 1) (acc + n mod 2) in
  let rec fix n acc = g fix n acc in
  print_int (fix 10_000_000 0); print_newline ();
  print_endline "done"
