let pr s = print_endline s
let pb b = pr (string_of_bool b)
let pi i = print_int i; print_newline ()
let pf f = print_float f; print_newline ()
let pp (a, b) = print_float a; print_string " "; print_float b; print_newline ()
let () =
  pf (Float.of_int 3); pf (Float.of_int (-7));
  pi (Float.to_int 3.7); pi (Float.to_int (-3.7));
  pr (Float.to_string 1.5); pr (Float.to_string 1e100); pr (Float.to_string (-0.));
  pr (Float.to_string 3.); pr (Float.to_string 0.1); pr (Float.to_string Float.pi);
  pr (Float.to_string Float.nan); pr (Float.to_string Float.infinity); pr (Float.to_string Float.neg_infinity);
  pf (Float.abs (-2.5)); pf (Float.abs 2.5); pf (Float.abs (-0.));
  pf (Float.sqrt 2.); pb (Float.is_nan (Float.sqrt (-1.)));
  pf (Float.floor 2.7); pf (Float.floor (-2.7)); pf (Float.ceil 2.1); pf (Float.ceil (-2.1));
  pf (Float.round 2.5); pf (Float.round (-2.5)); pf (Float.round 2.4); pf (Float.round 0.49999999999999994);
  pf (Float.trunc 2.7); pf (Float.trunc (-2.7));
  pf Float.infinity; pf Float.neg_infinity; pf Float.nan; pf Float.pi;
  pf Float.max_float; pf Float.min_float; pf Float.epsilon;
  pf Float.zero; pf Float.one; pf Float.minus_one;
  pb (Float.is_nan Float.nan); pb (Float.is_nan 1.);
  pb (Float.is_finite 1.); pb (Float.is_finite Float.infinity); pb (Float.is_finite Float.nan);
  pb (Float.is_infinite Float.neg_infinity); pb (Float.is_infinite 1.);
  pb (Float.is_integer 3.); pb (Float.is_integer 3.5); pb (Float.is_integer Float.infinity);
  pi (Float.compare 1. 2.); pi (Float.compare 2. 1.); pi (Float.compare 1. 1.);
  pi (Float.compare Float.nan 1.); pi (Float.compare 1. Float.nan); pi (Float.compare Float.nan Float.nan);
  pb (Float.equal Float.nan Float.nan); pb (Float.equal 0. (-0.)); pb (Float.equal 1. 2.);
  pf (Float.min 1. 2.); pf (Float.min 2. 1.); pf (Float.min 1. Float.nan); pf (Float.min Float.nan 1.);
  pf (Float.min 0. (-0.)); pf (Float.min (-0.) 0.);
  pf (Float.max 1. 2.); pf (Float.max 1. Float.nan); pf (Float.max 0. (-0.)); pf (Float.max (-0.) 0.);
  pf (Float.min_num 1. Float.nan); pf (Float.max_num Float.nan 3.);
  pp (Float.min_max 3. 1.); pp (Float.min_max 3. Float.nan); pp (Float.min_max_num Float.nan 2.);
  pf (Float.of_string "3.25"); pf (Float.of_string "1e3"); pf (Float.of_string "-inf"); pf (Float.of_string "nan");
  pf (Float.of_string "0x1p-2"); pf (Float.of_string "1_000.5");
  (try pf (Float.of_string "abc") with Failure m -> pr ("Failure " ^ m));
  (try pf (Float.of_string "") with Failure m -> pr ("Failure " ^ m));
  (match Float.of_string_opt "2.5" with Some f -> pf f | None -> pr "None");
  (match Float.of_string_opt "x" with Some f -> pf f | None -> pr "None");
  pf (Float.neg 2.); pf (Float.add 1. 2.); pf (Float.sub 1. 2.); pf (Float.mul 3. 2.); pf (Float.div 1. 4.);
  pf (Float.rem 7. 3.); pf (Float.rem (-7.) 3.); pf (Float.pow 2. 10.);
  pf (Float.exp 0.); pf (Float.log 1.); pf (Float.log10 1000.);
  pf (Float.copy_sign 3. (-0.)); pb (Float.sign_bit (-0.)); pb (Float.sign_bit 0.); pb (Float.sign_bit (-3.));
  pp (Float.modf 3.25); pp (Float.modf (-3.25)); pp (Float.modf Float.infinity); pp (Float.modf (-5.));
  (match Float.classify_float 1. with Float.FP_normal -> pr "normal" | _ -> pr "other");
  (match Float.classify_float 0. with FP_zero -> pr "zero" | _ -> pr "other");
  (match Float.classify_float 1e-310 with FP_subnormal -> pr "subnormal" | _ -> pr "other");
  (match Float.classify_float Float.nan with FP_nan -> pr "nan" | _ -> pr "other");
  (match Float.classify_float Float.infinity with FP_infinite -> pr "inf" | _ -> pr "other");
  let x : Float.t = 1.5 in pf x
