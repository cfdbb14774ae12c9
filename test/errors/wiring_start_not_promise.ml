(* mlc: build *)
module Main (C : Console.S) = struct
  let start _console =
    print_endline "hello"
end
