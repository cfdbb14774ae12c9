(* Core: a small stack-machine interpreter mixing strings, chars, arrays, variants, exceptions and loops *)
type instr = Push of int | Add | Mul | Sub | Dup | Swap | Jz of int | Jmp of int | Print | Halt

exception Stack_underflow of int

let substring s from =
  let b = Bytes.create (String.length s - from) in
  for i = from to String.length s - 1 do Bytes.set b (i - from) s.[i] done;
  Bytes.to_string b

let parse_word w =
  let n = String.length w in
  if n > 0 && (w.[0] = '-' && n > 1 || (w.[0] >= '0' && w.[0] <= '9')) then Push (int_of_string w)
  else if w = "add" then Add else if w = "mul" then Mul else if w = "sub" then Sub
  else if w = "dup" then Dup else if w = "swap" then Swap else if w = "print" then Print
  else if w = "halt" then Halt
  else if n > 2 && w.[0] = 'j' && w.[1] = 'z' then Jz (int_of_string (substring w 2))
  else if n > 1 && w.[0] = 'j' then Jmp (int_of_string (substring w 1))
  else failwith ("unknown word " ^ w)

(* split on spaces, keeping words in order *)
let words s =
  let acc = ref [] and start = ref 0 in
  let n = String.length s in
  for i = 0 to n do
    if i = n || s.[i] = ' ' then begin
      if i > !start then begin
        let b = Bytes.create (i - !start) in
        for j = !start to i - 1 do Bytes.set b (j - !start) s.[j] done;
        acc := Bytes.to_string b :: !acc
      end;
      start := i + 1
    end
  done;
  let rec rev acc = function [] -> acc | x :: r -> rev (x :: acc) r in
  rev [] !acc

let compile src =
  let ws = words src in
  let rec len = function [] -> 0 | _ :: r -> 1 + len r in
  let code = Array.make (len ws) Halt in
  let rec fill i = function [] -> () | w :: r -> code.(i) <- parse_word w; fill (i + 1) r in
  fill 0 ws;
  code

let run code =
  let stack = Array.make 64 0 and sp = ref 0 and pc = ref 0 and steps = ref 0 in
  let push v = stack.(!sp) <- v; incr sp in
  let pop () = if !sp = 0 then raise (Stack_underflow !pc) else (decr sp; stack.(!sp)) in
  let running = ref true in
  while !running do
    incr steps;
    let i = code.(!pc) in
    pc := !pc + 1;
    match i with
    | Push n -> push n
    | Add -> let b = pop () in let a = pop () in push (a + b)
    | Mul -> let b = pop () in let a = pop () in push (a * b)
    | Sub -> let b = pop () in let a = pop () in push (a - b)
    | Dup -> let a = pop () in push a; push a
    | Swap -> let b = pop () in let a = pop () in push b; push a
    | Jz t -> if pop () = 0 then pc := t
    | Jmp t -> pc := t
    | Print -> print_int (pop ()); print_newline ()
    | Halt -> running := false
  done;
  print_endline ("halted after " ^ string_of_int !steps ^ " steps")

let () =
  run (compile "2 3 add 4 mul print halt");
  (* countdown from 5: prints 5 4 3 2 1 *)
  run (compile "5 dup print 1 sub dup jz8 j1 halt");
  run (compile "7 6 mul 2 sub print 3 4 swap sub print halt");
  (try run (compile "1 add") with Stack_underflow pc -> print_endline ("underflow at " ^ string_of_int pc));
  (try run (compile "1 frob") with Failure m -> print_endline m)
