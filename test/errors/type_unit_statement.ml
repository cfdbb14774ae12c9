let () =
  let total = ref 0 in
  List.iter (fun x -> total := !total + x) [1; 2; 3];
  !total;
  print_newline ()
