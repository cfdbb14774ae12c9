(* mlc: build --kv-host data --kv data=. *)
module Main (Data : Kv.RO) = struct
  let start store =
    let open Promise.Syntax in
    let* _ = Data.get store "config" in
    Promise.return ()
end
