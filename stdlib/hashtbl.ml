(* Hashtbl: mutable hash tables with OCaml 4.13's Hashtbl interface (without
   Random: a [~random:true] seed comes from a small generator below).

   What a program can observe is OCaml's: the same hash function and bucket
   index, new bindings pushed on the front of their bucket, the same growth
   rule (double the buckets once there are more than two bindings per bucket)
   and a resize that keeps each bucket's order. Hence iter, fold and to_seq
   visit bindings in the order OCaml does.

   The table code is written once, in [Core], over an [index] function (which
   bucket a key goes to) and an equality; the generic table instantiates it
   with the polymorphic hash and [compare = 0], the functors with theirs. *)

external seeded_hash_param : int -> int -> int -> 'a -> int = "caml_hash"

(* 10 meaningful values out of at most 100 examined: OCaml's defaults. *)
let hash x = seeded_hash_param 10 100 0 x
let hash_param meaningful total x = seeded_hash_param meaningful total 0 x
let seeded_hash seed x = seeded_hash_param 10 100 seed x

type statistics = {
  num_bindings: int;
  num_buckets: int;
  max_bucket_length: int;
  bucket_histogram: int array
}

module type HashedType =
  sig
    type t
    val equal: t -> t -> bool
    val hash: t -> int
  end

module type SeededHashedType =
  sig
    type t
    val equal: t -> t -> bool
    val hash: int -> t -> int
  end

module type S =
  sig
    type key
    type 'a t
    val create: int -> 'a t
    val clear : 'a t -> unit
    val reset : 'a t -> unit
    val copy : 'a t -> 'a t
    val add : 'a t -> key -> 'a -> unit
    val remove : 'a t -> key -> unit
    val find : 'a t -> key -> 'a
    val find_opt : 'a t -> key -> 'a option
    val find_all : 'a t -> key -> 'a list
    val replace : 'a t -> key -> 'a -> unit
    val mem : 'a t -> key -> bool
    val iter : (key -> 'a -> unit) -> 'a t -> unit
    val filter_map_inplace: (key -> 'a -> 'a option) -> 'a t -> unit
    val fold : (key -> 'a -> 'b -> 'b) -> 'a t -> 'b -> 'b
    val length : 'a t -> int
    val stats: 'a t -> statistics
    val to_seq : 'a t -> (key * 'a) Seq.t
    val to_seq_keys : _ t -> key Seq.t
    val to_seq_values : 'a t -> 'a Seq.t
    val add_seq : 'a t -> (key * 'a) Seq.t -> unit
    val replace_seq : 'a t -> (key * 'a) Seq.t -> unit
    val of_seq : (key * 'a) Seq.t -> 'a t
  end

module type SeededS =
  sig
    type key
    type 'a t
    val create : ?random:bool -> int -> 'a t
    val clear : 'a t -> unit
    val reset : 'a t -> unit
    val copy : 'a t -> 'a t
    val add : 'a t -> key -> 'a -> unit
    val remove : 'a t -> key -> unit
    val find : 'a t -> key -> 'a
    val find_opt : 'a t -> key -> 'a option
    val find_all : 'a t -> key -> 'a list
    val replace : 'a t -> key -> 'a -> unit
    val mem : 'a t -> key -> bool
    val iter : (key -> 'a -> unit) -> 'a t -> unit
    val filter_map_inplace: (key -> 'a -> 'a option) -> 'a t -> unit
    val fold : (key -> 'a -> 'b -> 'b) -> 'a t -> 'b -> 'b
    val length : 'a t -> int
    val stats: 'a t -> statistics
    val to_seq : 'a t -> (key * 'a) Seq.t
    val to_seq_keys : _ t -> key Seq.t
    val to_seq_values : 'a t -> 'a Seq.t
    val add_seq : 'a t -> (key * 'a) Seq.t -> unit
    val replace_seq : 'a t -> (key * 'a) Seq.t -> unit
    val of_seq : (key * 'a) Seq.t -> 'a t
  end

(* [t] is kept abstract by the signature on the [include] below rather than
   by a hashtbl.mli, which mlc cannot yet check against the functors
   (test/stdlib/BUGS.md #7). *)
module Core = struct

  (* A bucket is a chain of mutable cells, so that removal and an in-place
     resize can relink it. (A plain record rather than an inline one:
     test/stdlib/BUGS.md #4.) *)
  type ('k, 'v) bucket = Nil | Link of ('k, 'v) cell
  and ('k, 'v) cell =
    { mutable key : 'k; mutable value : 'v; mutable next : ('k, 'v) bucket }

  type ('k, 'v) t = {
    mutable size : int;
    mutable data : ('k, 'v) bucket array;  (* length a power of 2 *)
    mutable seed : int;
    (* The bucket count [reset] returns to. Stored negated while an iter,
       fold or filter_map_inplace is running, so that a resize meanwhile
       copies cells instead of relinking the ones being walked. *)
    mutable initial_size : int;
  }

  let max_buckets = (1 lsl 54) - 1

  let walking h = h.initial_size < 0
  let toggle_walking h = h.initial_size <- - h.initial_size

  (* Runs [body] with the walking mark set, clearing it again however [body]
     ends, unless an enclosing walk owns the mark. *)
  let walk h body =
    if walking h then body ()
    else begin
      toggle_walking h;
      match body () with
      | r -> toggle_walking h; r
      | exception e -> toggle_walking h; raise e
    end

  let randomized = ref false
  let randomize () = randomized := true
  let is_randomized () = !randomized

  (* A linear congruential generator: seeds only need to differ. *)
  let last_seed = ref 0x2545F491
  let fresh_seed () =
    last_seed := (!last_seed * 1103515245 + 12345) land 0x3FFFFFFF;
    !last_seed

  let bucket_count n =
    let rec grow k = if k >= n || k * 2 > max_buckets then k else grow (k * 2) in
    grow 16

  let create ?(random = !randomized) n =
    let k = bucket_count n in
    { size = 0; data = Array.make k Nil;
      seed = (if random then fresh_seed () else 0); initial_size = k }

  let clear h =
    if h.size > 0 then begin
      h.size <- 0;
      Array.fill h.data 0 (Array.length h.data) Nil
    end

  let reset h =
    let k = abs h.initial_size in
    if Array.length h.data = k then clear h
    else begin h.size <- 0; h.data <- Array.make k Nil end

  let rec copy_bucket = function
    | Nil -> Nil
    | Link c -> Link { c with next = copy_bucket c.next }

  let copy h = { h with data = Array.map copy_bucket h.data }

  let length h = h.size

  (* Deals the cells of [src] out to the buckets of [dst], each appended at
     the end of its new bucket so that bindings of one key stay in order.
     With [reuse] the cells are relinked, otherwise copied. *)
  let redistribute index_of reuse src dst =
    let last = Array.make (Array.length dst) Nil in
    let rec deal = function
      | Nil -> ()
      | Link c as b ->
        let rest = c.next in
        let b = if reuse then b else Link { c with next = Nil } in
        let i = index_of c.key in
        (match last.(i) with Nil -> dst.(i) <- b | Link p -> p.next <- b);
        last.(i) <- b;
        deal rest in
    Array.iter deal src;
    if reuse then
      Array.iter (function Link p -> p.next <- Nil | Nil -> ()) last

  let grow index h =
    let old = h.data in
    let k = 2 * Array.length old in
    if k < max_buckets then begin
      h.data <- Array.make k Nil;
      redistribute (index h) (not (walking h)) old h.data
    end

  let iter (f : 'a -> 'b -> unit) h =
    let rec visit = function Nil -> () | Link c -> f c.key c.value; visit c.next in
    walk h (fun () -> Array.iter visit h.data)

  let fold f h init =
    let rec visit acc = function Nil -> acc | Link c -> visit (f c.key c.value acc) c.next in
    walk h (fun () -> Array.fold_left visit init h.data)

  let filter_map_inplace f h =
    (* [prev] is the last kept cell of bucket [i], Nil while there is none. *)
    let rec keep i prev = function
      | Nil -> (match prev with Nil -> h.data.(i) <- Nil | Link p -> p.next <- Nil)
      | Link c as b ->
        match f c.key c.value with
        | None -> h.size <- h.size - 1; keep i prev c.next
        | Some v ->
          (match prev with Nil -> h.data.(i) <- b | Link p -> p.next <- b);
          c.value <- v;
          keep i b c.next in
    walk h (fun () -> Array.iteri (fun i b -> keep i Nil b) h.data)

  let rec chain_length n = function Nil -> n | Link c -> chain_length (n + 1) c.next

  let stats h =
    let longest = Array.fold_left (fun m b -> max m (chain_length 0 b)) 0 h.data in
    let histogram = Array.make (longest + 1) 0 in
    Array.iter (fun b -> let n = chain_length 0 b in histogram.(n) <- histogram.(n) + 1) h.data;
    { num_bindings = h.size; num_buckets = Array.length h.data;
      max_bucket_length = longest; bucket_histogram = histogram }

  (* Lazy: reads [h.data] as it goes, like OCaml's. *)
  let to_seq h =
    let rec from i b () =
      match b with
      | Link c -> Seq.Cons ((c.key, c.value), from i c.next)
      | Nil -> if i = Array.length h.data then Seq.Nil else from (i + 1) h.data.(i) () in
    from 0 Nil

  let to_seq_keys h = Seq.map fst (to_seq h)
  let to_seq_values h = Seq.map snd (to_seq h)

  (* The key-dependent operations. [index h k] is k's bucket in [h]. *)

  let rec cell_of eq k = function
    | Nil -> None
    | Link c -> if eq c.key k then Some c else cell_of eq k c.next

  let push index h k v =
    let i = index h k in
    h.data.(i) <- Link { key = k; value = v; next = h.data.(i) };
    h.size <- h.size + 1;
    if h.size > 2 * Array.length h.data then grow index h

  let add index _eq h k v = push index h k v

  let remove index eq h k =
    let i = index h k in
    let rec unlink prev = function
      | Nil -> ()
      | Link c as b ->
        if eq c.key k then begin
          h.size <- h.size - 1;
          match prev with Nil -> h.data.(i) <- c.next | Link p -> p.next <- c.next
        end
        else unlink b c.next in
    unlink Nil h.data.(i)

  let find_opt index eq h k =
    match cell_of eq k h.data.(index h k) with Some c -> Some c.value | None -> None

  let find index eq h k =
    match cell_of eq k h.data.(index h k) with Some c -> c.value | None -> raise Not_found

  let mem index eq h k =
    match cell_of eq k h.data.(index h k) with Some _ -> true | None -> false

  let find_all index eq h k =
    let rec all = function
      | Nil -> []
      | Link c -> if eq c.key k then c.value :: all c.next else all c.next in
    all h.data.(index h k)

  let replace index eq h k v =
    match cell_of eq k h.data.(index h k) with
    | Some c -> c.key <- k; c.value <- v
    | None -> push index h k v

  let add_seq index eq h s = Seq.iter (fun (k, v) -> add index eq h k v) s
  let replace_seq index eq h s = Seq.iter (fun (k, v) -> replace index eq h k v) s

  (* The generic table's hash and equality. *)
  let poly_index h k = seeded_hash_param 10 100 h.seed k land (Array.length h.data - 1)
  let poly_eq a b = compare a b = 0

  let rebuild ?(random = !randomized) h =
    let k = bucket_count (Array.length h.data) in
    let h' = { size = h.size; data = Array.make k Nil;
               seed = (if random then fresh_seed () else h.seed);
               initial_size = (if walking h then - k else k) } in
    redistribute (poly_index h') false h.data h'.data;
    h'
end

module Generic = struct
  include Core
  let add h k v = add poly_index poly_eq h k v
  let remove h k = remove poly_index poly_eq h k
  let find h k = find poly_index poly_eq h k
  let find_opt h k = find_opt poly_index poly_eq h k
  let find_all h k = find_all poly_index poly_eq h k
  let replace h k v = replace poly_index poly_eq h k v
  let mem h k = mem poly_index poly_eq h k
  let add_seq h s = add_seq poly_index poly_eq h s
  let replace_seq h s = replace_seq poly_index poly_eq h s
  let of_seq s = let h = create 16 in replace_seq h s; h
end

include (Generic : sig
  type ('a, 'b) t

  val create : ?random:bool -> int -> ('a, 'b) t
  val clear : ('a, 'b) t -> unit
  val reset : ('a, 'b) t -> unit
  val copy : ('a, 'b) t -> ('a, 'b) t
  val add : ('a, 'b) t -> 'a -> 'b -> unit
  val find : ('a, 'b) t -> 'a -> 'b
  val find_opt : ('a, 'b) t -> 'a -> 'b option
  val find_all : ('a, 'b) t -> 'a -> 'b list
  val mem : ('a, 'b) t -> 'a -> bool
  val remove : ('a, 'b) t -> 'a -> unit
  val replace : ('a, 'b) t -> 'a -> 'b -> unit
  val iter : ('a -> 'b -> unit) -> ('a, 'b) t -> unit
  val filter_map_inplace : ('a -> 'b -> 'b option) -> ('a, 'b) t -> unit
  val fold : ('a -> 'b -> 'c -> 'c) -> ('a, 'b) t -> 'c -> 'c
  val length : ('a, 'b) t -> int
  val randomize : unit -> unit
  val is_randomized : unit -> bool
  val rebuild : ?random:bool -> ('a, 'b) t -> ('a, 'b) t
  val stats : ('a, 'b) t -> statistics
  val to_seq : ('a, 'b) t -> ('a * 'b) Seq.t
  val to_seq_keys : ('a, _) t -> 'a Seq.t
  val to_seq_values : (_, 'b) t -> 'b Seq.t
  val add_seq : ('a, 'b) t -> ('a * 'b) Seq.t -> unit
  val replace_seq : ('a, 'b) t -> ('a * 'b) Seq.t -> unit
  val of_seq : ('a * 'b) Seq.t -> ('a, 'b) t
end)

module MakeSeeded (H : SeededHashedType) : (SeededS with type key = H.t) =
  struct
    type key = H.t
    type 'a t = (key, 'a) Core.t
    let index h k = H.hash h.Core.seed k land (Array.length h.Core.data - 1)
    let eq = H.equal
    let create = Core.create
    let clear = Core.clear
    let reset = Core.reset
    let copy = Core.copy
    let add h k v = Core.add index eq h k v
    let remove h k = Core.remove index eq h k
    let find h k = Core.find index eq h k
    let find_opt h k = Core.find_opt index eq h k
    let find_all h k = Core.find_all index eq h k
    let replace h k v = Core.replace index eq h k v
    let mem h k = Core.mem index eq h k
    let iter = Core.iter
    let filter_map_inplace = Core.filter_map_inplace
    let fold = Core.fold
    let length = Core.length
    let stats = Core.stats
    let to_seq = Core.to_seq
    let to_seq_keys = Core.to_seq_keys
    let to_seq_values = Core.to_seq_values
    let add_seq h s = Core.add_seq index eq h s
    let replace_seq h s = Core.replace_seq index eq h s
    let of_seq s = let h = create 16 in replace_seq h s; h
  end

module Make (H : HashedType) : (S with type key = H.t) =
  struct
    (* Not [include MakeSeeded (...)]: mlc would take the included [create]
       for a module (test/stdlib/BUGS.md #8). *)
    module Seeded = MakeSeeded (struct
        type t = H.t
        let equal = H.equal
        let hash (_ : int) x = H.hash x
      end)
    include Seeded
    let create n = Seeded.create ~random:false n
  end
