let () =
  let x = 3 and y = 4 in
  Printf.printf "(%d, %d)\n" x;
  ignore y
