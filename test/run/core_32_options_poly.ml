(* Core: option type, polymorphic functions and types, let-polymorphism, type annotations *)
type 'a stack = { items : 'a list; size : int }
type ('k, 'v) pair = { key : 'k; value : 'v }

let empty = { items = []; size = 0 }
let push x s = { items = x :: s.items; size = s.size + 1 }
let pop s = match s.items with [] -> None | x :: rest -> Some (x, { items = rest; size = s.size - 1 })

let map_opt f = function None -> None | Some x -> Some (f x)
let default d = function None -> d | Some x -> x
let rec find_opt p = function [] -> None | x :: rest -> if p x then Some x else find_opt p rest
let id x = x
let const x _ = x
let compose f g x = f (g x)
let swap { key; value } = { key = value; value = key }

let show_opt show = function None -> "None" | Some x -> "Some(" ^ show x ^ ")"

let () =
  let s = push 3 (push 2 (push 1 empty)) in
  print_int s.size; print_newline ();
  (match pop s with
   | Some (top, rest) -> print_endline ("top " ^ string_of_int top ^ ", size " ^ string_of_int rest.size)
   | None -> print_endline "empty");
  let ss = push "b" (push "a" empty) in
  (match pop ss with Some (x, _) -> print_endline x | None -> ());
  print_endline (show_opt string_of_int (map_opt (fun x -> x * 2) (Some 21)));
  print_endline (show_opt string_of_int (map_opt (fun x -> x * 2) None));
  print_endline (show_opt (fun s -> s) (map_opt (fun x -> x ^ "!") (Some "hey")));
  print_int (default 0 (find_opt (fun x -> x > 3) [ 1; 5; 2; 7 ])); print_newline ();
  print_int (default 0 (find_opt (fun x -> x > 10) [ 1; 5; 2; 7 ])); print_newline ();
  print_endline (id "id works on strings");
  print_int (id 7); print_newline ();
  print_int (const 1 "ignored"); print_newline ();
  print_endline (compose string_of_int succ 41);
  let p = swap { key = "k"; value = 99 } in
  print_int p.key; print_endline (" " ^ p.value);
  let pairs = [ Some 1; None; Some 3 ] in
  let rec count = function [] -> 0 | None :: r -> count r | Some _ :: r -> 1 + count r in
  print_int (count pairs); print_newline ();
  let annotated : int -> int = fun x -> x + 1 in
  print_int (annotated 1); print_newline ();
  let nested : int option option = Some None in
  print_endline (match nested with Some None -> "Some None" | Some (Some _) -> "Some Some" | None -> "None");
  print_endline (show_opt (show_opt string_of_int) (Some (Some 5)))
