(* Core: records, field access, functional update, mutable fields, record patterns, punning *)
type point = { x : int; y : int }
type person = { name : string; age : int; email : string }
type account = { owner : string; mutable balance : int; mutable history : int list }
type counter = { mutable count : int; step : int }

let move p dx dy = { x = p.x + dx; y = p.y + dy }
let show_point { x; y } = "(" ^ string_of_int x ^ ", " ^ string_of_int y ^ ")"
let older p = { p with age = p.age + 1 }

let deposit acc amount =
  acc.balance <- acc.balance + amount;
  acc.history <- amount :: acc.history

let rec show_list = function
  | [] -> ""
  | [ x ] -> string_of_int x
  | x :: rest -> string_of_int x ^ ";" ^ show_list rest

let () =
  let p = { x = 1; y = 2 } in
  let q = move p 10 20 in
  print_endline (show_point p);
  print_endline (show_point q);
  print_endline (show_point { y = 7; x = 8 });
  let alice = { name = "Alice"; age = 30; email = "a@x.org" } in
  let alice2 = older (older alice) in
  print_endline (alice.name ^ " " ^ string_of_int alice.age);
  print_endline (alice2.name ^ " " ^ string_of_int alice2.age ^ " " ^ alice2.email);
  let { name; age = years; _ } = alice2 in
  print_endline (name ^ " is " ^ string_of_int years);
  let acc = { owner = "bob"; balance = 100; history = [] } in
  deposit acc 50;
  deposit acc (-30);
  deposit acc 5;
  print_endline (acc.owner ^ ": " ^ string_of_int acc.balance ^ " [" ^ show_list acc.history ^ "]");
  let alias = acc in
  alias.balance <- 0;
  print_int acc.balance; print_newline ();
  let c = { count = 0; step = 3 } in
  for _ = 1 to 5 do c.count <- c.count + c.step done;
  print_int c.count; print_newline ();
  let c2 = { c with step = 10 } in
  c2.count <- 1;
  print_int c.count; print_newline ();
  print_int c2.count; print_newline ();
  print_endline (if p = { x = 1; y = 2 } then "records equal" else "differ");
  print_endline (if p = q then "same" else "records differ");
  let describe = function
    | { x = 0; y = 0 } -> "origin"
    | { x = 0; _ } -> "on y axis"
    | { y = 0; _ } -> "on x axis"
    | { x; y } when x = y -> "diagonal"
    | _ -> "elsewhere"
  in
  print_endline (describe { x = 0; y = 0 });
  print_endline (describe { x = 0; y = 5 });
  print_endline (describe { x = 5; y = 0 });
  print_endline (describe { x = 4; y = 4 });
  print_endline (describe { x = 1; y = 9 })
