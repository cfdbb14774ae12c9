let pr s = print_endline s
let pb b = pr (string_of_bool b)
let pi i = print_int i; print_newline ()
let pa a = print_string "[|"; Array.iteri (fun i x -> if i > 0 then print_string "; "; print_int x) a; print_endline "|]"
let ppa a = print_string "[|"; Array.iter (fun (x, y) -> print_string "("; print_int x; print_string ","; print_int y; print_string ")") a; print_endline "|]"
let po = function None -> pr "None" | Some x -> pr ("Some " ^ string_of_int x)
let exn f = try f () with
  | Failure m -> pr ("Failure " ^ m)
  | Invalid_argument m -> pr ("Invalid_argument " ^ m)
  | Not_found -> pr "Not_found"

let () =
  pa (Array.make 3 7);
  pa (Array.make 0 7);
  exn (fun () -> ignore (Array.make (-1) 0));
  pa (Array.create_float 0 |> Array.map int_of_float);
  pa (Array.init 5 (fun i -> i * i));
  pa (Array.init 0 (fun i -> i));
  exn (fun () -> ignore (Array.init (-1) (fun i -> i)));
  let a = [|1; 2; 3|] in
  pi (Array.length a);
  pi (Array.get a 1);
  pi a.(2);
  exn (fun () -> ignore (Array.get a 3));
  exn (fun () -> ignore a.(-1));
  Array.set a 0 10; a.(1) <- 20; pa a;
  exn (fun () -> Array.set a 3 0);
  let m = Array.make_matrix 2 3 0 in
  m.(0).(1) <- 5; m.(1).(2) <- 9;
  Array.iter pa m;
  pi (Array.length (Array.make_matrix 0 3 0));
  let c = Array.copy a in c.(0) <- 0; pa c; pa a;
  pa (Array.append [|1;2|] [|3;4|]);
  pa (Array.append [||] [|3;4|]);
  pa (Array.append [|1|] [||]);
  pa (Array.concat [[|1|]; [||]; [|2;3|]; [|4;5;6|]]);
  pa (Array.concat []);
  pa (Array.concat [[||]; [||]]);
  pa (Array.sub [|1;2;3;4;5|] 1 3);
  pa (Array.sub [|1;2;3;4;5|] 5 0);
  exn (fun () -> ignore (Array.sub [|1;2;3|] 2 2));
  exn (fun () -> ignore (Array.sub [|1;2;3|] (-1) 1));
  let f = Array.make 6 0 in
  Array.fill f 1 3 8; pa f;
  exn (fun () -> Array.fill f 4 3 1);
  let b = Array.init 8 (fun i -> i) in
  Array.blit [|100;200;300|] 0 b 2 3; pa b;
  Array.blit b 0 b 1 5; pa b;
  Array.blit b 3 b 0 5; pa b;
  exn (fun () -> Array.blit b 0 b 5 4);
  exn (fun () -> Array.blit b (-1) b 5 1);
  List.iter (fun x -> print_int x; print_string " ") (Array.to_list [|1;2;3|]); print_newline ();
  pi (List.length (Array.to_list [||]));
  pa (Array.of_list [4;5;6]);
  pa (Array.of_list []);
  Array.iter (fun x -> print_int x; print_string ",") [|1;2;3|]; print_newline ();
  Array.iteri (fun i x -> print_int (i * x); print_string ",") [|1;2;3|]; print_newline ();
  pa (Array.map (fun x -> x + 1) [|1;2;3|]);
  pa (Array.map (fun x -> print_int x; x) [|1;2;3|]);
  pa (Array.mapi (fun i x -> i * 10 + x) [|1;2;3|]);
  pi (Array.fold_left (fun a x -> a * 10 + x) 0 [|1;2;3|]);
  pi (Array.fold_right (fun x a -> a * 10 + x) [|1;2;3|] 0);
  let (acc, r) = Array.fold_left_map (fun acc x -> (acc + x, acc)) 0 [|1;2;3|] in pi acc; pa r;
  pb (Array.exists (fun x -> x > 2) [|1;2;3|]);
  pb (Array.exists (fun x -> x > 3) [|1;2;3|]);
  pb (Array.for_all (fun x -> x > 0) [|1;2;3|]);
  pb (Array.for_all (fun x -> x > 1) [|1;2;3|]);
  pb (Array.for_all2 (fun x y -> x < y) [|1;2|] [|2;3|]);
  exn (fun () -> ignore (Array.for_all2 (fun x y -> x < y) [|1;2|] [|2|]));
  pb (Array.exists2 (fun x y -> x = y) [|1;2|] [|2;2|]);
  exn (fun () -> ignore (Array.exists2 (fun x y -> x < y) [|1|] [|2;3|]));
  pb (Array.mem 2 [|1;2;3|]);
  pb (Array.mem 5 [|1;2;3|]);
  let s = "s" in
  pb (Array.memq s [|"a"; s|]);
  po (Array.find_opt (fun x -> x > 1) [|1;2;3|]);
  po (Array.find_opt (fun x -> x > 5) [|1;2;3|]);
  po (Array.find_map (fun x -> if x = 2 then Some 42 else None) [|1;2;3|]);
  let (xs, ys) = Array.split [|(1, 2); (3, 4)|] in pa xs; pa ys;
  ppa (Array.combine [|1;2|] [|3;4|]);
  exn (fun () -> ignore (Array.combine [|1;2|] [|3|]));
  Array.iter2 (fun x y -> print_int (x + y); print_string " ") [|1;2|] [|10;20|]; print_newline ();
  exn (fun () -> Array.iter2 (fun _ _ -> ()) [|1;2|] [|10|]);
  pa (Array.map2 (fun x y -> x * y) [|1;2;3|] [|4;5;6|]);
  exn (fun () -> ignore (Array.map2 (fun x y -> x * y) [|1;2;3|] [|4;5|]));
  let s = [|5;3;8;1;9;2;7;3;1;0;4;6|] in
  Array.sort compare s; pa s;
  let s = [|5;3;8;1;9;2;7;3;1;0;4;6|] in
  Array.stable_sort (fun a b -> compare b a) s; pa s;
  let e = [||] in Array.sort compare e; pa e;
  let e = [|1|] in Array.sort compare e; pa e;
  (* equal elements: heap sort vs merge sort order *)
  let mk () = Array.init 50 (fun i -> ((i * 7) mod 5, i)) in
  let cmp (a, _) (b, _) = compare a b in
  let x = mk () in Array.sort cmp x; ppa x;
  let x = mk () in Array.stable_sort cmp x; ppa x;
  let x = mk () in Array.fast_sort cmp x; ppa x;
  let x = Array.init 7 (fun i -> (i mod 2, i)) in Array.sort cmp x; ppa x;
  let x = Array.init 3 (fun i -> (0, i)) in Array.sort cmp x; ppa x;
  (* comparison sequence *)
  let cmpv a b = print_int a; print_string "-"; print_int b; print_string " "; compare a b in
  let x = [|4;1;3;2;6;5;0;9;8;7|] in Array.sort cmpv x; print_newline (); pa x;
  let x = [|4;1;3;2;6;5;0;9;8;7|] in Array.stable_sort cmpv x; print_newline (); pa x;
  let big = Array.init 1000 (fun i -> (i * 7919) mod 1000) in
  Array.sort compare big;
  pb (Array.for_all (fun x -> x) (Array.init 1000 (fun i -> big.(i) = i)));
  let big = Array.init 1000 (fun i -> ((i * 7919) mod 13, i)) in
  Array.stable_sort cmp big;
  pi (Array.fold_left (fun a (_, i) -> (a * 31 + i) mod 1000003) 0 big);
  let big = Array.init 1000 (fun i -> ((i * 7919) mod 13, i)) in
  Array.sort cmp big;
  pi (Array.fold_left (fun a (_, i) -> (a * 31 + i) mod 1000003) 0 big);
  let fa = [|3.5; 1.25; 2.0|] in Array.sort compare fa;
  Array.iter (fun f -> print_float f; print_string " ") fa; print_newline ();
  let t : int Array.t = [|1|] in pa t
