let () =
  let average = 7.5 in
  Printf.printf "average: %d\n" average
