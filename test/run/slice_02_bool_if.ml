(* Slice: booleans, &&, ||, not, if/else chains, comparisons producing bools *)
let say b = if b then print_endline "true" else print_endline "false"

let classify n =
  if n < 0 then "negative"
  else if n = 0 then "zero"
  else if n < 10 then "small"
  else if n < 100 then "medium"
  else "large"

let () =
  say true;
  say false;
  say (not true);
  say (true && false);
  say (true || false);
  say (false || false);
  say (not (1 < 2) || 3 >= 3);
  say (1 = 1 && 2 <> 3);
  say (3 > 2 && 2 > 1 && 1 > 0);
  say (5 <= 4);
  say (true = true);
  say (false < true);
  say (true <> false);
  print_endline (classify (-5));
  print_endline (classify 0);
  print_endline (classify 7);
  print_endline (classify 42);
  print_endline (classify 4200);
  (* && and || short-circuit: the right side would fail *)
  say (false && 1 / 0 = 0);
  say (true || 1 / 0 = 0);
  let x = 15 in
  if x mod 3 = 0 && x mod 5 = 0 then print_endline "fizzbuzz";
  if x > 100 then print_endline "never";
  print_endline (if x > 10 then "big" else "small")
