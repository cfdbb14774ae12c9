(* The tally over HTTP: POST /hit/PAGE counts a visit, GET /count/PAGE reads
   the count. The store is the same Kv.RW device as before. *)

module Main (S : Net.S) (Store : Kv.RW) = struct
  module H = Http.Server (S)
  module Tally = Tally.Make (Store)

  let answer page n = Http.respond (Printf.sprintf "%s: %d\n" page n)

  let routes store =
    Http.Router.
      [ post "/hit/:page" (fun params _ ->
          let page = List.assoc "page" params in
          Promise.map (answer page) (Tally.hit store page));
        get "/count/:page" (fun params _ ->
          let page = List.assoc "page" params in
          Promise.map (answer page) (Tally.count store page)) ]

  let start stack store =
    let open Promise.Syntax in
    let* r = H.listen stack ~port:8080 (Http.Router.dispatch (routes store)) in
    match r with
    | Ok () -> fst (Promise.wait ()) (* serve until stopped *)
    | Error e -> failwith (Net.pp_error e)
end
