(* Core: let exception, exceptions as control flow, exceptions crossing closures and loops *)
let find_index p a =
  let exception Found of int in
  try
    for i = 0 to Array.length a - 1 do if p a.(i) then raise (Found i) done;
    -1
  with Found i -> i

exception Stop of string

let first_negative l =
  let rec walk = function [] -> None | x :: rest -> if x < 0 then raise (Stop (string_of_int x)) else walk rest in
  try walk l with Stop s -> Some s

let protect f = try Ok (f ()) with e -> Error e

let describe = function
  | Ok n -> "ok " ^ string_of_int n
  | Error Not_found -> "error Not_found"
  | Error (Failure m) -> "error Failure " ^ m
  | Error (Stop s) -> "error Stop " ^ s
  | Error _ -> "error other"

let () =
  print_int (find_index (fun x -> x > 10) [| 1; 5; 12; 30 |]); print_newline ();
  print_int (find_index (fun x -> x > 100) [| 1; 5; 12; 30 |]); print_newline ();
  (match first_negative [ 3; 4; -7; -2 ] with Some s -> print_endline ("first negative " ^ s) | None -> ());
  (match first_negative [ 3; 4 ] with Some _ -> () | None -> print_endline "no negative");
  print_endline (describe (protect (fun () -> 5)));
  print_endline (describe (protect (fun () -> raise Not_found)));
  print_endline (describe (protect (fun () -> failwith "bad")));
  print_endline (describe (protect (fun () -> raise (Stop "now"))));
  print_endline (describe (protect (fun () -> raise Exit)));
  let attempts = ref 0 in
  let rec retry f = try f () with Failure _ when !attempts < 3 -> incr attempts; retry f in
  let flaky () = if !attempts < 3 then failwith "flaky" else "succeeded after " ^ string_of_int !attempts in
  print_endline (retry flaky);
  let total = ref 0 in
  for i = 1 to 10 do
    try
      if i mod 3 = 0 then raise Exit;
      total := !total + i
    with Exit -> total := !total + 100
  done;
  print_int !total; print_newline ();
  let handler = try (fun x -> x * 2) with _ -> (fun x -> x) in
  print_int (handler 21); print_newline ()
