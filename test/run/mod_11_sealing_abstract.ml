(* Modules: sealing hides a type's representation; smart constructors; abstract types in functor arguments *)
module type CURRENCY = sig
  type t
  val of_cents : int -> t
  val add : t -> t -> t
  val scale : int -> t -> t
  val to_string : t -> string
end

module Euro : CURRENCY = struct
  type t = int
  let of_cents c = c
  let add = ( + )
  let scale k c = k * c
  let pad n = if n < 10 then "0" ^ string_of_int n else string_of_int n
  let to_string c = string_of_int (c / 100) ^ "." ^ pad (c mod 100) ^ " EUR"
end

module Yen : CURRENCY = struct
  type t = int
  let of_cents c = c / 100
  let add = ( + )
  let scale k c = k * c
  let to_string c = string_of_int c ^ " JPY"
end

module Wallet (C : CURRENCY) = struct
  type t = { owner : string; mutable funds : C.t }
  let make owner = { owner; funds = C.of_cents 0 }
  let earn w amount = w.funds <- C.add w.funds amount
  let report w = w.owner ^ " has " ^ C.to_string w.funds
end

module EW = Wallet (Euro)
module YW = Wallet (Yen)

let () =
  let e = EW.make "eve" in
  EW.earn e (Euro.of_cents 1050);
  EW.earn e (Euro.scale 3 (Euro.of_cents 205));
  print_endline (EW.report e);
  let y = YW.make "yuki" in
  YW.earn y (Yen.of_cents 123456);
  YW.earn y (Yen.scale 2 (Yen.of_cents 100));
  print_endline (YW.report y);
  print_endline (Euro.to_string (Euro.of_cents 7))
