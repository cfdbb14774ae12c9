(* Modules: applicative functors: F(X).t = F(X).t, abstract types shared across applications *)
module type KEY = sig type t val to_int : t -> int end
module IntKey = struct type t = int let to_int x = x end
module StrKey = struct type t = string let to_int = String.length end

module Table (K : KEY) : sig
  type t
  val empty : t
  val add : K.t -> string -> t -> t
  val find : K.t -> t -> string
  val size : t -> int
end = struct
  type t = (int * string) list
  let empty = []
  let add k v t = (K.to_int k, v) :: t
  let rec find k = function
    | [] -> "missing"
    | (k', v) :: rest -> if k' = K.to_int k then v else find k rest
  let size t = let rec go n = function [] -> n | _ :: r -> go (n + 1) r in go 0 t
end

module T1 = Table (IntKey)
module T2 = Table (IntKey)

(* both paths name the same type, so a value made by one is accepted by the other *)
let transfer (t : Table(IntKey).t) : T2.t = T1.add 3 "three" t

let () =
  let t = T1.add 1 "one" (T1.add 2 "two" T1.empty) in
  let t' = transfer t in
  print_endline (T2.find 1 t');
  print_endline (T2.find 3 t');
  print_endline (T1.find 9 t');
  print_int (T1.size t'); print_newline ();
  let module S = Table (StrKey) in
  let s = S.(add "abc" "len3" empty) in
  print_endline (S.find "xyz" s);
  print_int (S.size s); print_newline ()
