(* Core: predefined exceptions Not_found, Failure, Invalid_argument, Exit, Division_by_zero, failwith, invalid_arg *)
let rec find key = function
  | [] -> raise Not_found
  | (k, v) :: rest -> if k = key then v else find key rest

let safe_div a b = try string_of_int (a / b) with Division_by_zero -> "div by zero"
let safe_mod a b = try string_of_int (a mod b) with Division_by_zero -> "mod by zero"

let describe f =
  match f () with
  | n -> "returned " ^ string_of_int n
  | exception Not_found -> "Not_found"
  | exception Failure msg -> "Failure: " ^ msg
  | exception Invalid_argument msg -> "Invalid_argument: " ^ msg
  | exception Exit -> "Exit"
  | exception Division_by_zero -> "Division_by_zero"

let () =
  let table = [ ("one", 1); ("two", 2); ("three", 3) ] in
  print_endline (describe (fun () -> find "two" table));
  print_endline (describe (fun () -> find "four" table));
  print_endline (describe (fun () -> failwith "custom failure"));
  print_endline (describe (fun () -> invalid_arg "bad argument"));
  print_endline (describe (fun () -> raise Exit));
  print_endline (describe (fun () -> 1 / 0));
  print_endline (describe (fun () -> 1 mod 0));
  print_endline (describe (fun () -> int_of_string "12x"));
  print_endline (describe (fun () -> int_of_string "123"));
  print_endline (describe (fun () -> (Array.make 3 0).(5)));
  print_endline (describe (fun () -> Char.code (char_of_int 300)));
  print_endline (describe (fun () -> Bytes.length (Bytes.create (-1))));
  print_endline (describe (fun () -> Char.code "abc".[3]));
  print_endline (describe (fun () -> if bool_of_string "maybe" then 1 else 0));
  print_endline (safe_div 10 3);
  print_endline (safe_div 10 0);
  print_endline (safe_mod 10 0);
  print_endline (safe_mod (-10) 3);
  (try failwith "a" with Failure s -> print_endline ("caught Failure " ^ s));
  (try ignore (find 1 []) with Not_found -> print_endline "caught Not_found");
  let count = ref 0 in
  (try
     while true do
       incr count;
       if !count >= 7 then raise Exit
     done
   with Exit -> ());
  print_int !count; print_newline ()
