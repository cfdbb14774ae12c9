(* Set: the shape of the trees after long runs of every operation that builds
   one (a preorder walk by [for_all] shows it), the comparisons each makes
   (logged by the element order), and the order of the callbacks. *)

let log = ref []
let logging = ref false
module E = struct
  type t = int
  let compare (a : int) b =
    if !logging then log := (a, b) :: !log;
    compare a b
end
module S = Set.Make (E)

let seed = ref 11
let next bound = seed := (!seed * 1103515245 + 12345) land 0x3FFFFFFF; (!seed lsr 4) mod bound

let shape s =
  ignore (S.for_all (fun x -> print_int x; print_char ' '; true) s);
  print_newline ()

let traced name f =
  log := []; logging := true;
  let r = f () in
  logging := false;
  print_string name; print_string ":";
  List.iter (fun (a, b) -> Printf.printf " %d/%d" a b) (List.rev !log);
  print_newline ();
  r

let build n bound = let s = ref S.empty in for _ = 1 to n do s := S.add (next bound) !s done; !s
let pb b = print_endline (string_of_bool b)

let () =
  let a = traced "add" (fun () -> build 40 100) in
  shape a;
  let a = traced "remove" (fun () -> List.fold_left (fun s x -> S.remove x s) a [3; 50; 17; 99; 0; 64; 12; 33]) in
  shape a;
  let many = build 300 1000 in
  let many = List.fold_left (fun s _ -> S.remove (next 1000) s) many (List.init 400 (fun i -> i)) in
  shape many;
  let many = List.fold_left (fun s _ -> S.remove (S.min_elt s) (S.remove (S.max_elt s) s)) many (List.init 30 (fun i -> i)) in
  shape many;
  let b = build 60 200 in
  shape b;
  let u = traced "union" (fun () -> S.union a b) in shape u;
  shape (S.union b a); shape (S.union (S.singleton 7) b); shape (S.union b (S.singleton 1000));
  let i = traced "inter" (fun () -> S.inter a b) in shape i;
  let d = traced "diff" (fun () -> S.diff u a) in shape d;
  shape (S.diff a b);
  pb (traced "disjoint" (fun () -> S.disjoint a b));
  pb (traced "disjoint2" (fun () -> S.disjoint d a));
  pb (traced "subset" (fun () -> S.subset i a));
  pb (traced "subset2" (fun () -> S.subset a i));
  let f = S.filter (fun x -> Printf.printf "f%d " x; x mod 4 <> 1) u in
  print_newline (); shape f;
  let (p, q) = S.partition (fun x -> x mod 3 = 0) u in shape p; shape q;
  let m = traced "map" (fun () -> S.map (fun x -> if x mod 10 = 3 then 200 - x else x) u) in shape m;
  let m2 = S.map (fun x -> x / 3) many in shape m2;
  let fm = traced "filter_map" (fun () -> S.filter_map (fun x -> if x mod 5 = 0 then None else if x mod 7 = 0 then Some (x * 3) else Some x) u) in
  shape fm;
  let (l, present, r) = traced "split" (fun () -> S.split 101 u) in
  shape l; shape r; pb present;
  let ol = traced "of_list" (fun () -> S.of_list (List.init 57 (fun _ -> next 80))) in shape ol;
  List.iter (fun n -> shape (S.of_list (List.init n (fun i -> (i * 7) mod 11)))) [0; 1; 2; 3; 4; 5; 6; 7; 8; 9; 10; 11; 12];
  print_int (traced "compare" (fun () -> S.compare a b)); print_newline ();
  pb (S.equal u (S.union b a));
  ignore (traced "find_first" (fun () -> S.find_first (fun x -> x >= 60) u));
  ignore (traced "find_last_opt" (fun () -> S.find_last_opt (fun x -> x <= 60) u));
  Seq.iter (fun x -> Printf.printf "%d " x) (traced "to_seq_from" (fun () -> S.to_seq_from 77 u)); print_newline ();
  Seq.iter (fun x -> Printf.printf "%d " x) (S.to_rev_seq a); print_newline ();
  pb (S.add (S.min_elt u) u == u); pb (S.remove 1000 u == u);
  pb (S.filter (fun _ -> true) u == u); pb (S.map (fun x -> x) u == u);
  pb (S.union u S.empty == u)
