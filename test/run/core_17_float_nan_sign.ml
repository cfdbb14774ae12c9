(* Core: NaNs computed by the hardware print as "-nan" on x86-64 (sign bit set), the nan constant as "nan" *)
let show label f = print_endline (label ^ " = " ^ string_of_float f)

let () =
  show "nan" nan;
  show "-. nan" (-. nan);
  show "0. /. 0." (0. /. 0.);
  show "sqrt (-1.)" (sqrt (-1.));
  show "infinity -. infinity" (infinity -. infinity);
  show "infinity *. 0." (infinity *. 0.);
  show "-. (0. /. 0.)" (-. (0. /. 0.));
  print_float (0. /. 0.); print_newline ();
  print_endline (string_of_bool (0. /. 0. = 0. /. 0.));
  print_endline (string_of_int (compare (0. /. 0.) nan))
