let show_ratio r =
  Printf.sprintf "ratio: %y" r

let () = print_endline (show_ratio 0.5)
