(* A service written as a functor over its devices runs against stand-ins in an
   ordinary program: Console.Recorder for the console, Kv.Mem for the store. *)

(* The service: answers questions read from the console, one per line, with
   the entries of its store. It knows nothing of where its devices are. (It is
   not called [Main]: a unit with a [Main] is built as a service, its devices
   wired to the host's.) *)
module Librarian (C : Console.S) (K : Kv.RO) = struct
  open Promise.Syntax

  let describe store console key =
    let* kind = K.exists store key in
    match kind with
    | Ok (Some Kv.Value) ->
        let* v = K.get store key in
        let* n = K.size store key in
        (match v, n with
         | Ok v, Ok n -> C.log console (Printf.sprintf "%s = %S (%d bytes)" key v n)
         | Error e, _ | _, Error e -> C.log console (Kv.pp_error e))
    | Ok (Some Kv.Dictionary) ->
        let* entries = K.list store key in
        (match entries with
         | Ok entries ->
             let* () = C.log console (Printf.sprintf "%s/ has %d entries:" key (List.length entries)) in
             let rec show = function
               | [] -> Promise.return ()
               | (name, kind) :: rest ->
                   let* () =
                     C.log console
                       (Printf.sprintf "  %s%s" name (match kind with Kv.Dictionary -> "/" | Kv.Value -> ""))
                   in
                   show rest
             in
             show entries
         | Error e -> C.log console (Kv.pp_error e))
    | Ok None -> C.log console (Printf.sprintf "%s: no such key" key)
    | Error e -> C.log console (Kv.pp_error e)

  let start console store =
    let* () = C.write console "ready" in
    let* () = C.write console "\n" in
    let rec loop count =
      let* line = C.read_line console in
      match line with
      | None -> C.log console (Printf.sprintf "bye after %d questions" count)
      | Some key ->
          let* () = describe store console key in
          loop (count + 1)
    in
    loop 0
end

module App = Librarian (Console.Recorder) (Kv.Mem)

let () =
  let console =
    Console.Recorder.create ~input:[ "motd"; ""; "docs"; "docs/intro.txt"; "missing"; "a//b" ] ()
  in
  let store =
    Kv.Mem.create
      [ ("motd", "Welcome!"); ("docs/intro.txt", "Hello"); ("docs/api/kv.txt", "RO and RW");
        ("docs/api/block.txt", "sectors"); ("docs/faq", "") ]
  in
  Promise.run (App.start console store);
  print_string (Console.Recorder.contents console);
  (* the input is used up; writing goes on *)
  (match Promise.run (Console.Recorder.read_line console) with
   | None -> print_endline "no more input"
   | Some l -> print_endline ("unexpected line " ^ l));
  Promise.run (Console.Recorder.log console "after");
  let all = Console.Recorder.contents console in
  print_endline (String.sub all (String.length all - 6) 6 |> String.trim);
  (* a recorder without input *)
  let quiet = Console.Recorder.create () in
  (match Promise.run (Console.Recorder.read_line quiet) with
   | None -> print_endline "empty input"
   | Some _ -> print_endline "?");
  Printf.printf "%S\n" (Console.Recorder.contents quiet)
