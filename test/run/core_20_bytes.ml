(* Core: Bytes.create, Bytes.set, Bytes.get, Bytes.length, Bytes.to_string, mutation *)
let fill b c = for i = 0 to Bytes.length b - 1 do Bytes.set b i c done

let () =
  let b = Bytes.create 5 in
  fill b 'x';
  print_endline (Bytes.to_string b);
  Bytes.set b 0 'H';
  Bytes.set b 4 '!';
  print_endline (Bytes.to_string b);
  print_char (Bytes.get b 0); print_char (Bytes.get b 4); print_newline ();
  print_int (Bytes.length b); print_newline ();
  let s = Bytes.to_string b in
  Bytes.set b 1 'e';
  print_endline s;
  print_endline (Bytes.to_string b);
  let c = Bytes.create 6 in
  for i = 0 to 5 do Bytes.set c i "abcdef".[i] done;
  for i = 0 to Bytes.length c / 2 - 1 do
    let j = Bytes.length c - 1 - i in
    let t = Bytes.get c i in
    Bytes.set c i (Bytes.get c j);
    Bytes.set c j t
  done;
  print_endline (Bytes.to_string c);
  let alphabet = Bytes.create 26 in
  for i = 0 to 25 do Bytes.set alphabet i (char_of_int (97 + i)) done;
  print_endline (Bytes.to_string alphabet);
  let empty = Bytes.create 0 in
  print_int (Bytes.length empty); print_newline ();
  print_endline ("[" ^ Bytes.to_string empty ^ "]");
  let d = Bytes.create 3 in
  fill d 'z';
  print_endline (Bytes.to_string d);
  (try Bytes.set d 3 'q' with Invalid_argument m -> print_endline ("set: " ^ m));
  (try ignore (Bytes.get d (-1)) with Invalid_argument m -> print_endline ("get: " ^ m));
  print_endline (string_of_bool (Bytes.to_string d = "zzz"))
