(** Random bytes from the host (crypto-quality), for keys, nonces, seeds.

    A service takes an [Entropy.S] argument and is applied to [Entropy]
    itself (this module satisfies [S]), or, in a test, to a deterministic
    stand-in so that its output can be checked. *)

(** What a service may ask of a source of entropy. *)
module type S = sig
  val generate : int -> string
  (** [generate n] is [n] random bytes. *)
end

val generate : int -> string
(** [generate n] is [n] random bytes from the host's entropy source.
    Raises [Invalid_argument] if [n < 0]. *)
