(* The block service over an in-memory disk: three "boots" against the same
   stand-in device show the state carried from one to the next.

     npx mlc run examples/block/test.ml *)

module S = Service.Main (Console.Recorder) (Block.Mem)

let () =
  let disk = Block.Mem.create 64 in
  for _ = 1 to 3 do
    let console = Console.Recorder.create () in
    Promise.run (S.start console disk);
    print_string (Console.Recorder.contents console)
  done
