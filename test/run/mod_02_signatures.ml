(* Modules: signatures, sealing with : SIG, hidden values, abstract types enforcing invariants *)
module type STACK = sig
  type 'a t
  val empty : 'a t
  val push : 'a -> 'a t -> 'a t
  val pop : 'a t -> ('a * 'a t) option
  val size : 'a t -> int
end

module ListStack : STACK = struct
  type 'a t = 'a list
  let empty = []
  let push x s = x :: s
  let pop = function [] -> None | x :: rest -> Some (x, rest)
  let size s = let rec go n = function [] -> n | _ :: r -> go (n + 1) r in go 0 s
end

module type POSITIVE = sig
  type t
  val make : int -> t option
  val add : t -> t -> t
  val to_int : t -> int
end

module Positive : POSITIVE = struct
  type t = int
  let make n = if n > 0 then Some n else None
  let add a b = a + b
  let to_int n = n
  let _secret = 42
end

module Hidden : sig val visible : int -> int end = struct
  let helper x = x * 3
  let visible x = helper x + 1
end

let () =
  let s = ListStack.push 3 (ListStack.push 2 (ListStack.push 1 ListStack.empty)) in
  print_int (ListStack.size s); print_newline ();
  (match ListStack.pop s with
   | Some (x, rest) -> print_endline (string_of_int x ^ " then size " ^ string_of_int (ListStack.size rest))
   | None -> print_endline "empty");
  let names = ListStack.push "b" (ListStack.push "a" ListStack.empty) in
  (match ListStack.pop names with Some (x, _) -> print_endline x | None -> ());
  (match Positive.make 5, Positive.make 7 with
   | Some a, Some b -> print_int (Positive.to_int (Positive.add a b)); print_newline ()
   | _ -> print_endline "invalid");
  (match Positive.make (-1) with None -> print_endline "rejected -1" | Some _ -> print_endline "accepted");
  print_int (Hidden.visible 10); print_newline ()
