let pr s = print_endline s
let pb b = pr (string_of_bool b)
let pi i = print_int i; print_newline ()
let q s = pr ("\"" ^ s ^ "\"")
let po = function None -> pr "None" | Some x -> pr ("Some " ^ string_of_int x)
let exn f = try f () with
  | Failure m -> pr ("Failure " ^ m)
  | Invalid_argument m -> pr ("Invalid_argument " ^ m)
  | Not_found -> pr "Not_found"

let () =
  pi (String.length "");
  pi (String.length "hello");
  print_char (String.get "hello" 1); print_newline ();
  print_char "hello".[4]; print_newline ();
  exn (fun () -> ignore (String.get "hello" 5));
  exn (fun () -> ignore "hello".[-1]);
  q (String.make 3 'z');
  q (String.make 0 'z');
  exn (fun () -> ignore (String.make (-1) 'a'));
  q (String.init 5 (fun i -> Char.chr (97 + i)));
  exn (fun () -> ignore (String.init (-1) (fun _ -> 'a')));
  q (String.sub "hello world" 6 5);
  q (String.sub "hello" 0 0);
  q (String.sub "hello" 5 0);
  exn (fun () -> ignore (String.sub "hello" 3 3));
  exn (fun () -> ignore (String.sub "hello" (-1) 2));
  exn (fun () -> ignore (String.sub "hello" 1 (-2)));
  q (String.concat ", " ["a"; "bc"; ""; "d"]);
  q (String.concat ", " []);
  q (String.concat "" ["x"; "y"]);
  q (String.cat "ab" "cd");
  let b = Bytes.make 8 '.' in
  String.blit "abcdef" 1 b 2 3; q (Bytes.to_string b);
  exn (fun () -> String.blit "abc" 1 b 7 3);
  exn (fun () -> String.blit "abc" 2 b 0 2);
  String.iter (fun c -> print_char c; print_char '|') "abc"; print_newline ();
  String.iteri (fun i c -> print_int i; print_char c) "abc"; print_newline ();
  q (String.map Char.uppercase_ascii "hello, World!");
  q (String.mapi (fun i c -> if i mod 2 = 0 then '_' else c) "abcdef");
  pi (String.fold_left (fun a c -> a * 2 + Char.code c) 0 "abc");
  pi (String.fold_right (fun c a -> a * 2 + Char.code c) "abc" 0);
  pb (String.exists (fun c -> c = 'b') "abc");
  pb (String.exists (fun c -> c = 'z') "abc");
  pb (String.for_all (fun c -> c <> 'z') "abc");
  pb (String.for_all (fun c -> c = 'a') "abc");
  q (String.trim "  \t\n hello world \r\012 ");
  q (String.trim "");
  q (String.trim "   ");
  q (String.trim "x");
  q (String.trim "\011x\011");
  q (String.escaped "hello");
  q (String.escaped "a\"b\\c\nd\te\rf\bg\001h\255i'j\127");
  let all = String.init 256 Char.chr in
  q (String.escaped all);
  List.iter q (String.split_on_char ',' "a,b,,c,");
  List.iter q (String.split_on_char ',' "");
  List.iter q (String.split_on_char ' ' "no-sep");
  pi (String.index "hello" 'l');
  exn (fun () -> ignore (String.index "hello" 'z'));
  po (String.index_opt "hello" 'o');
  po (String.index_opt "hello" 'z');
  pi (String.rindex "hello" 'l');
  exn (fun () -> ignore (String.rindex "hello" 'z'));
  po (String.rindex_opt "hello" 'h');
  po (String.rindex_opt "hello" 'z');
  pi (String.index_from "hello" 3 'l');
  exn (fun () -> ignore (String.index_from "hello" 4 'l'));
  exn (fun () -> ignore (String.index_from "hello" 6 'l'));
  exn (fun () -> pi (String.index_from "hello" 5 'l'));
  po (String.index_from_opt "hello" 1 'l');
  exn (fun () -> ignore (String.index_from_opt "hello" (-1) 'l'));
  pi (String.rindex_from "hello" 2 'l');
  exn (fun () -> ignore (String.rindex_from "hello" 1 'l'));
  exn (fun () -> ignore (String.rindex_from "hello" 5 'l'));
  po (String.rindex_from_opt "hello" 4 'l');
  exn (fun () -> ignore (String.rindex_from_opt "hello" 7 'l'));
  pb (String.contains "hello" 'e');
  pb (String.contains "hello" 'x');
  pb (String.contains "" 'x');
  pb (String.contains_from "hello" 2 'e');
  exn (fun () -> ignore (String.contains_from "hello" 6 'e'));
  pb (String.rcontains_from "hello" 1 'e');
  exn (fun () -> ignore (String.rcontains_from "hello" 5 'e'));
  pb (String.starts_with ~prefix:"he" "hello");
  pb (String.starts_with ~prefix:"" "hello");
  pb (String.starts_with ~prefix:"hello!" "hello");
  pb (String.starts_with ~prefix:"el" "hello");
  pb (String.ends_with ~suffix:"llo" "hello");
  pb (String.ends_with ~suffix:"" "");
  pb (String.ends_with ~suffix:"xhello" "hello");
  pb (String.ends_with ~suffix:"hel" "hello");
  q (String.uppercase_ascii "Hello World 123 \233");
  q (String.lowercase_ascii "Hello World 123 \201");
  q (String.capitalize_ascii "hello");
  q (String.capitalize_ascii "");
  q (String.uncapitalize_ascii "HELLO");
  pb (String.equal "abc" "abc");
  pb (String.equal "abc" "abd");
  pi (String.compare "abc" "abd");
  pi (String.compare "abd" "abc");
  pi (String.compare "abc" "abc");
  pi (String.compare "ab" "abc");
  pi (String.compare "" "a");
  q (Bytes.to_string (String.to_bytes "tb"));
  q (String.of_bytes (Bytes.of_string "ob"));
  let s : String.t = "t" in q s;
  q String.empty
