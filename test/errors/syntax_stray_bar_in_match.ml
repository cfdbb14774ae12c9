let describe n =
  match n with
  | 0 -> "zero"
  | 1 -> "one"
  |

let () = print_endline (describe 1)
