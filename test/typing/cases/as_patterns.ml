(* `p as x` gets OCaml's generalised type (build_as_type): parameters the
   sub-pattern leaves free are fresh. *)
let join = function Ok r -> r | Error _ as e -> e

let map_left f = function Either.Left v -> Either.Left (f v) | Either.Right _ as e -> e

type ('a, 'b) either = Left of 'a | Right of 'b

let map_right f = function Right v -> Right (f v) | Left _ as e -> e
let lefts = function (Left _, _) as p -> p | (Right _, x) -> (Left 0, x)
let or_alias = function (Left _ | Right 0) as e -> e | Right n -> Left n

type ('a, 'b) r = { a : 'a; b : 'b list }
type 'a m = { mutable m : 'a; n : int }

let rebuild = function { a = 0; _ } as r -> r | r -> { r with a = 1 }
let keep_mut = function { n = 0; _ } as r -> r | r -> r
let cst = function (1 as x) -> x | _ -> 0
let both x = match x with (Some _ as y), _ -> y | None, z -> z
let x1 = join (Ok (Error "x"))
let x2 = map_left string_of_int (Either.Left 3)
