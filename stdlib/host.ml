(* The guest's side of the host interface (docs/host-interface.md): clocks,
   entropy, asynchronous device requests, and the event loop that connects the
   promise scheduler to the tender.

   A request gets a number; the host answers later through the registered
   callback, which wakes the request's promise and runs whatever became ready. *)

external clock_monotonic : unit -> int = "mlc_clock_monotonic"
external clock_wall : unit -> int = "mlc_clock_wall"
external entropy : int -> string = "mlc_entropy"
external device_request : int -> int -> int -> int -> int -> string -> int = "mlc_device_request"
external io_read : int -> string = "mlc_io_read"
external register_callback : (int -> int -> int -> int) -> unit = "mlc_register_callback"

exception Device_error of string

let pending : (int, (int * string) Promise.u) Hashtbl.t = Hashtbl.create 16
let next_request = ref 0

(* [request device op a b payload] starts a request and resolves with the
   host's status and data. *)
let request device op a b payload =
  let id = !next_request in
  incr next_request;
  let p, u = Promise.wait () in
  match device_request device op id a b payload with
  | 0 -> Hashtbl.replace pending id u; p
  | 1 -> Promise.fail (Device_error (Printf.sprintf "no device number %d is attached" device))
  | _ -> Promise.fail (Device_error (Printf.sprintf "device %d has no operation %d" device op))

let status = ref None

(* What the callback tells the host: the next deadline, -1 to wait, or
   -2 - status when the service is over. *)
let next_step () =
  match !status with
  | Some (Ok code) -> -2 - code
  | Some (Error e) -> raise e
  | None -> (match Promise.Scheduler.next_deadline () with Some d -> d | None -> -1)

let on_event reqid st len =
  if reqid >= 0 then begin
    let data = io_read len in
    match Hashtbl.find_opt pending reqid with
    | Some u -> Hashtbl.remove pending reqid; Promise.wakeup u (st, data)
    | None -> ()
  end;
  Promise.Scheduler.run_ready ();
  next_step ()

(* Runs a service's main promise under the host's event loop: the tender calls
   back on every timer tick and completion until the promise resolves (exit
   status 0) or fails (the exception ends the service, as an uncaught one). *)
let run (main : unit -> unit Promise.t) =
  Promise.Scheduler.set_clock clock_monotonic;
  let p = try main () with e -> Promise.fail e in
  Promise.async (fun () ->
    Promise.catch
      (fun () -> Promise.map (fun () -> status := Some (Ok 0)) p)
      (fun e -> status := Some (Error e); Promise.return ()));
  register_callback on_event
