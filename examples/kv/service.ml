(* Two key-value stores behind one signature: [Baked] is a directory baked
   into the image at build time, [Disk] a directory the tender attaches at run
   time. The service cannot tell them apart: that is the point of Kv.RO.

     npx mlc build examples/kv/service.ml --kv baked=examples/kv/baked --kv-host disk -o kv.wasm
     npx mlc run kv.wasm --kv-host disk=examples/kv/disk *)

module Main (C : Console.S) (Baked : Kv.RO) (Disk : Kv.RO) = struct
  let show console store_name result =
    match result with
    | Ok value -> C.log console (Printf.sprintf "%s: %s" store_name (String.trim value))
    | Error e -> C.log console (Printf.sprintf "%s: error: %s" store_name (Kv.pp_error e))

  let start console baked disk =
    let open Promise.Syntax in
    let* motd = Baked.get baked "motd.txt" in
    let* () = show console "baked" motd in
    let* note = Disk.get disk "notes/today.txt" in
    let* () = show console "disk" note in
    let* missing = Disk.get disk "nothing-here" in
    show console "disk" missing
end
