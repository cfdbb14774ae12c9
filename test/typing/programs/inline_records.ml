type 'a t = Cons of { mutable next : int; v : 'a } | Nil
exception E of { mutable x : int; y : string }
let bump = function Cons c -> c.next <- c.next + 1 | Nil -> ()
let get = function Cons c -> c.next | Nil -> -1
let same x = match x with Cons c -> let y = Cons c in c.next <- 42; y | Nil -> Nil
let copy x = match x with Cons c -> Cons { c with next = 7 } | Nil -> Nil
let names = function Cons ({ v; _ } as c) -> v ^ string_of_int c.next | Nil -> ""
let ex = try raise (E { x = 1; y = "why" }) with E r -> r.x <- r.x + 10; Printf.sprintf "%d %s" r.x r.y
let reraise () = try (try raise (E { x = 5; y = "b" }) with E r -> r.x <- 6; raise (E r)) with E { x; _ } -> x
let rebuild () = try raise (E { x = 5; y = "b" }) with E r -> (match E { r with y = "c" } with E { x; y } -> string_of_int x ^ y | _ -> "")
let () =
  let a = Cons { next = 1; v = "s" } in
  bump a; bump a;
  Printf.printf "%d\n" (get a);
  let b = same a in
  Printf.printf "%d %d\n" (get a) (get b);
  let c = copy a in
  bump c;
  Printf.printf "%d %d %s\n" (get a) (get c) (names c);
  print_endline ex;
  print_int (reraise ()); print_newline ();
  print_endline (rebuild ())
