(* HTTP/1.1 servers (see http.mli): a strict, bounded request parser that is a
   pure function over a buffer, response helpers, the connection loop over any
   Net.S stack, and a small router. *)

type meth = GET | HEAD | POST | PUT | DELETE | PATCH | OPTIONS | Other of string

let string_of_meth = function
  | GET -> "GET"
  | HEAD -> "HEAD"
  | POST -> "POST"
  | PUT -> "PUT"
  | DELETE -> "DELETE"
  | PATCH -> "PATCH"
  | OPTIONS -> "OPTIONS"
  | Other s -> s

let meth_of_string = function
  | "GET" -> GET
  | "HEAD" -> HEAD
  | "POST" -> POST
  | "PUT" -> PUT
  | "DELETE" -> DELETE
  | "PATCH" -> PATCH
  | "OPTIONS" -> OPTIONS
  | s -> Other s

type request = {
  meth : meth;
  target : string;
  path : string;
  query : (string * string) list;
  version : int * int;
  headers : (string * string) list;
  body : string;
}

let header (r : request) name = List.assoc_opt (String.lowercase_ascii name) r.headers

let header_values (r : request) name =
  let name = String.lowercase_ascii name in
  List.filter_map (fun (n, v) -> if n = name then Some v else None) r.headers

(* ---------------------------------------------------------------------- *)
(* Small string helpers *)

let is_ows c = c = ' ' || c = '\t'

let trim_ows s =
  let n = String.length s in
  let i = ref 0 and j = ref n in
  while !i < n && is_ows s.[!i] do incr i done;
  while !j > !i && is_ows s.[!j - 1] do decr j done;
  String.sub s !i (!j - !i)

(* The elements of a comma-separated list, trimmed and lower-cased, empty
   ones left out. *)
let comma_list s =
  List.filter_map
    (fun e -> match trim_ows e with "" -> None | e -> Some (String.lowercase_ascii e))
    (String.split_on_char ',' s)

let has_token (r : request) name token =
  List.exists (fun v -> List.mem token (comma_list v)) (header_values r name)

let is_tchar c =
  match c with
  | 'a' .. 'z' | 'A' .. 'Z' | '0' .. '9' -> true
  | '!' | '#' | '$' | '%' | '&' | '\'' | '*' | '+' | '-' | '.' | '^' | '_' | '`' | '|' | '~' -> true
  | _ -> false

let is_token s = s <> "" && String.for_all is_tchar s

let hex_value c =
  match c with
  | '0' .. '9' -> Char.code c - 48
  | 'a' .. 'f' -> Char.code c - 87
  | 'A' .. 'F' -> Char.code c - 55
  | _ -> -1

let percent_decode ?(plus = false) s =
  let n = String.length s in
  let b = Buffer.create n in
  let rec go i =
    if i >= n then Some (Buffer.contents b)
    else
      match s.[i] with
      | '%' ->
        if i + 2 >= n then None
        else
          let h = hex_value s.[i + 1] and l = hex_value s.[i + 2] in
          if h < 0 || l < 0 then None
          else begin
            Buffer.add_char b (Char.chr ((h * 16) + l));
            go (i + 3)
          end
      | '+' when plus -> Buffer.add_char b ' '; go (i + 1)
      | c -> Buffer.add_char b c; go (i + 1)
  in
  go 0

let parse_query s =
  let pairs = List.filter (fun p -> p <> "") (String.split_on_char '&' s) in
  let decode x = percent_decode ~plus:true x in
  let rec go acc = function
    | [] -> Some (List.rev acc)
    | p :: rest -> (
      let k, v =
        match String.index_opt p '=' with
        | Some i -> (String.sub p 0 i, String.sub p (i + 1) (String.length p - i - 1))
        | None -> (p, "")
      in
      match decode k, decode v with
      | Some k, Some v -> go ((k, v) :: acc) rest
      | _ -> None)
  in
  go [] pairs

