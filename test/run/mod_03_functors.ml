(* Modules: a functor applied twice to different arguments, giving independent modules *)
module type ORDERED = sig
  type t
  val compare : t -> t -> int
  val to_string : t -> string
end

module MakeSet (O : ORDERED) = struct
  type elt = O.t
  type t = elt list
  let empty : t = []
  let rec add x = function
    | [] -> [ x ]
    | y :: rest as l ->
      let c = O.compare x y in
      if c = 0 then l else if c < 0 then x :: l else y :: add x rest
  let rec mem x = function [] -> false | y :: rest -> O.compare x y = 0 || mem x rest
  let of_list l = let rec go acc = function [] -> acc | x :: r -> go (add x acc) r in go empty l
  let to_string s =
    let rec go = function [] -> "" | [ x ] -> O.to_string x | x :: r -> O.to_string x ^ ", " ^ go r in
    "{" ^ go s ^ "}"
end

module Int = struct
  type t = int
  let compare a b = compare a b
  let to_string = string_of_int
end

module RevString = struct
  type t = string
  let compare a b = compare b a
  let to_string s = "\"" ^ s ^ "\""
end

module IntSet = MakeSet (Int)
module StrSet = MakeSet (RevString)

let () =
  let a = IntSet.of_list [ 5; 1; 4; 1; 5; 9; 2; 6 ] in
  print_endline (IntSet.to_string a);
  print_endline (string_of_bool (IntSet.mem 4 a) ^ " " ^ string_of_bool (IntSet.mem 3 a));
  let s = StrSet.of_list [ "pear"; "apple"; "fig"; "apple" ] in
  print_endline (StrSet.to_string s);
  print_endline (StrSet.to_string (StrSet.add "zucchini" s));
  print_endline (IntSet.to_string IntSet.empty);
  let module S = MakeSet (struct type t = int let compare a b = compare (a mod 10) (b mod 10) let to_string = string_of_int end) in
  print_endline (S.to_string (S.of_list [ 13; 23; 5; 31; 40 ]))
