(* Sleeping (see time.mli). *)

module type S = sig
  val sleep_ns : int -> unit Promise.t
end

let sleep_ns ns = Promise.Scheduler.sleep_ns ns
let ns_of_us n = n * 1_000
let ns_of_ms n = n * 1_000_000
let ns_of_s n = n * 1_000_000_000
