(* Promise cancellation: pick cancels the losers (their on_cancel hooks run),
   choose leaves them running, cancelling a chain cancels the sleep it waits
   on, wait promises are not cancelable, Canceled can be caught. *)

open Promise.Infix

let now () = Promise.Scheduler.Manual.now ()
let log s = Printf.printf "t=%d: %s\n" (now ()) s

let string_of_exn = function
  | Failure m -> Printf.sprintf "Failure %S" m
  | Promise.Canceled -> "Canceled"
  | _ -> "another exception"

let show name to_string p =
  match Promise.state p with
  | Promise.Pending -> Printf.printf "%s: pending\n" name
  | Promise.Fulfilled v -> Printf.printf "%s: fulfilled with %s\n" name (to_string v)
  | Promise.Rejected e -> Printf.printf "%s: rejected with %s\n" name (string_of_exn e)

let show_deadline () =
  match Promise.Scheduler.next_deadline () with
  | None -> print_endline "next_deadline: None"
  | Some d -> Printf.printf "next_deadline: Some %d\n" d

let sleep name ns v =
  let s = Promise.Scheduler.sleep_ns ns in
  Promise.on_cancel s (fun () -> log (name ^ "'s timer cancelled"));
  s >|= fun () -> log (name ^ " woke"); v

let () =
  (* As in Lwt: the loser's timer hook, then the hooks of what waits on it,
     then its callbacks, and only then the callbacks of pick's promise. *)
  print_endline "-- pick: the loser is cancelled";
  let fast = sleep "fast" 10 "fast" in
  let slow = sleep "slow" 50 "slow" in
  Promise.on_cancel slow (fun () -> log "slow's hook");
  Promise.on_failure slow (fun e -> log ("slow rejected with " ^ string_of_exn e));
  let p = Promise.pick [ fast; slow ] in
  Promise.on_success p (fun v -> log ("pick's callback: " ^ v));
  let w = Promise.run p in
  log ("pick: " ^ w);
  show (* slow's timer is gone *) "slow" (fun s -> s) slow;
  show_deadline ()

let () =
  print_endline "-- choose: the others go on";
  let a = sleep "a" 10 "a" in
  let b = sleep "b" 20 "b" in
  let w = Promise.run (Promise.choose [ b; a ]) in
  log ("choose: " ^ w);
  Printf.printf "b is sleeping: %b\n" (Promise.is_sleeping b);
  let v = Promise.run b in
  log ("then b: " ^ v)

let () =
  (* Lwt picks one of the resolved inputs at random *)
  print_endline "-- already resolved inputs: the first in the list wins";
  let s = sleep "s" 10 0 in
  let p = Promise.pick [ s; Promise.return 1; Promise.return 2 ] in
  show "pick" string_of_int p;
  show "s" string_of_int s;
  let c = Promise.choose [ Promise.fail (Failure "first"); Promise.return 2 ] in
  show "choose" string_of_int c;
  show_deadline ();
  (try ignore (Promise.pick []) with Invalid_argument m -> Printf.printf "Invalid_argument %S\n" m)

let () =
  print_endline "-- cancelling a chain cancels the sleep it waits on";
  let s = Promise.Scheduler.sleep_ns 100 in
  Promise.on_cancel s (fun () -> log "the sleep's hook");
  let chain = s >>= (fun () -> log "not reached"; Promise.return 1) >|= fun x -> x + 1 in
  Promise.on_cancel chain (fun () -> log "the chain's hook");
  show_deadline ();
  print_endline "cancel chain";
  Promise.cancel chain;
  show "chain" string_of_int chain;
  show "s" (fun () -> "()") s;
  show_deadline ();
  print_endline "-- once the bind has moved on, the promise it returned is cancelled";
  let first = Promise.Scheduler.sleep_ns 10 in
  let r =
    first >>= fun () ->
    log "first sleep done";
    let second = Promise.Scheduler.sleep_ns 10 in
    Promise.on_cancel second (fun () -> log "the second sleep's hook");
    second >|= fun () -> log "not reached"
  in
  Promise.run (Promise.Scheduler.sleep_ns 15);
  print_endline "cancel r";
  Promise.cancel r;
  show "r" (fun () -> "()") r;
  show_deadline ();
  (* Lwt would run j2's hook before j1's (its cancel gathers the promises to
     cancel in a list built backwards); Promise keeps the order of the list *)
  print_endline "-- cancelling a join cancels all its inputs";
  let j1 = sleep "j1" 10 () in
  let j2 = sleep "j2" 20 () in
  let j = Promise.join [ j1; j2 ] in
  Promise.on_failure j (fun e -> log ("join rejected with " ^ string_of_exn e));
  print_endline "cancel j";
  Promise.cancel j;
  show_deadline ()

let () =
  print_endline "-- wait promises are not cancelable";
  let p, u = Promise.wait () in
  let c = p >|= fun x -> x * 2 in
  Promise.on_cancel c (fun () -> log "not run");
  Promise.cancel c;
  show "c" string_of_int c;
  Promise.wakeup u 3;
  show "c" string_of_int c;
  print_endline "-- but rejecting one with Canceled runs its hooks";
  let q, v = Promise.wait () in
  Promise.on_cancel q (fun () -> log "q's hook");
  Promise.wakeup_exn v Promise.Canceled;
  show "q" string_of_int q;
  Promise.on_cancel q (fun () -> log "hook added after: run at once");
  Promise.on_cancel (Promise.return 1) (fun () -> log "not run: fulfilled");
  Promise.on_cancel (Promise.fail Exit) (fun () -> log "not run: rejected with Exit");
  print_endline "-- protected and no_cancel";
  let s = sleep "guarded" 5 "guarded" in
  let g = Promise.protected s in
  Promise.cancel g;
  show "protected" (fun s -> s) g;
  let n = Promise.no_cancel s in
  Promise.cancel n;
  show "no_cancel" (fun s -> s) n;
  let v = Promise.run n in
  log ("no_cancel then: " ^ v)

let () =
  print_endline "-- Canceled can be caught";
  let p =
    Promise.catch
      (fun () -> sleep "caught" 10 "slept")
      (function
        | Promise.Canceled -> log "handler: Canceled"; Promise.return "recovered"
        | e -> Promise.fail e)
  in
  Promise.cancel p;
  show "p" (fun s -> s) p;
  print_endline "-- a timeout with pick";
  let timeout ns = Promise.Scheduler.sleep_ns ns >>= fun () -> Promise.fail (Failure "timeout") in
  let work = sleep "work" 30 "work done" in
  let r =
    Promise.catch
      (fun () -> Promise.pick [ work; timeout 20 ])
      (fun e -> Promise.return ("caught " ^ string_of_exn e))
  in
  let v = Promise.run r in
  log v;
  show_deadline ()
