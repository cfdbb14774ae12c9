(* Slice: partial application of 2- and 3-ary functions, over- and under-application *)
let add3 a b c = a + b + c
let weigh a b c = a * 100 + b * 10 + c
let join3 sep a b = a ^ sep ^ b

let show n = print_int n; print_newline ()

let () =
  let p1 = weigh 1 in
  let p2 = weigh 1 2 in
  let p2' = p1 5 in
  show (p1 2 3);
  show (p2 3);
  show (p2 9);
  show (p2' 6);
  show (p1 0 0);
  show (weigh 7 8 9);
  let a = add3 10 in
  let b = a 20 in
  show (b 30);
  show (b 1);
  show (a 1 1);
  let dash = join3 "-" in
  print_endline (dash "a" "b");
  print_endline (join3 ", " "x" "y");
  let hello = join3 " " "hello" in
  print_endline (hello "world");
  print_endline (hello "there");
  (* a function returning a function, applied to more arguments at once *)
  let make_adder n = fun m -> n + m in
  show (make_adder 3 4);
  let curried = fun a -> fun b -> fun c -> weigh c b a in
  show (curried 1 2 3);
  let c1 = curried 4 in
  show (c1 5 6);
  let fs = weigh 3 in
  let gs = fs 3 in
  show (gs 3);
  show ((weigh 9) 8 7);
  show (((weigh 2) 4) 6)
