(* Int: the native integers, with OCaml 4.13's Int interface (without
   [of_string] and [hash]).

   Arithmetic wraps around modulo 2^63 as in OCaml, which is why [abs min_int]
   is [min_int] and [succ max_int] is [min_int]; division by zero raises
   Division_by_zero. The operations that are single instructions are bound to
   the primitives, so they cost no call. *)

type t = int

let zero = 0
let one = 1
let minus_one = -1

external neg : int -> int = "%negint"
external add : int -> int -> int = "%addint"
external sub : int -> int -> int = "%subint"
external mul : int -> int -> int = "%mulint"
external div : int -> int -> int = "%divint"
external rem : int -> int -> int = "%modint"
external succ : int -> int = "%succint"
external pred : int -> int = "%predint"

let abs n = if n < 0 then neg n else n

let max_int = Stdlib.max_int
let min_int = Stdlib.min_int

external logand : int -> int -> int = "%andint"
external logor : int -> int -> int = "%orint"
external logxor : int -> int -> int = "%xorint"

let lognot = Stdlib.lnot

external shift_left : int -> int -> int = "%lslint"
external shift_right : int -> int -> int = "%asrint"
external shift_right_logical : int -> int -> int = "%lsrint"

(* The annotations make the comparisons the integer ones, not the generic
   structural ones. *)
let equal (a : int) b = a = b
let compare (a : int) b = Stdlib.compare a b

(* On a tie the first argument is returned (the two are equal anyway). *)
let min (a : t) (b : t) : t = if b < a then b else a
let max (a : t) (b : t) : t = if b > a then b else a

external to_float : int -> float = "%floatofint"
external of_float : float -> int = "%intoffloat"

let to_string = string_of_int
