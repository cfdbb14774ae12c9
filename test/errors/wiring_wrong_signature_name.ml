(* mlc: build *)
module Main (C : Console.T) = struct
  let start console = C.log console "hello"
end
