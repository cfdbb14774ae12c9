let sign n =
  n > 0 then 1 else -1

let () = print_int (sign 5)
