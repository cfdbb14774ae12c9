(** The wall clock ("POSIX clock"): the date and time of day, which may jump
    when the host's clock is set. Use {!Mclock} to measure durations.

    A service takes a [Pclock.S] argument and is applied to [Pclock] itself
    (this module satisfies [S]), or, in a test, to a stand-in that returns a
    fixed date. *)

(** What a service may ask of a wall clock. *)
module type S = sig
  val now_ns : unit -> int
  (** [now_ns ()] is the time since the Unix epoch (1970-01-01 00:00:00 UTC),
      in nanoseconds. *)

  val now_s : unit -> float
  (** [now_s ()] is the time since the Unix epoch, in seconds. *)
end

val now_ns : unit -> int
(** [now_ns ()] is the host's wall clock, in nanoseconds since the Unix epoch. *)

val now_s : unit -> float
(** [now_s ()] is the host's wall clock, in seconds since the Unix epoch. *)
