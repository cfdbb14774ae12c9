(* String: immutable byte strings, with OCaml 4.13's String interface (without
   the Seq conversions and the integer accessors).

   A string and a bytes value have the same representation here, so every
   operation is Bytes' own, reached through the casts below, which compile to
   nothing. The casts are sound because a result is only ever given the type
   string once no one else can mutate it. *)

external length : string -> int = "%string_length"
external get : string -> int -> char = "%string_safe_get"
external unsafe_get : string -> int -> char = "%string_unsafe_get"
(* Deprecated bytes operations that OCaml still exports from String. *)
external set : bytes -> int -> char -> unit = "%bytes_safe_set"
external create : int -> bytes = "caml_create_bytes"
external unsafe_set : bytes -> int -> char -> unit = "%bytes_unsafe_set"
external unsafe_blit : string -> int -> bytes -> int -> int -> unit
  = "caml_blit_string"
external unsafe_fill : bytes -> int -> int -> char -> unit = "caml_fill_bytes"

external bos : string -> bytes = "%identity"
external sob : bytes -> string = "%identity"
external bos_list : string list -> bytes list = "%identity"
external sob_list : bytes list -> string list = "%identity"

type t = string

let empty = ""
let make n c = sob (Bytes.make n c)
let init n f = sob (Bytes.init n f)
let copy s = sob (Bytes.copy (bos s))
let of_bytes = Bytes.to_string
let to_bytes = Bytes.of_string
let sub s ofs n = sob (Bytes.sub (bos s) ofs n)
let fill = Bytes.fill
let blit = Bytes.blit_string
let concat sep l = sob (Bytes.concat_named "String.concat" (bos sep) (bos_list l))
let cat = ( ^ )

let iter f s = Bytes.iter f (bos s)
let iteri f s = Bytes.iteri f (bos s)
let map f s = sob (Bytes.map f (bos s))
let mapi f s = sob (Bytes.mapi f (bos s))
let fold_left f init s = Bytes.fold_left f init (bos s)
let fold_right f s init = Bytes.fold_right f (bos s) init
let exists p s = Bytes.exists p (bos s)
let for_all p s = Bytes.for_all p (bos s)

(* Unlike their Bytes versions, trim and escaped hand back the argument
   itself when there is nothing to change, as OCaml's String documents. *)
let trim s =
  let n = length s in
  if n = 0 || not (Bytes.is_space (unsafe_get s 0) || Bytes.is_space (unsafe_get s (n - 1)))
  then s
  else sob (Bytes.trim (bos s))

let escaped s =
  if Bytes.escaped_length (bos s) = length s then s
  else sob (Bytes.escaped (bos s))

let index s c = Bytes.index (bos s) c
let index_opt s c = Bytes.index_opt (bos s) c
let index_from s i c = Bytes.index_from (bos s) i c
let index_from_opt s i c = Bytes.index_from_opt (bos s) i c
let rindex s c = Bytes.rindex (bos s) c
let rindex_opt s c = Bytes.rindex_opt (bos s) c
let rindex_from s i c = Bytes.rindex_from (bos s) i c
let rindex_from_opt s i c = Bytes.rindex_from_opt (bos s) i c
let contains s c = Bytes.contains (bos s) c
let contains_from s i c = Bytes.contains_from (bos s) i c
let rcontains_from s i c = Bytes.rcontains_from (bos s) i c

let uppercase_ascii s = sob (Bytes.uppercase_ascii (bos s))
let lowercase_ascii s = sob (Bytes.lowercase_ascii (bos s))
let capitalize_ascii s = sob (Bytes.capitalize_ascii (bos s))
let uncapitalize_ascii s = sob (Bytes.uncapitalize_ascii (bos s))
let uppercase s = sob (Bytes.uppercase (bos s))
let lowercase s = sob (Bytes.lowercase (bos s))
let capitalize s = sob (Bytes.capitalize (bos s))
let uncapitalize s = sob (Bytes.uncapitalize (bos s))

let starts_with ~prefix s = Bytes.starts_with ~prefix:(bos prefix) (bos s)
let ends_with ~suffix s = Bytes.ends_with ~suffix:(bos suffix) (bos s)
let split_on_char sep s = sob_list (Bytes.split_on_char sep (bos s))

let compare (a : t) (b : t) = Stdlib.compare a b
external equal : string -> string -> bool = "caml_string_equal"

let to_seq s = Bytes.to_seq (bos s)
let to_seqi s = Bytes.to_seqi (bos s)
let of_seq s = sob (Bytes.of_seq s)
