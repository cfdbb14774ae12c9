(* mlc: build --kv-host htdocs --kv-host assets *)
module Main (C : Console.S) (Htdocs : Kv.RO) = struct
  let start console store =
    let open Promise.Syntax in
    let* page = Htdocs.get store "index.html" in
    match page with
    | Ok text -> C.log console text
    | Error e -> C.log console (Kv.pp_error e)
end
