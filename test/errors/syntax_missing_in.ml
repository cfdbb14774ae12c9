let average xs =
  let total = List.fold_left ( + ) 0 xs
  let count = List.length xs in
  total / count

let () = print_int (average [1; 2; 3])
