let label n =
  if n = 1 then "one"
  else n

let () = print_endline (label 1)
