(* Modules: include of structures and signatures, extending modules, overriding included values *)
module Base = struct
  type t = { name : string; level : int }
  let make name = { name; level = 1 }
  let describe t = t.name ^ "@" ^ string_of_int t.level
  let version = "base-1"
end

module Extended = struct
  include Base
  let promote t = { t with level = t.level + 1 }
  let version = "extended-2"
end

module type SHOWABLE = sig type t val show : t -> string end
module type SHOWABLE_EQ = sig
  include SHOWABLE
  val equal : t -> t -> bool
end

module IntShow : SHOWABLE_EQ with type t = int = struct
  type t = int
  let show n = "#" ^ string_of_int n
  let equal = ( = )
end

module WithDefaults (S : SHOWABLE) = struct
  include S
  let show_twice x = show x ^ show x
end

module Doubled = WithDefaults (IntShow)

let () =
  let u = Extended.make "ann" in
  print_endline (Extended.describe u);
  print_endline (Extended.describe (Extended.promote (Extended.promote u)));
  print_endline (Base.describe (Extended.promote u));
  print_endline (Base.version ^ " " ^ Extended.version);
  print_endline (IntShow.show 5 ^ " " ^ string_of_bool (IntShow.equal 5 5));
  print_endline (Doubled.show_twice 7);
  print_endline (Doubled.show 8)
