let () =
  let t = Tally.create () in
  List.iter (fun page -> ignore (Tally.hit t page)) [ "home"; "about"; "home" ];
  Printf.printf "home was visited %d times\n" (Tally.count t "home");
  List.iter (fun (page, n) -> Printf.printf "%-6s %d\n" page n) (Tally.pages t)
