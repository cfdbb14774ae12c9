(* The kv service as an ordinary program: Main applied to stand-in devices, so
   its behaviour can be checked without a tender, files or a clock.

     npx mlc run examples/kv/test.ml *)

module Console = Console.Recorder

module S = Service.Main (Console) (Kv.Mem) (Kv.Mem)

let () =
  let console = Console.create () in
  let baked = Kv.Mem.create [ ("motd.txt", "hello from memory\n") ] in
  let disk = Kv.Mem.create [ ("notes/today.txt", "a note") ] in
  Promise.run (S.start console baked disk);
  print_string (Console.contents console)
