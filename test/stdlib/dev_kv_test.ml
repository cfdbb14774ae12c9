(* Key-value stores: Kv.Mem (the in-memory stand-in) operation by operation,
   Kv.Baked (files built into the image), and services over Kv.RO / Kv.RW. *)

let kind_name = function Kv.Value -> "value" | Kv.Dictionary -> "dictionary"

let show f = function Ok v -> f v | Error e -> "Error: " ^ Kv.pp_error e

let entries l = "[" ^ String.concat "; " (List.map (fun (n, k) -> n ^ ":" ^ kind_name k) l) ^ "]"

let exists s k =
  Printf.printf "exists %-10S %s\n" k
    (show (function None -> "None" | Some k -> "Some " ^ kind_name k) (Promise.run (Kv.Mem.exists s k)))

let get s k = Printf.printf "get    %-10S %s\n" k (show (Printf.sprintf "%S") (Promise.run (Kv.Mem.get s k)))
let list s k = Printf.printf "list   %-10S %s\n" k (show entries (Promise.run (Kv.Mem.list s k)))
let size s k = Printf.printf "size   %-10S %s\n" k (show string_of_int (Promise.run (Kv.Mem.size s k)))
let set s k v = Printf.printf "set    %-10S %s\n" k (show (fun () -> "ok") (Promise.run (Kv.Mem.set s k v)))
let remove s k = Printf.printf "remove %-10S %s\n" k (show (fun () -> "ok") (Promise.run (Kv.Mem.remove s k)))

let () =
  print_endline "-- Kv.Mem";
  let s = Kv.Mem.create [ ("b", "bee"); ("a/x", "1"); ("a/y/z", "22"); ("a.txt", "dot"); ("b", "BEE") ] in
  List.iter (exists s) [ "b"; "a"; "a/y"; ""; "/a/x"; "c"; "a/x/q"; "a//x"; "a/"; "/"; "../b"; "a/./x" ];
  List.iter (get s) [ "b"; "a/y/z"; "a"; ""; "nope"; "a/../b" ];
  List.iter (list s) [ ""; "a"; "/a/y"; "b"; "a/q" ];
  List.iter (size s) [ "a.txt"; "a/y/z"; "a"; "zz" ];
  print_endline "-- changes";
  set s "a/y/w" "new";
  set s "b" "";
  set s "c/d/e" "deep";
  set s "a" "clash";
  set s "a/x/under" "clash";
  set s "" "root";
  set s "x//y" "bad";
  list s "";
  list s "a/y";
  get s "b";
  size s "b";
  remove s "a/x";
  remove s "a/x";
  remove s "c/d/e";
  exists s "c/d";
  exists s "c";
  remove s "a";
  list s "";
  remove s "";
  list s "";
  exists s "";
  print_endline "-- create";
  List.iter
    (fun bindings ->
      match Kv.Mem.create bindings with
      | _ -> print_endline "created"
      | exception Invalid_argument m -> print_endline ("Invalid_argument: " ^ m))
    [ [ ("k", "v"); ("k/l", "w") ]; [ ("k/l", "w"); ("k", "v") ]; [ ("a/../b", "v") ]; [ ("", "v") ]; [] ];
  print_endline "-- pp_error";
  List.iter
    (fun e -> print_endline (Kv.pp_error e))
    [ Kv.Not_found "a"; Kv.Dictionary_expected "b"; Kv.Value_expected "c"; Kv.Read_only; Kv.Io_error "disk on fire" ]

(* A service over a read-only store: a tiny web site's router. It works the
   same over the baked files of the image and over an in-memory store. *)
module Site (K : Kv.RO) = struct
  open Promise.Syntax

  let serve store path =
    let key = if path = "/" then "index.html" else path in
    let* kind = K.exists store key in
    match kind with
    | Ok (Some Kv.Dictionary) ->
        let+ index = K.get store (key ^ "/index.html") in
        (match index with Ok page -> "200 " ^ page | Error _ -> "403 listing refused")
    | Ok (Some Kv.Value) ->
        let+ page = K.get store key in
        show (fun page -> "200 " ^ page) page
    | Ok None -> Promise.return ("404 " ^ path)
    | Error e -> Promise.return ("500 " ^ Kv.pp_error e)

  let run store paths =
    List.iter (fun p -> Printf.printf "%-14s %s\n" p (Promise.run (serve store p))) paths
end

module Files = struct
  let files =
    [ ("index.html", "<h1>Home</h1>"); ("blog/index.html", "<h1>Blog</h1>"); ("blog/first.html", "First!");
      ("img/logo.png", "PNG!") ]
end

module Baked = Kv.Baked (Files)
module Baked_site = Site (Baked)
module Mem_site = Site (Kv.Mem)

let () =
  print_endline "-- Kv.Baked";
  let store = Baked.connect () in
  Baked_site.run store [ "/"; "blog"; "blog/first.html"; "img"; "img/logo.png"; "nothing"; "../etc" ];
  Printf.printf "%s\n" (show entries (Promise.run (Baked.list store "")));
  Printf.printf "%s\n" (show string_of_int (Promise.run (Baked.size (Baked.connect ()) "img/logo.png")));
  print_endline "-- the same service over Kv.Mem";
  Mem_site.run (Kv.Mem.create Files.files) [ "/"; "img"; "blog/first.html" ]

(* A service over a read-write store: a visit counter. *)
module Counter (K : Kv.RW) = struct
  open Promise.Syntax

  let visit store page =
    let key = "visits/" ^ page in
    let* current = K.get store key in
    let n = match current with Ok s -> int_of_string s | Error (Kv.Not_found _) -> 0 | Error _ -> -1 in
    let* r = K.set store key (string_of_int (n + 1)) in
    match r with Ok () -> Promise.return (n + 1) | Error e -> Promise.fail_with (Kv.pp_error e)
end

module C = Counter (Kv.Mem)

let () =
  print_endline "-- a service over Kv.RW";
  let store = Kv.Mem.create [] in
  let visits = List.map (fun p -> Promise.run (C.visit store p)) [ "home"; "blog"; "home"; "home" ] in
  print_endline (String.concat " " (List.map string_of_int visits));
  Printf.printf "%s\n" (show entries (Promise.run (Kv.Mem.list store "visits")));
  Printf.printf "%s\n" (show (Printf.sprintf "%S") (Promise.run (Kv.Mem.get store "visits/home")))
