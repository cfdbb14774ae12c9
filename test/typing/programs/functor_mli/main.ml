module HM = Hm
module M = HM.Make (struct type t = int let hash x = x end)
let () = let t = M.create 3 in M.add t 3 "a"; print_endline "ok"
