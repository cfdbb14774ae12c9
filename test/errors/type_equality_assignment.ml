let count_positive xs =
  let n = ref 0 in
  List.iter (fun x -> if x > 0 then n = !n + 1) xs;
  !n
