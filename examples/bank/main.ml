(* A multi-file program: Main uses Ledger, which uses Account; each .mli hides
   its module's representation. Run: npx mlc run examples/bank/main.ml *)

let () =
  let l = Ledger.create () in
  Account.deposit (Ledger.account l "alice") 100;
  Account.deposit (Ledger.account l "bob") 20;
  let show = function Ok () -> "ok" | Error e -> "refused: " ^ e in
  print_endline (show (Ledger.transfer l ~from:"alice" ~to_:"bob" 30));
  print_endline (show (Ledger.transfer l ~from:"bob" ~to_:"carol" 80));
  List.iter print_endline (Ledger.report l)
