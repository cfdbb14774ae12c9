(* A static web site: the files of a key-value store, over HTTP.

     npx mlc build examples/static-site/service.ml --kv htdocs=examples/static-site/site -o site.wasm
     npx mlc run site.wasm --port 8080
     curl -i http://127.0.0.1:8080/

   [/] is [index.html] (and so is any path ending in [/]); the content type
   comes from the extension; a file has an [ETag] (a hash of its contents and
   its length), and a request whose [If-None-Match] names it gets a 304
   without the body. A missing file gets the site's [404.html]. *)

module Main (S : Net.S) (Htdocs : Kv.RO) = struct
  module H = Http.Server (S)

  let content_type key =
    let ext =
      match String.rindex_opt key '.' with
      | Some i -> String.lowercase_ascii (String.sub key (i + 1) (String.length key - i - 1))
      | None -> ""
    in
    match ext with
    | "html" | "htm" -> "text/html; charset=utf-8"
    | "css" -> "text/css; charset=utf-8"
    | "js" -> "text/javascript; charset=utf-8"
    | "json" -> "application/json"
    | "png" -> "image/png"
    | "jpg" | "jpeg" -> "image/jpeg"
    | "svg" -> "image/svg+xml"
    | "txt" -> "text/plain; charset=utf-8"
    | "ico" -> "image/x-icon"
    | _ -> "application/octet-stream"

  let etag content = Printf.sprintf "\"%x-%x\"" (Hashtbl.hash content) (String.length content)

  (* If-None-Match: "*" or a list of entity tags, compared weakly (W/ ignored) *)
  let none_match header tag =
    let strip t =
      let t = String.trim t in
      if String.length t > 2 && String.sub t 0 2 = "W/" then String.sub t 2 (String.length t - 2) else t
    in
    String.trim header = "*" || List.exists (fun t -> strip t = tag) (String.split_on_char ',' header)

  let page_not_found htdocs =
    let open Promise.Syntax in
    let+ r = Htdocs.get htdocs "404.html" in
    match r with
    | Ok page -> Http.respond ~status:404 ~headers:[ ("Content-Type", "text/html; charset=utf-8") ] page
    | Error _ -> Http.not_found ()

  let file htdocs rest (req : Http.request) =
    let open Promise.Syntax in
    let key = if rest = "" || rest.[String.length rest - 1] = '/' then rest ^ "index.html" else rest in
    let* r = Htdocs.get htdocs key in
    match r with
    | Ok content ->
      let tag = etag content in
      let headers = [ ("ETag", tag); ("Cache-Control", "no-cache") ] in
      (match Http.header req "if-none-match" with
      | Some h when none_match h tag -> Promise.return { Http.status = 304; resp_headers = headers; resp_body = Http.Fixed "" }
      | _ -> Promise.return (Http.respond ~headers:(("Content-Type", content_type key) :: headers) content))
    | Error (Kv.Value_expected _) ->
      (* a directory: send the browser to it with a final slash, so relative links work *)
      let location = req.Http.path ^ "/" in
      Promise.return (Http.respond ~status:301 ~headers:[ ("Location", location) ] ("see " ^ location ^ "\n"))
    | Error _ -> page_not_found htdocs

  let start stack htdocs =
    let open Promise.Syntax in
    let routes = [ Http.Router.get "/*" (fun params req -> file htdocs (List.assoc "*" params) req) ] in
    let* r = H.listen stack ~port:8080 (Http.Router.dispatch routes) in
    match r with
    | Ok () -> fst (Promise.wait ())
    | Error e -> failwith (Net.pp_error e)
end
