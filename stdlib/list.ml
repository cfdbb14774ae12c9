(* List: operations on immutable singly-linked lists, with OCaml 4.13's List
   interface (without the Seq conversions).

   Where OCaml's own results depend on how a function works (the order in
   which callbacks run, which of two equal elements comes first after a sort,
   which comparisons a sort makes), the same order is kept here. *)

type 'a t = 'a list

let length l = let rec count n = function [] -> n | _ :: r -> count (n + 1) r in count 0 l

let cons x l = x :: l

let hd = function x :: _ -> x | [] -> failwith "hd"
let tl = function _ :: r -> r | [] -> failwith "tl"

(* Element [n], or None once the list runs out. *)
let rec drop_to n = function
  | [] -> None
  | x :: r -> if n = 0 then Some x else drop_to (n - 1) r

let nth_opt l n = if n < 0 then invalid_arg "List.nth" else drop_to n l
let nth l n = match nth_opt l n with Some x -> x | None -> failwith "nth"

let append = ( @ )

let rec rev_append l acc = match l with [] -> acc | x :: r -> rev_append r (x :: acc)
let rev l = rev_append l []

(* Built backwards and reversed, so long lists do not exhaust the stack; [f]
   still sees 0, 1, ... in order. *)
let init n f =
  if n < 0 then invalid_arg "List.init";
  let rec build i acc = if i = n then rev acc else build (i + 1) (f i :: acc) in
  build 0 []

let rec concat = function [] -> [] | l :: ls -> l @ concat ls
let flatten = concat

(* The image of each element is computed before the rest of the list, so [f]
   runs from the head to the tail. *)
let mapi f l =
  let rec go i = function [] -> [] | x :: r -> let y = f i x in y :: go (i + 1) r in
  go 0 l

let map f l = mapi (fun _ x -> f x) l

let rev_map f l =
  let rec go acc = function [] -> acc | x :: r -> go (f x :: acc) r in
  go [] l

