(* Core: lists: literals, ::, recursive functions, accumulators, list of tuples, polymorphic list functions *)
let rec length = function [] -> 0 | _ :: rest -> 1 + length rest
let rev l = let rec go acc = function [] -> acc | x :: rest -> go (x :: acc) rest in go [] l
let rec append a b = match a with [] -> b | x :: rest -> x :: append rest b
let rec nth l n = match l with [] -> failwith "nth" | x :: rest -> if n = 0 then x else nth rest (n - 1)
let rec mem x = function [] -> false | y :: rest -> x = y || mem x rest
let rec assoc k = function [] -> raise Not_found | (k', v) :: rest -> if k = k' then v else assoc k rest
let rec range a b = if a > b then [] else a :: range (a + 1) b
let rec insert x = function [] -> [ x ] | y :: rest as l -> if x <= y then x :: l else y :: insert x rest
let rec sort = function [] -> [] | x :: rest -> insert x (sort rest)
let rec split = function [] -> ([], []) | (a, b) :: rest -> let xs, ys = split rest in (a :: xs, b :: ys)
let rec concat_map f = function [] -> [] | x :: rest -> let ys = f x in ys @ concat_map f rest

let rec join sep = function [] -> "" | [ x ] -> x | x :: rest -> x ^ sep ^ join sep rest
let rec ints = function [] -> [] | x :: rest -> string_of_int x :: ints rest
let show l = "[" ^ join "; " (ints l) ^ "]"

let () =
  let l = [ 5; 3; 8; 1; 9; 2 ] in
  print_endline (show l);
  print_int (length l); print_newline ();
  print_endline (show (rev l));
  print_endline (show (append l [ 0 ]));
  print_int (nth l 2); print_newline ();
  print_endline (string_of_bool (mem 8 l) ^ " " ^ string_of_bool (mem 7 l));
  print_endline (show (sort l));
  print_endline (show (range 1 10));
  print_endline (show (range 5 1));
  let table = [ ("a", 1); ("b", 2); ("c", 3) ] in
  print_int (assoc "b" table); print_newline ();
  (try ignore (assoc "z" table) with Not_found -> print_endline "z not found");
  let keys, values = split table in
  print_endline (join "," keys ^ " / " ^ show values);
  print_endline (show (concat_map (fun x -> [ x; x * 10 ]) [ 1; 2; 3 ]));
  print_endline (join " " [ "lists"; "of"; "strings" ]);
  let nested = [ [ 1; 2 ]; []; [ 3 ] ] in
  print_int (length nested); print_newline ();
  print_endline (show (concat_map (fun x -> x) nested));
  print_int (length (range 1 10000)); print_newline ();
  print_endline (show (1 :: 2 :: [ 3 ]));
  print_endline (string_of_bool ([] = []));
  print_int (length (rev (range 1 10))); print_newline ()
