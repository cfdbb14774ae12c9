let count_words s =
  let words = String.split_on_char ' ' s in
  List.lenght words

let () = print_int (count_words "a b c")
