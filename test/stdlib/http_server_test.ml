(* Http.Server over an in-memory stack: keep-alive, pipelining, errors,
   timeouts (on the manual clock of Promise.run), HEAD, 500, streaming. *)

type step = Chunk of string | Pause of int | Hang

module Mock = struct
  type t = unit
  type flow = { mutable input : step list; out : Buffer.t; mutable log : string list }

  let origin = ref 0
  let now () = Printf.sprintf "%gs" (float_of_int (Promise.Scheduler.now () - !origin) /. 1e9)
  let note flow what = flow.log <- (what ^ " at " ^ now ()) :: flow.log

  let rec read flow =
    match flow.input with
    | Chunk s :: rest -> flow.input <- rest; Promise.return (Ok (Some s))
    | Pause ns :: rest -> flow.input <- rest; Promise.bind (Time.sleep_ns ns) (fun () -> read flow)
    | Hang :: _ -> fst (Promise.wait ())
    | [] -> Promise.return (Ok None)

  let write flow s = Buffer.add_string flow.out s; Promise.return (Ok ())
  let shutdown flow = note flow "shutdown"; Promise.return ()
  let close flow = note flow "close"; Promise.return ()
  let listen () ~port:_ _ = Promise.return (Ok ())
  let create_connection () ~host:_ ~port:_ = Promise.return (Error (Net.Refused "mock"))
  let peer _ = "mock"
end

module H = Http.Server (Mock)

let handler (req : Http.request) =
  let open Promise.Syntax in
  match req.path with
  | "/boom" -> failwith "boom"
  | "/stream" ->
    Promise.return
      (Http.respond_stream (fun write ->
           let* () = write "hello" in
           let* () = write "" in
           write " world"))
  | "/cached" -> Promise.return { Http.status = 304; resp_headers = [ ("ETag", "\"x\"") ]; resp_body = Http.Fixed "" }
  | "/bye" -> Promise.return (Http.respond ~headers:[ ("Connection", "close") ] "bye\n")
  | path -> Promise.return (Http.respond (Printf.sprintf "%s %s body=%S\n" (Http.string_of_meth req.meth) path req.body))

(* the output, with the Date fields masked and CRLF shown as "|" *)
let show out =
  let lines = String.split_on_char '\n' out in
  let lines =
    List.map (fun l -> if String.starts_with ~prefix:"Date: " l then "Date: <date>\r" else l) lines
  in
  let out = String.concat "\n" lines in
  let b = Buffer.create (String.length out) in
  String.iter (fun c -> if c = '\r' then Buffer.add_char b '|' else Buffer.add_char b c) out;
  Buffer.contents b

let case ?read_timeout_ns title input =
  print_endline ("== " ^ title);
  let flow = { Mock.input; out = Buffer.create 256; log = [] } in
  Mock.origin := Promise.Scheduler.now ();
  Promise.run (H.serve ?read_timeout_ns flow handler);
  let out = show (Buffer.contents flow.Mock.out) in
  print_string out;
  if out <> "" && out.[String.length out - 1] <> '\n' then print_newline ();
  print_endline ("-- " ^ String.concat ", " (List.rev flow.Mock.log));
  let left = List.length flow.Mock.input in
  if left > 0 then Printf.printf "-- %d input steps not read\n" left

let () =
  case "keep-alive: two requests, then the client closes"
    [ Chunk "GET /a HTTP/1.1\r\nHost: h\r\n\r\n"; Chunk "POST /b HTTP/1.1\r\nHost: h\r\nContent-Length: 2\r\n\r\nhi" ];
  case "pipelined: three requests in one read, the second closes"
    [ Chunk "GET /1 HTTP/1.1\r\nHost: h\r\n\r\nGET /2 HTTP/1.1\r\nHost: h\r\nConnection: close\r\n\r\nGET /3 HTTP/1.1\r\nHost: h\r\n\r\n"; Chunk "more" ];
  case "a request split over reads" [ Chunk "PUT /x HTT"; Chunk "P/1.1\r\nHost: h\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nab"; Chunk "c\r\n0\r\n\r\n" ];
  case "malformed: answered with 400, then drained and closed" [ Chunk "GET / HTTP/1.1\r\n\r\n"; Chunk "ignored" ];
  case "too large: 413 before the body" [ Chunk "POST / HTTP/1.1\r\nHost: h\r\nContent-Length: 2000000\r\n\r\n"; Chunk "xxxx" ];
  case "idle: closed after the read timeout" [ Hang ];
  case "half a request, then silence: 408" [ Chunk "GET / HTTP/1.1\r\nHo"; Hang ];
  case ~read_timeout_ns:1_000_000_000 "slow but within the timeout"
    [ Chunk "GET /slow HTTP/1.1\r\n"; Pause 900_000_000; Chunk "Host: h\r\n"; Pause 900_000_000; Chunk "\r\n" ];
  case ~read_timeout_ns:1_000_000_000 "too slow" [ Chunk "GET /slow HTTP/1.1\r\n"; Pause 1_500_000_000; Chunk "Host: h\r\n\r\n" ];
  case "HEAD: the fields of GET, no body" [ Chunk "HEAD /h HTTP/1.1\r\nHost: h\r\n\r\n" ];
  case "a failing handler: 500, and the connection goes on"
    [ Chunk "GET /boom HTTP/1.1\r\nHost: h\r\n\r\nGET /after HTTP/1.1\r\nHost: h\r\n\r\n" ];
  case "a streamed body is chunked" [ Chunk "GET /stream HTTP/1.1\r\nHost: h\r\n\r\n" ];
  case "a streamed body to HTTP/1.0 ends with the connection" [ Chunk "GET /stream HTTP/1.0\r\n\r\n"; Chunk "x" ];
  case "304: no body, no length" [ Chunk "GET /cached HTTP/1.1\r\nHost: h\r\n\r\n" ];
  case "the handler says Connection: close" [ Chunk "GET /bye HTTP/1.1\r\nHost: h\r\n\r\n"; Chunk "x" ];
  case "HTTP/1.0: closed after the answer" [ Chunk "GET /old HTTP/1.0\r\n\r\n"; Chunk "x" ];
  case "HTTP/1.0 keep-alive" [ Chunk "GET /old HTTP/1.0\r\nConnection: keep-alive\r\n\r\n" ]
