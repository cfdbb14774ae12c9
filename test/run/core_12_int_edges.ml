(* Core: 63-bit ints: max_int, min_int, overflow wrap-around, division and mod truncation *)
let show label n = print_endline (label ^ " = " ^ string_of_int n)

let () =
  show "max_int" max_int;
  show "min_int" min_int;
  show "max_int + 1" (max_int + 1);
  show "min_int - 1" (min_int - 1);
  show "max_int * 2" (max_int * 2);
  show "min_int * -1" (min_int * -1);
  show "-min_int" (- min_int);
  show "abs min_int" (abs min_int);
  show "max_int / -1" (max_int / -1);
  show "min_int / -1" (min_int / -1);
  show "min_int mod -1" (min_int mod -1);
  show "4611686018427387903" 4611686018427387903;
  show "0x3fffffffffffffff" 0x3fffffffffffffff;
  show "1 lsl 62" (1 lsl 62);
  show "1 lsl 61" (1 lsl 61);
  show "0xff" 0xff;
  show "0o17" 0o17;
  show "0b1011" 0b1011;
  show "1_000_000" 1_000_000;
  show "7 / 2" (7 / 2);
  show "-7 / 2" (-7 / 2);
  show "7 / -2" (7 / -2);
  show "-7 / -2" (-7 / -2);
  show "7 mod 2" (7 mod 2);
  show "-7 mod 2" (-7 mod 2);
  show "7 mod -2" (7 mod -2);
  show "-7 mod -2" (-7 mod -2);
  show "min_int / 2" (min_int / 2);
  show "min_int mod 7" (min_int mod 7);
  show "max_int mod 1000" (max_int mod 1000);
  let big = 1_000_000_007 in
  show "big * big" (big * big);
  show "big * big * big" (big * big * big);
  let rec fact n = if n = 0 then 1 else n * fact (n - 1) in
  show "fact 21 (wraps)" (fact 21);
  show "fact 25 (wraps)" (fact 25);
  print_endline (if max_int > 0 && min_int < 0 then "signs ok" else "signs wrong");
  print_endline (if max_int + 1 = min_int then "wraps to min_int" else "no wrap");
  print_endline (string_of_int (compare max_int min_int));
  print_endline (string_of_int (compare min_int max_int))
