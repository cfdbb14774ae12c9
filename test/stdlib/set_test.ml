(* Set: results, order, and the order of callbacks (the shape of the trees). *)

module IS = Set.Make (struct type t = int let compare (a : int) b = compare a b end)
module SS = Set.Make (String)

let nl () = print_newline ()
let pr_l l = List.iter (fun x -> print_int x; print_string " ") l; nl ()
let shape s = ignore (IS.for_all (fun x -> print_int x; print_string " "; true) s); nl ()
let pr_opt = function None -> print_string "None" | Some v -> print_int v

let s = List.fold_left (fun s k -> IS.add k s) IS.empty (List.init 40 (fun i -> (i * 23 + 7) mod 47))
let t = IS.of_list (List.init 30 (fun i -> (i * 5) mod 37))

let () =
  print_int (IS.cardinal s); nl ();
  pr_l (IS.elements s); shape s;
  pr_l (IS.elements t); shape t;
  shape (IS.of_list [5; 3; 9; 1; 7]); shape (IS.of_list [5; 3; 9; 1; 7; 2]);
  shape (IS.of_list [4; 4; 2; 2]);
  let u = IS.union s t in pr_l (IS.elements u); shape u;
  let i = IS.inter s t in pr_l (IS.elements i); shape i;
  let d = IS.diff s t in pr_l (IS.elements d); shape d;
  let d2 = IS.diff t s in pr_l (IS.elements d2); shape d2;
  print_string (string_of_bool (IS.disjoint d d2)); print_string (string_of_bool (IS.disjoint s t)); nl ();
  print_string (string_of_bool (IS.subset i s)); print_string (string_of_bool (IS.subset s i)); nl ();
  print_int (IS.compare s t); print_int (IS.compare t s); print_int (IS.compare s s); nl ();
  print_string (string_of_bool (IS.equal s (IS.of_list (IS.elements s)))); nl ();
  print_string (string_of_bool (IS.mem 7 s)); print_string (string_of_bool (IS.mem 8 s)); nl ();
  let r = List.fold_left (fun s k -> IS.remove k s) s [7; 30; 14; 100; 0; 1; 2; 3] in shape r;
  print_int (IS.min_elt s); print_int (IS.max_elt s); print_int (IS.choose s); nl ();
  pr_opt (IS.min_elt_opt IS.empty); pr_opt (IS.max_elt_opt t); pr_opt (IS.choose_opt IS.empty); nl ();
  (try ignore (IS.min_elt IS.empty) with Not_found -> print_string "Not_found"); nl ();
  (try ignore (IS.find 1000 s) with Not_found -> print_string "Not_found"); nl ();
  print_int (IS.find 7 s); pr_opt (IS.find_opt 8 s); nl ();
  print_int (IS.find_first (fun x -> x > 20) s); pr_opt (IS.find_first_opt (fun x -> x > 200) s); nl ();
  print_int (IS.find_last (fun x -> x < 20) s); pr_opt (IS.find_last_opt (fun x -> x < 0) s); nl ();
  (try ignore (IS.find_last (fun x -> x < 0) s) with Not_found -> print_string "Not_found"); nl ();
  let (l, p, h) = IS.split 20 s in shape l; print_string (string_of_bool p); nl (); shape h;
  let (l, p, h) = IS.split 21 s in shape l; print_string (string_of_bool p); nl (); shape h;
  shape (IS.filter (fun x -> x mod 3 <> 0) s);
  let (a, b) = IS.partition (fun x -> x < 25) s in shape a; shape b;
  shape (IS.map (fun x -> x * 2) s);
  shape (IS.map (fun x -> x mod 10) s);
  shape (IS.map (fun x -> x) s);
  shape (IS.filter_map (fun x -> if x mod 2 = 0 then Some (x / 2) else None) s);
  shape (IS.filter_map (fun x -> if x mod 4 = 0 then None else Some (50 - x)) s);
  print_int (IS.fold (fun x acc -> acc * 3 + x) t 0); nl ();
  IS.iter (fun x -> print_int x; print_string ",") (IS.singleton 9); nl ();
  ignore (IS.exists (fun x -> print_int x; print_string " "; x = 40) s); nl ();
  print_string (string_of_bool (IS.is_empty IS.empty)); print_string (string_of_bool (IS.is_empty s)); nl ();
  Seq.iter (fun x -> print_int x; print_string " ") (IS.to_seq t); nl ();
  Seq.iter (fun x -> print_int x; print_string " ") (IS.to_rev_seq t); nl ();
  Seq.iter (fun x -> print_int x; print_string " ") (IS.to_seq_from 17 t); nl ();
  shape (IS.of_seq (IS.to_rev_seq t));
  shape (IS.add_seq (IS.to_seq s) t)

let () =
  let w = SS.of_list ["pear"; "apple"; "fig"; "kiwi"; "banana"; "apple"; "cherry"; "date"; "fig"] in
  SS.iter (fun x -> print_string x; print_string " ") w; nl ();
  ignore (SS.for_all (fun x -> print_string x; print_string " "; true) w); nl ();
  print_int (SS.cardinal w); nl ();
  print_string (SS.find_first (fun x -> x > "c") w); nl ()
