(* Float: IEEE 754 double-precision numbers, with OCaml 4.13's Float
   interface, less what needs primitives the runtime does not have yet: fma,
   cbrt, exp2, log2, acosh, asinh, atanh, erf, erfc, next_after, succ, pred,
   frexp, ldexp, hash and Float.Array.

   Most operations are the runtime's primitives, bound under their Float
   names. What is written here in ML is the classification, and the minimum
   and maximum functions, whose treatment of NaN and of the two zeros is part
   of their definition in OCaml (see [ordered] below). *)

type t = float

external neg : float -> float = "%negfloat"
external add : float -> float -> float = "%addfloat"
external sub : float -> float -> float = "%subfloat"
external mul : float -> float -> float = "%mulfloat"
external div : float -> float -> float = "%divfloat"
(* The remainder of C's fmod: it has the sign of the dividend. *)
external rem : float -> float -> float = "caml_fmod_float"
external abs : float -> float = "%absfloat"

let zero = 0.
let one = 1.
let minus_one = -1.
let infinity = Stdlib.infinity
let neg_infinity = Stdlib.neg_infinity
let nan = Stdlib.nan
let pi = 3.141592653589793
let max_float = Stdlib.max_float
let min_float = Stdlib.min_float
let epsilon = Stdlib.epsilon_float

(* NaN is the only value that differs from itself; every comparison with it
   is false, so the other two tests fail for it without testing for it. *)
let is_nan (x : float) = x <> x
let is_finite x = abs x <= max_float
let is_infinite x = abs x = infinity

external of_int : int -> float = "%floatofint"
external to_int : float -> int = "%intoffloat"
external of_string : string -> float = "caml_float_of_string"
let of_string_opt = Stdlib.float_of_string_opt
let to_string = Stdlib.string_of_float

type fpclass = Stdlib.fpclass =
  | FP_normal
  | FP_subnormal
  | FP_zero
  | FP_infinite
  | FP_nan

external classify_float : float -> fpclass = "caml_classify_float"

external pow : float -> float -> float = "caml_power_float"
external sqrt : float -> float = "caml_sqrt_float"
external exp : float -> float = "caml_exp_float"
external log : float -> float = "caml_log_float"
external log10 : float -> float = "caml_log10_float"
external expm1 : float -> float = "caml_expm1_float"
external log1p : float -> float = "caml_log1p_float"
external cos : float -> float = "caml_cos_float"
external sin : float -> float = "caml_sin_float"
external tan : float -> float = "caml_tan_float"
external acos : float -> float = "caml_acos_float"
external asin : float -> float = "caml_asin_float"
external atan : float -> float = "caml_atan_float"
external atan2 : float -> float -> float = "caml_atan2_float"
external hypot : float -> float -> float = "caml_hypot_float"
external cosh : float -> float = "caml_cosh_float"
external sinh : float -> float = "caml_sinh_float"
external tanh : float -> float = "caml_tanh_float"

(* [round] rounds halfway cases away from zero (C's round), unlike the
   hardware's default rounding to even. *)
external trunc : float -> float = "caml_trunc_float"
external round : float -> float = "caml_round_float"
external ceil : float -> float = "caml_ceil_float"
external floor : float -> float = "caml_floor_float"

let is_integer x = is_finite x && trunc x = x

external copy_sign : float -> float -> float = "caml_copysign_float"

(* copysign copies the sign of a NaN as well, so this reads the sign bit of
   any value, -0. and negative NaNs included. *)
let sign_bit x = copy_sign 1. x < 0.

(* The integral part is [trunc x], and [x -. trunc x] is exact; the
   fractional part keeps the sign of [x] even when it is zero. *)
let modf x =
  if is_nan x then (x, x)
  else if is_infinite x then (copy_sign 0. x, x)
  else
    let i = trunc x in
    (copy_sign (x -. i) x, i)

(* The total order of [compare], in which NaN equals itself and is below
   every other float. *)
external compare : float -> float -> int = "%compare"
let equal x y = compare x y = 0

(* [ordered x y] is the pair (lower, higher), for an order in which -0. is
   below +0.; when a NaN is involved the pair is decided by the sign bits alone
   (a negative sign before a positive one), and [y] comes first when neither
   is below the other. Each function
   below then only chooses a side, and which NaN it returns when both arguments
   are NaN follows from the same pair, as in OCaml. *)
let ordered x y =
  if x < y || (sign_bit x && not (sign_bit y)) then (x, y) else (y, x)

(* [min] and [max] return NaN if either argument is NaN ... *)
let min (x : float) (y : float) =
  let lo, hi = ordered x y in if is_nan hi then hi else lo

let max (x : float) (y : float) =
  let lo, hi = ordered x y in if is_nan lo then lo else hi

let min_max (x : float) (y : float) =
  if is_nan x || is_nan y then (nan, nan) else ordered x y

(* ... while the [_num] variants ignore a NaN and return the other argument,
   and return NaN only when both are. *)
let min_num (x : float) (y : float) =
  let lo, hi = ordered x y in if is_nan lo then hi else lo

let max_num (x : float) (y : float) =
  let lo, hi = ordered x y in if is_nan hi then lo else hi

let min_max_num (x : float) (y : float) =
  if is_nan x then (y, y) else if is_nan y then (x, x) else ordered x y
