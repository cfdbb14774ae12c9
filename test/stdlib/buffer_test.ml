let pr s = print_endline s
let pi i = print_int i; print_newline ()
let q s = pr ("\"" ^ s ^ "\"")
let exn f = try f () with
  | Failure m -> pr ("Failure " ^ m)
  | Invalid_argument m -> pr ("Invalid_argument " ^ m)
  | Not_found -> pr "Not_found"
let () =
  let b = Buffer.create 2 in
  pi (Buffer.length b);
  q (Buffer.contents b);
  Buffer.add_char b 'a';
  Buffer.add_string b "bcdef";
  Buffer.add_substring b "0123456789" 3 4;
  exn (fun () -> Buffer.add_substring b "0123" 3 4);
  exn (fun () -> Buffer.add_substring b "0123" (-1) 1);
  Buffer.add_bytes b (Bytes.of_string "BY");
  Buffer.add_subbytes b (Bytes.of_string "xyz") 1 2;
  q (Buffer.contents b);
  pi (Buffer.length b);
  print_char (Buffer.nth b 3); print_newline ();
  exn (fun () -> ignore (Buffer.nth b 100));
  exn (fun () -> ignore (Buffer.nth b (-1)));
  q (Buffer.sub b 2 5);
  exn (fun () -> ignore (Buffer.sub b 10 10));
  q (Bytes.to_string (Buffer.to_bytes b));
  let d = Bytes.make 6 '.' in
  Buffer.blit b 1 d 2 3; q (Bytes.to_string d);
  exn (fun () -> Buffer.blit b 1 d 5 3);
  let b2 = Buffer.create 0 in
  Buffer.add_string b2 "<";
  Buffer.add_buffer b2 b;
  Buffer.add_string b2 ">";
  q (Buffer.contents b2);
  Buffer.truncate b2 3; q (Buffer.contents b2);
  exn (fun () -> Buffer.truncate b2 4);
  Buffer.clear b; pi (Buffer.length b); q (Buffer.contents b);
  Buffer.add_string b "again"; q (Buffer.contents b);
  Buffer.reset b; pi (Buffer.length b);
  for i = 0 to 999 do Buffer.add_char b (Char.chr (48 + i mod 10)) done;
  pi (Buffer.length b);
  q (Buffer.sub b 995 5);
  let big = Buffer.create 1 in
  for _ = 1 to 100 do Buffer.add_string big "0123456789" done;
  pi (Buffer.length big);
  let s = Buffer.create 16 in
  Buffer.add_substitute s (fun v -> "<" ^ v ^ ">") "x=$x, y=${yy}, z=$(z w) \\$a \\b end\\";
  q (Buffer.contents s);
  exn (fun () -> Buffer.add_substitute s (fun v -> v) "$(unclosed");
  Buffer.output_buffer stdout b2; print_newline ()
