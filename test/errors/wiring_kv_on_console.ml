(* mlc: build --kv-host c *)
module Main (C : Console.S) = struct
  let start console = C.log console "hello"
end
