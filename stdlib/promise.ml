(* Promises and their scheduler, in the style of Lwt (see promise.mli for the
   semantics and the order guarantees).

   Representation. A promise is a mutable cell whose state is pending (with its
   callbacks, its on_cancel hooks and how to cancel it), fulfilled, rejected, or
   a proxy for another promise. A resolver is the same cell as its promise.

   Proxies (as Lwt's "underlying" promises): when the function of a [bind]
   returns a promise [q] that is still pending, [q] is made a proxy for the
   promise [r] that [bind] returned, and [q]'s callbacks move to [r]. So
   [let rec loop () = sleep >>= loop] runs in constant memory and stack: each
   new iteration's promise points straight at the first one, and the old ones
   become garbage. Every operation looks through proxies first ([underlying]),
   compressing the paths it follows.

   The existential packing Lwt does with first-class modules (to propagate
   cancellation to promises of other types) is done with closures here. *)

exception Canceled

type 'a state = Pending | Fulfilled of 'a | Rejected of exn

type 'a t = { mutable st : 'a st }

and 'a st =
  | Waiting of 'a waiters
  | Done of 'a
  | Failed of exn
  | Proxy of 'a t

and 'a waiters = {
  mutable callbacks : 'a callbacks;
  mutable removed : int; (* removable callbacks emptied since the last clean-up *)
  mutable hooks : hooks; (* on_cancel *)
  mutable how_to_cancel : how_to_cancel;
}

