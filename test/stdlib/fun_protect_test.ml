(* Fun.protect: the clean-up runs exactly once, after the work, whichever way
   the work ends; its own exception is wrapped, and replaces the work's. *)

exception Work of int

let trace = Buffer.create 16
let note s = Buffer.add_string trace s

let run name f =
  Buffer.clear trace;
  let outcome =
    match f () with
    | v -> "returned " ^ string_of_int v
    | exception Work n -> "Work " ^ string_of_int n
    | exception Fun.Finally_raised (Work n) -> "Finally_raised (Work " ^ string_of_int n ^ ")"
    | exception Fun.Finally_raised (Fun.Finally_raised _) -> "Finally_raised (Finally_raised _)"
    | exception Fun.Finally_raised _ -> "Finally_raised _" in
  print_endline (name ^ ": " ^ Buffer.contents trace ^ " -> " ^ outcome)

let () =
  run "ok" (fun () -> Fun.protect ~finally:(fun () -> note "F") (fun () -> note "W"; 1));
  run "work raises" (fun () -> Fun.protect ~finally:(fun () -> note "F") (fun () -> note "W"; raise (Work 2)));
  run "finally raises" (fun () ->
      Fun.protect ~finally:(fun () -> note "F"; raise (Work 3)) (fun () -> note "W"; 4));
  run "both raise" (fun () ->
      Fun.protect ~finally:(fun () -> note "F"; raise (Work 5)) (fun () -> note "W"; raise (Work 6)));
  run "handled inside finally" (fun () ->
      Fun.protect ~finally:(fun () -> (try raise (Work 7) with Work _ -> note "h"); note "F")
        (fun () -> note "W"; 8));
  run "nested" (fun () ->
      Fun.protect ~finally:(fun () -> note "F1")
        (fun () -> Fun.protect ~finally:(fun () -> note "F2") (fun () -> note "W"; raise (Work 9))));
  run "nested, inner finally raises" (fun () ->
      Fun.protect ~finally:(fun () -> note "F1"; raise (Work 10))
        (fun () -> Fun.protect ~finally:(fun () -> note "F2"; raise (Work 11)) (fun () -> note "W"; 12)));
  run "work calls protect in finally" (fun () ->
      Fun.protect ~finally:(fun () -> Fun.protect ~finally:(fun () -> raise (Work 13)) (fun () -> note "f"))
        (fun () -> note "W"; 14))
