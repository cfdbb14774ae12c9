module Id : sig
  type t
  val make : int -> t
end = struct
  type t = int
  let make n = n
end

let () = print_int (Id.make 3 + 1)
