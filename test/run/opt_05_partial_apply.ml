(* Partial applications completed by later calls, and known functions called directly *)
let add3 a b c = a + (10 * b) + (100 * c)
let add8 a b c d e f g h = a + b + c + d + e + f + g + h
let transposed get = fun i j -> get j i
let twice f x = f (f x)

let apply2 f x y = f x y
let apply3 f x y z = f x y z

let () =
  let g = add3 1 in
  let h = add3 1 2 in
  Printf.printf "%d %d %d %d\n" (add3 1 2 3) (g 2 3) (h 3) (apply2 g 4 5);
  Printf.printf "%d %d\n" (apply3 add3 7 8 9) (apply2 (add3 5) 6 7);
  let k = add8 1 2 3 in
  let k2 = k 4 5 in
  Printf.printf "%d %d\n" (k2 6 7 8) (k 4 5 6 7 8);
  let sub a b = a - b in
  let t = transposed sub in
  Printf.printf "%d %d\n" (t 10 3) (apply2 (transposed sub) 10 3);
  Printf.printf "%d\n" (twice (add3 0 1) 5);
  let fs = List.map add3 [ 1; 2 ] in
  Printf.printf "%s\n" (String.concat "," (List.map (fun f -> string_of_int (f 1 1)) fs));
  let curried = fun a -> fun b -> fun c -> a * b * c in
  Printf.printf "%d %d\n" (apply3 curried 2 3 4) ((curried 2) 3 5);
  (* over-application: a function returning a function *)
  let make n = fun x -> x + n in
  Printf.printf "%d\n" (apply2 make 1 2)

(* parameters taken apart by patterns: the function still takes both at once *)
let combine (a1, b1) (a2, b2) = (a1 + a2, b1 * b2)
let get { contents = x } () = x

let () =
  let c = combine (1, 2) in
  let x, y = c (3, 4) and z, w = c (10, 10) in
  Printf.printf "%d %d %d %d\n" x y z w;
  let r = ref 1 in
  let g = get r in
  r := 2;
  Printf.printf "%d %d\n" (g ()) (get r ())
