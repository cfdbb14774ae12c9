(* Core: closures over mutable state: counters, generators, memoization with arrays, objects-as-closures *)
type account = { deposit : int -> unit; withdraw : int -> bool; balance : unit -> int }

let make_account initial =
  let bal = ref initial in
  { deposit = (fun n -> bal := !bal + n);
    withdraw = (fun n -> if n <= !bal then (bal := !bal - n; true) else false);
    balance = (fun () -> !bal) }

let make_gen f =
  let state = ref 0 in
  fun () -> let v = f !state in incr state; v

let memo_fib n =
  let table = Array.make (n + 1) (-1) in
  let rec fib k =
    if k < 2 then k
    else if table.(k) >= 0 then table.(k)
    else begin
      let v = fib (k - 1) + fib (k - 2) in
      table.(k) <- v;
      v
    end
  in
  fib n

let () =
  let a = make_account 100 and b = make_account 5 in
  a.deposit 50;
  print_endline (string_of_bool (a.withdraw 120));
  print_endline (string_of_bool (a.withdraw 120));
  b.deposit 1;
  print_int (a.balance ()); print_newline ();
  print_int (b.balance ()); print_newline ();
  let squares = make_gen (fun i -> i * i) in
  let s1 = squares () in
  let s2 = squares () in
  let s3 = squares () in
  print_endline (string_of_int s1 ^ " " ^ string_of_int s2 ^ " " ^ string_of_int s3);
  let evens = make_gen (fun i -> 2 * i) in
  ignore (evens ());
  print_int (evens ()); print_newline ();
  print_int (squares ()); print_newline ();
  print_int (memo_fib 50); print_newline ();
  print_int (memo_fib 90); print_newline ();
  let log = ref [] in
  let logger prefix = fun msg -> log := (prefix ^ msg) :: !log in
  let info = logger "I:" and warn = logger "W:" in
  info "start"; warn "careful"; info "end";
  let rec print_rev = function [] -> () | x :: rest -> print_rev rest; print_endline x in
  print_rev !log;
  let fns = Array.make 3 (fun x -> x) in
  for i = 0 to 2 do fns.(i) <- (fun x -> x + i * 100) done;
  print_int (fns.(0) 1 + fns.(1) 1 + fns.(2) 1); print_newline ()
