(** TCP networking, as a device. A service that talks to the network is a
    functor over a stack:

    {[
      module Main (S : Net.S) = struct
        let start stack =
          S.listen stack ~port:7 (fun flow -> ... )
      end
    ]}

    [mlc build] gives it the host's sockets; a test can give it any module
    with this signature. Errors are values, not exceptions. (MirageOS calls
    this signature a stack; [Stack.S] names the same signature.) *)

type error =
  | Refused of string  (** a connection could not be made *)
  | Closed  (** the connection is closed *)
  | Io_error of string  (** any other failure, with the host's message *)

val pp_error : error -> string

module type S = sig
  type t
  (** A network stack. *)

  type flow
  (** One TCP connection. *)

  val listen : t -> port:int -> (flow -> unit Promise.t) -> (unit, error) result Promise.t
  (** [listen s ~port handler] accepts connections on [port] and runs
      [handler] on each, concurrently; it resolves once the stack is
      listening (the accept loop then runs for the life of the service). The
      flow is closed when the handler's promise resolves or fails. *)

  val create_connection : t -> host:string -> port:int -> (flow, error) result Promise.t
  (** [create_connection s ~host ~port] opens a connection. *)

  val read : flow -> (string option, error) result Promise.t
  (** The next bytes received, as they arrive (at most 64 KiB), or [None]
      once the peer has closed its side. *)

  val write : flow -> string -> (unit, error) result Promise.t
  (** Resolves once the host has taken the bytes: waiting for it is how a
      writer is slowed down to the speed of its reader. *)

  val shutdown : flow -> unit Promise.t
  (** Closes the sending side only; reads continue until the peer closes. *)

  val close : flow -> unit Promise.t
  (** Closes both sides. *)

  val peer : flow -> string
  (** The remote address, ["ip:port"]. *)
end

(** The host's sockets (device number [D.device] of the manifest). *)
module Host (D : sig
  val device : int
end) : sig
  include S

  val connect : unit -> t
end
