let doubled = List.map (fun x => x * 2) [1; 2; 3]

let () = List.iter print_int doubled