(* The path-and-query part of a request target: ["/a?b"] as it is, the
   ["http://host/a?b"] of an absolute form without its scheme and authority,
   ["*"] as it is. *)
let origin_of_target target =
  let lower = String.lowercase_ascii target in
  let after_scheme =
    if String.starts_with ~prefix:"http://" lower then Some 7
    else if String.starts_with ~prefix:"https://" lower then Some 8
    else None
  in
  match after_scheme with
  | None -> target
  | Some k ->
    let n = String.length target in
    let rec find i = if i >= n || target.[i] = '/' || target.[i] = '?' then i else find (i + 1) in
    let i = find k in
    let rest = String.sub target i (n - i) in
    if rest = "" || rest.[0] = '?' then "/" ^ rest else rest

let split_origin origin =
  match String.index_opt origin '?' with
  | Some i -> (String.sub origin 0 i, String.sub origin (i + 1) (String.length origin - i - 1))
  | None -> (origin, "")

(* ---------------------------------------------------------------------- *)
(* Responses *)

type body = Fixed of string | Stream of ((string -> unit Promise.t) -> unit Promise.t)

type response = { status : int; resp_headers : (string * string) list; resp_body : body }

let has_header name headers =
  let name = String.lowercase_ascii name in
  List.exists (fun (n, _) -> String.lowercase_ascii n = name) headers

let add_default name value headers = if has_header name headers then headers else headers @ [ (name, value) ]

let text_plain = "text/plain; charset=utf-8"

let respond ?(status = 200) ?(headers = []) body =
  { status; resp_headers = add_default "Content-Type" text_plain headers; resp_body = Fixed body }

let respond_json ?(status = 200) ?(headers = []) json =
  { status; resp_headers = add_default "Content-Type" "application/json" headers; resp_body = Fixed json }

let respond_stream ?(status = 200) ?(headers = []) writer =
  { status; resp_headers = add_default "Content-Type" text_plain headers; resp_body = Stream writer }

let status_reason = function
  | 100 -> "Continue"
  | 101 -> "Switching Protocols"
  | 200 -> "OK"
  | 201 -> "Created"
  | 202 -> "Accepted"
  | 204 -> "No Content"
  | 206 -> "Partial Content"
  | 301 -> "Moved Permanently"
  | 302 -> "Found"
  | 303 -> "See Other"
  | 304 -> "Not Modified"
  | 307 -> "Temporary Redirect"
  | 308 -> "Permanent Redirect"
  | 400 -> "Bad Request"
  | 401 -> "Unauthorized"
  | 403 -> "Forbidden"
  | 404 -> "Not Found"
  | 405 -> "Method Not Allowed"
  | 406 -> "Not Acceptable"
  | 408 -> "Request Timeout"
  | 409 -> "Conflict"
  | 410 -> "Gone"
  | 411 -> "Length Required"
  | 412 -> "Precondition Failed"
  | 413 -> "Content Too Large"
  | 414 -> "URI Too Long"
  | 415 -> "Unsupported Media Type"
  | 422 -> "Unprocessable Content"
  | 429 -> "Too Many Requests"
  | 431 -> "Request Header Fields Too Large"
  | 500 -> "Internal Server Error"
  | 501 -> "Not Implemented"
  | 502 -> "Bad Gateway"
  | 503 -> "Service Unavailable"
  | 504 -> "Gateway Timeout"
  | 505 -> "HTTP Version Not Supported"
  | n when n >= 100 && n < 200 -> "Informational"
  | n when n >= 200 && n < 300 -> "Success"
  | n when n >= 300 && n < 400 -> "Redirection"
  | n when n >= 400 && n < 500 -> "Client Error"
  | _ -> "Server Error"

let error_response status = respond ~status (Printf.sprintf "%d %s\n" status (status_reason status))

let not_found ?body () =
  match body with Some b -> respond ~status:404 b | None -> error_response 404

let bad_request ?body () =
  match body with Some b -> respond ~status:400 b | None -> error_response 400

