let () =
  let t = Tally.create () in
  t.Tally.counts <- [ ("home", 1_000_000) ]
