(* A cyclic list: OCaml builds it, mlc does not. *)
let rec ones = 1 :: 2 :: ones

let () =
  match ones with
  | a :: b :: c :: _ -> Printf.printf "%d %d %d\n" a b c
  | _ -> print_endline "short"
