let () =
  List.iter (fun x -> print_endline (Printf.sprintf "[%F] [%g] [%.3F] [%10F] [%e]" x x x x x)) [1.0; 0.1; 1.0 /. 3.0; 1e20; 100.; -0.0; nan; infinity; 1e-5; 123456789012.];
  print_endline (Printf.sprintf "[%x] [%X] [%o] [%u] [%d] [%#x] [%+d] [% d] [%05d] [%-5d|] [%5s] [%-5s|] [%S] [%C] [%c] [%b] [%B]" (-1) 255 8 (-1) min_int 255 5 5 42 42 "ab" "ab" "a\"b\n" '\'' 'z' true false);
  print_endline (Printf.sprintf "[%*d] [%.*f] [%5.1f] [%-8.2e] [%h] [%.2s]" 6 42 2 3.14159 2.25 1234.5 1.5 "abcdef");
  print_endline (Printf.sprintf "%s%%%s" "a" "b");
  Printf.printf "%d-%s-%c %a|%t\n" 1 "two" '3' (fun oc x -> output_string oc (string_of_int (x * 2))) 21 (fun oc -> output_string oc "tee");
  let p = Printf.sprintf "%d %d" 1 in print_endline (p 2); print_endline (p 3);
  let b = Buffer.create 10 in Printf.bprintf b "x=%d;" 5; Printf.bprintf b "y=%s" "z"; print_endline (Buffer.contents b);
  print_endline (Printf.ksprintf (fun s -> "<" ^ s ^ ">") "%d%d" 4 2)
