let abs_value n =
  if n < 0 then -n

let () = print_int (abs_value (-5))
