(* Core: labelled arguments, punning, optional arguments with and without defaults, omission, commuting labels *)
let sub ~from ~amount = from - amount
let greet ?(greeting = "Hello") ?punct name =
  let p = match punct with None -> "." | Some p -> p in
  greeting ^ ", " ^ name ^ p
let range ?(step = 1) ~lo ~hi () =
  let rec go i acc = if i > hi then acc else go (i + step) (acc ^ " " ^ string_of_int i) in
  go lo ""
let apply ~f x = f x
let scale ?(factor = 2) x = x * factor
let describe ?label v =
  match label with Some l -> l ^ "=" ^ string_of_int v | None -> string_of_int v

let () =
  print_int (sub ~from:10 ~amount:3); print_newline ();
  print_int (sub ~amount:3 ~from:10); print_newline ();
  let from = 50 and amount = 8 in
  print_int (sub ~from ~amount); print_newline ();
  let partial = sub ~amount:1 in
  print_int (partial ~from:100); print_newline ();
  print_endline (greet "Ann");
  print_endline (greet ~greeting:"Hi" "Bob");
  print_endline (greet ~punct:"!" "Cid");
  print_endline (greet ~punct:"?" ~greeting:"Yo" "Dee");
  let punct = "!!" in
  print_endline (greet ~punct "Eve");
  let opt = Some "..." in
  print_endline (greet ?punct:opt "Fay");
  print_endline (greet ?punct:None ?greeting:(Some "Hey") "Gus");
  print_endline (range ~lo:1 ~hi:5 ());
  print_endline (range ~hi:10 ~lo:0 ~step:3 ());
  print_endline (range ~step:2 ~lo:1 ~hi:9 ());
  print_int (apply ~f:(fun x -> x * x) 7); print_newline ();
  print_int (apply 7 ~f:succ); print_newline ();
  print_int (scale 5); print_newline ();
  print_int (scale ~factor:10 5); print_newline ();
  let f = scale ~factor:3 in
  print_int (f 4); print_newline ();
  print_endline (describe 5);
  print_endline (describe ~label:"x" 5);
  let map_pair ~f (a, b) = (f a, f b) in
  let a, b = map_pair ~f:(scale ~factor:4) (1, 2) in
  print_int (a + b); print_newline ();
  let g ~x ~y = x - y in
  let h = g ~y:1 in
  print_int (h ~x:10); print_newline ()
