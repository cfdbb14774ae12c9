external add : int -> int = "%addint"

let () = print_int (add 1)
