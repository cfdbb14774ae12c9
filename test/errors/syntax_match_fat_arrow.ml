let name_of n =
  match n with
  | 0 => "zero"
  | _ => "many"
