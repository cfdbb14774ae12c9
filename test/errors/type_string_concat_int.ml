let describe age =
  "You are " ^ age ^ " years old"

let () = print_endline (describe 30)
