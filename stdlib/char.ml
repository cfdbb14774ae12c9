(* Char: the 256 byte values, with OCaml 4.13's Char interface (including the
   deprecated Latin-1 case mappings [lowercase] and [uppercase]).

   This unit comes before Bytes and String, so the few strings it builds are
   made with the primitives that Stdlib binds. *)

type t = char

external code : char -> int = "%identity"
external unsafe_chr : int -> char = "%identity"

let chr n = if n < 0 || n > 255 then invalid_arg "Char.chr" else unsafe_chr n

(* The string made of [c] alone. *)
let to_single c =
  let b = bytes_create 1 in
  bytes_unsafe_set b 0 c;
  bytes_unsafe_to_string b

(* The escapes of OCaml's lexical conventions: a backslash before the quote
   and the backslash, a letter for four control characters, and three decimal
   digits for any byte outside the printable ASCII range. The double quote is
   printable and left alone (it needs no escape between single quotes). *)
let escaped c =
  match c with
  | '\'' | '\\' -> "\\" ^ to_single c
  | '\n' -> "\\n"
  | '\t' -> "\\t"
  | '\r' -> "\\r"
  | '\b' -> "\\b"
  | ' ' .. '~' -> to_single c
  | _ -> "\\" ^ format_int "%03d" (code c)

(* Upper and lower case letters are 32 apart, in ASCII and in Latin-1. *)
let shift d c = unsafe_chr (code c + d)

let lowercase_ascii c = match c with 'A' .. 'Z' -> shift 32 c | _ -> c
let uppercase_ascii c = match c with 'a' .. 'z' -> shift (-32) c | _ -> c

(* Latin-1 adds the accented letters from 192 to 222 and from 224 to 254;
   215 and 247 in the middle of them are the signs for times and division. *)
let lowercase c =
  match c with
  | 'A' .. 'Z' | '\192' .. '\222' when c <> '\215' -> shift 32 c
  | _ -> c

let uppercase c =
  match c with
  | 'a' .. 'z' | '\224' .. '\254' when c <> '\247' -> shift (-32) c
  | _ -> c

let compare a b = code a - code b
let equal (a : t) (b : t) = a = b
