(* Core: float arithmetic, comparisons, nan semantics, float functions from the toplevel Stdlib *)
let show label f = print_endline (label ^ " = " ^ string_of_float f)
let b label v = print_endline (label ^ " = " ^ string_of_bool v)

let () =
  show "1.5 +. 2.25" (1.5 +. 2.25);
  show "1.5 -. 2.25" (1.5 -. 2.25);
  show "1.5 *. 2.25" (1.5 *. 2.25);
  show "1.5 /. 2.25" (1.5 /. 2.25);
  show "-. 3.0" (-. 3.0);
  show "2. ** 10." (2. ** 10.);
  show "2. ** 0.5" (2. ** 0.5);
  show "sqrt 2." (sqrt 2.);
  show "sqrt 16." (sqrt 16.);
  show "floor 2.7" (floor 2.7);
  show "floor (-2.7)" (floor (-2.7));
  show "ceil 2.1" (ceil 2.1);
  show "ceil (-2.1)" (ceil (-2.1));
  show "exp 1." (exp 1.);
  show "log 10." (log 10.);
  show "log 0." (log 0.);
  show "sin 0.5" (sin 0.5);
  show "cos 0.5" (cos 0.5);
  show "tan 0.5" (tan 0.5);
  show "atan 1." (atan 1.);
  show "atan2 1. 1." (atan2 1. 1.);
  show "atan2 (-1.) (-1.)" (atan2 (-1.) (-1.));
  show "abs_float (-3.5)" (abs_float (-3.5));
  show "mod_float 7.5 2." (mod_float 7.5 2.);
  show "mod_float (-7.5) 2." (mod_float (-7.5) 2.);
  show "float_of_int 7" (float_of_int 7);
  show "float 7" (float 7);
  print_endline ("truncate 3.99 = " ^ string_of_int (truncate 3.99));
  print_endline ("truncate (-3.99) = " ^ string_of_int (truncate (-3.99)));
  print_endline ("int_of_float 1e10 = " ^ string_of_int (int_of_float 1e10));
  print_endline ("int_of_float (-2.5) = " ^ string_of_int (int_of_float (-2.5)));
  b "1.0 < 2.0" (1.0 < 2.0);
  b "nan = nan" (nan = nan);
  b "nan <> nan" (nan <> nan);
  b "nan < 1.0" (nan < 1.0);
  b "nan > 1.0" (nan > 1.0);
  b "nan == nan" (nan == nan);
  b "0.0 = -0.0" (0.0 = -0.0);
  b "infinity > max_float" (infinity > max_float);
  print_endline ("compare nan nan = " ^ string_of_int (compare nan nan));
  print_endline ("compare nan 0. = " ^ string_of_int (compare nan 0.));
  print_endline ("compare 0. nan = " ^ string_of_int (compare 0. nan));
  print_endline ("compare 1.5 1.5 = " ^ string_of_int (compare 1.5 1.5));
  show "min 1.0 2.0" (min 1.0 2.0);
  show "max 1.0 2.0" (max 1.0 2.0);
  show "1e308 *. 10." (1e308 *. 10.);
  let rec sum i acc = if i > 10 then acc else sum (i + 1) (acc +. 1. /. float_of_int i) in
  show "harmonic 10" (sum 1 0.0)
