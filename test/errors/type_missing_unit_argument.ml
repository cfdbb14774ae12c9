let print_banner () = print_endline "=== Report ==="

let () =
  print_banner;
  print_endline "done"
