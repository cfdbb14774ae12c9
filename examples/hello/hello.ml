(* A first program: closures, recursion and a ten-million-step tail-recursive loop. *)

let greet name = "Hello, " ^ name ^ "!"

let rec sum_to n acc = if n = 0 then acc else sum_to (n - 1) (acc + n)

let compose f g x = f (g x)

let () =
  print_endline (greet "mlc");
  let add k = fun x -> x + k in
  let twice = compose (add 1) (add 1) in
  print_string "twice 40 = ";
  print_int (twice 40);
  print_newline ();
  print_endline ("sum 1..10_000_000 = " ^ string_of_int (sum_to 10_000_000 0))
