module IntSet = Set.Make

let evens = IntSet.of_list [2; 4; 6]
