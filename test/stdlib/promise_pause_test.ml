(* Promise.pause interleaving computations, paused work against due timers,
   long loops in constant stack, and Promise.run's deadlock detection. *)

open Promise.Infix

let now () = Promise.Scheduler.Manual.now ()
let log s = Printf.printf "t=%d: %s\n" (now ()) s

let rec worker name n =
  if n = 0 then begin
    log (name ^ " done");
    Promise.return ()
  end
  else begin
    log (Printf.sprintf "%s step %d" name n);
    Promise.pause () >>= fun () -> worker name (n - 1)
  end

let () =
  print_endline "-- two workers that pause take turns";
  let a = worker "a" 3 in
  let b = worker "b" 2 in
  Promise.run (Promise.join [ a; b ]);
  log "both done"

let () =
  (* Lwt_main.run wakes the paused promises before it looks at the timers, so
     Lwt would print paused 1 and paused 2 first. *)
  print_endline "-- run_ready: the due timers first, then the paused work";
  let _ = Promise.pause () >|= fun () -> log "paused 1" in
  let _ = Promise.Scheduler.sleep_ns 0 >|= fun () -> log "timer 0" in
  let _ = Promise.pause () >|= fun () -> log "paused 2" in
  let _ =
    Promise.Scheduler.sleep_ns 0 >>= fun () ->
    log "timer 0 (second), pauses";
    Promise.pause () >|= fun () -> log "paused by the timer"
  in
  (match Promise.Scheduler.next_deadline () with
   | Some d -> Printf.printf "next_deadline: Some %d (paused work: now)\n" d
   | None -> print_endline "next_deadline: None");
  Promise.Scheduler.run_ready ();
  print_endline "run_ready returned";
  print_endline "-- a cancelled pause is not resumed";
  let p = Promise.pause () in
  let _ = p >|= fun () -> log "not run" in
  Promise.cancel p;
  Promise.Scheduler.run_ready ();
  print_endline "run_ready returned"

let () =
  print_endline "-- a loop that pauses 100000 times";
  let count = ref 0 in
  let rec loop n = if n = 0 then Promise.return !count else (incr count; Promise.pause () >>= fun () -> loop (n - 1)) in
  let n = Promise.run (loop 100000) in
  Printf.printf "loop: %d\n" n;
  print_endline "-- a loop over already resolved promises";
  let rec spin n = if n = 0 then Promise.return "spun" else Promise.return () >>= fun () -> spin (n - 1) in
  print_endline (Promise.run (spin 10000))

let () =
  print_endline "-- deadlock detection";
  let p, _ = Promise.wait () in
  (try ignore (Promise.run p) with Failure m -> print_endline m);
  let start = now () in
  let q = Promise.Scheduler.sleep_ns 10 >>= fun () -> log "slept, now waits forever"; fst (Promise.wait ()) in
  (try ignore (Promise.run q) with Failure m -> print_endline m);
  Printf.printf "%d ns passed\n" (now () - start);
  (* a cancelled sleep is no deadline: run does not wait for it *)
  let s = Promise.Scheduler.sleep_ns 1000 in
  Promise.cancel s;
  let start = now () in
  let r, _ = Promise.wait () in
  (try ignore (Promise.run r) with Failure m -> print_endline m);
  Printf.printf "%d ns passed\n" (now () - start);
  print_endline "-- a promise cancelled while run waits";
  let s = Promise.Scheduler.sleep_ns 100 in
  let _ = Promise.Scheduler.sleep_ns 50 >|= fun () -> log "cancelling"; Promise.cancel s in
  (try Promise.run s with Promise.Canceled -> log "run raised Canceled")
