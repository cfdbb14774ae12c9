(* Time.sleep_ns in an ordinary program: Promise.run drives the scheduler's
   manual clock, jumping it to the next deadline, so sleeping takes virtual
   time only (an hour passes at once). A monotonic clock stand-in that reads
   the same virtual time shows what a service would observe. *)

(* A stand-in for Mclock: the manual clock of the scheduler. *)
module Virtual_clock = struct
  let elapsed_ns () = Promise.Scheduler.Manual.now ()
end

(* A service over time, a clock and a console. *)
module Ticker (T : Time.S) (M : Mclock.S) (C : Console.S) = struct
  open Promise.Syntax

  let stamp console msg =
    C.log console (Printf.sprintf "[%d ms] %s" (M.elapsed_ns () / 1_000_000) msg)

  let rec tick console name period n =
    if n = 0 then Promise.return ()
    else
      let* () = T.sleep_ns period in
      let* () = stamp console (Printf.sprintf "%s %d" name n) in
      tick console name period (n - 1)

  let start console =
    let* () = stamp console "start" in
    let fast = tick console "fast" (Time.ns_of_ms 300) 3 in
    let slow = tick console "slow" (Time.ns_of_ms 500) 2 in
    let* () = Promise.join [ fast; slow ] in
    stamp console "done"
end

(* Time itself is passed as the functor argument. *)
module App = Ticker (Time) (Virtual_clock) (Console.Recorder)

type 'a outcome = Finished of 'a | Timed_out

(* The usual timeout: whichever resolves first wins, the other is cancelled. *)
let with_timeout ns p =
  Promise.pick [ Promise.map (fun v -> Finished v) p; Promise.map (fun () -> Timed_out) (Time.sleep_ns ns) ]

let job seconds result = Promise.bind (Time.sleep_ns (Time.ns_of_s seconds)) (fun () -> Promise.return result)

let show_outcome = function
  | Finished n -> Printf.printf "finished: %d" n
  | Timed_out -> print_string "timed out"

let seconds () = Promise.Scheduler.Manual.now () / Time.ns_of_s 1

let () =
  Printf.printf "%d %d %d\n" (Time.ns_of_us 7) (Time.ns_of_ms 7) (Time.ns_of_s 7);
  Printf.printf "clock at %d\n" (Promise.Scheduler.Manual.now ());
  let console = Console.Recorder.create () in
  Promise.run (App.start console);
  print_string (Console.Recorder.contents console);
  Printf.printf "clock at %d\n" (Promise.Scheduler.Manual.now ());
  (* an hour, at once *)
  Promise.run (Time.sleep_ns (Time.ns_of_s 3600));
  Printf.printf "an hour later: %d s\n" (seconds ());
  show_outcome (Promise.run (with_timeout (Time.ns_of_s 2) (job 5 42)));
  Printf.printf " at %d s\n" (seconds ());
  show_outcome (Promise.run (with_timeout (Time.ns_of_s 2) (job 1 7)));
  Printf.printf " at %d s\n" (seconds ());
  (* sleepers wake in deadline order; equal deadlines in the order of the
     calls; a sleep of 0 (or less) waits only for the scheduler *)
  let order = Buffer.create 8 in
  let mark s () = Buffer.add_string order s in
  let a = Promise.map (mark "a") (Time.sleep_ns 100) in
  let b = Promise.map (mark "b") (Time.sleep_ns 50) in
  let c = Promise.map (mark "c") (Time.sleep_ns 100) in
  let d = Promise.map (mark "d") (Time.sleep_ns (-5)) in
  Printf.printf "before running: %S\n" (Buffer.contents order);
  Promise.run (Promise.join [ a; b; c; d ]);
  Printf.printf "woke in order %S, %d ns later\n" (Buffer.contents order)
    (Promise.Scheduler.Manual.now () - Time.ns_of_s 3604)
