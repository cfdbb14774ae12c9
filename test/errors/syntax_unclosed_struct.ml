module Counter = struct
  let count = ref 0
  let incr () = count := !count + 1
  let get () = !count

let () =
  Counter.incr ();
  print_int (Counter.get ())
