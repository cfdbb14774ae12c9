(* Consoles (see console.mli). *)

module type S = sig
  type t
  val write : t -> string -> unit Promise.t
  val log : t -> string -> unit Promise.t
  val read_line : t -> string option Promise.t
end

(* Inside its own body, [Host] still names the unit of the host interface
   (host.ml): a module is not in scope in its own definition. *)
module Host = struct
  type t = { device : int }

  let connect device = { device }

  let write _ s =
    print_string s;
    Promise.return ()

  let log _ s =
    print_endline s;
    Promise.return ()

  let read_line c =
    Promise.bind (Host.request c.device 0 0 0 "") (fun (status, data) ->
        match status with
        | 0 -> Promise.return (Some data)
        | 1 -> Promise.return None
        | st ->
            Promise.fail
              (Host.Device_error (Printf.sprintf "console %d: unexpected status %d" c.device st)))
end

module Recorder = struct
  type t = { mutable input : string list; output : Buffer.t }

  let create ?(input = []) () = { input; output = Buffer.create 256 }

  let write c s =
    Buffer.add_string c.output s;
    Promise.return ()

  let log c s =
    Buffer.add_string c.output s;
    Buffer.add_char c.output '\n';
    Promise.return ()

  let read_line c =
    match c.input with
    | [] -> Promise.return None
    | line :: rest ->
        c.input <- rest;
        Promise.return (Some line)

  let contents c = Buffer.contents c.output
end
