let pr s = print_endline s
let pl l = print_string "["; List.iteri (fun i x -> if i > 0 then print_string "; "; print_int x) l; print_endline "]"
let ppl l = print_string "["; List.iter (fun (a, b) -> print_string "("; print_int a; print_string ","; print_int b; print_string ")") l; print_endline "]"
let ps l = print_string "["; List.iter (fun s -> print_string s; print_string ";") l; print_endline "]"
let pb b = pr (string_of_bool b)
let po = function None -> pr "None" | Some x -> pr ("Some " ^ string_of_int x)
let exn f = try f () with
  | Failure m -> pr ("Failure " ^ m)
  | Invalid_argument m -> pr ("Invalid_argument " ^ m)
  | Not_found -> pr "Not_found"

let () =
  print_int (List.length []); print_newline ();
  print_int (List.length [1;2;3]); print_newline ();
  print_int (List.hd [4;5]); print_newline ();
  exn (fun () -> ignore (List.hd []));
  pl (List.tl [4;5;6]);
  exn (fun () -> ignore (List.tl []));
  print_int (List.nth [10;20;30] 2); print_newline ();
  exn (fun () -> ignore (List.nth [10;20;30] 3));
  exn (fun () -> ignore (List.nth [10;20;30] (-1)));
  po (List.nth_opt [10;20;30] 1);
  po (List.nth_opt [10;20;30] 5);
  exn (fun () -> ignore (List.nth_opt [10;20;30] (-1)));
  pl (List.rev [1;2;3;4]);
  pl (List.append [1;2] [3;4]);
  pl (List.rev_append [1;2] [3;4]);
  pl (List.concat [[1];[];[2;3];[4]]);
  pl (List.flatten [[5;6];[7]]);
  pl (List.cons 0 [1]);
  List.iter (fun x -> print_int x; print_string " ") [1;2;3]; print_newline ();
  List.iteri (fun i x -> print_int (i * x); print_string " ") [1;2;3]; print_newline ();
  pl (List.map (fun x -> x * x) [1;2;3]);
  pl (List.mapi (fun i x -> i + x) [10;20;30]);
  pl (List.rev_map (fun x -> x + 1) [1;2;3]);
  (* evaluation order of map *)
  pl (List.map (fun x -> print_int x; x) [1;2;3]);
  pl (List.rev_map (fun x -> print_int x; x) [1;2;3]);
  print_int (List.fold_left (fun a x -> a * 10 + x) 0 [1;2;3]); print_newline ();
  print_int (List.fold_right (fun x a -> a * 10 + x) [1;2;3] 0); print_newline ();
  List.iter2 (fun a b -> print_int (a + b); print_string " ") [1;2] [10;20]; print_newline ();
  exn (fun () -> List.iter2 (fun _ _ -> ()) [1] [1;2]);
  pl (List.map2 (fun a b -> a * b) [1;2;3] [4;5;6]);
  exn (fun () -> ignore (List.map2 (fun a b -> a * b) [1;2;3] [4;5]));
  pl (List.rev_map2 (fun a b -> a - b) [1;2;3] [4;5;6]);
  exn (fun () -> ignore (List.rev_map2 (fun a b -> a * b) [1] []));
  print_int (List.fold_left2 (fun a x y -> a + x * y) 0 [1;2] [3;4]); print_newline ();
  exn (fun () -> ignore (List.fold_left2 (fun a _ _ -> a) 0 [1;2] [3]));
  print_int (List.fold_right2 (fun x y a -> a * 10 + x + y) [1;2] [3;4] 0); print_newline ();
  exn (fun () -> ignore (List.fold_right2 (fun _ _ a -> a) [1;2] [3] 0));
  pb (List.for_all (fun x -> x > 0) [1;2;3]);
  pb (List.for_all (fun x -> x > 1) [1;2;3]);
  pb (List.for_all (fun _ -> false) []);
  pb (List.exists (fun x -> x > 2) [1;2;3]);
  pb (List.exists (fun x -> x > 3) [1;2;3]);
  pb (List.for_all2 (fun a b -> a < b) [1;2] [2;3]);
  exn (fun () -> ignore (List.for_all2 (fun a b -> a < b) [1;2] [2]));
  pb (List.exists2 (fun a b -> a = b) [1;2] [2;2]);
  exn (fun () -> ignore (List.exists2 (fun a b -> a < b) [1;2] [2]));
  pb (List.mem 3 [1;2;3]);
  pb (List.mem 4 [1;2;3]);
  pb (List.mem "a" ["b"; "a"]);
  let s = "x" in
  pb (List.memq s ["x"; s]);
  pb (List.memq "y" [s]);
  print_int (List.find (fun x -> x mod 2 = 0) [1;3;4;6]); print_newline ();
  exn (fun () -> ignore (List.find (fun x -> x > 10) [1;2]));
  po (List.find_opt (fun x -> x > 1) [1;2;3]);
  po (List.find_opt (fun x -> x > 10) [1;2;3]);
  po (List.find_map (fun x -> if x > 1 then Some (x * 100) else None) [1;2;3]);
  po (List.find_map (fun _ -> None) [1;2;3]);
  pl (List.filter (fun x -> x mod 2 = 1) [1;2;3;4;5]);
  pl (List.find_all (fun x -> x > 2) [1;2;3;4;5]);
  pl (List.filteri (fun i _ -> i mod 2 = 0) [1;2;3;4;5]);
  pl (List.filter_map (fun x -> if x > 2 then Some (-x) else None) [1;2;3;4;5]);
  pl (List.concat_map (fun x -> [x; x]) [1;2;3]);
  let (a, l) = List.fold_left_map (fun acc x -> (acc + x, acc * x)) 0 [1;2;3] in
  print_int a; pl l;
  let (y, n) = List.partition (fun x -> x > 2) [1;5;2;4;3] in pl y; pl n;
  let (y, n) = List.partition_map (fun x -> if x > 2 then Either.Left x else Either.Right (-x)) [1;5;2;4;3] in pl y; pl n;
  let al = [(1, "one"); (2, "two"); (1, "uno")] in
  pr (List.assoc 1 al);
  exn (fun () -> ignore (List.assoc 3 al));
  (match List.assoc_opt 2 al with Some s -> pr s | None -> pr "None");
  (match List.assoc_opt 5 al with Some s -> pr s | None -> pr "None");
  pr (List.assq 2 al);
  exn (fun () -> ignore (List.assq 3 al));
  (match List.assq_opt 9 al with Some s -> pr s | None -> pr "None");
  pb (List.mem_assoc 2 al);
  pb (List.mem_assoc 7 al);
  pb (List.mem_assq 1 al);
  ps (List.map snd (List.remove_assoc 1 al));
  ps (List.map snd (List.remove_assq 2 al));
  ps (List.map snd (List.remove_assoc 7 al));
  let (xs, ys) = List.split [(1, 2); (3, 4); (5, 6)] in pl xs; pl ys;
  ppl (List.combine [1;2;3] [4;5;6]);
  exn (fun () -> ignore (List.combine [1;2;3] [4;5]));
  pl (List.sort compare [5;3;8;1;9;2;7;3;1]);
  pl (List.sort (fun a b -> compare b a) [5;3;8;1;9;2;7;3;1]);
  pl (List.sort compare []);
  pl (List.sort compare [1]);
  pl (List.sort compare [2;1]);
  pl (List.sort compare [3;2;1]);
  (* stability: sort by first component only *)
  let pairs = List.init 40 (fun i -> ((i * 7) mod 5, i)) in
  ppl (List.sort (fun (a, _) (b, _) -> compare a b) pairs);
  ppl (List.stable_sort (fun (a, _) (b, _) -> compare a b) pairs);
  ppl (List.fast_sort (fun (a, _) (b, _) -> compare b a) pairs);
  (* comparison order *)
  let cmp a b = print_int a; print_string "-"; print_int b; print_string " "; compare a b in
  pl (List.sort cmp [4;1;3;2;6;5;0]);
  pl (List.sort_uniq compare [3;1;2;3;1;5;5;0]);
  pl (List.sort_uniq cmp [4;1;3;2;6;5;0;4]);
  ppl (List.sort_uniq (fun (a, _) (b, _) -> compare a b) pairs);
  pl (List.merge compare [1;3;5;7] [2;3;4;8;9]);
  ppl (List.merge (fun (a, _) (b, _) -> compare a b) [(1, 1); (2, 1)] [(1, 2); (2, 2)]);
  pl (List.init 5 (fun i -> i * i));
  pl (List.init 0 (fun i -> i));
  exn (fun () -> ignore (List.init (-1) (fun i -> i)));
  print_int (List.length (List.init 20000 (fun i -> i))); print_newline ();
  print_int (List.fold_left (+) 0 (List.init 20000 (fun i -> i))); print_newline ();
  print_int (List.compare_lengths [1;2] [3;4]); print_newline ();
  print_int (List.compare_lengths [1;2;3] [3;4]); print_newline ();
  print_int (List.compare_lengths [] [3;4]); print_newline ();
  print_int (List.compare_length_with [1;2] 2); print_newline ();
  print_int (List.compare_length_with [1;2] 5); print_newline ();
  print_int (List.compare_length_with [1;2] 0); print_newline ();
  pb (List.equal (=) [1;2] [1;2]);
  pb (List.equal (=) [1;2] [1;2;3]);
  pb (List.equal (=) [1;2] [1;3]);
  print_int (List.compare compare [1;2] [1;2]); print_newline ();
  print_int (List.compare compare [1;2] [1;3]); print_newline ();
  print_int (List.compare compare [1;2;3] [1;2]); print_newline ();
  print_int (List.compare compare [] [1]); print_newline ();
  let l : int List.t = [1] in pl l
