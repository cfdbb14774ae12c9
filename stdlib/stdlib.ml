(* The Stdlib module, opened in every program, as OCaml 4.13 defines it.

   Everything that ML can express is written in ML. Primitives (`external`) are
   used for what it cannot: arithmetic and comparison (compiled inline), output,
   and number formatting and parsing (done by the host, see runtime/format.ts). *)

(* Exceptions *)

external raise : exn -> 'a = "%raise"
external raise_notrace : exn -> 'a = "%raise_notrace"

let failwith s = raise (Failure s)
let invalid_arg s = raise (Invalid_argument s)

exception Exit

(* Comparisons *)

external ( = ) : 'a -> 'a -> bool = "%equal"
external ( <> ) : 'a -> 'a -> bool = "%notequal"
external ( < ) : 'a -> 'a -> bool = "%lessthan"
external ( > ) : 'a -> 'a -> bool = "%greaterthan"
external ( <= ) : 'a -> 'a -> bool = "%lessequal"
external ( >= ) : 'a -> 'a -> bool = "%greaterequal"
external compare : 'a -> 'a -> int = "%compare"

let min x y = if x <= y then x else y
let max x y = if x >= y then x else y

external ( == ) : 'a -> 'a -> bool = "%eq"
external ( != ) : 'a -> 'a -> bool = "%noteq"

(* Boolean operations *)

external not : bool -> bool = "%boolnot"
external ( && ) : bool -> bool -> bool = "%sequand"
external ( || ) : bool -> bool -> bool = "%sequor"

(* Composition operators *)

external ( |> ) : 'a -> ('a -> 'b) -> 'b = "%revapply"
external ( @@ ) : ('a -> 'b) -> 'a -> 'b = "%apply"

(* Integer arithmetic *)

external ( ~- ) : int -> int = "%negint"
external ( ~+ ) : int -> int = "%identity"
external succ : int -> int = "%succint"
external pred : int -> int = "%predint"
external ( + ) : int -> int -> int = "%addint"
external ( - ) : int -> int -> int = "%subint"
external ( * ) : int -> int -> int = "%mulint"
external ( / ) : int -> int -> int = "%divint"
external ( mod ) : int -> int -> int = "%modint"

let abs x = if x >= 0 then x else -x

external ( land ) : int -> int -> int = "%andint"
external ( lor ) : int -> int -> int = "%orint"
external ( lxor ) : int -> int -> int = "%xorint"

let lnot x = x lxor (-1)

external ( lsl ) : int -> int -> int = "%lslint"
external ( lsr ) : int -> int -> int = "%lsrint"
external ( asr ) : int -> int -> int = "%asrint"

let max_int = (-1) lsr 1
let min_int = max_int + 1

(* Floating-point arithmetic *)

external ( ~-. ) : float -> float = "%negfloat"
external ( ~+. ) : float -> float = "%identity"
external ( +. ) : float -> float -> float = "%addfloat"
external ( -. ) : float -> float -> float = "%subfloat"
external ( *. ) : float -> float -> float = "%mulfloat"
external ( /. ) : float -> float -> float = "%divfloat"
external ( ** ) : float -> float -> float = "caml_power_float"
external exp : float -> float = "caml_exp_float"
external expm1 : float -> float = "caml_expm1_float"
external acos : float -> float = "caml_acos_float"
external asin : float -> float = "caml_asin_float"
external atan : float -> float = "caml_atan_float"
external atan2 : float -> float -> float = "caml_atan2_float"
external hypot : float -> float -> float = "caml_hypot_float"
external cos : float -> float = "caml_cos_float"
external cosh : float -> float = "caml_cosh_float"
external log : float -> float = "caml_log_float"
external log10 : float -> float = "caml_log10_float"
external log1p : float -> float = "caml_log1p_float"
external sin : float -> float = "caml_sin_float"
external sinh : float -> float = "caml_sinh_float"
external sqrt : float -> float = "caml_sqrt_float"
external tan : float -> float = "caml_tan_float"
external tanh : float -> float = "caml_tanh_float"
external ceil : float -> float = "caml_ceil_float"
external floor : float -> float = "caml_floor_float"
external abs_float : float -> float = "%absfloat"
external copysign : float -> float -> float = "caml_copysign_float"
external mod_float : float -> float -> float = "caml_fmod_float"
external float : int -> float = "%floatofint"
external float_of_int : int -> float = "%floatofint"
external truncate : float -> int = "%intoffloat"
external int_of_float : float -> int = "%intoffloat"

(* OCaml defines these by their bit patterns, which need 64-bit ints; these
   literals denote the same doubles. *)
