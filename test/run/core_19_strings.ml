(* Core: strings: String.length, s.[i], concatenation, comparison, immutability via copies *)
let char_str c = let b = Bytes.create 1 in Bytes.set b 0 c; Bytes.to_string b

let reverse s =
  let n = String.length s in
  let rec go i acc = if i = n then acc else go (i + 1) (char_str s.[i] ^ acc) in
  go 0 ""

let count_char c s =
  let n = ref 0 in
  for i = 0 to String.length s - 1 do if s.[i] = c then incr n done;
  !n

let is_palindrome s =
  let n = String.length s in
  let rec go i = i >= n / 2 || (s.[i] = s.[n - 1 - i] && go (i + 1)) in
  go 0

let rec repeat s n = if n = 0 then "" else s ^ repeat s (n - 1)

let () =
  let s = "hello world" in
  print_int (String.length s); print_newline ();
  print_int (String.length ""); print_newline ();
  print_char s.[0]; print_char s.[4]; print_char s.[10]; print_newline ();
  print_endline (reverse s);
  print_endline (reverse "");
  print_int (count_char 'o' s); print_newline ();
  print_int (count_char 'z' s); print_newline ();
  print_endline (string_of_bool (is_palindrome "racecar"));
  print_endline (string_of_bool (is_palindrome "abca"));
  print_endline (string_of_bool (is_palindrome ""));
  print_endline (repeat "ab" 5);
  print_int (String.length (repeat "xyz" 100)); print_newline ();
  print_endline (string_of_bool ("abc" = "ab" ^ "c"));
  print_endline (string_of_bool (let s1 = "abc" in s1 == s1));
  print_int (compare "apple" "apricot"); print_newline ();
  print_int (compare "b" "abc"); print_newline ();
  print_int (compare "" ""); print_newline ();
  print_int (compare "abc" "abcd"); print_newline ();
  print_endline (string_of_bool ("Zebra" < "apple"));
  let with_nul = "a\000b" in
  print_int (String.length with_nul); print_newline ();
  print_int (Char.code with_nul.[1]); print_newline ();
  print_endline "quote \" backslash \\ tab\tend";
  print_endline "line one\nline two";
  print_endline "string \
                 continued";
  print_endline {|quoted raw \n string|};
  print_endline {id|with |} inside|id}
