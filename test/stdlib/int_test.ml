let pr s = print_endline s
let pb b = pr (string_of_bool b)
let pi i = print_int i; print_newline ()
let () =
  pi Int.zero; pi Int.one; pi Int.minus_one;
  pi (Int.neg 5); pi (Int.add 2 3); pi (Int.sub 2 3); pi (Int.mul 4 5);
  pi (Int.div 7 2); pi (Int.div (-7) 2); pi (Int.rem 7 2); pi (Int.rem (-7) 2);
  (try pi (Int.div 1 0) with Division_by_zero -> pr "Division_by_zero");
  (try pi (Int.rem 1 0) with Division_by_zero -> pr "Division_by_zero");
  pi (Int.succ 1); pi (Int.pred 1);
  pi (Int.abs (-3)); pi (Int.abs 3); pi (Int.abs Int.min_int);
  pi Int.max_int; pi Int.min_int;
  pi (Int.logand 12 10); pi (Int.logor 12 10); pi (Int.logxor 12 10); pi (Int.lognot 0);
  pi (Int.shift_left 1 10); pi (Int.shift_right (-16) 2); pi (Int.shift_right_logical (-16) 2);
  pb (Int.equal 1 1); pb (Int.equal 1 2);
  pi (Int.compare 1 2); pi (Int.compare 2 1); pi (Int.compare 2 2);
  pi (Int.min 3 4); pi (Int.max 3 4);
  print_float (Int.to_float 3); print_newline ();
  pi (Int.of_float 3.99); pi (Int.of_float (-3.99));
  pr (Int.to_string 123); pr (Int.to_string (-45)); pr (Int.to_string Int.min_int);
  pi (Int.succ Int.max_int);
  (* Bool *)
  pb (Bool.not true); pb (Bool.( && ) true false); pb (Bool.( || ) true false);
  pb (Bool.equal true true); pi (Bool.compare false true); pi (Bool.compare true false);
  pi (Bool.to_int true); pi (Bool.to_int false);
  print_float (Bool.to_float true); print_newline ();
  pr (Bool.to_string false);
  let b : Bool.t = true in pb b;
  let i : Int.t = 3 in pi i
