(* The order in which List calls its function arguments, and sort stability,
   on lists long enough to exercise every branch of the merge sort. *)
let log = Buffer.create 1000
let cmp_logged (a, _) (b, _) =
  Buffer.add_string log (string_of_int a ^ "/" ^ string_of_int b ^ " ");
  compare a b
let show l = String.concat " " (List.map (fun (k, t) -> string_of_int k ^ t) l)
let seed = ref 7
let next () = seed := (!seed * 1103 + 12345) mod 65536; !seed mod 10
let () =
  List.iter (fun n ->
      let l = List.init n (fun i -> (next (), string_of_int i)) in
      Buffer.clear log;
      let s = List.stable_sort cmp_logged l in
      print_endline (show s); print_endline (Buffer.contents log);
      Buffer.clear log;
      let s = List.sort_uniq cmp_logged l in
      print_endline (show s); print_endline (Buffer.contents log);
      let s = List.sort (fun (a, _) (b, _) -> compare b a) l in
      print_endline (show s))
    [0; 1; 2; 3; 4; 5; 6; 7; 8; 11; 13; 20; 33]

let trace name f = Buffer.clear log; let r = f () in
  print_endline (name ^ ": " ^ Buffer.contents log); r
let note x = Buffer.add_string log (string_of_int x ^ " ")
let exn f = try ignore (f ()) with Invalid_argument m -> Buffer.add_string log ("IA " ^ m) | Not_found -> Buffer.add_string log "NF" | Failure m -> Buffer.add_string log ("F " ^ m)
let () =
  let l = [1; 2; 3; 4] and m = [1; 2; 3] in
  trace "map" (fun () -> ignore (List.map note l));
  trace "mapi" (fun () -> ignore (List.mapi (fun i x -> note (i * x)) l));
  trace "init" (fun () -> ignore (List.init 5 note));
  trace "map2" (fun () -> exn (fun () -> List.map2 (fun a b -> note (a + b)) l m));
  trace "rev_map2" (fun () -> exn (fun () -> List.rev_map2 (fun a b -> note (a + b)) l m));
  trace "iter2" (fun () -> exn (fun () -> List.iter2 (fun a b -> note (a + b)) l m));
  trace "fold_right2" (fun () -> exn (fun () -> List.fold_right2 (fun a b () -> note (a + b)) l m ()));
  trace "fold_right2 ok" (fun () -> List.fold_right2 (fun a b () -> note (a + b)) m m ());
  trace "for_all2" (fun () -> exn (fun () -> List.for_all2 (fun a b -> note a; a + b < 4) l m));
  trace "exists2" (fun () -> exn (fun () -> List.exists2 (fun a b -> note a; a + b > 9) l m));
  trace "combine" (fun () -> exn (fun () -> List.combine l m));
  trace "nth" (fun () -> exn (fun () -> List.nth l 4); exn (fun () -> List.nth l (-1)); exn (fun () -> List.nth_opt l (-1)));
  trace "hd" (fun () -> exn (fun () -> List.hd []); exn (fun () -> List.tl []));
  trace "assoc" (fun () -> exn (fun () -> List.assoc 3 [(1, 2)]); exn (fun () -> List.find (fun _ -> false) l));
  trace "partition" (fun () -> let a, b = List.partition (fun x -> note x; x mod 2 = 0) l in
                      List.iter note a; List.iter note b);
  trace "filteri" (fun () -> List.iter note (List.filteri (fun i x -> note x; i <> 1) l));
  trace "fold_left_map" (fun () -> let a, r = List.fold_left_map (fun acc x -> note x; (acc + x, acc)) 0 l in note a; List.iter note r);
  trace "concat_map" (fun () -> List.iter note (List.concat_map (fun x -> note x; [x; x]) m));
  trace "find_map" (fun () -> ignore (List.find_map (fun x -> note x; if x > 2 then Some x else None) l));
  trace "remove_assoc" (fun () -> List.iter (fun (a, b) -> note a; note b) (List.remove_assoc 1 [(2, 0); (1, 1); (1, 2)]));
  trace "mem nan" (fun () -> note (if List.mem nan [1.0; nan] then 1 else 0); note (if List.mem_assoc nan [(nan, 1)] then 1 else 0));
  trace "cmp lengths" (fun () -> List.iter note [List.compare_lengths l m; List.compare_lengths [] []; List.compare_length_with l 4; List.compare_length_with l 9; List.compare_length_with [] (-1); List.compare_length_with l (-1)]);
  trace "equal" (fun () -> note (if List.equal (fun a b -> note a; a = b) l m then 1 else 0));
  trace "compare" (fun () -> note (List.compare (fun a b -> note a; compare a b) m l));
  trace "merge" (fun () -> List.iter note (List.merge compare [1; 3; 5] [2; 3; 4; 6]))
