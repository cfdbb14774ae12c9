(** Consoles: text in and out.

    A service never names a concrete console: it is a functor over [S], e.g.
    {[
      module Main (C : Console.S) = struct
        let start console = C.log console "hello"
      end
    ]}
    and the build applies it to {!Host} (the tender's standard input and
    output), while a test applies it to {!Recorder} and looks at what was
    written. *)

(** What a service may do with a console. *)
module type S = sig
  type t
  (** A connected console. *)

  val write : t -> string -> unit Promise.t
  (** [write c s] writes [s] as it is (no newline added). *)

  val log : t -> string -> unit Promise.t
  (** [log c s] writes [s] followed by a newline. *)

  val read_line : t -> string option Promise.t
  (** [read_line c] waits for the next line of input and resolves with it,
      without its newline; [None] once the input has ended. *)
end

(** The tender's console: writes go to standard output, lines are read from
    standard input through the host's [console] device (operation 0). *)
module Host : sig
  include S

  val connect : int -> t
  (** [connect n] is the console that is device number [n] of the image's
      manifest. Nothing is asked of the host until the first [read_line],
      which fails with [Host.Device_error] if there is no such device. *)
end

(** A stand-in console for tests: its input is a given list of lines, and it
    keeps everything written to it. *)
module Recorder : sig
  include S

  val create : ?input:string list -> unit -> t
  (** [create ~input ()] is a console whose [read_line] returns the lines of
      [input] in order (default: none), then [None]. *)

  val contents : t -> string
  (** [contents c] is everything written to [c] so far, in order. *)
end
