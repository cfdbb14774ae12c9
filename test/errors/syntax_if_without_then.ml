let check_age age =
  if age < 18
    print_endline "minor"
  else
    print_endline "adult"
