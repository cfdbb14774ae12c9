type suit = Hearts | Diamonds | Clubs | Spades

let is_red s = match s with
  | Hearts | Diamond -> true
  | _ -> false
