(* Slice: int arithmetic, unary minus, precedence, print_int *)
let show n = print_int n; print_newline ()

let () =
  show 0;
  show 42;
  show (-7);
  show (1 + 2);
  show (10 - 25);
  show (6 * 7);
  show (17 / 5);
  show (17 mod 5);
  show (-17 / 5);
  show (-17 mod 5);
  show (17 / -5);
  show (17 mod -5);
  show (2 + 3 * 4);
  show ((2 + 3) * 4);
  show (100 - 10 - 1);
  show (100 / 10 / 5);
  show (- (3 + 4));
  show (- -5);
  show (1000000 * 1000000);
  show (123456789 * 1000);
  let a = 13 and b = 4 in
  show (a * b + a / b - a mod b);
  show (abs (-99));
  show (abs 99);
  show (succ 41);
  show (pred 43)
