type node = { v : int; next : node }

let () =
  let rec r = { v = 1; next = { v = 2; next = r } } in
  print_int r.next.next.v
