(* Map: the shape of the trees after long runs of every operation that builds
   one (a preorder walk by [for_all] shows it), the comparisons each makes
   (logged by the key order), and the order of the callbacks. *)

let log = ref []
let logging = ref false
module K = struct
  type t = int
  let compare (a : int) b =
    if !logging then log := (a, b) :: !log;
    compare a b
end
module M = Map.Make (K)

let seed = ref 7
let next bound = seed := (!seed * 1103515245 + 12345) land 0x3FFFFFFF; (!seed lsr 4) mod bound

let shape m =
  ignore (M.for_all (fun k _ -> print_int k; print_char ' '; true) m);
  print_newline ()

(* Runs [f] and prints the comparisons it made, in order. *)
let traced name f =
  log := []; logging := true;
  let r = f () in
  logging := false;
  print_string name; print_string ":";
  List.iter (fun (a, b) -> Printf.printf " %d/%d" a b) (List.rev !log);
  print_newline ();
  r

let build n bound = let m = ref M.empty in for _ = 1 to n do let k = next bound in m := M.add k (k * 2) !m done; !m

let () =
  let a = traced "add" (fun () -> build 40 100) in
  shape a;
  let a = traced "remove" (fun () -> List.fold_left (fun m k -> M.remove k m) a [3; 50; 17; 99; 0; 64; 12; 33]) in
  shape a;
  let a = traced "update" (fun () ->
    List.fold_left (fun m k -> M.update k (function None -> Some k | Some v -> if v mod 3 = 0 then None else Some (v + 1)) m) a
      [5; 6; 7; 8; 9; 40; 41; 42; 43; 77; 78]) in
  shape a;
  let b = build 60 200 in
  shape b;
  let u = traced "union" (fun () -> M.union (fun k x y -> Printf.printf "u%d " k; if k mod 2 = 0 then Some (x + y) else None) a b) in
  print_newline (); shape u;
  let u2 = M.union (fun _ x _ -> Some x) b a in shape u2;
  let mg = traced "merge" (fun () -> M.merge (fun k x y ->
    Printf.printf "m%d " k;
    match x, y with Some x, Some _ when k mod 3 = 0 -> None | Some x, _ -> Some x | None, y -> y) a b) in
  print_newline (); shape mg;
  let f = M.filter (fun k _ -> Printf.printf "f%d " k; k mod 4 <> 1) u in
  print_newline (); shape f;
  let fm = M.filter_map (fun k v -> if k mod 5 = 0 then None else Some (v + 1)) u in
  shape fm;
  let (p, q) = M.partition (fun k _ -> k mod 3 = 0) u in
  shape p; shape q;
  let (l, x, r) = traced "split" (fun () -> M.split 101 u) in
  shape l; shape r; print_endline (match x with None -> "none" | Some v -> string_of_int v);
  let (l, x, r) = M.split (fst (M.choose u)) u in
  shape l; shape r; print_endline (match x with None -> "none" | Some v -> string_of_int v);
  let many = build 300 1000 in
  let many = List.fold_left (fun m _ -> M.remove (next 1000) m) many (List.init 400 (fun i -> i)) in
  shape many;
  let many = List.fold_left (fun m _ -> M.remove (fst (M.min_binding m)) (M.remove (fst (M.max_binding m)) m)) many (List.init 30 (fun i -> i)) in
  shape many;
  let big = build 500 100000 in
  let small = M.filter (fun k _ -> k mod 7 = 0) big in
  ignore (traced "union-big" (fun () -> M.cardinal (M.union (fun _ x _ -> Some x) small (build 30 100000))));
  shape small;
  print_string (string_of_bool (traced "equal" (fun () -> M.equal ( = ) a a))); print_newline ();
  print_int (traced "compare" (fun () -> M.compare compare a b)); print_newline ();
  ignore (traced "find_first" (fun () -> M.find_first (fun k -> k >= 60) u));
  ignore (traced "find_last_opt" (fun () -> M.find_last_opt (fun k -> k <= 60) u));
  let s = traced "to_seq_from" (fun () -> M.to_seq_from 77 u) in
  Seq.iter (fun (k, _) -> Printf.printf "%d " k) s; print_newline ();
  Seq.iter (fun (k, _) -> Printf.printf "%d " k) (M.to_rev_seq a); print_newline ();
  let same = M.add 5 (M.find 5 u) u in
  print_string (string_of_bool (same == u)); print_newline ();
  print_string (string_of_bool (M.remove 1000 u == u)); print_newline ();
  print_string (string_of_bool (M.filter (fun _ _ -> true) u == u)); print_newline ()
