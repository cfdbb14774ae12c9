exception Plain
exception With_int of int
exception With_args of string * int * float
exception Nested of int list
let show e = print_endline (Printexc.to_string e)
let () =
  show Plain;
  show (With_int (-3));
  show (With_args ("a \"quoted\"\n", 4, 2.5));
  show (Nested [1; 2]);
  show Not_found;
  show (Failure "boom");
  show (Invalid_argument "index out of bounds");
  show Exit;
  show Division_by_zero;
  show (Sys_error "x");
  show Out_of_memory;
  show Stack_overflow;
  show End_of_file;
  (try assert false with e -> show e);
  (try (match Some 1 with None -> () | Some 2 -> ()) with e -> show e);
  (try ignore (1 / 0) with e -> show e);
  (try ignore ([| 1 |]).(3) with e -> show e);
  (try ignore (List.hd []) with e -> show e);
  (try ignore (int_of_string "x") with e -> show e);
  Printexc.register_printer (function With_int n -> Some (Printf.sprintf "With_int[%d]" n) | _ -> None);
  show (With_int 7);
  show Plain;
  Printexc.register_printer (fun _ -> failwith "broken printer");
  show (With_int 8);
  Printexc.record_backtrace true;
  print_endline (string_of_bool (Printexc.backtrace_status ()) ^ "|" ^ Printexc.get_backtrace () ^ "|");
  (try Printexc.print (fun () -> raise (With_args ("p", 1, 0.1))) () with With_args _ -> print_endline "re-raised")
