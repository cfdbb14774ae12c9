(* Hash tables, as OCaml 4.13's Hashtbl: the same bucket array, hash function,
   insertion at the head of a bucket and order-preserving resizing, so that
   iter/fold visit the bindings in OCaml's order.

   Differences: a bucket cell is [Cons of cell] with an ordinary mutable record
   rather than an inline record (see test/stdlib/BUGS.md #4; the type is
   abstract, so this is not observable), and [~random:true] seeds come from a
   small generator in this module since there is no [Random] here. *)

external seeded_hash_param : int -> int -> int -> 'a -> int = "caml_hash"

let hash x = seeded_hash_param 10 100 0 x
let hash_param n1 n2 x = seeded_hash_param n1 n2 0 x
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

(* The implementation. Its type [t] is made abstract by the [include] below
   rather than by a hashtbl.mli, because mlc cannot yet check a functor
   against a functor specification (test/stdlib/BUGS.md #7). *)
module Impl = struct

  type ('a, 'b) t =
    { mutable size: int;                        (* number of bindings *)
      mutable data: ('a, 'b) bucketlist array;  (* the buckets *)
      mutable seed: int;                        (* for randomization *)
      mutable initial_size: int;                (* initial array size; negative
                                                   while a traversal is ongoing *)
    }

  and ('a, 'b) bucketlist =
      Empty
    | Cons of ('a, 'b) cell

  and ('a, 'b) cell =
    { mutable key: 'a;
      mutable value: 'b;
      mutable next: ('a, 'b) bucketlist }

  let max_array_length = (1 lsl 54) - 1

  let ongoing_traversal h = h.initial_size < 0

  let flip_ongoing_traversal h = h.initial_size <- - h.initial_size

  (* Random seeds *)

  let randomized = ref false

  let randomize () = randomized := true
  let is_randomized () = !randomized

  let seed_state = ref 0x2545F491

  let next_seed () =
    seed_state := (!seed_state * 1103515245 + 12345) land 0x3FFFFFFF;
    !seed_state

  (* Creating a fresh, empty table *)

  let rec power_2_above x n =
    if x >= n then x
    else if x * 2 > max_array_length then x
    else power_2_above (x * 2) n

  let create ?(random = !randomized) initial_size =
    let s = power_2_above 16 initial_size in
    let seed = if random then next_seed () else 0 in
    { initial_size = s; size = 0; seed = seed; data = Array.make s Empty }

  let clear h =
    if h.size > 0 then begin
      h.size <- 0;
      Array.fill h.data 0 (Array.length h.data) Empty
    end

  let reset h =
    let len = Array.length h.data in
    if len = abs h.initial_size then
      clear h
    else begin
      h.size <- 0;
      h.data <- Array.make (abs h.initial_size) Empty
    end

  let copy_bucketlist = function
    | Empty -> Empty
    | Cons first ->
        let rec loop prec = function
          | Empty -> ()
          | Cons c ->
              let r = { key = c.key; value = c.value; next = c.next } in
              prec.next <- Cons r;
              loop r c.next
        in
        let r = { key = first.key; value = first.value; next = first.next } in
        loop r first.next;
        Cons r

  let copy h =
    { size = h.size; data = Array.map copy_bucketlist h.data;
      seed = h.seed; initial_size = h.initial_size }

  let length h = h.size

  (* Moves every binding of [odata] into [ndata], keeping the relative order of
     the bindings that land in the same bucket (reusing the cells if [inplace]). *)
  let insert_all_buckets indexfun inplace odata ndata =
    let nsize = Array.length ndata in
    let ndata_tail = Array.make nsize Empty in
    let rec insert_bucket = function
      | Empty -> ()
      | Cons c as cell ->
          let next = c.next in
          let cell =
            if inplace then cell
            else Cons { key = c.key; value = c.value; next = Empty }
          in
          let nidx = indexfun c.key in
          begin match ndata_tail.(nidx) with
          | Empty -> ndata.(nidx) <- cell
          | Cons tail -> tail.next <- cell
          end;
          ndata_tail.(nidx) <- cell;
          insert_bucket next
    in
    for i = 0 to Array.length odata - 1 do
      insert_bucket odata.(i)
    done;
    if inplace then
      for i = 0 to nsize - 1 do
        match ndata_tail.(i) with
        | Empty -> ()
        | Cons tail -> tail.next <- Empty
      done

  let resize indexfun h =
    let odata = h.data in
    let osize = Array.length odata in
    let nsize = osize * 2 in
    if nsize < max_array_length then begin
      let ndata = Array.make nsize Empty in
      let inplace = not (ongoing_traversal h) in
      h.data <- ndata;          (* so that indexfun sees the new bucket count *)
      insert_all_buckets (indexfun h) inplace odata ndata
    end

  let iter f h =
    let rec do_bucket = function
      | Empty -> ()
      | Cons c -> f c.key c.value; do_bucket c.next
    in
    let old_trav = ongoing_traversal h in
    if not old_trav then flip_ongoing_traversal h;
    try
      let d = h.data in
      for i = 0 to Array.length d - 1 do
        do_bucket d.(i)
      done;
      if not old_trav then flip_ongoing_traversal h
    with exn when not old_trav ->
      flip_ongoing_traversal h;
      raise exn

  let rec filter_map_inplace_bucket f h i prec = function
    | Empty ->
        begin match prec with
        | Empty -> h.data.(i) <- Empty
        | Cons c -> c.next <- Empty
        end
    | Cons c as slot ->
        begin match f c.key c.value with
        | None ->
            h.size <- h.size - 1;
            filter_map_inplace_bucket f h i prec c.next
        | Some data ->
            begin match prec with
            | Empty -> h.data.(i) <- slot
            | Cons p -> p.next <- slot
            end;
            c.value <- data;
            filter_map_inplace_bucket f h i slot c.next
        end

  let filter_map_inplace f h =
    let d = h.data in
    let old_trav = ongoing_traversal h in
    if not old_trav then flip_ongoing_traversal h;
    try
      for i = 0 to Array.length d - 1 do
        filter_map_inplace_bucket f h i Empty h.data.(i)
      done;
      if not old_trav then flip_ongoing_traversal h
    with exn when not old_trav ->
      flip_ongoing_traversal h;
      raise exn

  let fold f h init =
    let rec do_bucket b accu =
      match b with
      | Empty -> accu
      | Cons c -> do_bucket c.next (f c.key c.value accu)
    in
    let old_trav = ongoing_traversal h in
    if not old_trav then flip_ongoing_traversal h;
    try
      let d = h.data in
      let accu = ref init in
      for i = 0 to Array.length d - 1 do
        accu := do_bucket d.(i) !accu
      done;
      if not old_trav then flip_ongoing_traversal h;
      !accu
    with exn when not old_trav ->
      flip_ongoing_traversal h;
      raise exn

  let rec bucket_length accu = function
    | Empty -> accu
    | Cons c -> bucket_length (accu + 1) c.next

  let stats h =
    let mbl =
      Array.fold_left (fun m b -> max m (bucket_length 0 b)) 0 h.data in
    let histo = Array.make (mbl + 1) 0 in
    Array.iter
      (fun b ->
        let l = bucket_length 0 b in
        histo.(l) <- histo.(l) + 1)
      h.data;
    { num_bindings = h.size;
      num_buckets = Array.length h.data;
      max_bucket_length = mbl;
      bucket_histogram = histo }

  (* Iterators *)

  let to_seq tbl =
    (* state: index * next bucket to traverse *)
    let rec aux i buck () = match buck with
      | Empty ->
          if i = Array.length tbl.data
          then Seq.Nil
          else aux (i + 1) tbl.data.(i) ()
      | Cons c ->
          Seq.Cons ((c.key, c.value), aux i c.next)
    in
    aux 0 Empty

  let to_seq_keys m = Seq.map fst (to_seq m)

  let to_seq_values m = Seq.map snd (to_seq m)

  (* The generic table: structural equality ([compare = 0]) and [seeded_hash]. *)

  let key_index h key =
    (seeded_hash_param 10 100 h.seed key) land (Array.length h.data - 1)

  let add h key data =
    let i = key_index h key in
    let bucket = Cons { key; value = data; next = h.data.(i) } in
    h.data.(i) <- bucket;
    h.size <- h.size + 1;
    if h.size > Array.length h.data lsl 1 then resize key_index h

  let rec remove_bucket h i key prec = function
    | Empty -> ()
    | Cons c as cell ->
        if compare c.key key = 0
        then begin
          h.size <- h.size - 1;
          match prec with
          | Empty -> h.data.(i) <- c.next
          | Cons p -> p.next <- c.next
        end
        else remove_bucket h i key cell c.next

  let remove h key =
    let i = key_index h key in
    remove_bucket h i key Empty h.data.(i)

  let rec find_rec key = function
    | Empty -> raise Not_found
    | Cons c -> if compare key c.key = 0 then c.value else find_rec key c.next

  let find h key = find_rec key h.data.(key_index h key)

  let rec find_rec_opt key = function
    | Empty -> None
    | Cons c ->
        if compare key c.key = 0 then Some c.value else find_rec_opt key c.next

  let find_opt h key = find_rec_opt key h.data.(key_index h key)

  let find_all h key =
    let rec find_in_bucket = function
      | Empty -> []
      | Cons c ->
          if compare c.key key = 0
          then c.value :: find_in_bucket c.next
          else find_in_bucket c.next
    in
    find_in_bucket h.data.(key_index h key)

  let rec replace_bucket key data = function
    | Empty -> true
    | Cons c ->
        if compare c.key key = 0
        then (c.key <- key; c.value <- data; false)
        else replace_bucket key data c.next

  let replace h key data =
    let i = key_index h key in
    let l = h.data.(i) in
    if replace_bucket key data l then begin
      h.data.(i) <- Cons { key; value = data; next = l };
      h.size <- h.size + 1;
      if h.size > Array.length h.data lsl 1 then resize key_index h
    end

  let mem h key =
    let rec mem_in_bucket = function
      | Empty -> false
      | Cons c -> compare c.key key = 0 || mem_in_bucket c.next
    in
    mem_in_bucket h.data.(key_index h key)

  let add_seq tbl i = Seq.iter (fun (k, v) -> add tbl k v) i

  let replace_seq tbl i = Seq.iter (fun (k, v) -> replace tbl k v) i

  let of_seq i =
    let tbl = create 16 in
    replace_seq tbl i;
    tbl

  let rebuild ?(random = !randomized) h =
    let s = power_2_above 16 (Array.length h.data) in
    let seed = if random then next_seed () else h.seed in
    let init_size = if ongoing_traversal h then - s else s in
    let h' = { size = h.size; data = Array.make s Empty;
               seed = seed; initial_size = init_size } in
    insert_all_buckets (key_index h') false h.data h'.data;
    h'

end

include (Impl : sig
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

(* The operations that depend on the hash and the equality, written once for
   the generic table and the functors. *)
module MakeSeeded (H : SeededHashedType) : (SeededS with type key = H.t) =
  struct
    open Impl
    type key = H.t
    type 'a hashtbl = (key, 'a) t
    type 'a t = 'a hashtbl
    let create = create
    let clear = clear
    let reset = reset
    let copy = copy

    let key_index h key =
      (H.hash h.seed key) land (Array.length h.data - 1)

    let add h key data =
      let i = key_index h key in
      let bucket = Cons { key; value = data; next = h.data.(i) } in
      h.data.(i) <- bucket;
      h.size <- h.size + 1;
      if h.size > Array.length h.data lsl 1 then resize key_index h

    let rec remove_bucket h i key prec = function
      | Empty -> ()
      | Cons c as cell ->
          if H.equal c.key key
          then begin
            h.size <- h.size - 1;
            match prec with
            | Empty -> h.data.(i) <- c.next
            | Cons p -> p.next <- c.next
          end
          else remove_bucket h i key cell c.next

    let remove h key =
      let i = key_index h key in
      remove_bucket h i key Empty h.data.(i)

    let rec find_rec key = function
      | Empty -> raise Not_found
      | Cons c -> if H.equal key c.key then c.value else find_rec key c.next

    let find h key = find_rec key h.data.(key_index h key)

    let rec find_rec_opt key = function
      | Empty -> None
      | Cons c ->
          if H.equal key c.key then Some c.value else find_rec_opt key c.next

    let find_opt h key = find_rec_opt key h.data.(key_index h key)

    let find_all h key =
      let rec find_in_bucket = function
        | Empty -> []
        | Cons c ->
            if H.equal c.key key
            then c.value :: find_in_bucket c.next
            else find_in_bucket c.next
      in
      find_in_bucket h.data.(key_index h key)

    let rec replace_bucket key data = function
      | Empty -> true
      | Cons c ->
          if H.equal c.key key
          then (c.key <- key; c.value <- data; false)
          else replace_bucket key data c.next

    let replace h key data =
      let i = key_index h key in
      let l = h.data.(i) in
      if replace_bucket key data l then begin
        h.data.(i) <- Cons { key; value = data; next = l };
        h.size <- h.size + 1;
        if h.size > Array.length h.data lsl 1 then resize key_index h
      end

    let mem h key =
      let rec mem_in_bucket = function
        | Empty -> false
        | Cons c -> H.equal c.key key || mem_in_bucket c.next
      in
      mem_in_bucket h.data.(key_index h key)

    let add_seq tbl i = Seq.iter (fun (k, v) -> add tbl k v) i

    let replace_seq tbl i = Seq.iter (fun (k, v) -> replace tbl k v) i

    let of_seq i =
      let tbl = create 16 in
      replace_seq tbl i;
      tbl

    let iter = iter
    let filter_map_inplace = filter_map_inplace
    let fold = fold
    let length = length
    let stats = stats
    let to_seq = to_seq
    let to_seq_keys = to_seq_keys
    let to_seq_values = to_seq_values
  end

module Make (H : HashedType) : (S with type key = H.t) =
  struct
    (* OCaml writes [include MakeSeeded (...)]; mlc's lowering then takes the
       included [create] for a module (test/stdlib/BUGS.md #8). *)
    module MS = MakeSeeded (struct
        type t = H.t
        let equal = H.equal
        let hash (_seed : int) x = H.hash x
      end)
    include MS
    let create sz = MS.create ~random:false sz
  end
