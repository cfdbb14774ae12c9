open Lsit

let total = fold_left ( + ) 0 [1; 2; 3]
