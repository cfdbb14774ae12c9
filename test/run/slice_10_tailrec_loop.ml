(* Slice: a direct self tail call running 10,000,000 iterations in constant stack *)
let rec loop i acc =
  if i = 0 then acc else loop (i - 1) (acc + i mod 7)

let rec count_up i n acc =
  if i >= n then acc
  else count_up (i + 1) n (if i mod 3 = 0 then acc + 1 else acc)

let sum_to n =
  let rec go i acc = if i > n then acc else go (i + 1) (acc + i) in
  go 1 0

let () =
  print_int (loop 10_000_000 0); print_newline ();
  print_int (count_up 0 10_000_000 0); print_newline ();
  print_int (sum_to 10_000_000); print_newline ();
  print_endline "done"
