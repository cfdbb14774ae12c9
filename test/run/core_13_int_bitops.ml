(* Core: bitwise operators lsl, lsr, asr, land, lor, lxor, lnot on 63-bit ints *)
let show label n = print_endline (label ^ " = " ^ string_of_int n)

let rec popcount n = if n = 0 then 0 else (n land 1) + popcount (n lsr 1)

let rec to_binary n = if n < 2 then string_of_int n else to_binary (n lsr 1) ^ string_of_int (n land 1)

let () =
  show "5 land 3" (5 land 3);
  show "5 lor 3" (5 lor 3);
  show "5 lxor 3" (5 lxor 3);
  show "lnot 0" (lnot 0);
  show "lnot 5" (lnot 5);
  show "1 lsl 10" (1 lsl 10);
  show "1 lsl 62" (1 lsl 62);
  show "1 lsl 63" (1 lsl 63);
  show "3 lsl 61" (3 lsl 61);
  show "1024 lsr 3" (1024 lsr 3);
  show "-1 lsr 1" (-1 lsr 1);
  show "-1 lsr 62" (-1 lsr 62);
  show "-16 asr 2" (-16 asr 2);
  show "-1 asr 10" (-1 asr 10);
  show "min_int asr 62" (min_int asr 62);
  show "min_int lsr 62" (min_int lsr 62);
  show "max_int lxor min_int" (max_int lxor min_int);
  show "-1 land max_int" (-1 land max_int);
  show "0xF0F0 land 0x0FF0" (0xF0F0 land 0x0FF0);
  show "0xF0F0 lor 0x0F0F" (0xF0F0 lor 0x0F0F);
  show "popcount 255" (popcount 255);
  show "popcount -1" (popcount (-1));
  show "popcount max_int" (popcount max_int);
  print_endline (to_binary 0);
  print_endline (to_binary 10);
  print_endline (to_binary 255);
  print_endline (to_binary (1 lsl 20 + 5));
  show "1 lsl 2 + 1" (1 lsl 2 + 1);
  show "7 land 3 lor 8" (7 land 3 lor 8);
  show "1 lor 2 lxor 3" (1 lor 2 lxor 3);
  show "-5 asr 1" (-5 asr 1);
  show "-5 / 2" (-5 / 2);
  show "x lxor x" (let x = 12345 in x lxor x)
