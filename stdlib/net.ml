(* TCP over the host's sockets: each operation is one device request
   (docs/host-interface.md, kind "net"). *)

type error = Refused of string | Closed | Io_error of string

let pp_error = function
  | Refused why -> "connection refused: " ^ why
  | Closed -> "connection closed"
  | Io_error why -> "network error: " ^ why

module type S = sig
  type t
  type flow
  val listen : t -> port:int -> (flow -> unit Promise.t) -> (unit, error) result Promise.t
  val create_connection : t -> host:string -> port:int -> (flow, error) result Promise.t
  val read : flow -> (string option, error) result Promise.t
  val write : flow -> string -> (unit, error) result Promise.t
  val shutdown : flow -> unit Promise.t
  val close : flow -> unit Promise.t
  val peer : flow -> string
end

module Host (D : sig val device : int end) = struct
  type t = unit
  type flow = { id : int; peer : string; mutable closed : bool }

  let connect () = ()
  let request op a payload = Host.request D.device op a 0 payload

  (* "ID PEER" *)
  let flow_of data =
    match String.index_opt data ' ' with
    | Some i -> { id = int_of_string (String.sub data 0 i); peer = String.sub data (i + 1) (String.length data - i - 1); closed = false }
    | None -> { id = int_of_string data; peer = "?"; closed = false }

  let close flow =
    if flow.closed then Promise.return ()
    else begin
      flow.closed <- true;
      Promise.map (fun _ -> ()) (request 5 flow.id "")
    end

  let shutdown flow = Promise.map (fun _ -> ()) (request 4 flow.id "")

  let read flow =
    if flow.closed then Promise.return (Error Closed)
    else
      Promise.map
        (fun (status, data) ->
          match status with
          | 0 -> Ok (Some data)
          | 1 -> Ok None
          | _ -> Error (Io_error data))
        (request 2 flow.id "")

  let write flow data =
    if flow.closed then Promise.return (Error Closed)
    else
      Promise.map
        (fun (status, why) -> if status = 0 then Ok () else Error (Io_error why))
        (request 3 flow.id data)

  let peer flow = flow.peer

  let create_connection () ~host ~port =
    Promise.map
      (fun (status, data) -> if status = 0 then Ok (flow_of data) else Error (Refused data))
      (request 6 port host)

  let listen () ~port handler =
    let open Promise.Syntax in
    let* status, data = request 0 port "" in
    if status <> 0 then Promise.return (Error (Io_error data))
    else begin
      let listener = int_of_string data in
      (* each connection runs on its own; a failing handler only loses its flow *)
      let serve flow =
        Promise.async (fun () ->
          Promise.finalize
            (fun () -> Promise.catch (fun () -> handler flow) (fun _ -> Promise.return ()))
            (fun () -> close flow))
      in
      let rec accept_loop () =
        let* status, data = request 1 listener "" in
        if status = 0 then serve (flow_of data);
        if status = 0 then accept_loop () else Promise.return ()
      in
      Promise.async accept_loop;
      Promise.return (Ok ())
    end
end
