external foo : int -> int = "caml_foo"

let () = print_int (foo 1)
