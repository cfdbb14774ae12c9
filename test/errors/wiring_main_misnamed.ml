(* mlc: build *)
module App (C : Console.S) (T : Time.S) = struct
  let start console =
    let open Promise.Syntax in
    let* () = T.sleep_ns 1_000_000_000 in
    C.log console "tick"
end
