let color_name c =
  match c with
  | `Red -> "red"
  | `Green -> "green"
