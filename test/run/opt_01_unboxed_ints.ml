(* Int code kept unboxed: references made local, typed lets and parameters, loops *)
let sum_to n =
  let acc = ref 0 in
  for i = 1 to n do acc := !acc + i done;
  !acc

let wrap () =
  let x = ref max_int in
  incr x;
  let y = ref min_int in
  decr y;
  let z = ref (1 lsl 61) in
  z := !z * 4;
  Printf.printf "%d %d %d %b %b\n" !x !y !z (!x = min_int) (!y = max_int)

let division () =
  let q = ref 0 and r = ref 0 in
  List.iter (fun (a, b) ->
      q := a / b; r := a mod b;
      Printf.printf "%d/%d=%d r%d " a b !q !r) [ (7, 2); (-7, 2); (7, -2); (-7, -2); (min_int, -1) ];
  print_newline ();
  let fails = ref 0 in
  for i = -2 to 2 do
    try ignore (10 / i) with Division_by_zero -> incr fails
  done;
  Printf.printf "division by zero caught %d time(s)\n" !fails

(* a reference captured by a closure stays a reference *)
let captured () =
  let count = ref 0 in
  let bump () = incr count in
  for _ = 1 to 5 do bump () done;
  let closures = ref [] in
  for i = 1 to 3 do closures := (fun () -> i * 10) :: !closures done;
  Printf.printf "count %d, closures %s\n" !count
    (String.concat "," (List.map (fun f -> string_of_int (f ())) !closures))

(* a reference assigned in a handler, read after the try *)
let in_handler s =
  let state = ref (-1) in
  (try state := int_of_string s with Failure _ -> state := 0);
  !state

let big_lets a =
  let b = a * 1_000_003 in
  let c = b lsl 20 in
  let d = c lsr 3 in
  let e = c asr 3 in
  [ b; c; d; e; -b; abs (-a); a land 0xff; a lxor (-1) ]

let chars s =
  let n = ref 0 in
  for i = 0 to String.length s - 1 do
    if s.[i] >= 'a' && s.[i] <= 'z' then incr n
  done;
  !n

let flag () =
  let seen = ref false in
  List.iter (fun x -> if x > 3 then seen := true) [ 1; 2; 5 ];
  !seen

let rec gcd a b = if b = 0 then a else gcd b (a mod b)

let () =
  Printf.printf "%d %d\n" (sum_to 100) (sum_to 1_000_000);
  wrap ();
  division ();
  captured ();
  Printf.printf "%d %d\n" (in_handler "42") (in_handler "x");
  List.iter (Printf.printf "%d ") (big_lets 123456789);
  print_newline ();
  Printf.printf "%d %b %d %d\n" (chars "Hello, World") (flag ()) (gcd 1071 462) (gcd max_int 3)

(* division by constants: no zero check, same results *)
let () =
  let m = min_int and x = -17 in
  Printf.printf "%d %d %d %d %d %d\n" (m / -1) (m mod -1) (x / 7) (x mod 7) (x / -7) (max_int / 2)
