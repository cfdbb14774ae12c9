let pr s = print_endline s
let pb b = pr (string_of_bool b)
let pi i = print_int i; print_newline ()
let q b = pr ("\"" ^ Bytes.to_string b ^ "\"")
let exn f = try f () with
  | Failure m -> pr ("Failure " ^ m)
  | Invalid_argument m -> pr ("Invalid_argument " ^ m)
  | Not_found -> pr "Not_found"

let () =
  let b = Bytes.create 4 in
  pi (Bytes.length b);
  exn (fun () -> ignore (Bytes.create (-1)));
  Bytes.fill b 0 4 'a'; q b;
  Bytes.set b 1 'b'; q b;
  b.[2] <- 'c'; q b;
  print_char (Bytes.get b 1); print_newline ();
  exn (fun () -> Bytes.set b 4 'x');
  exn (fun () -> ignore (Bytes.get b (-1)));
  q (Bytes.make 3 'x');
  q (Bytes.make 0 'x');
  exn (fun () -> ignore (Bytes.make (-3) 'x'));
  q (Bytes.init 4 (fun i -> Char.chr (48 + i)));
  q Bytes.empty;
  let s = "hello" in
  let b = Bytes.of_string s in
  Bytes.set b 0 'j'; q b; pr s;
  let t = Bytes.to_string b in Bytes.set b 0 'm'; pr t; q b;
  q (Bytes.sub b 1 3);
  exn (fun () -> ignore (Bytes.sub b 3 3));
  pr (Bytes.sub_string b 0 2);
  exn (fun () -> ignore (Bytes.sub_string b (-1) 2));
  let d = Bytes.make 10 '.' in
  Bytes.blit b 1 d 3 4; q d;
  exn (fun () -> Bytes.blit b 1 d 8 4);
  exn (fun () -> Bytes.blit b 0 d 0 (-1));
  (* overlapping blit *)
  let o = Bytes.of_string "0123456789" in
  Bytes.blit o 0 o 2 6; q o;
  let o = Bytes.of_string "0123456789" in
  Bytes.blit o 2 o 0 6; q o;
  Bytes.blit_string "XYZ" 0 d 0 3; q d;
  exn (fun () -> Bytes.blit_string "XYZ" 1 d 0 3);
  Bytes.fill d 5 3 '#'; q d;
  exn (fun () -> Bytes.fill d 8 3 '#');
  let c = Bytes.copy d in Bytes.set c 0 '!'; q c; q d;
  q (Bytes.cat (Bytes.of_string "ab") (Bytes.of_string "cd"));
  q (Bytes.concat (Bytes.of_string "-") [Bytes.of_string "a"; Bytes.of_string "b"; Bytes.of_string "c"]);
  q (Bytes.concat (Bytes.of_string "-") []);
  pr (Bytes.unsafe_to_string (Bytes.of_string "unsafe"));
  q (Bytes.unsafe_of_string "uos");
  q (Bytes.extend (Bytes.of_string "abc") 2 1);
  q (Bytes.extend (Bytes.of_string "abcdef") (-2) (-1));
  Bytes.iter (fun c -> print_char c; print_char ',') (Bytes.of_string "xyz"); print_newline ();
  Bytes.iteri (fun i c -> print_int i; print_char c) (Bytes.of_string "xyz"); print_newline ();
  q (Bytes.map Char.uppercase_ascii (Bytes.of_string "map me"));
  q (Bytes.mapi (fun i c -> if i = 0 then '*' else c) (Bytes.of_string "map me"));
  pi (Bytes.fold_left (fun a c -> a + Char.code c) 0 (Bytes.of_string "abc"));
  pi (Bytes.fold_right (fun c a -> a * 3 + Char.code c) (Bytes.of_string "abc") 0);
  pb (Bytes.exists (fun c -> c = 'a') (Bytes.of_string "abc"));
  pb (Bytes.for_all (fun c -> c = 'a') (Bytes.of_string "abc"));
  q (Bytes.trim (Bytes.of_string " \t trim me \n"));
  q (Bytes.escaped (Bytes.of_string "tab\there\"\\\000\200"));
  q (Bytes.uppercase_ascii (Bytes.of_string "upper Case"));
  q (Bytes.lowercase_ascii (Bytes.of_string "LOWER Case"));
  q (Bytes.capitalize_ascii (Bytes.of_string "cap"));
  q (Bytes.uncapitalize_ascii (Bytes.of_string "Cap"));
  pi (Bytes.index (Bytes.of_string "abcabc") 'c');
  pi (Bytes.rindex (Bytes.of_string "abcabc") 'c');
  exn (fun () -> ignore (Bytes.index (Bytes.of_string "abc") 'z'));
  pb (Bytes.contains (Bytes.of_string "abc") 'b');
  pb (Bytes.starts_with ~prefix:(Bytes.of_string "ab") (Bytes.of_string "abc"));
  pb (Bytes.ends_with ~suffix:(Bytes.of_string "bc") (Bytes.of_string "abc"));
  pb (Bytes.equal (Bytes.of_string "abc") (Bytes.of_string "abc"));
  pb (Bytes.equal (Bytes.of_string "abc") (Bytes.of_string "abd"));
  pi (Bytes.compare (Bytes.of_string "abc") (Bytes.of_string "abd"));
  pi (Bytes.compare (Bytes.of_string "b") (Bytes.of_string "abd"));
  List.iter q (Bytes.split_on_char ':' (Bytes.of_string ":a::b"))
