let numbers = [| 1; 2; 3 |]

let total = List.fold_left ( + ) 0 numbers
