let () =
  let name = "ada" and age = 36 in
  Printf.printf "%s is here\n" name age
