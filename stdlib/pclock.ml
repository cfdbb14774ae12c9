(* The wall clock (see pclock.mli). *)

module type S = sig
  val now_ns : unit -> int
  val now_s : unit -> float
end

let now_ns () = Host.clock_wall ()
let now_s () = float_of_int (now_ns ()) /. 1e9
