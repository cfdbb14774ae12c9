(* Seq: construction, laziness and the combinators. *)

let nl () = print_newline ()
let pr s = Seq.iter (fun x -> print_int x; print_string " ") s; nl ()
let nat = Seq.unfold (fun i -> if i < 10 then Some (i, i + 1) else None) 0

let () =
  pr nat;
  pr Seq.empty;
  pr (Seq.return 7);
  pr (Seq.cons 1 (Seq.cons 2 Seq.empty));
  pr (Seq.append nat (Seq.return 100));
  pr (Seq.map (fun x -> x * x) nat);
  pr (Seq.filter (fun x -> x mod 3 = 0) nat);
  pr (Seq.filter_map (fun x -> if x mod 2 = 0 then Some (x / 2) else None) nat);
  pr (Seq.flat_map (fun x -> Seq.cons x (Seq.return (-x))) (Seq.return 3));
  pr (Seq.concat_map (fun x -> Seq.unfold (fun i -> if i < x then Some (i, i + 1) else None) 0) nat);
  pr (Seq.concat (Seq.cons nat (Seq.return (Seq.return 42))));
  print_int (Seq.fold_left (fun acc x -> acc * 2 + x) 0 nat); nl ();
  (* laziness: nothing is computed until forced *)
  let s = Seq.map (fun x -> print_string "f"; print_int x; print_string " "; x) nat in
  print_endline "built";
  (match s () with Seq.Cons (x, _) -> print_int x | Seq.Nil -> ()); nl ();
  let rec take n s () = if n = 0 then Seq.Nil else match s () with
    | Seq.Nil -> Seq.Nil | Seq.Cons (x, t) -> Seq.Cons (x, take (n - 1) t) in
  let rec ones () = Seq.Cons (1, ones) in
  pr (take 5 ones)
