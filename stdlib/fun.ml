(* Fun: combinators on functions, with OCaml 4.13's Fun interface.

   [protect] runs a clean-up action whichever way the work ends. If the
   clean-up itself raises, its exception is wrapped in [Finally_raised]: a
   clean-up is not expected to fail, and the wrapper keeps such a failure from
   passing for one of the work's own exceptions. There is no Printexc yet, so
   no printer is registered for [Finally_raised] and no backtrace is kept. *)

external id : 'a -> 'a = "%identity"

let const v _ = v
let flip f a b = f b a
let negate p x = not (p x)

exception Finally_raised of exn

let protect ~(finally : unit -> unit) work =
  let clean_up () =
    match finally () with () -> () | exception e -> raise (Finally_raised e) in
  let result = try work () with e -> clean_up (); raise e in
  clean_up ();
  result
