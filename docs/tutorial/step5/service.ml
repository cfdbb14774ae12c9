(* The tally service with a greeting, read from a second store: a read-only
   one, which the build may bake into the image or leave to the host. *)

module Main (C : Console.S) (Store : Kv.RW) (Motd : Kv.RO) = struct
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

  let start console store motd =
    let open Promise.Syntax in
    let* greeting = Motd.get motd "greeting.txt" in
    let* () =
      match greeting with
      | Ok text -> C.write console text
      | Error e -> C.log console ("(no greeting: " ^ Kv.pp_error e ^ ")")
    in
    serve console store
end
