(* MirageOS's first tutorial, as an mlc service: print "hello" four times, a
   second apart. Main is a functor over the Time device; `mlc build` applies it
   to the host's timers.

     npx mlc run examples/hello/service.ml *)

module Main (Time : Time.S) = struct
  let start () =
    let open Promise.Syntax in
    let rec loop = function
      | 0 -> Promise.return ()
      | n ->
        print_endline "hello";
        let* () = Time.sleep_ns 1_000_000_000 in
        loop (n - 1)
    in
    loop 4
end
