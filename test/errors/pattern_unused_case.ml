let classify n =
  match n with
  | _ -> "other"
  | 0 -> "zero"

let () = print_endline (classify 0)
