(** Promises: cooperative concurrency, in the style of Lwt.

    A promise ['a t] is a value that may not be known yet. It is {e pending}
    until it is {e resolved}: either {e fulfilled} with a value of type ['a],
    or {e rejected} with an exception. A resolved promise never changes again.
    Code runs one piece at a time: a computation that has to wait (for a timer,
    for I/O, for another computation) returns a pending promise, and the work
    to do afterwards is attached to it as a {e callback} ([bind], [map], ...).

    {[
      let open Promise.Syntax in
      let* () = Promise.Scheduler.sleep_ns 1_000_000 in
      print_endline "one millisecond later";
      Promise.return ()
    ]}

    {2 Order guarantees}

    These are the rules this module follows, and programs may rely on them:

    - {b Resolution runs callbacks at once.} When a promise is resolved (by
      [wakeup], [wakeup_exn], [cancel], the scheduler, or the resolution of a
      promise it depends on), all the callbacks waiting on it run right away,
      inside that call, before it returns. Nothing is deferred to a later turn
      of the scheduler (there is no [wakeup_later]).
    - {b Registration order.} The callbacks of one promise run in the order
      they were attached. (Lwt does not specify this order.)
    - {b Depth first.} If a callback resolves another promise, that promise's
      callbacks all run (recursively) before the next callback of the first.
    - {b Already resolved.} [bind], [map], [catch], ... on a promise that is
      already resolved call their function immediately.
    - {b Following.} When the function of [bind] returns a pending promise
      [q], the promise [r] that [bind] returned follows [q]: when [q] is
      resolved, [r] is resolved the same way, exactly as if by a callback
      attached to [q] at the moment [r] started to follow it (after the
      callbacks [q] had then, before those attached to [q] later).
      Internally the two become one promise, so that
      [let rec loop () = ... >>= loop] runs in constant memory and stack.
    - {b Cancellation.} [cancel p] first rejects, with [Canceled], every
      cancelable promise [p] depends on (see {!cancel}), then runs all their
      [on_cancel] hooks, then all their callbacks. The hooks of a promise
      always run before its callbacks.
    - {b Races.} [pick] cancels the losers (their hooks and callbacks run)
      before its own promise is resolved. When several inputs of [pick] or
      [choose] are already resolved, the first in the list wins (Lwt picks
      one at random).
    - {b Joins.} [join], [all] and [both] resolve when their last input
      resolves, inside that input's resolution; if some input is rejected,
      they are rejected with the exception of the first one rejected (in
      time; among inputs already rejected when they are called, the first in
      the list), but still only once all inputs are resolved.
    - {b Scheduler.} {!Scheduler.run_ready} wakes due sleepers in deadline
      order (equal deadlines: in the order of the [sleep_ns] calls), each one's
      callbacks running to completion before the next wakes; then the
      promises paused before that point, in the order of the [pause] calls;
      and again, until nothing is ready.

    Callbacks should not raise: the exceptions of the functions given to
    [bind], [map], [catch], [try_bind] and [finalize] are caught and reject
    the resulting promise; those of [on_cancel] hooks, [on_success] and
    friends, and of promises given to [async], go to
    {!async_exception_hook}. *)

(** {1 Promises} *)

type 'a t
(** A promise for a value of type ['a]. *)

type 'a u
(** A resolver: what resolves the promise made with it by {!wait} or {!task}. *)

(** What a promise is now. *)
type 'a state =
  | Pending  (** not resolved yet *)
  | Fulfilled of 'a  (** resolved with a value *)
  | Rejected of exn  (** resolved with an exception *)

exception Canceled
(** The exception a promise is rejected with when it is cancelled. *)

val return : 'a -> 'a t
(** [return v] is a promise already fulfilled with [v]. *)

val fail : exn -> 'a t
(** [fail e] is a promise already rejected with [e]. *)

val return_unit : unit t
(** [return ()]. *)

val return_true : bool t
(** [return true]. *)

val return_false : bool t
(** [return false]. *)

val fail_with : string -> 'a t
(** [fail_with msg] is [fail (Failure msg)]. *)

val fail_invalid_arg : string -> 'a t
(** [fail_invalid_arg msg] is [fail (Invalid_argument msg)]. *)

val wait : unit -> 'a t * 'a u
(** [wait ()] is a new pending promise and its resolver. The promise is not
    cancelable: {!cancel} leaves it pending (use {!task} for one that is). *)

val task : unit -> 'a t * 'a u
(** [task ()] is like {!wait} but the promise is cancelable: {!cancel}
    rejects it with {!Canceled} (and runs its {!on_cancel} hooks). Use it for
    promises that stand for an operation that can be abandoned (a timer, a
    read), and attach the clean-up with {!on_cancel}. *)

val wakeup : 'a u -> 'a -> unit
(** [wakeup u v] fulfils the promise of [u] with [v], and runs the callbacks
    waiting on it before returning. Raises [Invalid_argument] if that promise
    is already resolved, except if it was cancelled: then the call does
    nothing (so the code that would have completed a cancelled operation need
    not check), as in Lwt. *)

val wakeup_exn : 'a u -> exn -> unit
(** [wakeup_exn u e] rejects the promise of [u] with [e]; otherwise as
    {!wakeup}. Rejecting with {!Canceled} runs the {!on_cancel} hooks. *)

val state : 'a t -> 'a state
(** [state p] is what [p] is now. *)

val is_sleeping : 'a t -> bool
(** [is_sleeping p] is true if [p] is pending. *)

val is_resolved : 'a t -> bool
(** [is_resolved p] is true if [p] is fulfilled or rejected. *)

(** {1 Sequencing} *)

val bind : 'a t -> ('a -> 'b t) -> 'b t
(** [bind p f] waits for [p] to be fulfilled with [v], then is the promise
    [f v]. If [p] is rejected, so is the result, with the same exception, and
    [f] is not called. If [f] raises [e], the result is rejected with [e].
    Cancelling the result cancels what it waits for: [p] while [p] is
    pending, then the promise [f] returned. *)

val map : ('a -> 'b) -> 'a t -> 'b t
(** [map f p] is fulfilled with [f v] once [p] is fulfilled with [v]; it is
    rejected if [p] is, or if [f] raises. Cancelling it cancels [p]. *)

val ( >>= ) : 'a t -> ('a -> 'b t) -> 'b t
(** [p >>= f] is [bind p f]. *)

val ( >|= ) : 'a t -> ('a -> 'b) -> 'b t
(** [p >|= f] is [map f p]. *)

val ( =<< ) : ('a -> 'b t) -> 'a t -> 'b t
(** [f =<< p] is [bind p f]. *)

val ( =|< ) : ('a -> 'b) -> 'a t -> 'b t
(** [f =|< p] is [map f p]. *)

val catch : (unit -> 'a t) -> (exn -> 'a t) -> 'a t
(** [catch f h] is [f ()], except that if it is rejected with [e] (or [f]
    raises [e]) it is [h e] instead. {!Canceled} is caught like any other
    exception. *)

val try_bind : (unit -> 'a t) -> ('a -> 'b t) -> (exn -> 'b t) -> 'b t
(** [try_bind f ok err] is [ok v] if [f ()] is fulfilled with [v], and
    [err e] if it is rejected with [e] (or [f] raises [e]). *)

val finalize : (unit -> 'a t) -> (unit -> unit t) -> 'a t
(** [finalize f g] runs [f ()], then, however it ends, [g ()], and then is
    resolved as [f ()] was; but if [g ()] is rejected, the result is rejected
    with [g]'s exception. *)

val apply : ('a -> 'b t) -> 'a -> 'b t
(** [apply f x] is [f x], or a promise rejected with [e] if [f x] raises [e]. *)

val wrap : (unit -> 'a) -> 'a t
(** [wrap f] is [return (f ())], or a promise rejected with the exception
    [f ()] raises. *)

(** {1 Concurrency} *)

val join : unit t list -> unit t
(** [join ps] is fulfilled when all of [ps] are fulfilled. If some are
    rejected, it is rejected with the exception of the first to be rejected,
    once all of [ps] are resolved. Cancelling it cancels every one of [ps].
    [join []] is [return ()]. *)

val all : 'a t list -> 'a list t
(** [all ps] is like {!join} but is fulfilled with the values of [ps], in the
    order of the list (whatever order they resolved in). *)

val both : 'a t -> 'b t -> ('a * 'b) t
(** [both a b] is like {!all} for two promises of different types. *)

val pick : 'a t list -> 'a t
(** [pick ps] is resolved as the first of [ps] to resolve, and then cancels
    all the others (see {!cancel}), before the result's callbacks run. If
    some are already resolved, the first of them in the list is the winner
    and the others are cancelled at once. Cancelling the result cancels all
    of [ps]. Raises [Invalid_argument] on the empty list. *)

val choose : 'a t list -> 'a t
(** [choose ps] is like {!pick} but the others are left running. *)

val async : (unit -> unit t) -> unit
(** [async f] starts [f ()] and does not wait for it. If it is rejected
    with [e] (or [f] raises [e]), [!async_exception_hook e] is called. *)

val dont_wait : (unit -> unit t) -> (exn -> unit) -> unit
(** [dont_wait f handler] is like {!async}, but calls [handler e] if the
    promise is rejected with [e]. *)

val pause : unit -> unit t
(** [pause ()] is a promise that the next {!Scheduler.run_ready} fulfils, to
    let other ready work (due timers, other paused computations) go first.
    It is cancelable. *)

(** {1 Cancellation} *)

val cancel : 'a t -> unit
(** [cancel p] abandons the computation of [p] if it can. It follows what
    [p] is waiting for, to the promises that can be cancelled: a promise
    made by {!task} (or {!pause}, or {!Scheduler.sleep_ns}) is cancelled
    itself; one made by {!wait} cannot be cancelled (nothing happens); [bind]
    and the like pass the cancellation on to the promise they are waiting on
    now; [join], [all], [both], [pick] and [choose] pass it on to all their
    inputs. The promises reached are rejected with {!Canceled}, then their
    {!on_cancel} hooks run, then their callbacks, through which the
    rejection comes back to [p] (for example, [bind]'s result is rejected
    with {!Canceled}, unless a {!catch} on the way handles it). Does nothing
    if [p] is resolved. *)

val on_cancel : 'a t -> (unit -> unit) -> unit
(** [on_cancel p f] makes [f ()] run if [p] is rejected with {!Canceled}
    (by {!cancel} or by [wakeup_exn u Canceled]), before [p]'s callbacks.
    Runs [f ()] at once if [p] is already rejected with {!Canceled}; never
    runs it if [p] is resolved otherwise. *)

val protected : 'a t -> 'a t
(** [protected p] is resolved as [p], but cancelling it does not cancel [p]:
    it only rejects the new promise with {!Canceled}. *)

val no_cancel : 'a t -> 'a t
(** [no_cancel p] is resolved as [p], and cannot be cancelled. *)

(** {1 Callbacks} *)

val on_success : 'a t -> ('a -> unit) -> unit
(** [on_success p f] calls [f v] when [p] is fulfilled with [v] (at once if
    it already is). *)

val on_failure : 'a t -> (exn -> unit) -> unit
(** [on_failure p f] calls [f e] when [p] is rejected with [e]. *)

val on_termination : 'a t -> (unit -> unit) -> unit
(** [on_termination p f] calls [f ()] when [p] is resolved, either way. *)

val on_any : 'a t -> ('a -> unit) -> (exn -> unit) -> unit
(** [on_any p f g] calls [f v] if [p] is fulfilled with [v], [g e] if it is
    rejected with [e]. *)

val async_exception_hook : (exn -> unit) ref
(** What is done with an exception that has nowhere to go: raised by an
    [on_cancel] hook or an [on_success]-like callback, or rejecting a
    promise given to {!async}. By default it is raised again, out of the
    function that was resolving promises ([wakeup], [cancel],
    [Scheduler.run_ready], [run]), which leaves the callbacks that had not
    run yet unrun: uncaught, it ends the program, as in Lwt (whose hook
    prints it and exits). Set it to log and continue instead. *)

(** {1 Syntax} *)

(** Infix operators, for [open Promise.Infix]. *)
module Infix : sig
  val ( >>= ) : 'a t -> ('a -> 'b t) -> 'b t
  (** {!bind}. *)

  val ( >|= ) : 'a t -> ('a -> 'b) -> 'b t
  (** {!map}, arguments swapped. *)

  val ( =<< ) : ('a -> 'b t) -> 'a t -> 'b t
  (** {!bind}, arguments swapped. *)

  val ( =|< ) : ('a -> 'b) -> 'a t -> 'b t
  (** {!map}. *)

  val ( <&> ) : unit t -> unit t -> unit t
  (** [a <&> b] is [join [a; b]]. *)

  val ( <?> ) : 'a t -> 'a t -> 'a t
  (** [a <?> b] is [choose [a; b]]. *)
end

(** Binding operators, for [let open Promise.Syntax in] or
    [open Promise.Syntax]:
    {[
      let* x = read () in        (* bind *)
      let+ y = compute x in      (* map *)
      let* a = f () and* b = g () in   (* both: f () and g () run concurrently *)
    ]} *)
module Syntax : sig
  val ( let* ) : 'a t -> ('a -> 'b t) -> 'b t
  (** [let* x = p in e] is [bind p (fun x -> e)]. *)

  val ( and* ) : 'a t -> 'b t -> ('a * 'b) t
  (** [and*] is {!both}. *)

  val ( let+ ) : 'a t -> ('a -> 'b) -> 'b t
  (** [let+ x = p in e] is [map (fun x -> e) p]. *)

  val ( and+ ) : 'a t -> 'b t -> ('a * 'b) t
  (** [and+] is {!both}. *)
end

(** {1 Scheduler}

    Timers and paused computations. The host's event loop drives it: after
    each timer or I/O event it calls {!Scheduler.run_ready}, then arms its
    timer for {!Scheduler.next_deadline} (or waits for I/O only, if [None]).
    Plain programs and tests use {!run} instead. *)
module Scheduler : sig
  (** The default clock: a counter moved by hand (or by {!run}), starting at
      0. *)
  module Manual : sig
    val now : unit -> int
    (** The manual clock's time, in nanoseconds. *)

    val advance : int -> unit
    (** [advance ns] moves the manual clock [ns] nanoseconds forward (nothing
        is woken until {!run_ready}). Raises [Invalid_argument] if [ns < 0]. *)
  end

  val set_clock : (unit -> int) -> unit
  (** [set_clock f] makes [f ()] the time, in nanoseconds: a monotonic clock
      (it must never go back). The host installs its clock before anything
      sleeps; deadlines already registered are kept as they are. *)

  val now : unit -> int
  (** The current time of the installed clock, in nanoseconds. *)

  val sleep_ns : int -> unit t
  (** [sleep_ns ns] is fulfilled by the first {!run_ready} at or after
      [now () + ns] (a negative [ns] counts as 0). It is cancelable:
      cancelling it (or a promise waiting on it) rejects it with {!Canceled}
      and removes its timer. *)

  val run_ready : unit -> unit
  (** [run_ready ()] wakes every sleeper whose deadline is past ([<= now ()]),
      in deadline order (equal deadlines: in the order of the [sleep_ns]
      calls), then every promise {!pause}d before that, in the order of the
      [pause] calls; and repeats while that woke something (the woken
      callbacks may sleep or pause again). It does not wait: it returns when
      nothing is ready. (A computation that pauses forever keeps it from
      returning.) *)

  val next_deadline : unit -> int option
  (** [next_deadline ()] is when {!run_ready} next has work: the earliest
      deadline of a sleeper ([now ()] if some promise is paused), or [None]
      if there is no timer nor paused promise. *)
end

val run : 'a t -> 'a
(** [run p] runs the scheduler until [p] is resolved, and returns its value
    (or raises its exception). Each turn it calls {!Scheduler.run_ready};
    if [p] is still pending and there is a timer, it advances the manual
    clock to the timer's deadline and goes on. It fails with
    [Failure "Promise.run: deadlock: the promise can never be resolved"] if
    [p] is pending with no timer nor paused promise left (nothing could ever
    resolve it), and with [Failure] too if [p] waits for a timer when a clock
    other than the manual one is installed ([run] does not busy-wait: a host
    must drive the scheduler with its own event loop). *)
