(** The monotonic clock: time elapsed, unaffected by changes to the wall
    clock. Use it to measure durations; use {!Pclock} for the date.

    A service takes an [Mclock.S] argument and is applied to [Mclock] itself
    (this module satisfies [S]), or, in a test, to a stand-in such as
    [struct let elapsed_ns () = Promise.Scheduler.Manual.now () end]. *)

(** What a service may ask of a monotonic clock. *)
module type S = sig
  val elapsed_ns : unit -> int
  (** [elapsed_ns ()] is the time since some fixed point in the past, in
      nanoseconds; it never decreases. *)
end

val elapsed_ns : unit -> int
(** [elapsed_ns ()] is the time since the program started (since this module
    was initialised), in nanoseconds, from the host's monotonic clock. *)
