(* As OCaml 4.13's Fun (from its source). There is no Printexc yet, so no
   printer is registered for Finally_raised and backtraces are not kept. *)

external id : 'a -> 'a = "%identity"
let const c _ = c
let flip f x y = f y x
let negate p v = not (p v)

exception Finally_raised of exn

let protect ~(finally : unit -> unit) work =
  let finally_no_exn () =
    try finally () with e -> raise (Finally_raised e)
  in
  match work () with
  | result -> finally_no_exn () ; result
  | exception work_exn ->
      finally_no_exn () ;
      raise work_exn
