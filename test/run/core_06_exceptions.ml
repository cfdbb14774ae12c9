(* Core: user exceptions, raise, try/with, payloads, guards in handlers, re-raise, nesting *)
exception Empty
exception Too_big of int
exception Bad of string * int
exception Wrapped of exn

let check n =
  if n = 0 then raise Empty
  else if n > 100 then raise (Too_big n)
  else if n < 0 then raise (Bad ("negative", n))
  else n * 2

let attempt n =
  try "ok " ^ string_of_int (check n) with
  | Empty -> "empty"
  | Too_big n when n > 1000 -> "way too big " ^ string_of_int n
  | Too_big n -> "too big " ^ string_of_int n
  | Bad (msg, n) -> "bad: " ^ msg ^ " " ^ string_of_int n

let reraise n =
  try check n with
  | Empty -> -1
  | e -> raise (Wrapped e)

let outer n =
  try string_of_int (reraise n) with
  | Wrapped (Too_big k) -> "wrapped too big " ^ string_of_int k
  | Wrapped _ -> "wrapped other"

let cleanup_log = ref ""
let with_cleanup f =
  try
    let r = f () in
    cleanup_log := !cleanup_log ^ "[ok]";
    r
  with e ->
    cleanup_log := !cleanup_log ^ "[fail]";
    raise e

let () =
  print_endline (attempt 5);
  print_endline (attempt 0);
  print_endline (attempt 500);
  print_endline (attempt 5000);
  print_endline (attempt (-3));
  print_endline (outer 7);
  print_endline (outer 0);
  print_endline (outer 200);
  print_endline (outer (-1));
  let v = try with_cleanup (fun () -> 10) with _ -> 0 in
  let w = try with_cleanup (fun () -> raise Empty) with Empty -> 99 in
  print_endline (string_of_int v ^ " " ^ string_of_int w ^ " " ^ !cleanup_log);
  let nested =
    try
      try raise (Too_big 1) with Empty -> "inner caught"
    with Too_big _ -> "outer caught"
  in
  print_endline nested;
  let r = try 1 + (try raise Empty with Empty -> 10) with _ -> 0 in
  print_int r; print_newline ();
  let e = Bad ("x", 1) in
  print_endline (match e with Bad (s, _) -> "matched exn value " ^ s | _ -> "no");
  print_endline (if Too_big 3 = Too_big 3 then "exn equal" else "exn differ");
  let rec loop i = if i = 5 then raise Exit else loop (i + 1) in
  (try loop 0 with Exit -> print_endline "exited loop");
  let result = match check 3 with
    | v -> "value " ^ string_of_int v
    | exception Empty -> "empty"
  in
  print_endline result;
  let result2 = match check 0 with
    | v -> "value " ^ string_of_int v
    | exception Empty -> "exception branch"
  in
  print_endline result2
