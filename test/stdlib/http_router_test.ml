(* Http.Router: patterns, parameters, 404 and 405. *)

let answer name params _req =
  let ps = String.concat "," (List.map (fun (k, v) -> k ^ "=" ^ v) params) in
  Promise.return (Http.respond (name ^ "(" ^ ps ^ ")"))

let routes =
  Http.Router.
    [
      get "/" (answer "home");
      get "/counter/:name" (answer "show");
      post "/counter/:name" (answer "bump");
      delete "/counter/:name" (answer "reset");
      get "/a/:x/b/:y" (answer "two");
      put "/files/*" (answer "upload");
      get "/files/*" (answer "download");
      route (Http.Other "BREW") "/pot" (answer "brew");
    ]

let request meth target =
  let raw = Printf.sprintf "%s %s HTTP/1.1\r\nHost: h\r\n\r\n" meth target in
  match Http.parse_request raw 0 with
  | Http.Complete (r, _) -> r
  | _ -> failwith ("bad request: " ^ raw)

let show meth target =
  let resp = Promise.run (Http.Router.dispatch routes (request meth target)) in
  let body = match resp.Http.resp_body with Http.Fixed b -> String.trim b | Http.Stream _ -> "<stream>" in
  let allow = match List.assoc_opt "Allow" resp.Http.resp_headers with Some a -> " Allow: " ^ a | None -> "" in
  Printf.printf "%s %s -> %d %s%s\n" meth target resp.Http.status body allow

let () =
  show "GET" "/";
  show "HEAD" "/";
  show "GET" "/?x=1";
  show "GET" "/counter/visits";
  show "POST" "/counter/visits";
  show "DELETE" "/counter/visits";
  show "PUT" "/counter/visits";
  show "GET" "/counter/a%2Fb";
  show "GET" "/counter/caf%C3%A9";
  show "GET" "/counter/";
  show "GET" "/counter";
  show "GET" "/counter/x/y";
  show "GET" "/a/1/b/2";
  show "GET" "/a/1/c/2";
  show "GET" "/files/";
  show "GET" "/files/css/site.css";
  show "PUT" "/files/x";
  show "POST" "/files/x";
  show "BREW" "/pot";
  show "GET" "/pot";
  show "GET" "/nowhere";
  show "GET" "http://example.com/counter/abs";
  (match Http.Router.find routes Http.PATCH "/counter/x" with
  | Http.Router.Method_not_allowed ms -> print_endline ("find: allowed " ^ String.concat " " (List.map Http.string_of_meth ms))
  | _ -> print_endline "find: ?");
  (try ignore (Http.Router.get "/a/*/b" (answer "bad")) with Invalid_argument m -> print_endline m)
