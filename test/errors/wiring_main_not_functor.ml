(* mlc: build --kv-host config *)
module Main = struct
  let start () =
    print_endline "starting";
    Promise.return ()
end
