(* Map: results, iteration order, and the order in which callbacks are called
   (which depends on the shape of OCaml's AVL trees). *)

module IM = Map.Make (struct type t = int let compare (a : int) b = compare a b end)
module SM = Map.Make (String)

let nl () = print_newline ()
let pr_ib k v = print_int k; print_string ":"; print_int v; print_string " "
let pr_sb k v = print_string k; print_string ":"; print_int v; print_string " "
let pr_opt = function None -> print_string "None" | Some v -> print_int v
let pr_bopt = function None -> print_string "None" | Some (k, v) -> pr_ib k v

let keys = List.init 40 (fun i -> (i * 17 + 5) mod 41)
let m = List.fold_left (fun m k -> IM.add k (k * k) m) IM.empty keys

let () =
  print_int (IM.cardinal m); nl ();
  IM.iter pr_ib m; nl ();
  List.iter (fun (k, v) -> pr_ib k v) (IM.bindings m); nl ();
  print_int (IM.fold (fun k v acc -> k + v + acc) m 0); nl ();
  (* preorder: the shape of the tree shows *)
  ignore (IM.for_all (fun k _ -> print_int k; print_string " "; true) m); nl ();
  ignore (IM.exists (fun k _ -> print_int k; print_string " "; k = 13) m); nl ();
  pr_opt (IM.find_opt 13 m); print_string " "; pr_opt (IM.find_opt 41 m); nl ();
  print_int (IM.find 7 m); nl ();
  (try ignore (IM.find 100 m) with Not_found -> print_string "Not_found"); nl ();
  print_string (string_of_bool (IM.mem 0 m)); print_string (string_of_bool (IM.mem 5 m)); nl ();
  pr_bopt (Some (IM.min_binding m)); pr_bopt (Some (IM.max_binding m)); pr_bopt (IM.choose_opt m); nl ();
  pr_bopt (IM.min_binding_opt IM.empty); nl ();
  (try ignore (IM.max_binding IM.empty) with Not_found -> print_string "Not_found"); nl ();
  pr_bopt (Some (IM.find_first (fun k -> k >= 20) m)); pr_bopt (IM.find_first_opt (fun k -> k > 100) m); nl ();
  pr_bopt (Some (IM.find_last (fun k -> k <= 20) m)); pr_bopt (IM.find_last_opt (fun k -> k < 0) m); nl ();
  (try ignore (IM.find_first (fun k -> k > 100) m) with Not_found -> print_string "Not_found"); nl ()

let () =
  let m2 = IM.remove 13 (IM.remove 100 m) in
  print_int (IM.cardinal m2); nl ();
  ignore (IM.for_all (fun k _ -> print_int k; print_string " "; true) m2); nl ();
  let m3 = List.fold_left (fun m k -> IM.remove k m) m [1; 2; 3; 4; 5; 6; 7; 8; 9; 10; 30; 31; 32] in
  ignore (IM.for_all (fun k _ -> print_int k; print_string " "; true) m3); nl ();
  let m4 = IM.update 3 (function None -> Some 333 | Some v -> Some (v + 1)) m3 in
  let m4 = IM.update 11 (function None -> Some 0 | Some v -> Some (-v)) m4 in
  let m4 = IM.update 12 (fun _ -> None) m4 in
  IM.iter pr_ib m4; nl ();
  let (l, x, r) = IM.split 20 m in
  IM.iter pr_ib l; print_string "| "; pr_opt x; print_string " | "; IM.iter pr_ib r; nl ();
  ignore (IM.for_all (fun k _ -> print_int k; print_string " "; true) r); nl ();
  let (l, x, r) = IM.split 100 m in
  print_int (IM.cardinal l); pr_opt x; print_int (IM.cardinal r); nl ();
  let ev = IM.filter (fun k _ -> k mod 2 = 0) m in
  ignore (IM.for_all (fun k _ -> print_int k; print_string " "; true) ev); nl ();
  let fm = IM.filter_map (fun k v -> if k mod 3 = 0 then Some (v + 1) else None) m in
  IM.iter pr_ib fm; nl ();
  ignore (IM.for_all (fun k _ -> print_int k; print_string " "; true) fm); nl ();
  let (a, b) = IM.partition (fun k _ -> k < 15) m in
  ignore (IM.for_all (fun k _ -> print_int k; print_string " "; true) a); print_string "| ";
  ignore (IM.for_all (fun k _ -> print_int k; print_string " "; true) b); nl ();
  IM.iter pr_ib (IM.map (fun v -> v mod 7) m); nl ();
  IM.iter pr_ib (IM.mapi (fun k v -> k - v) a); nl ()

let () =
  let a = List.fold_left (fun m k -> IM.add k k m) IM.empty [1; 3; 5; 7; 9; 11; 13; 15; 17; 19; 21] in
  let b = List.fold_left (fun m k -> IM.add k (10 * k) m) IM.empty [2; 3; 5; 8; 13; 21; 34] in
  let u = IM.union (fun k x y -> print_string "u"; print_int k; print_string " "; if k = 5 then None else Some (x + y)) a b in
  nl (); IM.iter pr_ib u; nl ();
  ignore (IM.for_all (fun k _ -> print_int k; print_string " "; true) u); nl ();
  let mg = IM.merge (fun k x y ->
    print_int k; print_string " ";
    match x, y with
    | Some x, Some y -> Some (x * y)
    | Some x, None -> if x > 10 then Some x else None
    | None, Some y -> Some (-y)
    | None, None -> None) a b in
  nl (); IM.iter pr_ib mg; nl ();
  ignore (IM.for_all (fun k _ -> print_int k; print_string " "; true) mg); nl ();
  print_int (IM.compare compare a b); print_int (IM.compare compare a a); print_int (IM.compare compare b a); nl ();
  print_string (string_of_bool (IM.equal (=) a a)); print_string (string_of_bool (IM.equal (=) a b)); nl ();
  print_string (string_of_bool (IM.is_empty IM.empty)); print_string (string_of_bool (IM.is_empty a)); nl ();
  let s = IM.singleton 4 16 in
  IM.iter pr_ib s; nl ();
  print_string (string_of_bool (IM.add 4 16 s == s)); nl ()

let () =
  let words = ["the"; "quick"; "brown"; "fox"; "jumps"; "over"; "the"; "lazy"; "dog"; "and";
               "the"; "quick"; "cat"; "runs"; "away"; "from"; "the"; "big"; "brown"; "dog"] in
  let m = List.fold_left (fun m w ->
    SM.update w (function None -> Some 1 | Some n -> Some (n + 1)) m) SM.empty words in
  SM.iter pr_sb m; nl ();
  ignore (SM.exists (fun k _ -> print_string k; print_string " "; false) m); nl ();
  Seq.iter (fun (k, v) -> pr_sb k v) (SM.to_seq m); nl ();
  Seq.iter (fun (k, v) -> pr_sb k v) (SM.to_rev_seq m); nl ();
  Seq.iter (fun (k, v) -> pr_sb k v) (SM.to_seq_from "fox" m); nl ();
  Seq.iter (fun (k, v) -> pr_sb k v) (SM.to_seq_from "g" m); nl ();
  let m2 = SM.of_seq (Seq.cons ("x", 1) (Seq.cons ("y", 2) (Seq.return ("x", 3)))) in
  SM.iter pr_sb m2; nl ();
  let m3 = SM.add_seq (SM.to_seq m2) m in
  print_int (SM.cardinal m3); nl ();
  (try ignore (SM.find "zebra" m) with Not_found -> print_string "Not_found"); nl ()
