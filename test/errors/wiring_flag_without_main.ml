(* mlc: build --kv-host data *)
let () =
  print_endline "a plain program has no devices"
