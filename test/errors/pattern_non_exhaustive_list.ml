let first_two xs =
  match xs with
  | a :: b :: _ -> (a, b)
  | [a] -> (a, a)

let () = ignore (first_two [1; 2])
