(* mlc: build *)
module Main (C : Console.S) (T : Time.S) = struct
  let start console _time =
    let open Promise.Syntax in
    let* () = T.sleep_ns 1_000_000 in
    C.log console "hello"
end
