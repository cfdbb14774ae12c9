let report n =
  if n > 0 then
    print_string "positive: ";
    print_int n
  else
    print_string "not positive"

let () = report 3
