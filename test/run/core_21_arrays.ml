(* Core: arrays: literals, Array.make, a.(i), a.(i) <- v, Array.length, aliasing, arrays of arrays *)
let sum a =
  let s = ref 0 in
  for i = 0 to Array.length a - 1 do s := !s + a.(i) done;
  !s

let show a =
  print_string "[|";
  for i = 0 to Array.length a - 1 do
    if i > 0 then print_string "; ";
    print_int a.(i)
  done;
  print_endline "|]"

let () =
  let a = [| 3; 1; 4; 1; 5; 9; 2; 6 |] in
  show a;
  print_int (Array.length a); print_newline ();
  print_int (sum a); print_newline ();
  a.(0) <- 100;
  show a;
  let b = a in
  b.(1) <- 200;
  show a;
  let z = Array.make 4 7 in
  show z;
  show [||];
  (* bubble sort in place *)
  let n = Array.length a in
  for i = 0 to n - 2 do
    for j = 0 to n - 2 - i do
      if a.(j) > a.(j + 1) then begin
        let t = a.(j) in
        a.(j) <- a.(j + 1);
        a.(j + 1) <- t
      end
    done
  done;
  show a;
  let grid = Array.make 3 [||] in
  for i = 0 to 2 do grid.(i) <- Array.make 3 (i * 10) done;
  grid.(1).(2) <- 99;
  for i = 0 to 2 do show grid.(i) done;
  let shared = Array.make 2 (Array.make 2 0) in
  shared.(0).(0) <- 5;
  show shared.(1);
  let strs = [| "a"; "b"; "c" |] in
  strs.(2) <- strs.(0) ^ strs.(1);
  print_endline (strs.(0) ^ strs.(1) ^ strs.(2));
  let fa = Array.make 3 1.5 in
  fa.(1) <- 2.25;
  print_endline (string_of_float (fa.(0) +. fa.(1) +. fa.(2)));
  print_endline (string_of_bool ([| 1; 2 |] = [| 1; 2 |]));
  print_endline (string_of_bool ([| 1; 2 |] < [| 1; 3 |]));
  print_endline (string_of_bool ([| 1; 2; 3 |] > [| 5; 6 |]));
  print_endline (string_of_bool (a == b))
