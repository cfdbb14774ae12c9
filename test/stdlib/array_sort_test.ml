(* Array.sort (heap sort, not stable) and Array.stable_sort (merge sort):
   where equal elements end up, and every comparison each sort makes, in
   order, over many sizes (the insertion cutoff, odd and even halves). *)

let seed = ref 3
let next bound = seed := (!seed * 1103515245 + 12345) land 0x3FFFFFFF; (!seed lsr 4) mod bound

let calls = ref 0
let trace = ref 0
(* Only the key is compared; the tag shows where equal keys went. A checksum
   of the comparisons made keeps the output short. *)
let cmp (k1, _) (k2, _) =
  incr calls;
  trace := (!trace * 31 + k1 * 7 + k2) land 0xFFFFFF;
  compare k1 k2

let show name a =
  Printf.printf "%s %d %d:" name !calls !trace;
  Array.iter (fun (k, t) -> Printf.printf " %d.%d" k t) a;
  print_newline ()

let run name sort n keys =
  let a = Array.init n (fun i -> (next keys, i)) in
  calls := 0; trace := 0;
  sort cmp a;
  show name a

let () =
  List.iter (fun n ->
    run "sort" Array.sort n 5;
    run "stable" Array.stable_sort n 5;
    run "sort" Array.sort n (n + 1);
    run "stable" Array.stable_sort n (n + 1))
    [0; 1; 2; 3; 4; 5; 6; 7; 8; 9; 10; 11; 12; 13; 16; 17; 25; 31; 40; 64; 100];
  (* every comparison of a small heap sort, written out *)
  let a = [| 3; 1; 4; 1; 5; 9; 2; 6; 5; 3; 5 |] in
  Array.sort (fun x y -> Printf.printf "%d/%d " x y; compare x y) a;
  print_newline ();
  Array.iter (Printf.printf "%d ") a; print_newline ();
  let a = [| 3; 1; 4; 1; 5; 9; 2; 6; 5; 3; 5; 8; 9; 7 |] in
  Array.stable_sort (fun x y -> Printf.printf "%d/%d " x y; compare x y) a;
  print_newline ();
  Array.iter (Printf.printf "%d ") a; print_newline ()
