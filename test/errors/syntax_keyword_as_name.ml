let describe_token kind text =
  let type = if kind = 0 then "word" else "number" in
  type ^ ": " ^ text

let () = print_endline (describe_token 0 "hello")