let json_string s =
  let b = Buffer.create (String.length s + 2) in
  Buffer.add_char b '"';
  String.iter
    (fun c ->
      match c with
      | '"' -> Buffer.add_string b "\\\""
      | '\\' -> Buffer.add_string b "\\\\"
      | '\n' -> Buffer.add_string b "\\n"
      | '\r' -> Buffer.add_string b "\\r"
      | '\t' -> Buffer.add_string b "\\t"
      | c when Char.code c < 0x20 -> Buffer.add_string b (Printf.sprintf "\\u%04x" (Char.code c))
      | c -> Buffer.add_char b c)
    s;
  Buffer.add_char b '"';
  Buffer.contents b

(* RFC 7231 IMF-fixdate, e.g. "Sun, 06 Nov 1994 08:49:37 GMT". *)
let day_names = [| "Sun"; "Mon"; "Tue"; "Wed"; "Thu"; "Fri"; "Sat" |]
let month_names = [| "Jan"; "Feb"; "Mar"; "Apr"; "May"; "Jun"; "Jul"; "Aug"; "Sep"; "Oct"; "Nov"; "Dec" |]

let http_date ns =
  let s = if ns >= 0 then ns / 1_000_000_000 else 0 in
  let days = s / 86400 and secs = s mod 86400 in
  (* civil_from_days, after Howard Hinnant's date algorithms *)
  let z = days + 719468 in
  let era = z / 146097 in
  let doe = z - (era * 146097) in
  let yoe = (doe - (doe / 1460) + (doe / 36524) - (doe / 146096)) / 365 in
  let doy = doe - ((365 * yoe) + (yoe / 4) - (yoe / 100)) in
  let mp = ((5 * doy) + 2) / 153 in
  let d = doy - (((153 * mp) + 2) / 5) + 1 in
  let m = if mp < 10 then mp + 3 else mp - 9 in
  let y = yoe + (era * 400) + if m <= 2 then 1 else 0 in
  Printf.sprintf "%s, %02d %s %04d %02d:%02d:%02d GMT" day_names.((days + 4) mod 7) d
    month_names.(m - 1) y (secs / 3600) (secs / 60 mod 60) (secs mod 60)

(* ---------------------------------------------------------------------- *)
(* Parsing *)

type limits = { max_request_line : int; max_header_line : int; max_headers : int; max_body : int }

let default_limits = { max_request_line = 8192; max_header_line = 8192; max_headers = 100; max_body = 1_048_576 }

type parse_result = Complete of request * int | Incomplete | Invalid of int * string

exception Fail of int * string
exception Need_more

let fail status why = raise (Fail (status, why))

(* The line at [pos] (without its CRLF) and the position after it. A line
   longer than [max] fails with [status]; a bare CR or LF is a 400. *)
let read_line buf pos ~max ~status ~what =
  let len = String.length buf in
  match if pos < len then String.index_from_opt buf pos '\n' else None with
  | Some i ->
    if i - pos > max + 1 then fail status (what ^ " too long")
    else if i = pos || buf.[i - 1] <> '\r' then fail 400 ("bare LF in " ^ what)
    else
      let l = String.sub buf pos (i - 1 - pos) in
      if String.contains l '\r' then fail 400 ("bare CR in " ^ what) else (l, i + 1)
  | None -> if len - pos > max + 1 then fail status (what ^ " too long") else raise Need_more

let parse_version v =
  if String.length v <> 8 || String.sub v 0 5 <> "HTTP/" || v.[6] <> '.' then fail 400 "malformed HTTP version"
  else
    match v.[5], v.[7] with
    | '1', ('0' .. '9' as minor) -> (1, if minor = '0' then 0 else 1)
    | ('0' .. '9'), ('0' .. '9') -> fail 505 "unsupported HTTP version"
    | _ -> fail 400 "malformed HTTP version"

let parse_request_line l =
  match String.index_opt l ' ' with
  | None -> fail 400 "malformed request line"
  | Some i -> (
    match String.index_from_opt l (i + 1) ' ' with
    | None -> fail 400 "malformed request line"
    | Some j ->
      let m = String.sub l 0 i in
      let target = String.sub l (i + 1) (j - i - 1) in
      let version = parse_version (String.sub l (j + 1) (String.length l - j - 1)) in
      if not (is_token m) then fail 400 "malformed method";
      if target = "" || not (String.for_all (fun c -> c > ' ' && c < '\127' && c <> '#') target) then
        fail 400 "malformed request target";
      (meth_of_string m, target, version))

(* Header (or trailer) fields from [pos] up to and including the empty line:
   lower-cased names, in order, and the position after the empty line. *)
let parse_fields lim buf pos =
  let rec go acc count pos =
    let l, next = read_line buf pos ~max:lim.max_header_line ~status:431 ~what:"header field" in
    if l = "" then (List.rev acc, next)
    else if count >= lim.max_headers then fail 431 "too many header fields"
    else if is_ows l.[0] then fail 400 "obsolete line folding"
    else
      match String.index_opt l ':' with
      | None -> fail 400 "header field without a colon"
      | Some i ->
        let name = String.sub l 0 i in
        if not (is_token name) then fail 400 "malformed header field name";
        let value = trim_ows (String.sub l (i + 1) (String.length l - i - 1)) in
        if not (String.for_all (fun c -> c = '\t' || (c >= ' ' && c <> '\127')) value) then
          fail 400 "malformed header field value";
        go ((String.lowercase_ascii name, value) :: acc) (count + 1) next
  in
  go [] 0 pos

let all_digits s = s <> "" && String.for_all (fun c -> c >= '0' && c <= '9') s

let parse_chunked lim buf pos =
  let start = pos in
  let rec go acc total pos =
    let l, next = read_line buf pos ~max:lim.max_request_line ~status:400 ~what:"chunk size line" in
    let n = String.length l in
    let rec digits i = if i < n && hex_value l.[i] >= 0 then digits (i + 1) else i in
    let k = digits 0 in
    if k = 0 then fail 400 "malformed chunk size";
    let ext = trim_ows (String.sub l k (n - k)) in
    if ext <> "" && ext.[0] <> ';' then fail 400 "malformed chunk size";
    let rec significant i = if i < k && l.[i] = '0' then significant (i + 1) else i in
    if k - significant 0 > 15 then fail 413 "chunk too large";
    let size = ref 0 in
    for i = 0 to k - 1 do size := (!size * 16) + hex_value l.[i] done;
    let size = !size in
    if next - start - total > lim.max_body then fail 413 "chunked framing too large"
    else if size = 0 then
      let _trailers, next = parse_fields lim buf next in
      (String.concat "" (List.rev acc), next)
    else if total + size > lim.max_body then fail 413 "body too large"
    else if next + size + 2 > String.length buf then raise Need_more
    else if buf.[next + size] <> '\r' || buf.[next + size + 1] <> '\n' then fail 400 "chunk data not followed by CRLF"
    else go (String.sub buf next size :: acc) (total + size) (next + size + 2)
  in
  go [] 0 pos

let parse_body lim (r : request) buf pos =
  let te = header_values r "transfer-encoding" and cl = header_values r "content-length" in
  match te, cl with
  | _ :: _, _ :: _ -> fail 400 "both Transfer-Encoding and Content-Length"
  | _ :: _, [] -> (
    if r.version = (1, 0) then fail 400 "Transfer-Encoding in an HTTP/1.0 request";
    match List.rev (List.concat_map comma_list te) with
    | [ "chunked" ] -> parse_chunked lim buf pos
    | "chunked" :: _ -> fail 501 "unsupported transfer coding"
    | _ -> fail 400 "Transfer-Encoding does not end with chunked")
  | [], [ v ] ->
    if not (all_digits v) then fail 400 "malformed Content-Length"
    else if String.length v > 15 then fail 413 "body too large"
    else
      let n = int_of_string v in
      if n > lim.max_body then fail 413 "body too large"
      else if pos + n > String.length buf then raise Need_more
      else (String.sub buf pos n, pos + n)
  | [], _ :: _ :: _ -> fail 400 "several Content-Length fields"
  | [], [] -> ("", pos)

let parse_request ?(limits = default_limits) buf off =
  let lim = limits in
  try
    (* empty lines before a request line are ignored (RFC 7230, 3.5) *)
    let rec skip pos =
      if pos - off > lim.max_request_line then fail 400 "too many empty lines"
      else if pos + 1 < String.length buf && buf.[pos] = '\r' && buf.[pos + 1] = '\n' then skip (pos + 2)
      else if pos + 1 = String.length buf && buf.[pos] = '\r' then raise Need_more
      else pos
    in
    let pos = skip off in
    let l, pos = read_line buf pos ~max:lim.max_request_line ~status:414 ~what:"request line" in
    let meth, target, version = parse_request_line l in
    let origin =
      if target = "*" && meth = OPTIONS then "*"
      else
        let o = origin_of_target target in
        if o = "" || o.[0] <> '/' then fail 400 "malformed request target" else o
    in
    let raw_path, raw_query = split_origin origin in
    let path = match percent_decode raw_path with Some p -> p | None -> fail 400 "malformed path" in
    let query = match parse_query raw_query with Some q -> q | None -> fail 400 "malformed query" in
    let headers, pos = parse_fields lim buf pos in
    let r = { meth; target; path; query; version; headers; body = "" } in
    if version = (1, 1) && List.length (header_values r "host") <> 1 then fail 400 "HTTP/1.1 requests need one Host field";
    let body, pos = parse_body lim r buf pos in
    Complete ({ r with body }, pos)
  with
  | Need_more -> Incomplete
  | Fail (status, why) -> Invalid (status, why)

let keep_alive (r : request) =
  if r.version = (1, 0) then has_token r "connection" "keep-alive" && not (has_token r "connection" "close")
  else not (has_token r "connection" "close")

(* ---------------------------------------------------------------------- *)
(* Writing responses *)

let no_body_status status = (status >= 100 && status < 200) || status = 204 || status = 304

let format_head status headers =
  let b = Buffer.create 256 in
  Buffer.add_string b (Printf.sprintf "HTTP/1.1 %d %s\r\n" status (status_reason status));
  List.iter
    (fun (n, v) ->
      Buffer.add_string b n;
      Buffer.add_string b ": ";
      Buffer.add_string b v;
      Buffer.add_string b "\r\n")
    headers;
  Buffer.add_string b "\r\n";
  Buffer.contents b

exception Write_failed

module Server (S : Net.S) = struct
  type conn = {
    flow : S.flow;
    mutable buf : string;
    mutable off : int;
    mutable reading : (string option, Net.error) result Promise.t option;
    timeout : int;
    limits : limits;
  }

  type read_outcome = Data of string | Eof | Timed_out | Failed

  (* The next bytes, or [Timed_out] after [ns] of silence. A read that lost
     the race is not cancelled (its bytes would be lost): the next call waits
     for it again. *)
  let read conn ns =
    let p =
      match conn.reading with
      | Some p -> p
      | None ->
        let p = S.read conn.flow in
        conn.reading <- Some p;
        p
    in
    let got =
      Promise.map
        (fun r ->
          conn.reading <- None;
          match r with Ok (Some d) -> Data d | Ok None -> Eof | Error _ -> Failed)
        (Promise.protected p)
    in
    let timer = Promise.map (fun () -> Timed_out) (Time.sleep_ns ns) in
    Promise.pick [ got; timer ]

  let write conn s =
    if s = "" then Promise.return true
    else Promise.map (function Ok () -> true | Error _ -> false) (S.write conn.flow s)

  let write_exn conn s =
    Promise.bind (write conn s) (fun ok -> if ok then Promise.return () else Promise.fail Write_failed)

  (* Sends [resp]; resolves with whether the connection can carry another
     request. *)
  let send conn ~head_only ~http10 ~close (resp : response) =
    let open Promise.Syntax in
    let status = resp.status in
    let close =
      close
      || List.exists
           (fun (n, v) -> String.lowercase_ascii n = "connection" && List.mem "close" (comma_list v))
           resp.resp_headers
    in
    let user =
      List.filter
        (fun (n, _) ->
          match String.lowercase_ascii n with
          | "content-length" | "transfer-encoding" | "connection" -> false
          | _ -> true)
        resp.resp_headers
    in
    let date = if has_header "date" user then [] else [ ("Date", http_date (Pclock.now_ns ())) ] in
    let connection close =
      if close then [ ("Connection", "close") ] else if http10 then [ ("Connection", "keep-alive") ] else []
    in
    match resp.resp_body with
    | Fixed body ->
      let framing = if no_body_status status then [] else [ ("Content-Length", string_of_int (String.length body)) ] in
      let head = format_head status (user @ date @ framing @ connection close) in
      let+ ok = write conn (if head_only || no_body_status status then head else head ^ body) in
      ok && not close
    | Stream writer ->
      if head_only || no_body_status status then
        let framing = if no_body_status status || http10 then [] else [ ("Transfer-Encoding", "chunked") ] in
        let+ ok = write conn (format_head status (user @ date @ framing @ connection close)) in
        ok && not close
      else if http10 then
        (* no chunked encoding in HTTP/1.0: the end of the body is the end of the connection *)
        let* ok = write conn (format_head status (user @ date @ connection true)) in
        if not ok then Promise.return false
        else Promise.catch (fun () -> Promise.map (fun () -> false) (writer (write_exn conn))) (fun _ -> Promise.return false)
      else
        let head = format_head status (user @ date @ [ ("Transfer-Encoding", "chunked") ] @ connection close) in
        let* ok = write conn head in
        if not ok then Promise.return false
        else
          let chunk s =
            if s = "" then Promise.return ()
            else write_exn conn (Printf.sprintf "%x\r\n%s\r\n" (String.length s) s)
          in
          Promise.catch
            (fun () ->
              let* () = writer chunk in
              let+ ok = write conn "0\r\n\r\n" in
              ok && not close)
            (fun _ -> Promise.return false)

  (* After an error: stop sending, read (and drop) what the client is still
     sending for a while, so that closing does not reset the connection before
     the client has read the answer. *)
  let linger conn =
    let open Promise.Syntax in
    let* () = S.shutdown conn.flow in
    let rec drain budget =
      if budget <= 0 then Promise.return ()
      else
        let* r = read conn (Time.ns_of_s 1) in
        match r with Data d -> drain (budget - String.length d) | Eof | Timed_out | Failed -> Promise.return ()
    in
    let* () = Promise.pick [ drain (4 * 1024 * 1024); Time.sleep_ns (Time.ns_of_s 3) ] in
    S.close conn.flow

  (* A handler that raises gets the client a 500; the operator gets the reason
     on the console, since the client is told nothing about it. *)
  let run_handler handler req =
    Promise.catch
      (fun () -> handler req)
      (fun e ->
        prerr_endline
          (Printf.sprintf "http: %s %s: the handler raised %s; answered 500" (string_of_meth req.meth) req.target
             (Printexc.to_string e));
        Promise.return (error_response 500))

  let rec loop conn handler =
    let open Promise.Syntax in
    match parse_request ~limits:conn.limits conn.buf conn.off with
    | Complete (req, next) ->
      if next >= String.length conn.buf then begin
        conn.buf <- "";
        conn.off <- 0
      end
      else conn.off <- next;
      let* resp = run_handler handler req in
      let* again =
        send conn ~head_only:(req.meth = HEAD) ~http10:(req.version = (1, 0)) ~close:(not (keep_alive req)) resp
      in
      if again then loop conn handler else S.close conn.flow
    | Invalid (status, _) ->
      let* _ = send conn ~head_only:false ~http10:false ~close:true (error_response status) in
      linger conn
    | Incomplete -> (
      let* r = read conn conn.timeout in
      match r with
      | Data d ->
        conn.buf <- (if conn.off = 0 then conn.buf ^ d else String.sub conn.buf conn.off (String.length conn.buf - conn.off) ^ d);
        conn.off <- 0;
        loop conn handler
      | Timed_out when conn.off < String.length conn.buf ->
        (* a request was started and not finished *)
        let* _ = send conn ~head_only:false ~http10:false ~close:true (error_response 408) in
        S.close conn.flow
      | Eof | Timed_out | Failed -> S.close conn.flow)

  let serve ?(read_timeout_ns = Time.ns_of_s 10) ?(limits = default_limits) flow handler =
    loop { flow; buf = ""; off = 0; reading = None; timeout = read_timeout_ns; limits } handler

  let listen stack ~port ?(read_timeout_ns = Time.ns_of_s 10) handler =
    S.listen stack ~port (fun flow -> serve ~read_timeout_ns flow handler)
end

(* ---------------------------------------------------------------------- *)
(* Routing *)

module Router = struct
  type params = (string * string) list
  type handler = params -> request -> response Promise.t
  type segment = Lit of string | Param of string | Rest
  type route = { r_meth : meth; pattern : segment list; handler : handler }

  let split path = match String.split_on_char '/' path with "" :: rest -> rest | l -> l

  let compile pattern =
    let rec go = function
      | [] -> []
      | [ "*" ] -> [ Rest ]
      | "*" :: _ -> invalid_arg ("Http.Router: * must be the last segment of " ^ pattern)
      | s :: rest ->
        let seg = if String.length s > 1 && s.[0] = ':' then Param (String.sub s 1 (String.length s - 1)) else Lit s in
        seg :: go rest
    in
    go (split pattern)

  let route meth pattern handler = { r_meth = meth; pattern = compile pattern; handler }
  let get pattern handler = route GET pattern handler
  let post pattern handler = route POST pattern handler
  let put pattern handler = route PUT pattern handler
  let delete pattern handler = route DELETE pattern handler
  let patch pattern handler = route PATCH pattern handler

  (* the path parameters if [segments] match [pattern] *)
  let rec bind pattern segments acc =
    match pattern, segments with
    | [], [] -> Some (List.rev acc)
    | [ Rest ], _ -> Some (List.rev (("*", String.concat "/" segments) :: acc))
    | Lit l :: p, s :: rest -> if l = s then bind p rest acc else None
    | Param name :: p, s :: rest -> if s = "" then None else bind p rest ((name, s) :: acc)
    | _ -> None

  type outcome = Matched of handler * params | Method_not_allowed of meth list | No_match

  let applies route_meth meth = route_meth = meth || (route_meth = GET && meth = HEAD)

  (* segments are matched before percent-decoding, so that an encoded '/' stays in its segment *)
  let find routes meth raw_path =
    let segments = List.map (fun s -> match percent_decode s with Some d -> d | None -> s) (split raw_path) in
    let rec go allowed = function
      | [] -> if allowed = [] then No_match else Method_not_allowed (List.rev allowed)
      | r :: rest -> (
        match bind r.pattern segments [] with
        | None -> go allowed rest
        | Some params ->
          if applies r.r_meth meth then Matched (r.handler, params)
          else
            let add m allowed = if List.mem m allowed then allowed else m :: allowed in
            let allowed = add r.r_meth allowed in
            go (if r.r_meth = GET then add HEAD allowed else allowed) rest)
    in
    go [] routes

  let dispatch routes (req : request) =
    let raw_path, _ = split_origin (origin_of_target req.target) in
    match find routes req.meth raw_path with
    | Matched (h, params) -> h params req
    | Method_not_allowed ms ->
      let r = error_response 405 in
      Promise.return { r with resp_headers = ("Allow", String.concat ", " (List.map string_of_meth ms)) :: r.resp_headers }
    | No_match -> Promise.return (not_found ())

end
