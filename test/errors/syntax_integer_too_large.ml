let big = 9223372036854775807

let () = print_int big
