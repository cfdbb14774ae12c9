(* Seq: which elements each combinator forces, and when, traced through a
   source that prints each node as it is computed. *)

let source n =
  Seq.unfold (fun i -> if i < n then (Printf.printf "[%d]" i; Some (i, i + 1)) else None) 0

let first s = match s () with Seq.Nil -> print_endline " nil" | Seq.Cons (x, _) -> Printf.printf " first %d\n" x

let () =
  first (Seq.filter (fun x -> Printf.printf "p%d" x; x >= 2) (source 5));
  first (Seq.filter_map (fun x -> Printf.printf "f%d" x; if x = 3 then Some x else None) (source 5));
  first (Seq.filter (fun _ -> false) (source 3));
  first (Seq.map (fun x -> Printf.printf "m%d" x; x * 10) (source 5));
  first (Seq.append Seq.empty (source 2));
  first (Seq.flat_map (fun x -> Printf.printf "g%d" x; if x < 2 then Seq.empty else Seq.return x) (source 5));
  first (Seq.concat (Seq.map (fun x -> Seq.cons x Seq.empty) (source 3)));
  let s = Seq.map (fun x -> Printf.printf "m%d" x; x) (source 3) in
  Seq.iter (fun x -> Printf.printf "i%d" x) s; print_newline ();
  Seq.iter (fun x -> Printf.printf "i%d" x) s; print_newline ();
  print_int (Seq.fold_left (fun acc x -> Printf.printf "a%d" x; acc - x) 100 (source 4)); print_newline ();
  let _ = Seq.map (fun _ -> print_string "never") (source 3) in
  let _ = Seq.flat_map (fun _ -> print_string "never"; Seq.empty) (source 3) in
  let _ = Seq.concat_map (fun x -> Seq.return x) (source 3) in
  print_endline "built without forcing"
