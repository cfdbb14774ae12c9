let describe = fun
  | 0 -> "none"
  | 1 -> "one"
  | _ -> "many"
