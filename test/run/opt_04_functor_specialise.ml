(* Functor applications known at build time are instantiated at build time *)
module type ORD = sig
  type t
  val compare : t -> t -> int
end

module type COUNTER = sig
  val next : unit -> int
end

(* generative state: each application has its own counter *)
module Counter (X : sig val start : int end) : COUNTER = struct
  let () = Printf.printf "counter from %d\n" X.start
  let c = ref X.start
  let next () = incr c; !c
end

module C1 = Counter (struct let start = 10 end)
module Ten = struct let start = 100 end
module C2 = Counter (Ten)
module C3 = Counter (Ten)

module Pair (A : ORD) (B : ORD) : ORD with type t = A.t * B.t = struct
  type t = A.t * B.t
  let compare (a1, b1) (a2, b2) = let c = A.compare a1 a2 in if c <> 0 then c else B.compare b1 b2
end

module Int = struct type t = int let compare (a : int) b = compare a b end
module Rev (O : ORD) = struct type t = O.t let compare a b = O.compare b a end
module P = Pair (Int) (Pair (Rev (Int)) (Int))

module Sorter (O : ORD) = struct
  exception Empty
  let sort l = List.sort O.compare l
  let min = function [] -> raise Empty | l -> List.hd (sort l)
end

module S = Sorter (P)
module IS = Set.Make (Int)
module SM = Map.Make (String)

(* a functor seen through a signature that hides and reorders *)
module Wrap : sig
  module Make (O : ORD) : sig val max : O.t list -> O.t end
end = struct
  module Make (O : ORD) = struct
    let unused = 0
    let max l = List.fold_left (fun m x -> if O.compare x m > 0 then x else m) (List.hd l) l
  end
end

module WM = Wrap.Make (Rev (Int))

let () =
  Printf.printf "%d %d %d %d\n" (C1.next ()) (C1.next ()) (C2.next ()) (C3.next ());
  let l = [ (1, (2, 3)); (1, (5, 0)); (0, (9, 9)); (1, (5, -1)) ] in
  List.iter (fun (a, (b, c)) -> Printf.printf "(%d,%d,%d) " a b c) (S.sort l);
  print_newline ();
  (try ignore (S.min []) with S.Empty -> print_endline "empty");
  let s = List.fold_left (fun s x -> IS.add x s) IS.empty [ 5; 3; 8; 3; 1 ] in
  Printf.printf "%s\n" (String.concat " " (List.map string_of_int (IS.elements s)));
  let m = List.fold_left (fun m (k, v) -> SM.add k v m) SM.empty [ ("b", 2); ("a", 1); ("c", 3) ] in
  SM.iter (fun k v -> Printf.printf "%s=%d " k v) m;
  print_newline ();
  Printf.printf "%d\n" (WM.max [ 4; 2; 9 ]);
  let module L = Pair (Int) (Int) in
  Printf.printf "%d\n" (L.compare (1, 2) (1, 3))
