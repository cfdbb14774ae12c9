let pr s = print_endline s
let () =
  print_int (Char.code 'A'); print_newline ();
  print_int (Char.code '\255'); print_newline ();
  pr (Char.escaped (Char.chr 66));
  (try ignore (Char.chr 256) with Invalid_argument m -> pr ("Invalid_argument " ^ m));
  (try ignore (Char.chr (-1)) with Invalid_argument m -> pr ("Invalid_argument " ^ m));
  for i = 0 to 255 do
    print_string (Char.escaped (Char.chr i)); print_string " "
  done;
  print_newline ();
  for i = 0 to 255 do
    let c = Char.chr i in
    print_int (Char.code (Char.lowercase_ascii c)); print_string ",";
    print_int (Char.code (Char.uppercase_ascii c)); print_string " "
  done;
  print_newline ();
  print_int (Char.compare 'a' 'b'); print_newline ();
  print_int (Char.compare 'z' 'a'); print_newline ();
  print_int (Char.compare 'q' 'q'); print_newline ();
  pr (string_of_bool (Char.equal 'a' 'a'));
  pr (string_of_bool (Char.equal 'a' 'A'));
  let c : Char.t = 'x' in pr (Char.escaped c)
