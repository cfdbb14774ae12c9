let squares = List.map [1; 2; 3] (fun x -> x * x)

let () = List.iter print_int squares
