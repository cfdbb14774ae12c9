(* Promise: resolution, bind and map, failures, wakeup, the order in which
   callbacks run, and the binding operators. No timers here. *)

open Promise.Infix

exception Boom of int

let string_of_exn = function
  | Boom n -> Printf.sprintf "Boom %d" n
  | Failure m -> Printf.sprintf "Failure %S" m
  | Invalid_argument m -> Printf.sprintf "Invalid_argument %S" m
  | Promise.Canceled -> "Canceled"
  | _ -> "another exception"

let show name to_string p =
  match Promise.state p with
  | Promise.Pending -> Printf.printf "%s: pending\n" name
  | Promise.Fulfilled v -> Printf.printf "%s: fulfilled with %s\n" name (to_string v)
  | Promise.Rejected e -> Printf.printf "%s: rejected with %s\n" name (string_of_exn e)

let show_int name p = show name string_of_int p

let () =
  print_endline "-- already resolved";
  show_int "return 1" (Promise.return 1);
  show_int "fail (Boom 0)" (Promise.fail (Boom 0));
  show_int "return 1 >>= +1" (Promise.return 1 >>= fun x -> Promise.return (x + 1));
  show_int "return 1 >|= *10" (Promise.return 1 >|= fun x -> x * 10);
  show_int "fail >>= f"
    (Promise.fail (Boom 1) >>= fun x -> print_endline "not called"; Promise.return x);
  show_int "raise in bind" (Promise.return 1 >>= fun _ -> raise (Boom 2));
  show_int "raise in map" (Promise.return 1 >|= fun _ -> failwith "map");
  let p = Promise.return 5 in
  Printf.printf "is_sleeping %b, is_resolved %b\n" (Promise.is_sleeping p) (Promise.is_resolved p)

let () =
  print_endline "-- a failure goes through the binds after it";
  let p, u = Promise.wait () in
  let chain =
    p
    >>= (fun x -> Printf.printf "step 1 got %d\n" x; Promise.return (x + 1))
    >>= (fun x -> Printf.printf "step 2 got %d, raises\n" x; raise (Boom x))
    >>= (fun x -> print_endline "step 3: not reached"; Promise.return x)
    >|= fun x -> print_endline "step 4: not reached"; x
  in
  show_int "chain" chain;
  Printf.printf "is_sleeping %b\n" (Promise.is_sleeping chain);
  print_endline "wakeup u 10";
  Promise.wakeup u 10;
  show_int "chain" chain;
  show_int "p" p;
  print_endline "-- waking a resolved promise";
  (try Promise.wakeup u 11 with Invalid_argument m -> Printf.printf "Invalid_argument %S\n" m);
  show_int "p" p;
  let q, v = Promise.wait () in
  Promise.wakeup_exn v (Boom 3);
  show_int "q" q;
  (try Promise.wakeup_exn v Exit with Invalid_argument m -> Printf.printf "Invalid_argument %S\n" m);
  (try Promise.wakeup v 0 with Invalid_argument m -> Printf.printf "Invalid_argument %S\n" m);
  (* as in Lwt: completing a cancelled task is ignored *)
  let t, w = Promise.task () in
  Promise.cancel t;
  Promise.wakeup w 1;
  show_int "cancelled task, then woken" t

let () =
  (* Lwt runs the callbacks of one promise in an order it does not specify;
     Promise promises the order in which they were attached. *)
  print_endline "-- callbacks: in the order attached, depth first";
  let p, u = Promise.wait () in
  let _ = p >|= fun v -> Printf.printf "A got %d\n" v in
  let b = p >>= fun v -> Printf.printf "B got %d\n" v; Promise.return (v + 1) in
  let _ = b >|= fun v -> Printf.printf "B2 (after B) got %d\n" v in
  let _ = p >|= fun v -> Printf.printf "C got %d\n" v in
  Promise.on_success p (fun v -> Printf.printf "on_success %d\n" v);
  Promise.on_termination p (fun () -> print_endline "on_termination");
  print_endline "wakeup u 7";
  Promise.wakeup u 7;
  print_endline "wakeup returned";
  print_endline "-- attached to a resolved promise: run at once";
  let _ = p >|= fun v -> Printf.printf "D got %d\n" v in
  print_endline "after D"

let () =
  (* r is resolved as if by a callback attached to q when r starts to follow
     it: after the callbacks q had then, before those attached later. *)
  print_endline "-- a bind whose function returns a pending promise";
  let p, u = Promise.wait () in
  let q, v = Promise.wait () in
  let _ = q >|= fun x -> Printf.printf "q's own callback: %d\n" x in
  let r = p >>= fun () -> print_endline "r now follows q"; q in
  let _ = r >|= fun x -> Printf.printf "r's callback: %d\n" x in
  let _ = q >|= fun x -> Printf.printf "q's second callback: %d\n" x in
  Promise.wakeup u ();
  let _ = q >|= fun x -> Printf.printf "q's callback added once r follows q: %d\n" x in
  show_int "r" r;
  Promise.wakeup v 42;
  show_int "r" r;
  show_int "q" q

let () =
  print_endline "-- let* and+";
  let open Promise.Syntax in
  let p1, u1 = Promise.wait () in
  let p2, u2 = Promise.wait () in
  let r =
    let* x = p1 and* y = p2 in
    Printf.printf "let* got %d and %d\n" x y;
    let+ z = Promise.return (x * y) and+ w = Promise.return 1 in
    z + w
  in
  Promise.wakeup u2 3;
  show_int "after u2" r;
  Promise.wakeup u1 4;
  show_int "after u1" r;
  let s =
    let+ a = Promise.return "a" and+ b = Promise.return "b" and+ c = Promise.return "c" in
    a ^ b ^ c
  in
  show "three and+" (fun s -> s) s;
  let v = Promise.run (let* x = Promise.return 20 in Promise.return (x + 1)) in
  Printf.printf "run: %d\n" v
