(* Core: fst, snd, failwith, invalid_arg, incr, decr, |>, @@, ignore, @, succ/pred *)
let double x = x * 2
let square x = x * x

let rec show_items = function
  | [] -> ""
  | [ x ] -> string_of_int x
  | x :: rest -> string_of_int x ^ ";" ^ show_items rest

let show l = "[" ^ show_items l ^ "]"

let rec map f = function [] -> [] | x :: rest -> let y = f x in y :: map f rest
let rec filter p = function [] -> [] | x :: rest -> if p x then x :: filter p rest else filter p rest
let rec fold f acc = function [] -> acc | x :: rest -> fold f (f acc x) rest

let checked_sqrt n = if n < 0 then invalid_arg "checked_sqrt" else truncate (sqrt (float_of_int n))
let parse_digit c = if c >= '0' && c <= '9' then Char.code c - 48 else failwith "not a digit"

let () =
  let p = (3, "three") in
  print_int (fst p); print_newline ();
  print_endline (snd p);
  print_int (fst (snd (1, (2, 3)))); print_newline ();
  print_int (5 |> double |> square); print_newline ();
  print_int (square @@ double @@ 5); print_newline ();
  print_endline ([ 1; 2; 3 ] |> map double |> filter (fun x -> x > 2) |> show);
  print_endline (show ([ 1; 2 ] @ [ 3 ] @ [] @ [ 4; 5 ]));
  print_endline (show ([] @ []));
  print_int (fold ( + ) 0 ([ 1; 2; 3 ] @ [ 4 ])); print_newline ();
  ignore (double 4);
  ignore "discarded";
  let r = ref 10 in
  incr r; incr r; decr r;
  print_int !r; print_newline ();
  print_int (succ 9 + pred 1); print_newline ();
  print_int (checked_sqrt 50); print_newline ();
  (try ignore (checked_sqrt (-4)) with Invalid_argument m -> print_endline ("Invalid_argument " ^ m));
  print_int (parse_digit '7'); print_newline ();
  (try ignore (parse_digit 'x') with Failure m -> print_endline ("Failure " ^ m));
  print_endline (string_of_bool (not (fst (true, false))));
  let swap (a, b) = (b, a) in
  print_endline (snd (swap ("left", "right")) ^ fst (swap ("left", "right")));
  print_endline (show (map (fun x -> x - 1) [ 10; 20 ] @ [ 0 ]))
