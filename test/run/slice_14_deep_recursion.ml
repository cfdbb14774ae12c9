(* Slice: non-tail recursion to moderate depth (10,000 frames) *)
let rec sum n = if n = 0 then 0 else n + sum (n - 1)
let rec build n = if n = 0 then "" else build (n - 1) ^ (if n mod 1000 = 0 then "|" else "")
let rec ackermann m n =
  if m = 0 then n + 1
  else if n = 0 then ackermann (m - 1) 1
  else ackermann (m - 1) (ackermann m (n - 1))

let rec hanoi n from to_ via =
  if n = 0 then 0
  else hanoi (n - 1) from via to_ + 1 + hanoi (n - 1) via to_ from

let () =
  print_int (sum 10_000); print_newline ();
  print_endline (build 10_000);
  print_int (ackermann 2 3); print_newline ();
  print_int (ackermann 3 3); print_newline ();
  print_int (hanoi 10 1 3 2); print_newline ();
  print_int (hanoi 16 1 3 2); print_newline ()
