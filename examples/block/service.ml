(* State that survives a restart: a boot counter kept in sector 0 of a block
   device, and a log of boots in the sectors after it.

     npx mlc build examples/block/service.ml -o block.wasm
     npx mlc run block.wasm --block store=disk.img     (run it twice) *)

module Main (C : Console.S) (Store : Block.S) = struct
  let fail console e = C.log console ("block error: " ^ Block.pp_error e)

  (* sector 0 holds the count in decimal, padded with spaces *)
  let read_count store =
    let open Promise.Syntax in
    let+ r = Store.read store 0 1 in
    match r with
    | Error e -> Error e
    | Ok sector -> Ok (match int_of_string_opt (String.trim sector) with Some n -> n | None -> 0)

  let sector info text = text ^ String.make (info.Block.sector_size - String.length text) ' '

  let start console store =
    let open Promise.Syntax in
    let* info = Store.info store in
    let* count = read_count store in
    match count with
    | Error e -> fail console e
    | Ok n ->
      let boot = n + 1 in
      let* w = Store.write store 0 (sector info (string_of_int boot)) in
      let* w' = Store.write store boot (sector info (Printf.sprintf "boot %d" boot)) in
      match w, w' with
      | Error e, _ | _, Error e -> fail console e
      | Ok (), Ok () ->
        let* back = Store.read store 1 boot in
        match back with
        | Error e -> fail console e
        | Ok log ->
          let entries = List.init boot (fun i -> String.trim (String.sub log (i * info.Block.sector_size) 16)) in
          C.log console (Printf.sprintf "boot number %d; log: %s" boot (String.concat ", " entries))
end
