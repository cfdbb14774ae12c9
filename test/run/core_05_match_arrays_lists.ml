(* Core: patterns on arrays, lists, tuples, function keyword, nested list patterns *)
let arr = function
  | [||] -> "empty"
  | [| x |] -> "one " ^ string_of_int x
  | [| x; y |] -> "two " ^ string_of_int (x + y)
  | [| _; _; z |] -> "three, last " ^ string_of_int z
  | a -> "many " ^ string_of_int (Array.length a)

let rec lst = function
  | [] -> "[]"
  | [ [] ] -> "[[]]"
  | [ x ] :: rest -> "single " ^ string_of_int x ^ " then " ^ lst rest
  | (x :: _ :: _) :: rest -> "multi from " ^ string_of_int x ^ " then " ^ lst rest
  | [] :: rest -> "empty then " ^ lst rest

let rec zip_sum = function
  | [], [] -> 0
  | x :: xs, y :: ys -> x * y + zip_sum (xs, ys)
  | _ :: _, [] | [], _ :: _ -> -1000

let rec pairs = function
  | a :: (b :: _ as rest) -> (a, b) :: pairs rest
  | _ -> []

let rec show = function
  | [] -> ""
  | (a, b) :: rest -> "(" ^ string_of_int a ^ "," ^ string_of_int b ^ ")" ^ show rest

let triple (a, (b, c), d) = a + b * c - d

let () =
  print_endline (arr [||]);
  print_endline (arr [| 5 |]);
  print_endline (arr [| 5; 6 |]);
  print_endline (arr [| 5; 6; 7 |]);
  print_endline (arr (Array.make 9 0));
  print_endline (lst []);
  print_endline (lst [ [] ]);
  print_endline (lst [ [ 1 ]; [ 2; 3 ]; []; [ 4 ] ]);
  print_endline (lst [ [ 9; 8; 7 ] ]);
  print_int (zip_sum ([ 1; 2; 3 ], [ 4; 5; 6 ])); print_newline ();
  print_int (zip_sum ([ 1; 2 ], [ 4 ])); print_newline ();
  print_endline (show (pairs [ 1; 2; 3; 4 ]));
  print_endline (show (pairs [ 1 ]));
  print_int (triple (1, (2, 3), 4)); print_newline ();
  let f = function (0, s) -> s | (n, s) -> s ^ string_of_int n in
  print_endline (f (0, "zero"));
  print_endline (f (3, "three="))
