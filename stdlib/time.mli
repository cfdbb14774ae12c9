(** Sleeping, on the promise scheduler's clock.

    A service that needs to wait takes a [Time.S] argument,
    {[
      module Main (T : Time.S) (C : Console.S) = struct
        let start console =
          let open Promise.Syntax in
          let* () = T.sleep_ns (Time.ns_of_s 1) in
          C.log console "one second later"
      end
    ]}
    and is applied to [Time] itself (this module satisfies [S]). Under the
    host's event loop the scheduler's clock is the monotonic clock; in a plain
    program run with [Promise.run] it is the manual clock, so sleeps take no
    real time: [Promise.run] jumps the clock to the next deadline. *)

(** What a service may do with time. *)
module type S = sig
  val sleep_ns : int -> unit Promise.t
  (** [sleep_ns n] resolves once [n] nanoseconds have passed on the
      scheduler's clock; if [n <= 0], at the scheduler's next turn (never
      during the call). Sleepers wake in the order of their deadlines, and
      of their calls for equal deadlines. Cancelling the promise removes the
      timer. *)
end

val sleep_ns : int -> unit Promise.t
(** [sleep_ns n] is [Promise.Scheduler.sleep_ns n]: see {!S.sleep_ns}. *)

val ns_of_us : int -> int
(** [ns_of_us n] is [n] microseconds in nanoseconds. *)

val ns_of_ms : int -> int
(** [ns_of_ms n] is [n] milliseconds in nanoseconds. *)

val ns_of_s : int -> int
(** [ns_of_s n] is [n] seconds in nanoseconds. *)
