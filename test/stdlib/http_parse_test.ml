(* Http.parse_request: a pure function over a buffer. *)

let show_pairs l = String.concat ";" (List.map (fun (k, v) -> k ^ "=" ^ v) l)

let describe = function
  | Http.Complete (r, next) ->
    let major, minor = r.Http.version in
    Printf.sprintf "ok %s target=%s path=%S query=[%s] HTTP/%d.%d headers=[%s] body=%S next=%d"
      (Http.string_of_meth r.Http.meth) r.Http.target r.Http.path (show_pairs r.Http.query) major minor
      (show_pairs r.Http.headers) r.Http.body next
  | Http.Incomplete -> "incomplete"
  | Http.Invalid (status, why) -> Printf.sprintf "invalid %d (%s)" status why

let t ?limits label input = print_endline (label ^ ": " ^ describe (Http.parse_request ?limits input 0))

let small = { Http.default_limits with Http.max_request_line = 20; max_header_line = 32; max_headers = 3; max_body = 10 }

let () =
  print_endline "-- good requests";
  t "simple" "GET / HTTP/1.1\r\nHost: example.com\r\n\r\n";
  t "query" "GET /a%20b/c?x=1&y=two+words&z&&w=%41 HTTP/1.1\r\nHost: h\r\n\r\n";
  t "http/1.0 no host" "GET /old HTTP/1.0\r\n\r\n";
  t "ows trimmed, names lowered" "GET / HTTP/1.1\r\nHOST:   h  \r\nX-Thing:\tv a l\t\r\nEmpty:\r\n\r\n";
  t "content-length" "POST /p HTTP/1.1\r\nHost: h\r\nContent-Length: 5\r\n\r\nhelloEXTRA";
  t "leading empty lines" "\r\n\r\nGET / HTTP/1.1\r\nHost: h\r\n\r\n";
  t "absolute form" "GET http://example.com/x?q=1 HTTP/1.1\r\nHost: example.com\r\n\r\n";
  t "absolute form, no path" "GET http://example.com HTTP/1.1\r\nHost: example.com\r\n\r\n";
  t "options *" "OPTIONS * HTTP/1.1\r\nHost: h\r\n\r\n";
  t "other method" "BREW /pot HTTP/1.1\r\nHost: h\r\n\r\n";
  t "minor version 1.9" "GET / HTTP/1.9\r\nHost: h\r\n\r\n";
  print_endline "-- chunked";
  t "chunked" "POST / HTTP/1.1\r\nHost: h\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n6;ext=1\r\n world\r\n0\r\n\r\n";
  t "chunked with trailer" "POST / HTTP/1.1\r\nHost: h\r\nTransfer-Encoding: chunked\r\n\r\nA\r\n0123456789\r\n0\r\nX-Sum: 1\r\n\r\nNEXT";
  t "chunked, TE list" "POST / HTTP/1.1\r\nHost: h\r\nTransfer-Encoding: Chunked\r\n\r\n0\r\n\r\n";
  t "chunked, cut in data" "POST / HTTP/1.1\r\nHost: h\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhel";
  t "chunked, cut before trailer end" "POST / HTTP/1.1\r\nHost: h\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n";
  t "bad chunk size" "POST / HTTP/1.1\r\nHost: h\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n";
  t "chunk size then junk" "POST / HTTP/1.1\r\nHost: h\r\nTransfer-Encoding: chunked\r\n\r\n5 x\r\nhello\r\n0\r\n\r\n";
  t "chunk data too long" "POST / HTTP/1.1\r\nHost: h\r\nTransfer-Encoding: chunked\r\n\r\n2\r\nhello\r\n0\r\n\r\n";
  t "gzip, chunked" "POST / HTTP/1.1\r\nHost: h\r\nTransfer-Encoding: gzip, chunked\r\n\r\n0\r\n\r\n";
  t "chunked, gzip" "POST / HTTP/1.1\r\nHost: h\r\nTransfer-Encoding: chunked, gzip\r\n\r\n0\r\n\r\n";
  t "TE and CL" "POST / HTTP/1.1\r\nHost: h\r\nTransfer-Encoding: chunked\r\nContent-Length: 3\r\n\r\n0\r\n\r\n";
  t "TE in 1.0" "POST / HTTP/1.0\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n";
  print_endline "-- incomplete";
  t "empty" "";
  t "half a request line" "GET / HT";
  t "no empty line yet" "GET / HTTP/1.1\r\nHost: h\r\n";
  t "CR at the end" "GET / HTTP/1.1\r\nHost: h\r\n\r";
  t "body short" "POST / HTTP/1.1\r\nHost: h\r\nContent-Length: 10\r\n\r\n12345";
  print_endline "-- bad requests";
  t "no host" "GET / HTTP/1.1\r\n\r\n";
  t "two hosts" "GET / HTTP/1.1\r\nHost: a\r\nHost: b\r\n\r\n";
  t "bare LF" "GET / HTTP/1.1\nHost: h\n\n";
  t "bare CR" "GET / HTTP/1.1\r\nHost: h\rx\r\n\r\n";
  t "lower-case version" "GET / http/1.1\r\nHost: h\r\n\r\n";
  t "HTTP/2.0" "GET / HTTP/2.0\r\nHost: h\r\n\r\n";
  t "two spaces" "GET  / HTTP/1.1\r\nHost: h\r\n\r\n";
  t "space in target" "GET /a b HTTP/1.1\r\nHost: h\r\n\r\n";
  t "bad method" "G(T / HTTP/1.1\r\nHost: h\r\n\r\n";
  t "relative target" "GET a/b HTTP/1.1\r\nHost: h\r\n\r\n";
  t "bad escape" "GET /%zz HTTP/1.1\r\nHost: h\r\n\r\n";
  t "space before colon" "GET / HTTP/1.1\r\nHost : h\r\n\r\n";
  t "no colon" "GET / HTTP/1.1\r\nHost: h\r\nJunk\r\n\r\n";
  t "obs-fold" "GET / HTTP/1.1\r\nHost: h\r\nX: a\r\n  b\r\n\r\n";
  t "control in value" "GET / HTTP/1.1\r\nHost: h\r\nX: a\001b\r\n\r\n";
  t "content-length not a number" "POST / HTTP/1.1\r\nHost: h\r\nContent-Length: 1x\r\n\r\n1";
  t "content-length negative" "POST / HTTP/1.1\r\nHost: h\r\nContent-Length: -1\r\n\r\n";
  t "two content-lengths" "POST / HTTP/1.1\r\nHost: h\r\nContent-Length: 1\r\nContent-Length: 1\r\n\r\nx";
  t "content-length list" "POST / HTTP/1.1\r\nHost: h\r\nContent-Length: 1, 1\r\n\r\nx";
  print_endline "-- limits";
  t ~limits:small "line at the limit" "GET /aaaaaa HTTP/1.0\r\n\r\n";
  t ~limits:small "line over the limit" "GET /aaaaaaa HTTP/1.0\r\n\r\n";
  t ~limits:small "long line still coming" "GET /aaaaaaaaaaaaaaaaaaaaaaaa";
  t ~limits:small "line could still end" "GET /aaaaaaa HTTP/1.\r";
  t ~limits:small "header at the limit" "GET / HTTP/1.1\r\nHost: 0123456789abcdefghijklmnop\r\n\r\n";
  t ~limits:small "header over the limit" "GET / HTTP/1.1\r\nHost: 0123456789abcdefghijklmnopq\r\n\r\n";
  t ~limits:small "header too long, no end yet" "GET / HTTP/1.1\r\nHost: 0123456789abcdefghijklmnopqrst";
  t ~limits:small "three headers" "GET / HTTP/1.1\r\nHost: h\r\nA: 1\r\nB: 2\r\n\r\n";
  t ~limits:small "four headers" "GET / HTTP/1.1\r\nHost: h\r\nA: 1\r\nB: 2\r\nC: 3\r\n\r\n";
  t ~limits:small "body at the limit" "POST / HTTP/1.0\r\nContent-Length: 10\r\n\r\n0123456789";
  t ~limits:small "body over the limit, before it arrives" "POST / HTTP/1.0\r\nContent-Length: 11\r\n\r\n";
  t "huge content-length" "POST / HTTP/1.0\r\nContent-Length: 99999999999999999999999\r\n\r\n";
  t ~limits:small "chunks over the limit" "POST / HTTP/1.1\r\nHost: h\r\nTransfer-Encoding: chunked\r\n\r\n6\r\n012345\r\n5\r\n";
  t ~limits:small "huge chunk size" "POST / HTTP/1.1\r\nHost: h\r\nTransfer-Encoding: chunked\r\n\r\n00fffffffffffffffff\r\n";
  print_endline "-- default limits";
  let flood = "GET / HTTP/1.1\r\nHost: h\r\n" ^ String.concat "" (List.init 100 (fun i -> Printf.sprintf "X-%d: y\r\n" i)) ^ "\r\n" in
  print_endline ("101 headers: " ^ describe (Http.parse_request flood 0));
  let long = "GET /" ^ String.make 8200 'a' ^ " HTTP/1.1\r\nHost: h\r\n\r\n" in
  print_endline ("8 KiB target: " ^ describe (Http.parse_request long 0));
  let big = "POST / HTTP/1.1\r\nHost: h\r\nContent-Length: 1048577\r\n\r\n" in
  print_endline ("1 MiB + 1: " ^ describe (Http.parse_request big 0));
  let ok = "POST / HTTP/1.1\r\nHost: h\r\nContent-Length: 1048576\r\n\r\n" ^ String.make 1048576 'b' in
  (match Http.parse_request ok 0 with
  | Http.Complete (r, next) -> Printf.printf "1 MiB: body %d bytes, next=%d\n" (String.length r.Http.body) next
  | other -> print_endline ("1 MiB: " ^ describe other));
  print_endline "-- pipelined";
  let input =
    "GET /one HTTP/1.1\r\nHost: h\r\n\r\nPOST /two HTTP/1.1\r\nHost: h\r\nContent-Length: 3\r\n\r\nabc"
    ^ "POST /three HTTP/1.1\r\nHost: h\r\nTransfer-Encoding: chunked\r\n\r\n1\r\nx\r\n0\r\n\r\nGET /four HTTP/1.1\r\nHo"
  in
  let rec all off =
    match Http.parse_request input off with
    | Http.Complete (r, next) as c ->
      Printf.printf "at %d: %s\n" off (describe c);
      ignore r;
      all next
    | other -> Printf.printf "at %d: %s\n" off (describe other)
  in
  all 0;
  print_endline "-- keep_alive";
  let ka s = match Http.parse_request s 0 with Http.Complete (r, _) -> string_of_bool (Http.keep_alive r) | other -> describe other in
  print_endline ("1.1: " ^ ka "GET / HTTP/1.1\r\nHost: h\r\n\r\n");
  print_endline ("1.1 close: " ^ ka "GET / HTTP/1.1\r\nHost: h\r\nConnection: Upgrade, Close\r\n\r\n");
  print_endline ("1.0: " ^ ka "GET / HTTP/1.0\r\n\r\n");
  print_endline ("1.0 keep-alive: " ^ ka "GET / HTTP/1.0\r\nConnection: Keep-Alive\r\n\r\n");
  print_endline "-- dates";
  print_endline (Http.http_date 0);
  print_endline (Http.http_date 784111777_000_000_000);
  print_endline (Http.http_date 951782400_000_000_000);
  print_endline (Http.http_date 1709251199_999_999_999);
  print_endline (Http.http_date 4102444800_000_000_000)
