(* The monotonic clock (see mclock.mli). *)

module type S = sig
  val elapsed_ns : unit -> int
end

let start = Host.clock_monotonic ()
let elapsed_ns () = Host.clock_monotonic () - start
