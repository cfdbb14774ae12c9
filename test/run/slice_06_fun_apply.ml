(* Slice: fun expressions, application, higher-order functions, functions as values *)
let twice f x = f (f x)
let compose f g x = f (g x)
let apply_n n f x =
  let rec go i acc = if i = 0 then acc else go (i - 1) (f acc) in
  go n x

let add = fun a b -> a + b
let square = fun x -> x * x
let inc x = x + 1

let () =
  print_int (add 3 4); print_newline ();
  print_int (square 9); print_newline ();
  print_int (twice inc 10); print_newline ();
  print_int (twice square 3); print_newline ();
  print_int (twice (twice square) 2); print_newline ();
  print_int (compose inc square 5); print_newline ();
  print_int (compose square inc 5); print_newline ();
  print_int (apply_n 10 (fun x -> x * 2) 1); print_newline ();
  print_int ((fun x y z -> x * 100 + y * 10 + z) 1 2 3); print_newline ();
  print_endline ((fun s -> s ^ s) "ab");
  let pick b = if b then inc else square in
  print_int (pick true 7); print_newline ();
  print_int (pick false 7); print_newline ();
  let fs = (fun x -> x + 1), (fun x -> x * 10) in
  let f, g = fs in
  print_int (f (g 4)); print_newline ();
  print_endline (twice (fun s -> "<" ^ s ^ ">") "x");
  let id x = x in
  print_int (id 5); print_newline ();
  print_endline (id "poly");
  print_int (apply_n 3 (compose inc inc) 0); print_newline ()
