(* Slice: closures capturing several variables, closures stored and called later *)
let make_line slope intercept = fun x -> slope * x + intercept

let make_formatter prefix suffix width =
  fun n ->
    let s = string_of_int n in
    let pad = if n < width then "." else "" in
    prefix ^ pad ^ s ^ suffix

let make_pair_fns a b c =
  let sum = a + b + c in
  let f x = x + sum in
  let g x = x * a - b + c in
  (f, g)

let () =
  let l1 = make_line 2 3 in
  let l2 = make_line (-1) 100 in
  print_int (l1 10); print_newline ();
  print_int (l2 10); print_newline ();
  print_int (l1 (l2 1)); print_newline ();
  let fmt = make_formatter "[" "]" 3 in
  print_endline (fmt 7);
  print_endline (fmt 12345);
  print_endline (fmt 2);
  let f, g = make_pair_fns 2 3 4 in
  print_int (f 1); print_newline ();
  print_int (g 5); print_newline ();
  let base = 1000 in
  let label = "total" in
  let scale = 3 in
  let report x = print_endline (label ^ ": " ^ string_of_int (base + x * scale)) in
  report 1;
  report 10;
  let rec build n acc =
    if n = 0 then acc
    else build (n - 1) (fun x -> acc x + n)
  in
  let summer = build 10 (fun x -> x) in
  print_int (summer 0); print_newline ();
  let outer = 5 in
  let mk y = let z = y * outer in fun w -> w + y + z + outer in
  let c = mk 2 in
  print_int (c 100); print_newline ()
