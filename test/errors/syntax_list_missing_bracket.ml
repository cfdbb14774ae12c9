let primes = [2; 3; 5; 7; 11

let () = List.iter print_int primes
