(* Core: float literals and printing with string_of_float and print_float, nan, infinity *)
let show f = print_endline (string_of_float f)

let () =
  show 0.0;
  show 1.0;
  show (-1.0);
  show 3.14159;
  show 0.1;
  show (0.1 +. 0.2);
  show 1e10;
  show 1e15;
  show 1e16;
  show 1e17;
  show 1.5e300;
  show 1e-5;
  show 1.23e-10;
  show 123456789.0;
  show 1234567890123.0;
  show (1.0 /. 3.0);
  show (2.0 /. 3.0);
  show 100.0;
  show 5e-324;
  show max_float;
  show min_float;
  show epsilon_float;
  show infinity;
  show neg_infinity;
  show nan;
  show (-0.0);
  show (1.0 /. 0.0);
  show (-1.0 /. 0.0);
  show (float_of_int max_int);
  show 2.5;
  show 1e22;
  show 1e23;
  show 12345.6789;
  print_float 2.5; print_newline ();
  print_float 42.; print_newline ();
  print_float (-0.001); print_newline ();
  show 0x1p-3;
  show 1_000.5;
  show (float_of_string "3.25");
  show (float_of_string "1e3");
  show (float_of_string "-inf");
  show (float_of_string "nan")
