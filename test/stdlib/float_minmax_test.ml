(* Float's minimum and maximum functions on every pair of special values:
   NaNs of both signs, both zeros, both infinities, ordinary numbers. The sign
   of each result is printed explicitly, NaNs included, so that which argument
   was returned shows. *)

let show x =
  let sign = if Float.sign_bit x then "-" else "+" in
  if Float.is_nan x then sign ^ "nan"
  else if x = 0. then sign ^ "0"
  else string_of_float x

let values = [Float.nan; -. Float.nan; 0.; -0.; 1.; -1.; 2.5; Float.infinity; Float.neg_infinity]

let one name f =
  print_string name;
  List.iter (fun x -> List.iter (fun y -> print_string " "; print_string (show (f x y))) values) values;
  print_newline ()

let pair name f =
  print_string name;
  List.iter (fun x -> List.iter (fun y ->
      let a, b = f x y in print_string (" " ^ show a ^ "," ^ show b)) values) values;
  print_newline ()

let () =
  one "min" Float.min;
  one "max" Float.max;
  one "min_num" Float.min_num;
  one "max_num" Float.max_num;
  pair "min_max" Float.min_max;
  pair "min_max_num" Float.min_max_num;
  (* Rounding halfway cases away from zero, and the remainder's sign. *)
  List.iter (fun x -> print_string (show (Float.round x) ^ " "))
    [0.5; -0.5; 1.5; -1.5; 2.5; -2.5; 0.49999999999999994; -0.49999999999999994;
     4503599627370495.5; -4503599627370495.5; 1e300; -0.; Float.infinity; Float.nan];
  print_newline ();
  List.iter (fun (a, b) -> print_string (show (Float.rem a b) ^ " "))
    [(7., 3.); (-7., 3.); (7., -3.); (-7., -3.); (6., 3.); (-6., 3.);
     (Float.infinity, 2.); (5., Float.infinity); (-0., 1.); (5.5, 2.)];
  print_newline ();
  (* Classification at the edges. *)
  List.iter (fun x ->
      Printf.printf "%s:%b%b%b%b " (show x) (Float.is_finite x) (Float.is_infinite x)
        (Float.is_nan x) (Float.is_integer x))
    [0.; -0.; Float.max_float; -. Float.max_float; Float.min_float; 5e-324;
     Float.infinity; Float.neg_infinity; Float.nan; 1e15 +. 0.5; 2. ** 60.];
  print_newline ();
  List.iter (fun x -> let f, i = Float.modf x in print_string (show f ^ "," ^ show i ^ " "))
    [-0.; 0.; -2.; Float.neg_infinity; -. Float.nan; 1e300; -0.75];
  print_newline ();
  List.iter (fun x -> print_string (Float.to_string x ^ " "))
    [1e15; 1e16; 123456789012.; 1234567890123.; 0.000123; 1e-5; -1.5e-7; 100.; 5e-324];
  print_newline ();
  (* fmod by zero is a NaN (its sign is the hardware's: test/stdlib/BUGS.md #6). *)
  print_endline (string_of_bool (Float.is_nan (Float.rem 1. 0.)));
  print_endline (string_of_bool (Float.equal Float.nan (-. Float.nan)));
  print_int (Float.compare (-0.) 0.); print_newline ();
  print_int (Float.compare Float.neg_infinity Float.nan); print_newline ()
