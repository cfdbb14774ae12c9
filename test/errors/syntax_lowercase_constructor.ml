type color = red | green | blue

let to_string c = match c with red -> "red" | _ -> "other"
