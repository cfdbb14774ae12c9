(* Bool: the booleans, with OCaml 4.13's Bool interface (without
   [of_string]).

   The connectives are the primitives themselves, not functions calling them:
   only the primitive evaluates its right operand lazily, and [Bool.( && )]
   must short-circuit just as [&&] does. *)

type t = bool

external not : bool -> bool = "%boolnot"
external ( && ) : bool -> bool -> bool = "%sequand"
external ( || ) : bool -> bool -> bool = "%sequor"

(* false before true, as the polymorphic comparison orders them. *)
let equal (a : bool) b = a = b
let compare (a : bool) b = Stdlib.compare a b

(* A boolean is represented as 0 or 1 already. *)
external to_int : bool -> int = "%identity"

let to_float b = if b then 1. else 0.
let to_string = string_of_bool
