let find_age name people = List.assoc_opt name people

let () =
  let age = find_age "ada" [("ada", 36)] in
  print_int (age + 1)
