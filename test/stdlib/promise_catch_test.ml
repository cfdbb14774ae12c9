(* Promise: catch, try_bind and finalize (the order of the body, the handler
   and the clean-up), exceptions out of run, async and its hook. *)

open Promise.Infix

let now () = Promise.Scheduler.Manual.now ()
let log s = Printf.printf "t=%d: %s\n" (now ()) s

exception Boom of string

let string_of_exn = function
  | Boom m -> Printf.sprintf "Boom %S" m
  | Failure m -> Printf.sprintf "Failure %S" m
  | Promise.Canceled -> "Canceled"
  | _ -> "another exception"

let show name p =
  match Promise.state p with
  | Promise.Pending -> Printf.printf "%s: pending\n" name
  | Promise.Fulfilled v -> Printf.printf "%s: fulfilled with %s\n" name v
  | Promise.Rejected e -> Printf.printf "%s: rejected with %s\n" name (string_of_exn e)

let sleep ns = Promise.Scheduler.sleep_ns ns

let () =
  print_endline "-- catch: a rejection after a sleep";
  let r =
    Promise.catch
      (fun () ->
        log "body starts";
        sleep 10 >>= fun () ->
        log "body fails";
        Promise.fail (Boom "late"))
      (fun e ->
        log ("handler: " ^ string_of_exn e);
        Promise.return "recovered")
  in
  log "catch returned";
  let v = Promise.run r in
  log ("result: " ^ v);
  print_endline "-- catch: the body raises at once";
  let r =
    Promise.catch
      (fun () -> log "body raises"; raise (Boom "now"))
      (fun e -> log ("handler: " ^ string_of_exn e); Promise.return "recovered")
  in
  log "catch returned";
  show "r" r;
  print_endline "-- catch: no failure, the handler is not called";
  let r = Promise.catch (fun () -> sleep 1 >|= fun () -> "fine") (fun _ -> log "not called"; Promise.return "") in
  show "r" r;
  let v = Promise.run r in
  log ("result: " ^ v);
  print_endline "-- catch: the handler fails again";
  let r = Promise.catch (fun () -> Promise.fail (Boom "one")) (fun _ -> Promise.fail (Boom "two")) in
  show "r" r

let () =
  print_endline "-- finalize: success";
  let r =
    Promise.finalize
      (fun () ->
        log "body";
        sleep 5 >|= fun () -> log "body done"; "42")
      (fun () ->
        log "cleanup";
        sleep 5 >|= fun () -> log "cleanup done")
  in
  let v = Promise.run r in
  log ("result: " ^ v);
  print_endline "-- finalize: the body fails";
  let r =
    Promise.finalize
      (fun () -> log "body"; sleep 5 >>= fun () -> log "body fails"; Promise.fail (Boom "body"))
      (fun () -> log "cleanup"; Promise.return ())
  in
  (try ignore (Promise.run r) with e -> log ("run raised " ^ string_of_exn e));
  print_endline "-- finalize: the clean-up fails too: its exception wins";
  let r =
    Promise.finalize
      (fun () -> Promise.fail (Boom "body"))
      (fun () -> log "cleanup fails"; Promise.fail (Boom "cleanup"))
  in
  show "r" r;
  print_endline "-- finalize inside catch";
  let r =
    Promise.catch
      (fun () ->
        Promise.finalize
          (fun () -> sleep 3 >>= fun () -> log "inner fails"; Promise.fail (Boom "inner"))
          (fun () -> log "finally"; Promise.return ()))
      (fun e -> log ("caught " ^ string_of_exn e); Promise.return "handled")
  in
  let v = Promise.run r in
  log ("result: " ^ v)

let () =
  print_endline "-- try_bind";
  let ok v = log ("ok " ^ v); Promise.return ("ok:" ^ v) in
  let err e = log ("err " ^ string_of_exn e); Promise.return "err" in
  let a = Promise.try_bind (fun () -> sleep 2 >|= fun () -> "two") ok err in
  let b = Promise.try_bind (fun () -> failwith "at once") ok err in
  let c = Promise.try_bind (fun () -> sleep 1 >>= fun () -> Promise.fail (Boom "one")) ok err in
  show "a" a;
  show "b" b;
  show "c" c;
  let v = Promise.run a in
  log ("a: " ^ v);
  show "c" c

let () =
  print_endline "-- run raises the rejection";
  (try ignore (Promise.run (sleep 1 >>= fun () -> Promise.fail (Failure "late")))
   with Failure m -> log ("run raised Failure " ^ m));
  (* Lwt's default hook prints the exception and exits; this one logs *)
  print_endline "-- async: its failure goes to async_exception_hook";
  Promise.async_exception_hook := (fun e -> log ("async_exception_hook: " ^ string_of_exn e));
  Promise.async (fun () -> sleep 2 >>= fun () -> log "async work fails"; Promise.fail (Boom "async"));
  Promise.async (fun () -> log "async work raises"; raise (Boom "sync"));
  Promise.async (fun () -> sleep 1 >|= fun () -> log "async work succeeds");
  log "async returned";
  Promise.run (sleep 5);
  Promise.dont_wait (fun () -> Promise.fail (Boom "dont_wait")) (fun e -> log ("handler: " ^ string_of_exn e));
  print_endline "-- a hook that raises";
  let t, _ = Promise.task () in
  Promise.on_cancel t (fun () -> raise (Boom "hook"));
  Promise.on_cancel t (fun () -> log "the next hook still runs");
  Promise.cancel t;
  show "t" (t >|= fun () -> "")
