let max_retries == 3

let () = print_int max_retries
