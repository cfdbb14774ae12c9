(** Key-value stores: a tree of values named by ['/']-separated paths, like a
    small read-only or read-write file system.

    A service is a functor over [RO] (or [RW] if it writes),
    {[
      module Main (K : Kv.RO) = struct
        let start store =
          let open Promise.Syntax in
          let* r = K.get store "config/greeting" in
          match r with
          | Ok text -> ...
          | Error e -> Promise.fail_with (Kv.pp_error e)
      end
    ]}
    and the build picks the store: {!Baked} (files built into the image),
    {!Host} (a directory of the host), or {!Mem} in a test.

    Keys. A key is a path such as ["a/b/c"]: ["a"] and ["a/b"] are then
    dictionaries (directories) and ["a/b/c"] a value. A leading ['/'] is
    ignored, and [""] is the root dictionary. Keys with an empty segment
    (["a//b"], ["a/"], ["/"]) or a segment ["."] or [".."] are malformed: no
    value or dictionary has such a name ([Not_found], or [None] for
    [exists]), so a service can never reach outside its store. These are the
    rules of the host's stores ({!Host}); {!Mem} and {!Baked} follow them. *)

(** Why an operation failed. The string is the key concerned. *)
type error =
  | Not_found of string  (** no value or dictionary has that key *)
  | Dictionary_expected of string  (** the key is a value, a dictionary was needed *)
  | Value_expected of string  (** the key is a dictionary, a value was needed *)
  | Read_only  (** the store cannot be changed *)
  | Io_error of string  (** the store failed (a message) *)

val pp_error : error -> string
(** [pp_error e] is a message for [e], e.g. [{|key "a/b" not found|}]. *)

(** What a key names. *)
type kind = Value | Dictionary

(** A read-only store. *)
module type RO = sig
  type t
  (** A connected store. *)

  val exists : t -> string -> (kind option, error) result Promise.t
  (** [exists s k] is [Ok (Some kind)] if [k] names a value or a dictionary,
      [Ok None] if it names nothing. *)

  val get : t -> string -> (string, error) result Promise.t
  (** [get s k] is the value of [k]; [Error (Value_expected k)] if [k] is a
      dictionary, [Error (Not_found k)] if it is nothing. *)

  val list : t -> string -> ((string * kind) list, error) result Promise.t
  (** [list s k] is the entries of the dictionary [k]: the name of each
      immediate child (not its whole key) and its kind, sorted by name.
      [Error (Dictionary_expected k)] if [k] is a value,
      [Error (Not_found k)] if it is nothing. *)

  val size : t -> string -> (int, error) result Promise.t
  (** [size s k] is the length in bytes of the value of [k]; errors as
      [get]. *)
end

(** A store that can also be changed. *)
module type RW = sig
  include RO

  val set : t -> string -> string -> (unit, error) result Promise.t
  (** [set s k v] makes [v] the value of [k], replacing any value and
      creating the dictionaries above it. [Error (Value_expected k)] if [k]
      is a dictionary; [Error Read_only] if the store cannot be changed. *)

  val remove : t -> string -> (unit, error) result Promise.t
  (** [remove s k] removes the value [k], or the dictionary [k] with
      everything in it. [Error (Not_found k)] if [k] is nothing;
      [Error Read_only] if the store cannot be changed. *)
end

(** A store in memory: the stand-in for tests.

    Dictionaries exist only through the values below them (removing the last
    value of a dictionary removes the dictionary), except the root, which
    always exists. Setting a key below a value, such as ["a/b"] when ["a"] is
    a value, is [Error (Dictionary_expected "a")]. *)
module Mem : sig
  include RW

  val create : (string * string) list -> t
  (** [create bindings] is a store holding these keys and values (a later
      binding of the same key wins). Raises [Invalid_argument] if a key is
      malformed or the root, or if a key is both a value and a dictionary
      (as ["a"] and ["a/b"]). *)
end

(** Files baked into the image when it is built: a read-only store. The build
    generates [Files] from a directory; a test can write it by hand.
    {[
      module Site = Kv.Baked (struct
        let files = [ ("index.html", "<h1>Hi</h1>"); ("css/main.css", "...") ]
      end)
    ]} *)
module Baked (Files : sig
  val files : (string * string) list
  (** The files: key and contents. *)
end) : sig
  include RO

  val connect : unit -> t
  (** [connect ()] is the store of [Files.files]. Raises [Invalid_argument]
      as {!Mem.create}. *)
end

(** A store on the host: the tender's [kv] device number [D.device] of the
    image's manifest (a directory of the host, possibly read-only). An error
    of the host's file system is [Io_error]; a request to a device number
    that is not attached fails the promise with [Host.Device_error].

    Differences from {!Mem}, which come from the directory underneath: an
    emptied dictionary stays (as an empty directory), and setting a key below
    a value (["a/b"] when ["a"] is a value) is an [Io_error]. *)
module Host (D : sig
  val device : int
  (** The device number: the index of the store in the manifest. *)
end) : sig
  include RW

  val connect : unit -> t
  (** [connect ()] is the store. Nothing is asked of the host until the
      first operation. *)
end
