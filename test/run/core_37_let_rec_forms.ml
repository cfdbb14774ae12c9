(* The forms of `let rec` mlc compiles: functions, possibly under a type
   constraint or a local open, and values that do not refer to the names being
   defined (cyclic values such as `let rec l = 1 :: l` are refused). *)

let rec even n = n = 0 || odd (n - 1)
and odd n = n <> 0 && even (n - 1)

let rec base = 10
and add_base = fun x -> x + base

let rec count : int list -> int = function
  | [] -> 0
  | _ :: rest -> 1 + count rest

let rec sum_lengths = let open String in fun ss -> match ss with
  | [] -> 0
  | s :: rest -> length s + sum_lengths rest

let () =
  Printf.printf "%b %b\n" (even 10) (odd 7);
  Printf.printf "%d\n" (add_base 5);
  Printf.printf "%d\n" (count [1; 2; 3]);
  Printf.printf "%d\n" (sum_lengths ["a"; "bc"; ""])

let () =
  let rec items = [1; 2; 3]
  and total () = List.fold_left ( + ) 0 items in
  Printf.printf "%d\n" (total ());
  let rec loop i acc = if i = 0 then acc else loop (i - 1) (acc + i) in
  Printf.printf "%d\n" (loop 100 0)
