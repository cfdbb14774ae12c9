(* The host's clocks and entropy, through their module types. Their values
   vary from run to run, so only their properties are printed; a deterministic
   stand-in shows how a service that uses them is tested. *)

(* A service that stamps and identifies events. *)
module Events (M : Mclock.S) (P : Pclock.S) (E : Entropy.S) = struct
  let hex s = String.concat "" (List.init (String.length s) (fun i -> Printf.sprintf "%02x" (Char.code s.[i])))
  let id () = hex (E.generate 4)
  let describe name = Printf.sprintf "%s id=%s at=%d elapsed=%d" name (id ()) (P.now_ns () / 1_000_000_000) (M.elapsed_ns ())
end

(* Stand-ins: a fixed date, a clock that advances 5 ns per reading, and
   "entropy" counting up. *)
module Fixed_date = struct
  let now_ns () = 1_700_000_000_123_456_789
  let now_s () = 1_700_000_000.123456789
end

module Ticking = struct
  let t = ref 0
  let elapsed_ns () = t := !t + 5; !t
end

module Counting = struct
  let next = ref 0
  let generate n = String.init n (fun _ -> incr next; Char.chr (!next land 255))
end

module Test_events = Events (Ticking) (Fixed_date) (Counting)
module Real_events = Events (Mclock) (Pclock) (Entropy)

let () =
  print_endline (Test_events.describe "first");
  print_endline (Test_events.describe "second");
  (* the real ones *)
  let a = Mclock.elapsed_ns () in
  let b = Mclock.elapsed_ns () in
  Printf.printf "monotonic: %b %b\n" (a >= 0) (b >= a);
  let ns = Pclock.now_ns () and s = Pclock.now_s () in
  (* after 2023-11-14 and before 2100 *)
  Printf.printf "wall clock: %b %b\n" (ns > 1_700_000_000 * 1_000_000_000 && ns < 4_102_444_800 * 1_000_000_000)
    (s > 1.7e9 && s < 4.1024448e9);
  Printf.printf "agree: %b\n" (abs_float (s -. (float_of_int ns /. 1e9)) < 60.);
  let r1 = Entropy.generate 16 and r2 = Entropy.generate 16 in
  Printf.printf "entropy: %d %d %b %d\n" (String.length r1) (String.length r2) (r1 <> r2)
    (String.length (Entropy.generate 0));
  (match Entropy.generate (-1) with
   | _ -> print_endline "no exception"
   | exception Invalid_argument m -> print_endline ("Invalid_argument: " ^ m));
  Printf.printf "real event id length: %d\n"
    (match String.split_on_char ' ' (Real_events.describe "real") with
     | _ :: id :: _ -> String.length id - 3
     | _ -> -1)
