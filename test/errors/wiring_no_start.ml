(* mlc: build *)
module Main (C : Console.S) = struct
  let run console = C.log console "hello"
end
