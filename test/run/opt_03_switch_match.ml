(* Matches that dispatch on the constructor first *)
type t = A | B of int | C of int * int | D | E of string | F

let describe = function
  | A -> "A"
  | B 0 -> "B zero"
  | B n when n > 5 -> "B big " ^ string_of_int n
  | C (a, b) -> Printf.sprintf "C %d" (a + b)
  | D -> "D"
  | E s -> "E " ^ s
  | B _ -> "B small"
  | other -> (match other with F -> "F" | _ -> "?")

(* only constant constructors listed, blocks fall to the catch-all *)
let is_const = function A -> 1 | D -> 4 | F -> 6 | _ -> 0

(* only blocks listed *)
let payload = function B n -> n | C (a, _) -> a | E s -> String.length s | x -> if x = A then -1 else -2

type op = Add | Sub | Mul | Div | Neg of int

let apply op a b =
  match op with
  | Add -> a + b
  | Sub -> a - b
  | Mul -> a * b
  | Div -> if b = 0 then 0 else a / b
  | Neg k -> -k

let rec fold = function
  | [] -> 0
  | [ x ] -> x
  | x :: y :: rest -> x - y + fold rest

exception Found of int

let find_first p l =
  try
    List.iter (fun x -> if p x then raise (Found x)) l;
    None
  with Found x -> Some x

let () =
  let all = [ A; B 0; B 7; B 3; C (1, 2); D; E "hi"; F ] in
  List.iter (fun x -> Printf.printf "%s/%d/%d " (describe x) (is_const x) (payload x)) all;
  print_newline ();
  List.iter (fun op -> Printf.printf "%d " (apply op 12 5)) [ Add; Sub; Mul; Div; Neg 3 ];
  print_newline ();
  Printf.printf "%d %d %d\n" (fold []) (fold [ 5 ]) (fold [ 10; 3; 4; 1; 9 ]);
  (match find_first (fun x -> x > 2) [ 1; 2; 3; 4 ] with Some x -> Printf.printf "found %d\n" x | None -> ());
  List.iter (fun v ->
      match v with
      | C (x, _) | B x when x > 3 -> Printf.printf "big %d\n" x
      | C (x, y) -> Printf.printf "C %d %d\n" x y
      | _ -> print_endline "other") [ C (4, 5); C (1, 2); B 9; B 1; A ]
