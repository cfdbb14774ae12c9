(* Promise.Scheduler with the manual clock: sleeps joined, in deadline order
   (ties in the order of the sleep_ns calls), all keeping the list's order,
   next_deadline and run_ready by hand. *)

open Promise.Infix

let now () = Promise.Scheduler.Manual.now ()
let log s = Printf.printf "t=%d: %s\n" (now ()) s

(* [sleep name ns v] sleeps [ns] then is fulfilled with [v], saying so. *)
let sleep name ns v =
  log (Printf.sprintf "%s sleeps %d" name ns);
  Promise.Scheduler.sleep_ns ns >|= fun () -> log (name ^ " woke"); v

let show_deadline () =
  match Promise.Scheduler.next_deadline () with
  | None -> print_endline "next_deadline: None"
  | Some d -> Printf.printf "next_deadline: Some %d\n" d

let () =
  print_endline "-- both";
  show_deadline ();
  let a = sleep "a" 30 "A" in
  let b = sleep "b" 10 1 in
  show_deadline ();
  let x, y = Promise.run (Promise.both a b) in
  log (Printf.sprintf "both: (%s, %d)" x y);
  show_deadline ()

let () =
  print_endline "-- join, with equal deadlines";
  let c1 = sleep "c1" 20 () in
  let c2 = sleep "c2" 10 () in
  let c3 = sleep "c3" 20 () in
  let c4 = sleep "c4" 15 () in
  Promise.run (Promise.join [ c1; c2; c3; c4 ]);
  log "join done"

let () =
  print_endline "-- all keeps the order of the list";
  let x = sleep "x" 30 "x" in
  let y = sleep "y" 10 "y" in
  let z = sleep "z" 20 "z" in
  let l = Promise.run (Promise.all [ x; y; z ]) in
  log ("all: " ^ String.concat " " l);
  let e = Promise.run (Promise.all []) in
  Printf.printf "all []: %d elements\n" (List.length e);
  Promise.run (Promise.join []);
  print_endline "join []: done"

let () =
  print_endline "-- sleeps one after the other";
  let start = now () in
  let p =
    sleep "first" 5 () >>= fun () ->
    sleep "second" 7 () >>= fun () ->
    sleep "third" 0 "done"
  in
  let v = Promise.run p in
  Printf.printf "%s after %d ns\n" v (now () - start)

let () =
  print_endline "-- run_ready by hand";
  let start = now () in
  let _ = sleep "m" 5 () in
  let _ = sleep "n" 5 () in
  show_deadline ();
  print_endline "run_ready";
  Promise.Scheduler.run_ready ();
  Promise.Scheduler.Manual.advance 4;
  print_endline "advance 4; run_ready";
  Promise.Scheduler.run_ready ();
  Promise.Scheduler.Manual.advance 1;
  print_endline "advance 1; run_ready";
  Promise.Scheduler.run_ready ();
  show_deadline ();
  Printf.printf "%d ns passed\n" (now () - start);
  (* a sleeper woken late, and one registered by a callback during run_ready
     that is already due: both run in the same run_ready *)
  let _ =
    sleep "o" 3 () >>= fun () ->
    sleep "o2" 0 () >>= fun () ->
    sleep "o3" (-5) ()
  in
  Promise.Scheduler.Manual.advance 100;
  print_endline "advance 100; run_ready";
  Promise.Scheduler.run_ready ();
  show_deadline ();
  (try Promise.Scheduler.Manual.advance (-1)
   with Invalid_argument m -> Printf.printf "Invalid_argument %S\n" m)

let () =
  print_endline "-- a loop that sleeps 100000 times";
  let start = now () in
  let rec loop n = if n = 0 then Promise.return n else Promise.Scheduler.sleep_ns 2 >>= fun () -> loop (n - 1) in
  let n = Promise.run (loop 100000) in
  Printf.printf "loop: %d, %d ns later\n" n (now () - start)
