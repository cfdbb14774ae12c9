(* Core: binding operators let*, let+, and+, and* defined in the program for option and a result-like type *)
type ('a, 'e) res = Ok of 'a | Err of 'e

let ( let* ) o f = match o with None -> None | Some x -> f x
let ( let+ ) o f = match o with None -> None | Some x -> Some (f x)
let ( and+ ) a b = match a, b with Some x, Some y -> Some (x, y) | _ -> None

let safe_div a b = if b = 0 then None else Some (a / b)
let parse s = match int_of_string_opt s with Some n -> Some n | None -> None

let compute a b c =
  let* x = safe_div a b in
  let* y = safe_div x c in
  Some (x + y)

let sum3 a b c =
  let+ x = parse a
  and+ y = parse b
  and+ z = parse c in
  x + y + z

let check name v = if v >= 0 then Ok v else Err (name ^ " is negative")

let show_opt = function None -> "None" | Some n -> "Some " ^ string_of_int n
let show_res = function Ok n -> "Ok " ^ string_of_int n | Err e -> "Err " ^ e

let validate a b =
  (* local definitions shadow the option operators above *)
  let ( let* ) r f = match r with Err e -> Err e | Ok x -> f x in
  let ( and* ) a b = match a, b with Ok x, Ok y -> Ok (x, y) | Err e, _ | _, Err e -> Err e in
  let* x = check "a" a
  and* y = check "b" b in
  let* z = check "sum" (x + y - 10) in
  Ok (z * 2)

let () =
  print_endline (show_opt (compute 100 5 2));
  print_endline (show_opt (compute 100 0 2));
  print_endline (show_opt (compute 100 5 0));
  print_endline (show_opt (sum3 "1" "2" "3"));
  print_endline (show_opt (sum3 "1" "x" "3"));
  print_endline (show_res (validate 7 8));
  print_endline (show_res (validate (-1) 8));
  print_endline (show_res (validate 1 (-8)));
  print_endline (show_res (validate 1 2));
  let trace = ref "" in
  let ( let@ ) x f = trace := !trace ^ "[" ^ x ^ "]"; f x in
  let result =
    let@ a = "one" in
    let@ b = "two" in
    a ^ "+" ^ b
  in
  print_endline (result ^ " " ^ !trace)
