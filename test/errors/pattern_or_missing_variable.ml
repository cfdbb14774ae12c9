type event = Click of int | Key of char | Tick

let describe e =
  match e with
  | Click n | Tick -> "pointer " ^ string_of_int n
  | Key c -> String.make 1 c
