(** Block devices: a disk of fixed-size sectors, read and written whole.

    A service is a functor over [S],
    {[
      module Main (B : Block.S) = struct
        let start disk =
          let open Promise.Syntax in
          let* info = B.info disk in
          let* r = B.read disk 0 1 in
          ...
      end
    ]}
    and the build applies it to {!Host} (a file of the host), a test to
    {!Mem}. A service that must survive a crash relies on [write]: once its
    promise resolves with [Ok ()], the data is on the disk. *)

(** A device's geometry. *)
type info = {
  sector_size : int;  (** bytes in a sector (512 for the host's devices) *)
  size_sectors : int;  (** sectors on the device *)
  read_write : bool;  (** whether [write] may succeed *)
}

(** Why a read or write failed. *)
type error =
  | Out_of_range
      (** sectors beyond the end of the device (or before sector 0), or data
          that is not a whole number of sectors *)
  | Io_error of string  (** the device failed (a message) *)
  | Read_only  (** the device cannot be written *)

val pp_error : error -> string
(** [pp_error e] is a message for [e]. *)

(** What a service may do with a block device. *)
module type S = sig
  type t
  (** A connected device. *)

  val info : t -> info Promise.t
  (** [info d] is the geometry of [d]. *)

  val read : t -> int -> int -> (string, error) result Promise.t
  (** [read d first count] is the contents of the [count] sectors from sector
      [first] ([count * sector_size] bytes); [Error Out_of_range] unless
      [0 <= first] and [first + count <= size_sectors]. *)

  val write : t -> int -> string -> (unit, error) result Promise.t
  (** [write d first data] writes [data] to the sectors from [first]; its
      length must be a multiple of [sector_size] ([Error Out_of_range]
      otherwise, as for sectors outside the device). Resolves once the data
      is stored (on a host device: once it would survive a crash). *)
end

(** A device in memory, zero-filled at first: the stand-in for tests. *)
module Mem : sig
  include S

  val create : ?sector_size:int -> int -> t
  (** [create ~sector_size n] is a read-write device of [n] sectors of
      [sector_size] bytes (default 512), all zero. Raises [Invalid_argument]
      if [sector_size <= 0] or [n < 0]. *)
end

(** A device of the host: the tender's [block] device number [D.device] of the
    image's manifest (a file of the host, possibly read-only). A request to a
    device number that is not attached fails the promise with
    [Host.Device_error]. *)
module Host (D : sig
  val device : int
  (** The device number: the index of the disk in the manifest. *)
end) : sig
  include S

  val connect : unit -> t
  (** [connect ()] is the device. Nothing is asked of the host until the
      first operation. *)
end
