let shout s = Strng.uppercase_ascii s

let () = print_endline (shout "hi")
