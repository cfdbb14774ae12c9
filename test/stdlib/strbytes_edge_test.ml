let pr = print_endline
let exn f = try f () with Invalid_argument m -> pr ("IA " ^ m) | Not_found -> pr "NF"
let () =
  let s = "abc" in
  pr (string_of_bool (String.trim s == s));
  pr (string_of_bool (String.escaped s == s));
  pr (String.escaped "a\"b\\\n\t\r\b\001\255'z");
  pr (Bytes.to_string (Bytes.escaped (Bytes.of_string "x\127y")));
  pr (String.trim " \t a b \n\012\r");
  pr ("[" ^ String.trim "  \t " ^ "]");
  pr (String.concat ", " ["a"; ""; "bc"]);
  pr (String.concat ", " []);
  pr (String.concat ", " ["x"]);
  pr (Bytes.to_string (Bytes.extend (Bytes.of_string "hello") 2 (-1)) |> String.map (fun c -> if c = '\000' then '.' else c) |> fun s -> String.length s |> string_of_int |> fun n -> n ^ ":" ^ String.sub s 2 3);
  pr (Bytes.to_string (Bytes.extend (Bytes.of_string "hello") (-2) 1) |> String.length |> string_of_int);
  exn (fun () -> ignore (Bytes.extend (Bytes.of_string "hello") (-7) 0));
  exn (fun () -> ignore (String.rindex_from "abc" (-1) 'a'));
  exn (fun () -> ignore (String.rindex_from "abc" (-2) 'a'));
  exn (fun () -> ignore (String.rcontains_from "abc" (-1) 'a'));
  exn (fun () -> ignore (String.contains_from "abc" 3 'a'));
  exn (fun () -> ignore (String.contains_from "abc" 4 'a'));
  exn (fun () -> ignore (String.index_from "abc" 3 'a'));
  exn (fun () -> ignore (String.index_from_opt "abc" 4 'a'));
  exn (fun () -> ignore (String.rindex_from_opt "abc" 3 'a'));
  exn (fun () -> ignore (String.sub "abc" 2 2));
  exn (fun () -> String.blit "abc" 0 (Bytes.create 2) 0 3);
  exn (fun () -> Bytes.blit (Bytes.create 3) 0 (Bytes.create 2) 1 2);
  exn (fun () -> String.fill (Bytes.create 3) 2 2 'c');
  List.iter (fun s -> pr ("<" ^ s ^ ">")) (String.split_on_char ',' ",a,,b,");
  pr (string_of_bool (String.starts_with ~prefix:"" "")); pr (string_of_bool (String.ends_with ~suffix:"bc" "abc"));
  pr (string_of_bool (String.ends_with ~suffix:"abcd" "abc"));
  pr (String.capitalize_ascii "hello" ^ String.uncapitalize_ascii "HELLO" ^ String.capitalize_ascii "");
  pr (String.uppercase "h\233llo");
  print_int (Bytes.fold_right (fun c n -> n * 2 + Char.code c) (Bytes.of_string "ab") 0); pr "";
  pr (string_of_bool (String.exists (fun c -> c = 'z') "abz") ^ string_of_bool (String.for_all (fun c -> c < 'c') "abz"));
  print_int (String.compare "ab" "abc"); pr ""
