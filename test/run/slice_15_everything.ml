(* Slice: every slice feature in one program *)
let greeting = "hi"
let rec fact n = if n <= 1 then 1 else n * fact (n - 1)
let rec even n = if n = 0 then true else odd (n - 1)
and odd n = if n = 0 then false else even (n - 1)

let add3 a b c = a + b + c
let make_scaler k offset = fun x -> k * x + offset
let apply f x = f x

let describe n =
  let parity = if even (abs n) then "even" else "odd" in
  let sign = if n > 0 then "positive" else if n < 0 then "negative" else "zero" in
  string_of_int n ^ " is " ^ parity ^ " and " ^ sign

let () =
  print_string greeting;
  print_newline ();
  print_int (fact 6);
  print_newline ();
  print_endline (describe 10);
  print_endline (describe (-3));
  print_endline (describe 0);
  let p = add3 1 in
  let q = p 2 in
  print_int (q 3);
  print_newline ();
  let s = make_scaler 3 (-1) in
  print_int (apply s 5);
  print_newline ();
  let b = 17 > 4 && not (3 = 4) || false in
  print_endline (if b then "logic ok" else "logic broken");
  print_endline (string_of_int (17 / 3) ^ " r " ^ string_of_int (17 mod 3));
  let unit_value = () in
  let () = unit_value in
  let rec loop i acc = if i = 0 then acc else loop (i - 1) (acc ^ string_of_int i) in
  print_endline (loop 9 "");
  let counter = fun start -> fun step -> start + step in
  print_int (counter 40 2);
  print_newline ();
  print_endline (greeting ^ ", " ^ "bye")
