(* Core: refs (ref, !, :=, incr, decr), while loops, for loops up and down, nested loops *)
let () =
  let r = ref 0 in
  r := !r + 5;
  incr r;
  incr r;
  decr r;
  print_int !r; print_newline ();
  let total = ref 0 in
  for i = 1 to 100 do total := !total + i done;
  print_int !total; print_newline ();
  for i = 5 downto 1 do print_int i; print_string " " done;
  print_newline ();
  for i = 3 to 1 do print_int i done;
  print_endline "empty for ok";
  let n = ref 27 and steps = ref 0 in
  while !n <> 1 do
    n := (if !n mod 2 = 0 then !n / 2 else 3 * !n + 1);
    incr steps
  done;
  print_endline ("collatz 27 steps: " ^ string_of_int !steps);
  for i = 1 to 4 do
    for j = 1 to i do print_int (i * j); print_char ' ' done;
    print_newline ()
  done;
  let s = ref "" in
  let i = ref 0 in
  while !i < 5 do
    s := !s ^ string_of_int !i;
    i := !i + 1
  done;
  print_endline !s;
  let cell = ref (ref 1) in
  !cell := 42;
  print_int !(!cell); print_newline ();
  let alias = !cell in
  alias := 7;
  print_int !(!cell); print_newline ();
  let counter () = let c = ref 0 in fun () -> incr c; !c in
  let c1 = counter () and c2 = counter () in
  ignore (c1 ()); ignore (c1 ());
  print_int (c1 ()); print_newline ();
  print_int (c2 ()); print_newline ();
  let lst = ref [] in
  for k = 1 to 5 do lst := k :: !lst done;
  let rec show = function [] -> "" | x :: xs -> string_of_int x ^ show xs in
  print_endline (show !lst);
  let fr = ref 1.0 in
  for _ = 1 to 10 do fr := !fr *. 2.0 done;
  print_endline (string_of_float !fr);
  print_endline (string_of_bool (ref 1 = ref 1));
  print_endline (string_of_bool (ref 1 == ref 1))
