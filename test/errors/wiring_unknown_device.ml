(* mlc: build *)
module Main (C : Console.S) (Db : Database.S) = struct
  let start console _db = C.log console "connected"
end
