let is_empty s =
  match s with
  | [] -> true
  | _ -> false

let () = print_endline (if is_empty "" then "empty" else "not empty")
