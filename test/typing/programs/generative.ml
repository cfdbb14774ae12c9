module F () = struct type t = int let x = 3 let r = ref 0 end
module A = F (struct end)
module B = F (struct end)
let () = A.r := 5; print_int A.x; print_int !(A.r); print_int !(B.r)
module type S = sig val r : int ref end
module G () : S = struct let r = ref 7 end
module C = G (struct end)
let () = print_int !C.r
