let report name score =
  Printf.printf "%s scored %d points\n" name (string_of_int score)

let () = report "ada" 10