(* In order: [Concat (a, b)] runs [a] then [b]. *)
and 'a callbacks =
  | No_callback
  | Callback of ('a st -> unit)
  | Removable of ('a st -> unit) option ref
  | Concat of 'a callbacks * 'a callbacks

and hooks = No_hook | Hook of (unit -> unit) | Hooks of hooks * hooks

and how_to_cancel =
  | Not_cancelable
  | Cancel_this
  (* adds the cancelable promises it reaches to the list (most recent first) *)
  | Propagate of (canceled list -> canceled list)

(* A promise that [cancel] has rejected: its hooks and callbacks still to run. *)
and canceled = { run_hooks : unit -> unit; run_callbacks : unit -> unit }

type 'a u = 'a t

let async_exception_hook = ref (fun (e : exn) -> raise e)

let protect f = try f () with e -> !async_exception_hook e

let rec underlying p =
  match p.st with
  | Proxy q ->
      let r = underlying q in
      if r != q then p.st <- Proxy r;
      r
  | Waiting _ | Done _ | Failed _ -> p

let new_waiters how = { callbacks = No_callback; removed = 0; hooks = No_hook; how_to_cancel = how }

let concat_callbacks a b =
  match a, b with
  | No_callback, _ -> b
  | _, No_callback -> a
  | _ -> Concat (a, b)

let concat_hooks a b =
  match a, b with
  | No_hook, _ -> b
  | _, No_hook -> a
  | _ -> Hooks (a, b)

(* Iterative in the depth of the tree (left-deep, since callbacks are
   appended), so long lists do not use the stack. *)
let rec run_callbacks_rec st cbs rest =
  match cbs with
  | No_callback -> run_callbacks_next st rest
  | Callback f -> f st; run_callbacks_next st rest
  | Removable r ->
      (match !r with Some f -> f st | None -> ());
      run_callbacks_next st rest
  | Concat (a, b) -> run_callbacks_rec st a (b :: rest)

and run_callbacks_next st rest =
  match rest with [] -> () | cbs :: rest -> run_callbacks_rec st cbs rest

let rec run_hooks_rec hs rest =
  match hs with
  | No_hook -> run_hooks_next rest
  | Hook f -> protect f; run_hooks_next rest
  | Hooks (a, b) -> run_hooks_rec a (b :: rest)

and run_hooks_next rest = match rest with [] -> () | hs :: rest -> run_hooks_rec hs rest

let run_hooks hs = run_hooks_rec hs []

(* [p] is underlying and pending with waiters [w]. *)
let resolve p w st =
  p.st <- st;
  (match st with
   | Failed Canceled ->
       let hs = w.hooks in
       w.hooks <- No_hook;
       run_hooks hs
   | _ -> ());
  let cbs = w.callbacks in
  w.callbacks <- No_callback;
  run_callbacks_rec st cbs []

let resolve_if_pending p st =
  let p = underlying p in
  match p.st with
  | Waiting w -> resolve p w st
  | Done _ | Failed _ | Proxy _ -> ()

let add_callback w cb = w.callbacks <- concat_callbacks w.callbacks cb

let rec clean_callbacks = function
  | Removable { contents = None } -> No_callback
  | Concat (a, b) -> concat_callbacks (clean_callbacks a) (clean_callbacks b)
  | (No_callback | Callback _ | Removable _) as c -> c

let cleanup_threshold = 42

let note_removed w n =
  let removed = w.removed + n in
  if removed > cleanup_threshold then begin
    w.removed <- 0;
    w.callbacks <- clean_callbacks w.callbacks
  end
  else w.removed <- removed

(* Make the pending bind result [outer] follow [inner], the promise its
   function returned. *)
let follow outer inner =
  let outer = underlying outer in
  let inner = underlying inner in
  if outer != inner then
    match outer.st with
    | Waiting wo -> (
        match inner.st with
        | Done _ | Failed _ -> resolve outer wo inner.st
        | Waiting wi ->
            inner.st <- Proxy outer;
            (* [inner]'s callbacks first: as if [outer] were resolved by a
               callback added to [inner] now. *)
            wo.callbacks <- concat_callbacks wi.callbacks wo.callbacks;
            wo.hooks <- concat_hooks wi.hooks wo.hooks;
            wo.how_to_cancel <- wi.how_to_cancel;
            note_removed wo wi.removed
        | Proxy _ -> ())
    | Done _ | Failed _ | Proxy _ -> ()

(* Cancellation *)

let collect acc p =
  let p = underlying p in
  match p.st with
  | Waiting w -> (
      match w.how_to_cancel with
      | Not_cancelable -> acc
      | Cancel_this ->
          let st = Failed Canceled in
          p.st <- st;
          let run_hooks () =
            let hs = w.hooks in
            w.hooks <- No_hook;
            run_hooks hs
          in
          let run_callbacks () =
            let cbs = w.callbacks in
            w.callbacks <- No_callback;
            run_callbacks_rec st cbs []
          in
          { run_hooks; run_callbacks } :: acc
      | Propagate f -> f acc)
  | Done _ | Failed _ | Proxy _ -> acc

let cancel p =
  let found = List.rev (collect [] p) in
  List.iter (fun c -> c.run_hooks ()) found;
  List.iter (fun c -> c.run_callbacks ()) found

let propagate_to p = Propagate (fun acc -> collect acc p)
let propagate_to_all ps = Propagate (fun acc -> List.fold_left collect acc ps)

let on_cancel p f =
  let p = underlying p in
  match p.st with
  | Waiting w -> w.hooks <- concat_hooks w.hooks (Hook f)
  | Failed Canceled -> protect f
  | Done _ | Failed _ | Proxy _ -> ()

(* Creation and resolution *)

let return v = { st = Done v }
let fail e = { st = Failed e }
let return_unit = return ()
let return_true = return true
let return_false = return false
let fail_with msg = fail (Failure msg)
let fail_invalid_arg msg = fail (Invalid_argument msg)

let pending how = { st = Waiting (new_waiters how) }
let wait () = let p = pending Not_cancelable in (p, p)
let task () = let p = pending Cancel_this in (p, p)

let wakeup_st name u st =
  let p = underlying u in
  match p.st with
  | Waiting w -> resolve p w st
  | Failed Canceled -> ()
  | Done _ | Failed _ | Proxy _ -> invalid_arg name

let wakeup u v = wakeup_st "Promise.wakeup" u (Done v)
let wakeup_exn u e = wakeup_st "Promise.wakeup_exn" u (Failed e)

let state p =
  match (underlying p).st with
  | Done v -> Fulfilled v
  | Failed e -> Rejected e
  | Waiting _ | Proxy _ -> Pending

let is_sleeping p = match (underlying p).st with Waiting _ -> true | _ -> false
let is_resolved p = not (is_sleeping p)

(* Sequencing *)

let apply f x = try f x with e -> fail e

let bind p f =
  let p = underlying p in
  match p.st with
  | Done v -> apply f v
  | Failed e -> fail e
  | Proxy _ -> assert false
  | Waiting w ->
      let res = pending (propagate_to p) in
      add_callback w
        (Callback
           (function
             | Done v -> follow res (apply f v)
             | Failed e -> resolve_if_pending res (Failed e)
             | Waiting _ | Proxy _ -> ()));
      res

let map f p =
  let p = underlying p in
  match p.st with
  | Done v -> (try return (f v) with e -> fail e)
  | Failed e -> fail e
  | Proxy _ -> assert false
  | Waiting w ->
      let res = pending (propagate_to p) in
      add_callback w
        (Callback
           (function
             | Done v -> resolve_if_pending res (try Done (f v) with e -> Failed e)
             | Failed e -> resolve_if_pending res (Failed e)
             | Waiting _ | Proxy _ -> ()));
      res

let try_bind f ok err =
  let p = underlying (apply f ()) in
  match p.st with
  | Done v -> apply ok v
  | Failed e -> apply err e
  | Proxy _ -> assert false
  | Waiting w ->
      let res = pending (propagate_to p) in
      add_callback w
        (Callback
           (function
             | Done v -> follow res (apply ok v)
             | Failed e -> follow res (apply err e)
             | Waiting _ | Proxy _ -> ()));
      res

let catch f h = try_bind f return h

let finalize f g =
  try_bind f
    (fun v -> bind (apply g ()) (fun () -> return v))
    (fun e -> bind (apply g ()) (fun () -> fail e))

let ( >>= ) = bind
let ( >|= ) p f = map f p
let ( =<< ) f p = bind p f
let ( =|< ) = map

let on_any p ok err =
  let p = underlying p in
  match p.st with
  | Done v -> protect (fun () -> ok v)
  | Failed e -> protect (fun () -> err e)
  | Proxy _ -> ()
  | Waiting w ->
      add_callback w
        (Callback
           (function
             | Done v -> protect (fun () -> ok v)
             | Failed e -> protect (fun () -> err e)
             | Waiting _ | Proxy _ -> ()))

let on_success p f = on_any p f (fun _ -> ())
let on_failure p f = on_any p (fun _ -> ()) f
let on_termination p f = on_any p (fun _ -> f ()) (fun _ -> f ())

let async f = on_failure (apply f ()) (fun e -> !async_exception_hook e)
let dont_wait f handler = on_failure (apply f ()) handler
let wrap f = try return (f ()) with e -> fail e

(* Concurrent composition *)

let join ps =
  let res = pending (propagate_to_all ps) in
  (* One count for each pending input, and one for the loop below, released
     after it: [res] is resolved once every input has been looked at. *)
  let waiting = ref 1 in
  let outcome = ref (Done ()) in
  let record st = match st, !outcome with Failed _, Done () -> outcome := st | _ -> () in
  let finish () =
    decr waiting;
    if !waiting = 0 then resolve_if_pending res !outcome
  in
  List.iter
    (fun p ->
      let p = underlying p in
      match p.st with
      | Waiting w ->
          incr waiting;
          add_callback w (Callback (fun st -> record st; finish ()))
      | Done _ | Failed _ -> record p.st
      | Proxy _ -> ())
    ps;
  finish ();
  res

let all ps =
  let n = List.length ps in
  let values = Array.make n None in
  let units = List.mapi (fun i p -> map (fun v -> values.(i) <- Some v) p) ps in
  map
    (fun () -> List.init n (fun i -> match values.(i) with Some v -> v | None -> assert false))
    (join units)

let both a b =
  let va = ref None and vb = ref None in
  let ua = map (fun v -> va := Some v) a in
  let ub = map (fun v -> vb := Some v) b in
  map
    (fun () ->
      match !va, !vb with Some x, Some y -> (x, y) | _ -> assert false)
    (join [ ua; ub ])

let rec first_resolved = function
  | [] -> None
  | p :: ps ->
      let p = underlying p in
      (match p.st with Done _ | Failed _ -> Some p | Waiting _ | Proxy _ -> first_resolved ps)

(* Adds one removable callback, shared by every pending promise of [ps]: when
   it first runs it empties itself (so the others forget it) and calls [f]. *)
let race ps f =
  let cell = ref None in
  cell :=
    Some
      (fun st ->
        cell := None;
        List.iter
          (fun p ->
            match (underlying p).st with Waiting w -> note_removed w 1 | _ -> ())
          ps;
        f st);
  List.iter
    (fun p ->
      match (underlying p).st with Waiting w -> add_callback w (Removable cell) | _ -> ())
    ps

let choose ps =
  if ps == [] then invalid_arg "Promise.choose: empty list";
  match first_resolved ps with
  | Some p -> { st = p.st }
  | None ->
      let res = pending (propagate_to_all ps) in
      race ps (fun st -> resolve_if_pending res st);
      res

let pick ps =
  if ps == [] then invalid_arg "Promise.pick: empty list";
  match first_resolved ps with
  | Some p ->
      List.iter cancel ps;
      { st = p.st }
  | None ->
      let res = pending (propagate_to_all ps) in
      race ps (fun st ->
          List.iter cancel ps;
          resolve_if_pending res st);
      res

let protected p =
  let p = underlying p in
  match p.st with
  | Done _ | Failed _ | Proxy _ -> p
  | Waiting _ ->
      let res = pending Cancel_this in
      let cell = ref (Some (fun st -> resolve_if_pending res st)) in
      (match p.st with Waiting w -> add_callback w (Removable cell) | _ -> ());
      on_cancel res (fun () ->
          cell := None;
          match (underlying p).st with Waiting w -> note_removed w 1 | _ -> ());
      res

let no_cancel p =
  let p = underlying p in
  match p.st with
  | Done _ | Failed _ | Proxy _ -> p
  | Waiting w ->
      let res = pending Not_cancelable in
      add_callback w (Callback (fun st -> resolve_if_pending res st));
      res

module Infix = struct
  let ( >>= ) = ( >>= )
  let ( >|= ) = ( >|= )
  let ( =<< ) = ( =<< )
  let ( =|< ) = ( =|< )
  let ( <&> ) a b = join [ a; b ]
  let ( <?> ) a b = choose [ a; b ]
end

module Syntax = struct
  let ( let* ) = bind
  let ( and* ) = both
  let ( let+ ) p f = map f p
  let ( and+ ) = both
end

(* The scheduler *)

(* Paused promises, in the order of the [pause] calls: the resolvers to wake
   (a cancelled one is skipped: waking it does nothing). *)
let paused : unit u Queue.t = Queue.create ()

let pause () =
  let p, u = task () in
  Queue.add u paused;
  p

module Scheduler = struct
  module Manual = struct
    let time = ref 0
    let now () = !time
    let advance ns =
      if ns < 0 then invalid_arg "Promise.Scheduler.Manual.advance: negative duration";
      time := !time + ns
    let set t = time := t
  end

  let clock = ref Manual.now
  let manual = ref true

  let set_clock f =
    clock := f;
    manual := false

  let now () = !clock ()

  (* The timer heap: a binary min-heap on (deadline, seq) in [heap.(0 ..
     !size - 1)]. A cancelled sleeper's entry stays, inert ([wake = None]),
     until it reaches the top or a compaction drops it. *)
  type entry = { deadline : int; seq : int; mutable wake : (unit -> unit) option }

  let dummy = { deadline = 0; seq = 0; wake = None }
  let is_live e = match e.wake with Some _ -> true | None -> false
  let heap = ref (Array.make 16 dummy)
  let size = ref 0
  let inert = ref 0
  let next_seq = ref 0

  let before a b = a.deadline < b.deadline || (a.deadline = b.deadline && a.seq < b.seq)

  let rec sift_up h i =
    if i > 0 then begin
      let parent = (i - 1) / 2 in
      if before h.(i) h.(parent) then begin
        let x = h.(i) in
        h.(i) <- h.(parent);
        h.(parent) <- x;
        sift_up h parent
      end
    end

  let rec sift_down h n i =
    let l = (2 * i) + 1 in
    let r = l + 1 in
    let smallest = if l < n && before h.(l) h.(i) then l else i in
    let smallest = if r < n && before h.(r) h.(smallest) then r else smallest in
    if smallest <> i then begin
      let x = h.(i) in
      h.(i) <- h.(smallest);
      h.(smallest) <- x;
      sift_down h n smallest
    end

  let push e =
    if !size = Array.length !heap then begin
      let bigger = Array.make (2 * !size) dummy in
      Array.blit !heap 0 bigger 0 !size;
      heap := bigger
    end;
    let h = !heap in
    h.(!size) <- e;
    incr size;
    sift_up !heap (!size - 1)

  let pop_top () =
    let h = !heap in
    let top = h.(0) in
    decr size;
    h.(0) <- h.(!size);
    h.(!size) <- dummy;
    sift_down h !size 0;
    top

  (* Drops the inert entries when they are more than half the heap. *)
  let compact () =
    let h = !heap in
    let n = ref 0 in
    for i = 0 to !size - 1 do
      if is_live h.(i) then begin
        h.(!n) <- h.(i);
        incr n
      end
    done;
    for i = !n to !size - 1 do h.(i) <- dummy done;
    size := !n;
    inert := 0;
    for i = (!n / 2) - 1 downto 0 do sift_down h !n i done

  (* The first live entry, after dropping the inert ones above it. *)
  let rec top () =
    if !size = 0 then None
    else
      let h = !heap in
      let e = h.(0) in
      match e.wake with
      | Some _ -> Some e
      | None ->
          ignore (pop_top ());
          decr inert;
          top ()

  let sleep_ns ns =
    let p, u = task () in
    let deadline = now () + max ns 0 in
    let e = { deadline; seq = !next_seq; wake = None } in
    incr next_seq;
    e.wake <- Some (fun () -> wakeup u ());
    push e;
    on_cancel p (fun () ->
        if is_live e then begin
          e.wake <- None;
          incr inert;
          if !inert > 32 && 2 * !inert > !size then compact ()
        end);
    p

  (* Wakes the due sleepers, in order; true if there was one. *)
  let wake_timers () =
    let t = now () in
    let rec loop woke =
      match top () with
      | Some e when e.deadline <= t ->
          ignore (pop_top ());
          let wake = e.wake in
          e.wake <- None;
          (match wake with Some f -> f () | None -> ());
          loop true
      | _ -> woke
    in
    loop false

  (* Wakes the promises paused before this call; true if there was one. *)
  let wake_paused () =
    let n = Queue.length paused in
    for _ = 1 to n do
      let u = Queue.take paused in
      wakeup u ()
    done;
    n > 0

  let run_ready () =
    let continue = ref true in
    while !continue do
      let a = wake_timers () in
      let b = wake_paused () in
      continue := a || b
    done

  let next_deadline () =
    if not (Queue.is_empty paused) then Some (now ())
    else match top () with Some e -> Some e.deadline | None -> None
end

let run p =
  let rec loop () =
    Scheduler.run_ready ();
    match (underlying p).st with
    | Done v -> v
    | Failed e -> raise e
    | Waiting _ | Proxy _ -> (
        match Scheduler.next_deadline () with
        | None -> failwith "Promise.run: deadlock: the promise can never be resolved"
        | Some d ->
            if not !Scheduler.manual then
              failwith
                "Promise.run: the promise waits for a timer but the clock is not the manual \
                 one: the host's event loop must run the scheduler";
            if d > Scheduler.Manual.now () then Scheduler.Manual.set d;
            loop ())
  in
  loop ()
