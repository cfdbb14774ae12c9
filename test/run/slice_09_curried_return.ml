(* Slice: curried functions returned from functions, functions choosing functions *)
let adder n = fun a b -> a + b + n
let choose op =
  if op = "add" then (fun a b -> a + b)
  else if op = "sub" then (fun a b -> a - b)
  else if op = "mul" then (fun a b -> a * b)
  else (fun _ _ -> 0)

let flip f = fun a b -> f b a
let curry3 f = fun a -> fun b -> fun c -> f a b c
let pipeline f g = fun a b -> g (f a b)

let () =
  let a5 = adder 5 in
  print_int (a5 1 2); print_newline ();
  print_int (adder 10 20 30); print_newline ();
  print_int (choose "add" 7 3); print_newline ();
  print_int (choose "sub" 7 3); print_newline ();
  print_int (choose "mul" 7 3); print_newline ();
  print_int (choose "???" 7 3); print_newline ();
  print_int (flip (choose "sub") 7 3); print_newline ();
  let sub_from_100 = choose "sub" 100 in
  print_int (sub_from_100 1); print_newline ();
  let c = curry3 (fun x y z -> x * y - z) in
  print_int (c 3 4 5); print_newline ();
  let c34 = c 3 4 in
  print_int (c34 2); print_newline ();
  let p = pipeline (choose "mul") (fun x -> "result " ^ string_of_int x) in
  print_endline (p 6 7);
  let q = pipeline (flip (fun s n -> s ^ string_of_int n)) (fun s -> s ^ "!") in
  print_endline (q 9 "n=");
  let make_counter_fn start = fun step -> fun times -> start + step * times in
  let from10 = make_counter_fn 10 in
  let by3 = from10 3 in
  print_int (by3 4); print_newline ();
  print_int (make_counter_fn 0 7 6); print_newline ()
