(* Core: out-of-bounds array access raises Invalid_argument, caught then uncaught  # exit 2 *)
let get a i = try string_of_int a.(i) with Invalid_argument m -> "error: " ^ m

let () =
  let a = [| 10; 20; 30 |] in
  print_endline (get a 0);
  print_endline (get a 2);
  print_endline (get a 3);
  print_endline (get a (-1));
  print_endline (get [||] 0);
  (try a.(5) <- 1 with Invalid_argument m -> print_endline ("set " ^ m));
  (try ignore (Array.make (-1) 0) with Invalid_argument m -> print_endline ("make " ^ m));
  print_endline "now uncaught";
  a.(3) <- 0;
  print_endline "not reached"
