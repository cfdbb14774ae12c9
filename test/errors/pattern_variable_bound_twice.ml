let same_pair p =
  match p with
  | (x, x) -> true
  | _ -> false
