(* Slice: let rec, let rec ... and (mutual recursion), local recursive functions *)
let rec fact n = if n <= 1 then 1 else n * fact (n - 1)
let rec fib n = if n < 2 then n else fib (n - 1) + fib (n - 2)

let rec is_even n = if n = 0 then true else is_odd (n - 1)
and is_odd n = if n = 0 then false else is_even (n - 1)

let rec gcd a b = if b = 0 then a else gcd b (a mod b)

let rec power b e = if e = 0 then 1 else b * power b (e - 1)

let digits n =
  let rec go n acc = if n < 10 then acc + 1 else go (n / 10) (acc + 1) in
  go n 0

let show name v = print_endline (name ^ " = " ^ string_of_int v)
let show_bool name b = print_endline (name ^ " = " ^ if b then "true" else "false")

let () =
  show "fact 0" (fact 0);
  show "fact 10" (fact 10);
  show "fact 20" (fact 20);
  show "fib 0" (fib 0);
  show "fib 1" (fib 1);
  show "fib 20" (fib 20);
  show_bool "is_even 10" (is_even 10);
  show_bool "is_odd 10" (is_odd 10);
  show_bool "is_even 7" (is_even 7);
  show "gcd 48 36" (gcd 48 36);
  show "gcd 17 5" (gcd 17 5);
  show "power 2 10" (power 2 10);
  show "power 3 13" (power 3 13);
  show "digits 0" (digits 0);
  show "digits 12345" (digits 12345);
  let rec count_down n =
    if n > 0 then begin
      print_int n; print_string " "; count_down (n - 1)
    end else print_endline "liftoff"
  in
  count_down 5