let iteri (f : int -> 'a -> unit) l =
  let rec go i = function [] -> () | x :: r -> f i x; go (i + 1) r in
  go 0 l

let iter (f : 'a -> unit) l = iteri (fun _ x -> f x) l

let rec fold_left f acc = function [] -> acc | x :: r -> fold_left f (f acc x) r
let rec fold_right f l acc = match l with [] -> acc | x :: r -> f x (fold_right f r acc)

(* Walking two lists in step: [f] sees every pair of the common prefix before
   a difference in length is reported, under the caller's name. *)
let rec fold_pairs name f acc l1 l2 =
  match l1, l2 with
  | [], [] -> acc
  | a :: r1, b :: r2 -> fold_pairs name f (f acc a b) r1 r2
  | _ -> invalid_arg name

let fold_left2 f acc l1 l2 = fold_pairs "List.fold_left2" f acc l1 l2
let iter2 (f : 'a -> 'b -> unit) l1 l2 = fold_pairs "List.iter2" (fun () a b -> f a b) () l1 l2
let rev_map2 f l1 l2 = fold_pairs "List.rev_map2" (fun acc a b -> f a b :: acc) [] l1 l2
let map2 f l1 l2 = rev (fold_pairs "List.map2" (fun acc a b -> f a b :: acc) [] l1 l2)
let combine l1 l2 = rev (fold_pairs "List.combine" (fun acc a b -> (a, b) :: acc) [] l1 l2)

(* Right fold: the lengths are found to differ before [f] is ever called. *)
let rec fold_right2 f l1 l2 acc =
  match l1, l2 with
  | [], [] -> acc
  | a :: r1, b :: r2 -> f a b (fold_right2 f r1 r2 acc)
  | _ -> invalid_arg "List.fold_right2"

let rec for_all p = function [] -> true | x :: r -> p x && for_all p r
let rec exists p = function [] -> false | x :: r -> p x || exists p r

(* These stop at the first decisive pair, so a length mismatch further on is
   never noticed. *)
let rec for_all2 p l1 l2 =
  match l1, l2 with
  | [], [] -> true
  | a :: r1, b :: r2 -> p a b && for_all2 p r1 r2
  | _ -> invalid_arg "List.for_all2"

let rec exists2 p l1 l2 =
  match l1, l2 with
  | [], [] -> false
  | a :: r1, b :: r2 -> p a b || exists2 p r1 r2
  | _ -> invalid_arg "List.exists2"

(* Membership and association lists, by structural equality ([compare = 0],
   so that nan is found) or by physical equality. *)
let same a x = compare a x = 0

let mem x l = exists (fun a -> same a x) l
let memq x l = exists (fun a -> a == x) l

let rec lookup eq x = function
  | [] -> None
  | (k, v) :: r -> if eq k x then Some v else lookup eq x r

let or_not_found = function Some v -> v | None -> raise Not_found

let assoc_opt x l = lookup same x l
let assq_opt x l = lookup ( == ) x l
let assoc x l = or_not_found (assoc_opt x l)
let assq x l = or_not_found (assq_opt x l)
let mem_assoc x l = exists (fun (k, _) -> same k x) l
let mem_assq x l = exists (fun (k, _) -> k == x) l

(* Only the first matching pair goes; the list is shared after it. *)
let rec remove_first eq x = function
  | [] -> []
  | ((k, _) as pair) :: r -> if eq k x then r else pair :: remove_first eq x r

let remove_assoc x l = remove_first same x l
let remove_assq x l = remove_first ( == ) x l

let rec find_map f = function
  | [] -> None
  | x :: r -> (match f x with None -> find_map f r | found -> found)

let find_opt p l = find_map (fun x -> if p x then Some x else None) l
let find p l = or_not_found (find_opt p l)

let filteri p l =
  let rec go i acc = function
    | [] -> rev acc
    | x :: r -> go (i + 1) (if p i x then x :: acc else acc) r in
  go 0 [] l

let filter p l = filteri (fun _ x -> p x) l
let find_all = filter

let filter_map f l =
  let rec go acc = function
    | [] -> rev acc
    | x :: r -> go (match f x with Some y -> y :: acc | None -> acc) r in
  go [] l

let concat_map f l =
  let rec go acc = function [] -> rev acc | x :: r -> go (rev_append (f x) acc) r in
  go [] l

let fold_left_map f init l =
  let rec go acc out = function
    | [] -> (acc, rev out)
    | x :: r -> let acc, y = f acc x in go acc (y :: out) r in
  go init [] l

let partition_map f l =
  let rec go lefts rights = function
    | [] -> (rev lefts, rev rights)
    | x :: r ->
      (match f x with
       | Either.Left a -> go (a :: lefts) rights r
       | Either.Right b -> go lefts (b :: rights) r) in
  go [] [] l

let partition p l =
  partition_map (fun x -> if p x then Either.Left x else Either.Right x) l

let rec split = function
  | [] -> ([], [])
  | (a, b) :: r -> let (la, lb) = split r in (a :: la, b :: lb)

let rec merge cmp l1 l2 =
  match l1, l2 with
  | [], l | l, [] -> l
  | a :: r1, b :: r2 ->
    if cmp a b <= 0 then a :: merge cmp r1 l2 else b :: merge cmp l1 r2

(* Sorting.

   A top-down merge sort on a prefix of known length. Runs of 2 and 3 are
   sorted by hand; longer runs are split into a shorter first half and a
   second half, each sorted in the opposite direction, then merged with the
   reversing [merge_rev], which yields the wanted direction without any extra
   pass. This is the algorithm of OCaml's List.sort, so a comparison function
   sees the same pairs in the same order, and equal elements keep their order.

   [order up a b] says where [a] goes in a run sorted ascending ([up]) or
   descending: < 0 before [b], > 0 after it, 0 when [a] and [b] are to be
   merged into one (only sort_uniq ever answers 0). *)
let sort_gen order l =
  let rec merge_rev up l1 l2 acc =
    (* [l1] and [l2] run in direction [up]; the result in the opposite one. *)
    match l1, l2 with
    | [], l | l, [] -> rev_append l acc
    | a :: r1, b :: r2 ->
      let c = order up a b in
      if c = 0 then merge_rev up r1 r2 (a :: acc)
      else if c < 0 then merge_rev up r1 l2 (a :: acc)
      else merge_rev up l1 r2 (b :: acc) in
  let rec run up n l =
    match n, l with
    | 2, a :: b :: rest ->
      let c = order up a b in
      ((if c = 0 then [a] else if c < 0 then [a; b] else [b; a]), rest)
    | 3, a :: b :: d :: rest ->
      let c = order up a b in
      let s =
        if c = 0 then
          (let c' = order up b d in
           if c' = 0 then [b] else if c' < 0 then [b; d] else [d; b])
        else if c < 0 then
          (let c' = order up b d in
           if c' = 0 then [a; b] else if c' < 0 then [a; b; d]
           else let c'' = order up a d in
             if c'' = 0 then [a; b] else if c'' < 0 then [a; d; b] else [d; a; b])
        else
          (let c' = order up a d in
           if c' = 0 then [b; a] else if c' < 0 then [b; a; d]
           else let c'' = order up b d in
             if c'' = 0 then [b; a] else if c'' < 0 then [b; d; a] else [d; b; a]) in
      (s, rest)
    | n, l ->
      let half = n asr 1 in
      let s1, l' = run (not up) half l in
      let s2, rest = run (not up) (n - half) l' in
      (merge_rev (not up) s1 s2 [], rest) in
  let n = length l in
  if n < 2 then l else fst (run true n l)

(* Stable: ties put the earlier element first going up, and therefore last
   going down. *)
let stable_sort cmp l =
  sort_gen (fun up a b -> if (cmp a b <= 0) = up then -1 else 1) l

let sort = stable_sort
let fast_sort = stable_sort

let sort_uniq cmp l =
  sort_gen (fun up a b ->
      let c = cmp a b in
      if c = 0 then 0 else if (c < 0) = up then -1 else 1) l

let rec compare_lengths l1 l2 =
  match l1, l2 with
  | [], [] -> 0
  | [], _ -> -1
  | _, [] -> 1
  | _ :: r1, _ :: r2 -> compare_lengths r1 r2

let rec compare_length_with l n =
  match l with
  | [] -> Stdlib.compare 0 n
  | _ :: r -> if n <= 0 then 1 else compare_length_with r (n - 1)

(* Element by element, without comparing lengths first: [eq]/[cmp] are
   called on the leading pairs even when the lengths differ. *)
let rec equal eq l1 l2 =
  match l1, l2 with
  | [], [] -> true
  | a :: r1, b :: r2 -> eq a b && equal eq r1 r2
  | _ -> false

let rec compare cmp l1 l2 =
  match l1, l2 with
  | [], [] -> 0
  | [], _ -> -1
  | _, [] -> 1
  | a :: r1, b :: r2 -> let c = cmp a b in if c <> 0 then c else compare cmp r1 r2

(* Sequences: [to_seq] walks the list on demand; [of_seq] forces the whole
   sequence, so it does not return on an infinite one. *)
let to_seq l =
  let rec from l () = match l with [] -> Seq.Nil | x :: r -> Seq.Cons (x, from r) in
  from l

let of_seq s = rev (Seq.fold_left (fun acc x -> x :: acc) [] s)
