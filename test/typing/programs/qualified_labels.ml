(* A module-qualified label follows the known type of the record, as in OCaml. *)
module M = struct
  type a = { headers : string; x : int }
  type b = { headers : int; y : int }
end
let g (r : M.a) = print_endline r.M.headers
let () = g { M.headers = "ok"; x = 1 }
let h (r : M.b) = print_int r.M.headers; print_newline ()
let () = h { M.headers = 3; y = 2 }
