(* A counter behind a JSON API, kept on a block device so that it survives
   restarts and crashes.

     npx mlc run examples/counter/service.ml --port 8080 --block store=counter.img
     curl http://127.0.0.1:8080/            {"value": 0}
     curl -X POST http://127.0.0.1:8080/    {"value": 1}

   A POST is answered only once the new value is on the disk (a write of a
   host block device resolves once it would survive a crash), so a client
   that saw {"value": N} will see at least N after a restart, even after a
   kill -9. POSTs are done one at a time, in the order they came. *)

module Main (S : Net.S) (Store : Block.S) = struct
  module H = Http.Server (S)

  (* sector 0 holds the value in decimal, padded with spaces; a fresh
     (zero-filled) disk counts as 0 *)
  let decode sector = match int_of_string_opt (String.trim sector) with Some n -> n | None -> 0

  let encode size n =
    let s = string_of_int n in
    s ^ String.make (size - String.length s) ' '

  let json n = Http.respond_json (Printf.sprintf "{\"value\": %d}\n" n)

  let start stack store =
    let open Promise.Syntax in
    let* info = Store.info store in
    let* first = Store.read store 0 1 in
    match first with
    | Error e -> failwith ("counter: cannot read the store: " ^ Block.pp_error e)
    | Ok sector ->
      let value = ref (decode sector) in
      (* the POST in progress: each waits for the one before it *)
      let last = ref (Promise.return ()) in
      let increment () =
        let run () =
          let n = !value + 1 in
          let+ w = Store.write store 0 (encode info.Block.sector_size n) in
          match w with
          | Ok () -> value := n; json n
          | Error e -> Http.respond_json ~status:500 (Printf.sprintf "{\"error\": %s}\n" (Http.json_string (Block.pp_error e)))
        in
        let p = Promise.bind !last run in
        last := Promise.catch (fun () -> Promise.map ignore p) (fun _ -> Promise.return ());
        p
      in
      let routes =
        Http.Router.
          [ get "/" (fun _ _ -> Promise.return (json !value)); post "/" (fun _ _ -> increment ()) ]
      in
      let* r = H.listen stack ~port:8080 (Http.Router.dispatch routes) in
      match r with
      | Ok () -> fst (Promise.wait ())
      | Error e -> failwith (Net.pp_error e)
end
