(** HTTP/1.1 servers.

    A service answers requests with a function from {!request} to
    [response Promise.t], served over any network stack:

    {[
      module Main (S : Net.S) = struct
        module H = Http.Server (S)

        let start stack =
          let open Promise.Syntax in
          let* r = H.listen stack ~port:8080 (fun req -> Promise.return (Http.respond ("hello " ^ req.Http.path))) in
          match r with
          | Ok () -> fst (Promise.wait ())
          | Error e -> failwith (Net.pp_error e)
      end
    ]}

    The parser is strict and bounded ({!limits}); a request it refuses is
    answered with its 4xx status and the connection is closed. Requests are
    parsed by a pure function over a buffer ({!parse_request}), so a test
    needs no socket. The server handles keep-alive, pipelining (answers in
    the order of the requests), [HEAD], chunked request and response bodies,
    idle timeouts, and answers 500 when the handler fails. *)

(** {1 Requests} *)

(** Request methods. *)
type meth = GET | HEAD | POST | PUT | DELETE | PATCH | OPTIONS | Other of string

val string_of_meth : meth -> string
(** ["GET"], ..., or the [Other] method's name. *)

val meth_of_string : string -> meth
(** The method of that (case-sensitive) name, [Other s] for the others. *)

type request = {
  meth : meth;
  target : string;  (** the request target as sent, e.g. ["/a%20b?x=1"] *)
  path : string;  (** the target's path, percent-decoded, e.g. ["/a b"] (["*"] for [OPTIONS *]) *)
  query : (string * string) list;  (** the query's [key=value] pairs, decoded ([+] is a space), in order *)
  version : int * int;  (** [(1, 0)] or [(1, 1)] *)
  headers : (string * string) list;  (** fields in order, names lower-cased, values without surrounding blanks *)
  body : string;  (** the body, de-chunked *)
}

val header : request -> string -> string option
(** [header r name] is the value of the first field [name] (any case). *)

val header_values : request -> string -> string list
(** [header_values r name] is the values of every field [name], in order. *)

val keep_alive : request -> bool
(** Whether the connection stays open after this request: for HTTP/1.1
    unless it says [Connection: close], for HTTP/1.0 only if it says
    [Connection: keep-alive]. *)

val percent_decode : ?plus:bool -> string -> string option
(** [percent_decode s] decodes the [%XX] escapes of [s] (and [+] as a space if
    [plus] is true; default false); [None] if an escape is malformed. *)

(** {1 Parsing} *)

(** Bounds on what a request may be. *)
type limits = {
  max_request_line : int;  (** bytes in the request line (and a chunk-size line), without CRLF *)
  max_header_line : int;  (** bytes in one header field line, without CRLF *)
  max_headers : int;  (** header fields in a request (and trailer fields) *)
  max_body : int;  (** bytes of body (after de-chunking) *)
}

val default_limits : limits
(** 8 KiB request line, 8 KiB per header line, 100 header fields, 1 MiB body. *)

(** What the bytes from an offset hold. *)
type parse_result =
  | Complete of request * int
      (** a whole request, and the offset just after it (where the next
          pipelined request starts) *)
  | Incomplete  (** a request so far, but more bytes are needed *)
  | Invalid of int * string
      (** not a request this server accepts: the status to answer (400, 413,
          414, 431, 501, 505) and why *)

val parse_request : ?limits:limits -> string -> int -> parse_result
(** [parse_request buf off] parses the request starting at [off] in [buf].
    Empty lines before the request line are skipped. The grammar is RFC 9112's,
    strictly: lines end with CRLF (a bare CR or LF is a 400); the request line
    is [METHOD SP TARGET SP HTTP/1.x] (another major version is a 505); the
    target is in origin form (["/path?query"]), absolute form
    (["http://host/path"]) or ["*"] for [OPTIONS]; a field is
    [name ":" OWS value OWS] with a token name and no blank before the colon,
    and a field line that starts with a blank (obsolete folding) is a 400;
    an HTTP/1.1 request needs exactly one [Host] field. The body is given by
    one [Content-Length] of decimal digits, or by [Transfer-Encoding: chunked]
    (hexadecimal chunk sizes, extensions ignored, trailer fields checked and
    dropped); both fields, several lengths, a malformed length or chunk, and
    chunked in an HTTP/1.0 request are a 400; another coding before chunked
    is a 501. Limits: a longer request line is a 414; a longer header line
    or more fields are a 431; a longer body is a 413 (known as soon as the
    length or a chunk size says so, before the body arrives). *)

(** {1 Responses} *)

(** A response body: all of it, or a function that writes it piece by piece
    (sent with chunked transfer encoding). *)
type body = Fixed of string | Stream of ((string -> unit Promise.t) -> unit Promise.t)

(** A response. The server adds [Content-Length] (or [Transfer-Encoding]),
    [Date] (unless there is one) and [Connection]; those given here are
    replaced. *)
type response = {
  status : int;
  resp_headers : (string * string) list;  (** fields, in order, names as written *)
  resp_body : body;
}

val respond : ?status:int -> ?headers:(string * string) list -> string -> response
(** [respond body] is a response (status 200 by default) with this body,
    and [Content-Type: text/plain; charset=utf-8] unless [headers] has a
    content type. *)

val respond_json : ?status:int -> ?headers:(string * string) list -> string -> response
(** Like {!respond} with [Content-Type: application/json]; the body is JSON
    text written by the caller. *)

val respond_stream :
  ?status:int -> ?headers:(string * string) list -> ((string -> unit Promise.t) -> unit Promise.t) -> response
(** [respond_stream write_body] is a response whose body is written by
    [write_body write]: each [write s] sends [s] as one chunk, and resolves
    once the connection took it (so a fast producer waits for a slow
    client); the body ends when [write_body]'s promise resolves. If the
    client is gone, [write] fails the promise. For an HTTP/1.0 client the
    body is sent as is and the connection closed after it. *)

val not_found : ?body:string -> unit -> response
(** A 404 (body ["404 Not Found\n"] by default). *)

val bad_request : ?body:string -> unit -> response
(** A 400 (body ["400 Bad Request\n"] by default). *)

val error_response : int -> response
(** [error_response status] is a plain-text response ["STATUS Reason\n"]. *)

val status_reason : int -> string
(** The reason phrase of a status: [status_reason 404 = "Not Found"]. *)

val http_date : int -> string
(** [http_date ns] is the IMF-fixdate (RFC 7231) of a time in nanoseconds
    since the Unix epoch: [http_date 784111777_000_000_000 = "Sun, 06 Nov 1994 08:49:37 GMT"]. *)

val json_string : string -> string
(** [json_string s] is [s] as a JSON string literal, quotes included. *)

val format_head : int -> (string * string) list -> string
(** [format_head status fields] is the status line and fields of a
    response, with the empty line that ends them. *)

(** {1 Serving} *)

(** An HTTP server over a network stack. *)
module Server (S : Net.S) : sig
  val listen :
    S.t -> port:int -> ?read_timeout_ns:int -> (request -> response Promise.t) -> (unit, Net.error) result Promise.t
  (** [listen stack ~port handler] serves HTTP on [port]: every connection
      runs on its own; resolves once listening, like {!Net.S.listen}. On a
      connection, requests are answered one after the other, in order
      (pipelined requests included). The connection stays open after an
      answer as {!keep_alive} says (and unless the response says
      [Connection: close]); an HTTP/1.1 response says [Connection: close]
      when it is the last. A request {!parse_request} refuses is answered
      with its status and [Connection: close], then the connection is closed
      once the client stops sending (or after a few seconds). A connection
      that sends nothing for [read_timeout_ns] (default 10 s) is closed, with
      a 408 if a request had begun. A handler that fails is answered with a
      500. A [HEAD] request gets the fields the body would have, without
      the body. *)

  val serve :
    ?read_timeout_ns:int -> ?limits:limits -> S.flow -> (request -> response Promise.t) -> unit Promise.t
  (** [serve flow handler] runs the connection [flow] as {!listen} does, and
      resolves once it is closed. *)
end

(** {1 Routing} *)

(** Handlers chosen by method and path pattern.

    {[
      let routes =
        Http.Router.[
          get "/" (fun _ _ -> Promise.return (Http.respond "home"));
          post "/counter/:name" (fun params _ -> ... List.assoc "name" params ...);
          get "/static/*" (fun params _ -> ... List.assoc "*" params ...);
        ]
      ... H.listen stack ~port:8080 (Http.Router.dispatch routes)
    ]} *)
module Router : sig
  type params = (string * string) list
  (** The path parameters: [(name, value)] for each [:name] of the pattern,
      in order, and [("*", rest)] for a final [*]. *)

  type handler = params -> request -> response Promise.t

  type route

  val route : meth -> string -> handler -> route
  (** [route meth pattern handler]. A pattern is a path whose segments are
      literal, [:name] (any non-empty segment), or a final [*] (the rest of
      the path, possibly empty). Segments are compared after
      percent-decoding each. Raises [Invalid_argument] if [*] is not last. *)

  val get : string -> handler -> route
  (** [route GET]; it also answers [HEAD]. *)

  val post : string -> handler -> route
  val put : string -> handler -> route
  val delete : string -> handler -> route
  val patch : string -> handler -> route

  (** How a request matches a list of routes. *)
  type outcome =
    | Matched of handler * params  (** the first route matching both path and method *)
    | Method_not_allowed of meth list  (** routes match the path, with these methods only *)
    | No_match  (** no route matches the path *)

  val find : route list -> meth -> string -> outcome
  (** [find routes meth raw_path] matches a path as it is in the target (not
      decoded). *)

  val dispatch : route list -> request -> response Promise.t
  (** [dispatch routes] is a server's handler: the matching route's answer,
      a 404 if no route has the path, a 405 with [Allow] listing the methods
      if some have it with other methods. *)
end
