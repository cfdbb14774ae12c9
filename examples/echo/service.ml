(* A TCP echo server: every byte a client sends comes back.

     npx mlc run examples/echo/service.ml --port 7007
     printf 'hello\n' | nc -q1 127.0.0.1 7007 *)

module Main (S : Net.S) = struct
  let rec echo flow =
    let open Promise.Syntax in
    let* r = S.read flow in
    match r with
    | Ok None | Error _ -> Promise.return ()
    | Ok (Some data) ->
      let* w = S.write flow data in
      (match w with Ok () -> echo flow | Error _ -> Promise.return ())

  let start stack =
    let open Promise.Syntax in
    let* r = S.listen stack ~port:7 echo in
    match r with
    | Ok () -> let forever, _ = Promise.wait () in forever
    | Error e -> failwith (Net.pp_error e)
end
