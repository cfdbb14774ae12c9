(* Core: variant types, constant and non-constant constructors, recursive variants *)
type color = Red | Green | Blue
type shape = Circle of int | Rect of int * int | Triangle of int * int * int | Dot
type 'a tree = Leaf | Node of 'a tree * 'a * 'a tree
type expr = Num of int | Add of expr * expr | Mul of expr * expr | Neg of expr
type 'a maybe = Nothing | Just of 'a

let color_name = function Red -> "red" | Green -> "green" | Blue -> "blue"

let area = function
  | Circle r -> 3 * r * r
  | Rect (w, h) -> w * h
  | Triangle (a, b, c) -> a + b + c
  | Dot -> 0

let rec insert x = function
  | Leaf -> Node (Leaf, x, Leaf)
  | Node (l, v, r) as t ->
    if x < v then Node (insert x l, v, r)
    else if x > v then Node (l, v, insert x r)
    else t

let rec inorder = function
  | Leaf -> ""
  | Node (l, v, r) -> inorder l ^ " " ^ string_of_int v ^ inorder r

let rec size = function Leaf -> 0 | Node (l, _, r) -> size l + 1 + size r
let rec depth = function Leaf -> 0 | Node (l, _, r) -> 1 + max (depth l) (depth r)

let rec eval = function
  | Num n -> n
  | Add (a, b) -> eval a + eval b
  | Mul (a, b) -> eval a * eval b
  | Neg e -> - (eval e)

let rec show = function
  | Num n -> string_of_int n
  | Add (a, b) -> "(" ^ show a ^ " + " ^ show b ^ ")"
  | Mul (a, b) -> show a ^ " * " ^ show b
  | Neg e -> "-" ^ show e

let get_or d = function Nothing -> d | Just x -> x

let () =
  print_endline (color_name Red ^ " " ^ color_name Green ^ " " ^ color_name Blue);
  print_int (area (Circle 2)); print_newline ();
  print_int (area (Rect (3, 4))); print_newline ();
  print_int (area (Triangle (3, 4, 5))); print_newline ();
  print_int (area Dot); print_newline ();
  let rec build t = function [] -> t | x :: rest -> build (insert x t) rest in
  let t = build Leaf [50; 30; 70; 20; 40; 60; 80; 30; 65] in
  print_endline ("inorder:" ^ inorder t);
  print_int (size t); print_newline ();
  print_int (depth t); print_newline ();
  let e = Add (Num 2, Mul (Num 3, Neg (Add (Num 1, Num 4)))) in
  print_endline (show e ^ " = " ^ string_of_int (eval e));
  print_int (get_or 0 (Just 5)); print_newline ();
  print_int (get_or 0 Nothing); print_newline ();
  print_endline (get_or "none" (Just "some"));
  print_endline (if Red = Red && Red <> Blue then "eq ok" else "eq broken");
  print_endline (if Rect (1, 2) = Rect (1, 2) then "struct eq" else "no");
  print_endline (if Just (Just 3) = Just (Just 3) then "nested eq" else "no");
  print_endline (if Leaf = insert 1 Leaf then "no" else "tree differs")
