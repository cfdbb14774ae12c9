(* Concurrency with promises: two sleeps joined, then two sleeps raced.
   `Promise.join` waits for both; `Promise.pick` takes the first and cancels
   the other, whose sleep never prints.

     npx mlc run examples/heads/service.ml *)

module Main (Time : Time.S) = struct
  let flip name seconds =
    let open Promise.Syntax in
    let* () = Time.sleep_ns (seconds * 500_000_000) in
    print_endline name;
    Promise.return name

  let start () =
    let open Promise.Syntax in
    let* _ = Promise.both (flip "Heads" 1) (flip "Tails" 2) in
    print_endline "Finished joining";
    let* winner = Promise.pick [ flip "Heads again" 2; flip "Tails again" 1 ] in
    print_endline (winner ^ " won the race");
    Promise.return ()
end