let infinity = 1.0 /. 0.0
let neg_infinity = -1.0 /. 0.0
let nan = abs_float (0.0 /. 0.0) (* OCaml's nan has the sign bit clear *)
let max_float = 1.7976931348623157e308
let min_float = 2.2250738585072014e-308
let epsilon_float = 2.220446049250313e-16

type fpclass = FP_normal | FP_subnormal | FP_zero | FP_infinite | FP_nan

external classify_float : float -> fpclass = "caml_classify_float"

(* String and character operations *)

external string_length : string -> int = "%string_length"
external bytes_length : bytes -> int = "%bytes_length"
external bytes_create : int -> bytes = "caml_create_bytes"
external string_blit : string -> int -> bytes -> int -> int -> unit = "caml_blit_string"
external bytes_unsafe_to_string : bytes -> string = "%bytes_to_string"
external ( ^ ) : string -> string -> string = "mlc_string_concat"

external int_of_char : char -> int = "%identity"
external unsafe_char_of_int : int -> char = "%identity"

let char_of_int n =
  if n < 0 || n > 255 then invalid_arg "char_of_int" else unsafe_char_of_int n

(* Unit operations *)

external ignore : 'a -> unit = "%ignore"

(* Pair operations *)

let fst (a, _) = a
let snd (_, b) = b

(* String conversion functions *)

let string_of_bool b = if b then "true" else "false"

let bool_of_string = function
  | "true" -> true
  | "false" -> false
  | _ -> invalid_arg "bool_of_string"

let bool_of_string_opt = function
  | "true" -> Some true
  | "false" -> Some false
  | _ -> None

external format_int : string -> int -> string = "caml_format_int"

let string_of_int n = format_int "%d" n

external int_of_string : string -> int = "caml_int_of_string"

let int_of_string_opt s = try Some (int_of_string s) with Failure _ -> None

external format_float : string -> float -> string = "caml_format_float"

(* Adds a "." to a float printed without one, so that it reads as a float. *)
let valid_float_lexem s =
  let l = string_length s in
  let rec loop i =
    if i >= l then s ^ "."
    else
      match s.[i] with
      | '0' .. '9' | '-' -> loop (i + 1)
      | _ -> s
  in
  loop 0

let string_of_float f = valid_float_lexem (format_float "%.12g" f)

external float_of_string : string -> float = "caml_float_of_string"

let float_of_string_opt s = try Some (float_of_string s) with Failure _ -> None

(* List operations *)

let rec ( @ ) l1 l2 =
  match l1 with
  | [] -> l2
  | hd :: tl -> hd :: (tl @ l2)

(* Output: channels are host file descriptors *)

type out_channel = int

let stdout = 1
let stderr = 2

external output_fd : int -> string -> unit = "mlc_output"

let output_string oc s = output_fd oc s
external bytes_unsafe_set : bytes -> int -> char -> unit = "%bytes_unsafe_set"

let output_char oc c =
  let b = bytes_create 1 in
  bytes_unsafe_set b 0 c;
  output_fd oc (bytes_unsafe_to_string b)

let flush _ = ()
let flush_all () = ()

let print_char c = output_char stdout c
let print_string s = output_fd 1 s
let print_bytes b = output_fd 1 (bytes_unsafe_to_string b)
let print_int n = output_fd 1 (string_of_int n)
let print_float f = output_fd 1 (string_of_float f)
let print_endline s = output_fd 1 s; output_fd 1 "\n"
let print_newline () = output_fd 1 "\n"

let prerr_char c = output_char stderr c
let prerr_string s = output_fd 2 s
let prerr_bytes b = output_fd 2 (bytes_unsafe_to_string b)
let prerr_int n = output_fd 2 (string_of_int n)
let prerr_float f = output_fd 2 (string_of_float f)
let prerr_endline s = output_fd 2 s; output_fd 2 "\n"
let prerr_newline () = output_fd 2 "\n"

(* References *)

type 'a ref = { mutable contents : 'a }

external ref : 'a -> 'a ref = "%makemutable"
external ( ! ) : 'a ref -> 'a = "%field0"
external ( := ) : 'a ref -> 'a -> unit = "%setfield0"
external incr : int ref -> unit = "%incr"
external decr : int ref -> unit = "%decr"

(* Result type *)

type ('a, 'b) result = Ok of 'a | Error of 'b

(* Program termination *)

external sys_exit : int -> 'a = "caml_sys_exit"

let exit retcode = sys_exit retcode

(* Format strings. The type checker reads a literal whose expected type is a
   format6 as a format; at run time a format is its string (see printf.ml). *)

type ('a, 'b, 'c, 'd) format4 = ('a, 'b, 'c, 'c, 'c, 'd) format6
type ('a, 'b, 'c) format = ('a, 'b, 'c, 'c) format4

external string_of_format : ('a, 'b, 'c, 'd, 'e, 'f) format6 -> string = "%identity"
external format_of_string :
  ('a, 'b, 'c, 'd, 'e, 'f) format6 -> ('a, 'b, 'c, 'd, 'e, 'f) format6 = "%identity"
external ( ^^ ) :
  ('a, 'b, 'c, 'd, 'e, 'f) format6 -> ('f, 'b, 'c, 'e, 'g, 'h) format6 ->
  ('a, 'b, 'c, 'd, 'g, 'h) format6 = "mlc_string_concat"
