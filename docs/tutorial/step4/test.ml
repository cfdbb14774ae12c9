(* The service against stand-in devices: a console with its input written
   out, and a store in memory. No tender, no files, no waiting. *)

module App = Service.Main (Console.Recorder) (Kv.Mem)

let () =
  let console = Console.Recorder.create ~input:[ "home"; "about"; "home" ] () in
  let store = Kv.Mem.create [] in
  Promise.run (App.start console store);
  print_string (Console.Recorder.contents console)
