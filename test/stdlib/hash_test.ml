(* Hashtbl.hash's primitive gives OCaml's values on every kind of value. *)
external seeded_hash_param : int -> int -> int -> 'a -> int = "caml_hash"
let hash x = seeded_hash_param 10 100 0 x
let () =
  let rec iter f = function [] -> () | x :: r -> f x; iter f r in iter (fun x -> print_int x; print_newline ())
   [hash 0; hash 1; hash (-1); hash max_int; hash min_int; hash "hello"; hash ""; hash "abcdefgh1"; hash 1.5; hash nan; hash (-0.0);
    hash (1, 2); hash [1;2;3]; hash (Some "x"); hash [| 1; 2 |]; hash 'a'; hash true; hash (); hash [[1;2];[3;4];[5;6];[7;8];[9;10];[11;12]]]
