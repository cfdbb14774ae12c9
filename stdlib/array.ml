(* Array: mutable fixed-length vectors, with OCaml 4.13's Array interface
   (without the Seq conversions and Floatarray).

   Functions that build an array from a function call it on index 0 first
   and create the array with that value, then fill the rest in order, as
   OCaml does: there is no other value to create it with.

   The two sorts are OCaml's algorithms, because their results can be seen:
   [sort] is not stable, so which of two equal elements comes first depends
   on the exact sequence of moves, and both make the same calls to the
   comparison function as OCaml's. *)

type 'a t = 'a array

external length : 'a array -> int = "%array_length"
external get: 'a array -> int -> 'a = "%array_safe_get"
external set: 'a array -> int -> 'a -> unit = "%array_safe_set"
external unsafe_get: 'a array -> int -> 'a = "%array_unsafe_get"
external unsafe_set: 'a array -> int -> 'a -> unit = "%array_unsafe_set"
external make: int -> 'a -> 'a array = "caml_make_vect"
external create: int -> 'a -> 'a array = "caml_make_vect"
external unsafe_sub : 'a array -> int -> int -> 'a array = "caml_array_sub"
external append_prim : 'a array -> 'a array -> 'a array = "caml_array_append"
external unsafe_blit :
  'a array -> int -> 'a array -> int -> int -> unit = "caml_array_blit"
external unsafe_fill :
  'a array -> int -> int -> 'a -> unit = "caml_array_fill"

let create_float n = make n 0.0
let make_float = create_float

(* [ofs, ofs + n) lies inside an array of length [len]; no sum can overflow. *)
let valid_range len ofs n = ofs >= 0 && n >= 0 && ofs <= len - n

(* [init] without the check on [n]. *)
let build n f =
  if n <= 0 then [||]
  else begin
    let r = create n (f 0) in
    for i = 1 to n - 1 do unsafe_set r i (f i) done;
    r
  end

let init n f = if n < 0 then invalid_arg "Array.init" else build n f

(* The rows are distinct arrays; an empty placeholder fills the outer one
   until they exist. *)
let make_matrix rows cols x =
  let m = create rows [||] in
  for i = 0 to rows - 1 do unsafe_set m i (create cols x) done;
  m

let create_matrix = make_matrix

let copy a = if length a = 0 then [||] else unsafe_sub a 0 (length a)

let append a b = if length a = 0 then copy b else append_prim a b

(* The first element of the first non-empty array serves to create the
   result, then each array is copied in at its place. *)
let concat arrays =
  let total = List.fold_left (fun n a -> n + length a) 0 arrays in
  match List.find_opt (fun a -> length a > 0) arrays with
  | None -> [||]
  | Some first ->
      let r = create total (unsafe_get first 0) in
      let place pos a = unsafe_blit a 0 r pos (length a); pos + length a in
      ignore (List.fold_left place 0 arrays);
      r

let sub a ofs n =
  if valid_range (length a) ofs n then unsafe_sub a ofs n else invalid_arg "Array.sub"

let fill a ofs n x =
  if valid_range (length a) ofs n then unsafe_fill a ofs n x else invalid_arg "Array.fill"

let blit src so dst d n =
  if valid_range (length src) so n && valid_range (length dst) d n
  then unsafe_blit src so dst d n
  else invalid_arg "Array.blit"

let iteri (f : int -> 'a -> unit) a = for i = 0 to length a - 1 do f i (unsafe_get a i) done
let iter (f : 'a -> unit) a = for i = 0 to length a - 1 do f (unsafe_get a i) done

let mapi f a = build (length a) (fun i -> f i (unsafe_get a i))
let map f a = build (length a) (fun i -> f (unsafe_get a i))

(* The functions over two arrays check the lengths first, with their own
   messages. *)
let same_length a b msg = if length a <> length b then invalid_arg msg

let iter2 (f : 'a -> 'b -> unit) a b =
  same_length a b "Array.iter2: arrays must have the same length";
  for i = 0 to length a - 1 do f (unsafe_get a i) (unsafe_get b i) done

let map2 f a b =
  same_length a b "Array.map2: arrays must have the same length";
  build (length a) (fun i -> f (unsafe_get a i) (unsafe_get b i))

let combine a b =
  same_length a b "Array.combine";
  build (length a) (fun i -> (unsafe_get a i, unsafe_get b i))

let split pairs =
  let n = length pairs in
  (build n (fun i -> fst (unsafe_get pairs i)), build n (fun i -> snd (unsafe_get pairs i)))

let fold_left f acc a =
  let acc = ref acc in
  for i = 0 to length a - 1 do acc := f !acc (unsafe_get a i) done;
  !acc

let fold_right f a acc =
  let acc = ref acc in
  for i = length a - 1 downto 0 do acc := f (unsafe_get a i) !acc done;
  !acc

let fold_left_map f acc a =
  let acc = ref acc in
  let r = build (length a) (fun i ->
    let (acc', y) = f !acc (unsafe_get a i) in
    acc := acc'; y) in
  (!acc, r)

(* The index of the first element satisfying [p], or -1; [p] is not called
   past it. *)
let first_index p a =
  let n = length a in
  let rec scan i = if i = n then -1 else if p (unsafe_get a i) then i else scan (i + 1) in
  scan 0

let exists p a = first_index p a >= 0
let for_all p a = first_index (fun x -> not (p x)) a < 0
let mem x a = exists (fun y -> compare y x = 0) a
let memq x a = exists (fun y -> x == y) a

let find_opt p a =
  match first_index p a with -1 -> None | i -> Some (unsafe_get a i)

let find_map f a =
  let n = length a in
  let rec scan i =
    if i = n then None
    else match f (unsafe_get a i) with None -> scan (i + 1) | found -> found in
  scan 0

(* As [first_index], over two arrays of the same length (checked first). *)
let first_index2 msg p a b =
  same_length a b msg;
  let n = length a in
  let rec scan i =
    if i = n then -1 else if p (unsafe_get a i) (unsafe_get b i) then i else scan (i + 1) in
  scan 0

let exists2 p a b = first_index2 "Array.exists2" p a b >= 0
let for_all2 p a b = first_index2 "Array.for_all2" (fun x y -> not (p x y)) a b < 0

let to_list a =
  let rec collect i acc = if i < 0 then acc else collect (i - 1) (unsafe_get a i :: acc) in
  collect (length a - 1) []

(* From a list, in its order or reversed: the head creates the array. *)
let of_list_at place = function
  | [] -> [||]
  | x :: _ as l ->
      let n = List.length l in
      let a = create n x in
      List.iteri (fun i y -> unsafe_set a (place n i) y) l;
      a

let of_list l = of_list_at (fun _ i -> i) l
let of_rev_list l = of_list_at (fun n i -> n - 1 - i) l

(* Heap sort over a ternary max-heap (the children of [i] are at 3i+1, 3i+2
   and 3i+3), in place. After the heap is built, each step takes the root
   out by sinking the hole it leaves straight down to a leaf, along the
   larger children, and then lets the displaced last element climb back up
   from there: fewer comparisons than sifting it down from the top. *)
let sort cmp a =
  let get i = unsafe_get a i and put i x = unsafe_set a i x in
  (* The largest child of [i] within [0, n), or -1 for a leaf; on ties the
     leftmost. *)
  let largest_child n i =
    let c = 3 * i + 1 in
    if c + 2 < n then
      let m = if cmp (get c) (get (c + 1)) < 0 then c + 1 else c in
      if cmp (get m) (get (c + 2)) < 0 then c + 2 else m
    else if c + 1 < n && cmp (get c) (get (c + 1)) < 0 then c + 1
    else if c < n then c
    else -1 in
  (* [x] goes into the hole at [i], or below it while a child is larger. *)
  let rec sift_down n i x =
    let j = largest_child n i in
    if j >= 0 && cmp (get j) x > 0 then (put i (get j); sift_down n j x)
    else put i x in
  let rec hole_to_leaf n i =
    let j = largest_child n i in
    if j < 0 then i else (put i (get j); hole_to_leaf n j) in
  (* [x] goes into the hole at [i > 0], or above it while the parent is
     smaller. *)
  let rec climb i x =
    let p = (i - 1) / 3 in
    if cmp (get p) x < 0 then begin
      put i (get p);
      if p > 0 then climb p x else put 0 x
    end else put i x in
  let n = length a in
  for i = (n + 1) / 3 - 1 downto 0 do sift_down n i (get i) done;
  for last = n - 1 downto 2 do
    let x = get last in
    put last (get 0);
    climb (hole_to_leaf last 0) x
  done;
  (* two elements left, the larger at the root *)
  if n > 1 then begin let x = get 1 in put 1 (get 0); put 0 x end

(* Merge sort; runs of at most [cutoff] elements are sorted by insertion.
   Both halves are sorted into the space they will be merged from: the
   second half into [tmp], the first half into the end of [a]'s segment, so
   that the merge never overwrites an element it has yet to read. *)
let cutoff = 5

let stable_sort cmp a =
  (* Merges a.(i1 ..) (n1 elements) and b.(i2 ..) (n2), both sorted, into
     dst.(d ..); an element of the first run goes first on a tie. *)
  let merge i1 n1 b i2 n2 dst d =
    let end1 = i1 + n1 and end2 = i2 + n2 in
    let rec step i1 x1 i2 x2 d =
      if cmp x1 x2 <= 0 then begin
        unsafe_set dst d x1;
        if i1 + 1 < end1 then step (i1 + 1) (unsafe_get a (i1 + 1)) i2 x2 (d + 1)
        else unsafe_blit b i2 dst (d + 1) (end2 - i2)
      end else begin
        unsafe_set dst d x2;
        if i2 + 1 < end2 then step i1 x1 (i2 + 1) (unsafe_get b (i2 + 1)) (d + 1)
        else unsafe_blit a i1 dst (d + 1) (end1 - i1)
      end in
    step i1 (unsafe_get a i1) i2 (unsafe_get b i2) d in
  (* a.(src .. src + n - 1) sorted into dst.(d ..), each element inserted
     after the equal ones already there. *)
  let insertion src dst d n =
    for i = 0 to n - 1 do
      let x = unsafe_get a (src + i) in
      let rec shift j =
        if j >= d && cmp (unsafe_get dst j) x > 0 then begin
          unsafe_set dst (j + 1) (unsafe_get dst j);
          shift (j - 1)
        end else unsafe_set dst (j + 1) x in
      shift (d + i - 1)
    done in
  let rec halves src n tmp t dst d =
    let n1 = n / 2 in
    let n2 = n - n1 in
    sort_into (src + n1) tmp t n2;
    sort_into src a (src + n2) n1;
    merge (src + n2) n1 tmp t n2 dst d
  and sort_into src dst d n =
    if n <= cutoff then insertion src dst d n
    else halves src n dst (d + n / 2) dst d in
  let n = length a in
  if n <= cutoff then insertion 0 a 0 n
  else halves 0 n (make (n - n / 2) (unsafe_get a 0)) 0 a 0

let fast_sort = stable_sort

(* Sequences read the array as they go, so a later write to an element not yet
   reached is seen, as in OCaml. *)
let to_seqi a =
  let rec from i () = if i < length a then Seq.Cons ((i, unsafe_get a i), from (i + 1)) else Seq.Nil in
  from 0

let to_seq a = Seq.map snd (to_seqi a)
let of_seq s = of_list (List.of_seq s)
