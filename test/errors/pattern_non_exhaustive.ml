type light = Red | Yellow | Green

let next = function
  | Red -> Green
  | Green -> Yellow

let () = ignore (next Red)
