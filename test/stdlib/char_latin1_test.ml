(* Char: the deprecated Latin-1 case mappings on every byte (215 and 247, the
   multiplication and division signs, are not letters), and Char.equal. *)

let () =
  for i = 0 to 255 do
    let c = Char.chr i in
    let l = Char.code (Char.lowercase c) and u = Char.code (Char.uppercase c) in
    if l <> i || u <> i then Printf.printf "%d:%d,%d " i l u
  done;
  print_newline ();
  let n = ref 0 in
  for i = 0 to 255 do for j = 0 to 255 do
    if Char.equal (Char.chr i) (Char.chr j) <> (i = j) then incr n;
    if compare (Char.compare (Char.chr i) (Char.chr j)) 0 <> compare i j then incr n
  done done;
  print_int !n; print_newline ();
  print_endline (String.concat "|" (List.map Char.escaped ['"'; '\''; '\\'; '\127'; '\128'; '\t'; '\011'; '\012'; '~'; ' ']))
