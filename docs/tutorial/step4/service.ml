(* The tally as a service: it reads page names from a console, one a line,
   counts each visit in a key-value store, and answers with the new count. *)

module Main (C : Console.S) (Store : Kv.RW) = struct
  module Tally = Tally.Make (Store)

  let rec serve console store =
    let open Promise.Syntax in
    let* line = C.read_line console in
    match line with
    | None -> Promise.return ()
    | Some page ->
      let* n = Tally.hit store page in
      let* () = C.log console (Printf.sprintf "%s: %d" page n) in
      serve console store

  let start console store = serve console store
end
