(* Set: immutable sets over an ordered element type, with OCaml 4.13's Set
   interface (Set.Make and its signature).

   The trees are those of map.ml without the data: binary search trees whose
   nodes store their height, with subtrees at most 2 apart in height. As for
   maps, the shapes are OCaml's own, built by the same splits and joins,
   because they show: in the order of the comparisons each operation makes,
   of the callbacks of [filter], [partition], [map] and the rest, and in which
   of two equal elements a set keeps.

   Unchanged inputs are returned as they are (physically): adding a member,
   removing a non-member, or filtering, mapping or unioning without effect
   gives back the same set, as in OCaml.

   There is no set.mli (test/stdlib/BUGS.md #7): [Make] is sealed by its result
   constraint instead, which gives the same signature. The tree code is not
   shared with Map: a common core would have to be a visible module of one of
   them (a unit of its own needs a line in stdlib/units), and sets would pay
   for a data field in every node. *)

module type OrderedType =
  sig
    type t
    val compare: t -> t -> int
  end

module type S =
  sig
    type elt
    type t
    val empty: t
    val is_empty: t -> bool
    val mem: elt -> t -> bool
    val add: elt -> t -> t
    val singleton: elt -> t
    val remove: elt -> t -> t
    val union: t -> t -> t
    val inter: t -> t -> t
    val disjoint: t -> t -> bool
    val diff: t -> t -> t
    val compare: t -> t -> int
    val equal: t -> t -> bool
    val subset: t -> t -> bool
    val iter: (elt -> unit) -> t -> unit
    val map: (elt -> elt) -> t -> t
    val fold: (elt -> 'a -> 'a) -> t -> 'a -> 'a
    val for_all: (elt -> bool) -> t -> bool
    val exists: (elt -> bool) -> t -> bool
    val filter: (elt -> bool) -> t -> t
    val filter_map: (elt -> elt option) -> t -> t
    val partition: (elt -> bool) -> t -> t * t
    val cardinal: t -> int
    val elements: t -> elt list
    val min_elt: t -> elt
    val min_elt_opt: t -> elt option
    val max_elt: t -> elt
    val max_elt_opt: t -> elt option
    val choose: t -> elt
    val choose_opt: t -> elt option
    val split: elt -> t -> t * bool * t
    val find: elt -> t -> elt
    val find_opt: elt -> t -> elt option
    val find_first: (elt -> bool) -> t -> elt
    val find_first_opt: (elt -> bool) -> t -> elt option
    val find_last: (elt -> bool) -> t -> elt
    val find_last_opt: (elt -> bool) -> t -> elt option
    val of_list: elt list -> t
    val to_seq_from : elt -> t -> elt Seq.t
    val to_seq : t -> elt Seq.t
    val to_rev_seq : t -> elt Seq.t
    val add_seq : elt Seq.t -> t -> t
    val of_seq : elt Seq.t -> t
  end

module Make (Ord : OrderedType) : (S with type elt = Ord.t) = struct
  type elt = Ord.t
  type t = Empty | Node of { l : t; e : elt; r : t; h : int }

  let found = function Some x -> x | None -> raise Not_found

  let height = function Empty -> 0 | Node { h; _ } -> h

  (* A node over two subtrees that are already balanced against each other. *)
  let node l e r =
    let hl = height l and hr = height r in
    Node { l; e; r; h = 1 + (if hl < hr then hr else hl) }

  let singleton e = Node { l = Empty; e; r = Empty; h = 1 }

  (* Subtrees up to 3 apart in height are brought back within 2 by one single
     or double rotation; the double one only when the inner grandchild is
     strictly taller than the outer one (see map.ml). *)
  let rebalance l e r =
    let hl = height l and hr = height r in
    if hl > hr + 2 then
      match l with
      | Node { l = a; e = x; r = b; _ } when height a >= height b ->
          node a x (node b e r)
      | Node { l = a; e = x; r = Node { l = b1; e = y; r = b2; _ }; _ } ->
          node (node a x b1) y (node b2 e r)
      | _ -> assert false
    else if hr > hl + 2 then
      match r with
      | Node { l = b; e = z; r = c; _ } when height c >= height b ->
          node (node l e b) z c
      | Node { l = Node { l = b1; e = y; r = b2; _ }; e = z; r = c; _ } ->
          node (node l e b1) y (node b2 z c)
      | _ -> assert false
    else node l e r

  let empty = Empty
  let is_empty = function Empty -> true | Node _ -> false

  let rec min_elt_opt = function
    | Empty -> None
    | Node { l = Empty; e; _ } -> Some e
    | Node { l; _ } -> min_elt_opt l

  let rec max_elt_opt = function
    | Empty -> None
    | Node { r = Empty; e; _ } -> Some e
    | Node { r; _ } -> max_elt_opt r

  let min_elt s = found (min_elt_opt s)
  let max_elt s = found (max_elt_opt s)
  let choose = min_elt
  let choose_opt = min_elt_opt

  let rec without_min = function
    | Empty -> Empty
    | Node { l = Empty; r; _ } -> r
    | Node { l; e; r; _ } -> rebalance (without_min l) e r

  (* Two trees side by side (all of [a] below [b]), at most 2 apart in
     height: [b]'s minimum becomes the root. *)
  let glue a b =
    match a, b with
    | Empty, t | t, Empty -> t
    | _ -> rebalance a (min_elt b) (without_min b)

  (* The descent shared by [add] and [remove]: [x] ends up a member when
     [insert] holds, and not otherwise; untouched subtrees are shared. *)
  let rec alter ~insert x = function
    | Empty -> if insert then singleton x else Empty
    | Node { l; e; r; _ } as s ->
        let c = Ord.compare x e in
        if c = 0 then (if insert then s else glue l r)
        else if c < 0 then
          let l' = alter ~insert x l in
          if l' == l then s else rebalance l' e r
        else
          let r' = alter ~insert x r in
          if r' == r then s else rebalance l e r'

  let add x s = alter ~insert:true x s
  let remove x s = alter ~insert:false x s

  (* Joining trees of any heights around a middle element (see map.ml). *)
  let rec join l e r =
    match l, r with
    | Empty, _ -> add_leftmost e r
    | _, Empty -> add_rightmost e l
    | Node { l = ll; e = le; r = lr; h = hl }, Node { l = rl; e = re; r = rr; h = hr } ->
        if hl > hr + 2 then rebalance ll le (join lr e r)
        else if hr > hl + 2 then rebalance (join l e rl) re rr
        else node l e r

  and add_leftmost x = function
    | Empty -> singleton x
    | Node { l; e; r; _ } -> rebalance (add_leftmost x l) e r

  and add_rightmost x = function
    | Empty -> singleton x
    | Node { l; e; r; _ } -> rebalance l e (add_rightmost x r)

  (* [glue] for trees of any heights. *)
  let concat a b =
    match a, b with
    | Empty, t | t, Empty -> t
    | _ -> join a (min_elt b) (without_min b)

  let join_if keep l e r = if keep then join l e r else concat l r

  let rec split x = function
    | Empty -> (Empty, false, Empty)
    | Node { l; e; r; _ } ->
        let c = Ord.compare x e in
        if c = 0 then (l, true, r)
        else if c < 0 then
          let (below, present, above) = split x l in
          (below, present, join above e r)
        else
          let (below, present, above) = split x r in
          (join l e below, present, above)

  let rec mem x = function
    | Empty -> false
    | Node { l; e; r; _ } ->
        let c = Ord.compare x e in
        c = 0 || mem x (if c < 0 then l else r)

  let rec find_opt x = function
    | Empty -> None
    | Node { l; e; r; _ } ->
        let c = Ord.compare x e in
        if c = 0 then Some e else find_opt x (if c < 0 then l else r)

  let find x s = found (find_opt x s)

  (* [f] is monotone; the descent keeps the best element seen so far and
     moves towards the boundary (see map.ml). *)
  let search ~first f s =
    let rec go best = function
      | Empty -> best
      | Node { l; e; r; _ } ->
          if f e then go (Some e) (if first then l else r)
          else go best (if first then r else l) in
    go None s

  let find_first_opt f s = search ~first:true f s
  let find_last_opt f s = search ~first:false f s
  let find_first f s = found (find_first_opt f s)
  let find_last f s = found (find_last_opt f s)

  (* The binary operations walk one tree and split the other at each root.
     Right-hand halves are computed before left-hand ones (OCaml evaluates a
     call's arguments from right to left, and its Set is written as one
     call), which fixes the order of the comparisons. *)
  let rec union s1 s2 =
    match s1, s2 with
    | Empty, s | s, Empty -> s
    | Node { l = l1; e = e1; r = r1; h = h1 }, Node { l = l2; e = e2; r = r2; h = h2 } ->
        if h1 >= h2 then
          (* a one-element side is simply added to the other *)
          if h2 = 1 then add e2 s1
          else
            let (l2, _, r2) = split e1 s2 in
            let r = union r1 r2 in
            join (union l1 l2) e1 r
        else if h1 = 1 then add e1 s2
        else
          let (l1, _, r1) = split e2 s1 in
          let r = union r1 r2 in
          join (union l1 l2) e2 r

  (* [inter] keeps the elements of [s1] present in [s2], [diff] those absent. *)
  let rec sieve ~present s1 s2 =
    match s1, s2 with
    | Empty, _ -> Empty
    | _, Empty -> if present then Empty else s1
    | Node { l; e; r; _ }, _ ->
        let (l2, hit, r2) = split e s2 in
        let r' = sieve ~present r r2 in
        join_if (hit = present) (sieve ~present l l2) e r'

  let inter s1 s2 = sieve ~present:true s1 s2
  let diff s1 s2 = sieve ~present:false s1 s2

  (* A split that stops as soon as the element is found, and builds the
     right-hand part only when asked: [disjoint] gives up at the first common
     element, usually before needing it. *)
  type partial_split = Hit | Miss of t * (unit -> t)

  let rec split_lazily x = function
    | Empty -> Miss (Empty, fun () -> Empty)
    | Node { l; e; r; _ } ->
        let c = Ord.compare x e in
        if c = 0 then Hit
        else if c < 0 then
          match split_lazily x l with
          | Hit -> Hit
          | Miss (below, above) -> Miss (below, fun () -> join (above ()) e r)
        else
          match split_lazily x r with
          | Hit -> Hit
          | Miss (below, above) -> Miss (join l e below, above)

  let rec disjoint s1 s2 =
    match s1, s2 with
    | Empty, _ | _, Empty -> true
    | Node { l; e; r; _ }, _ ->
        s1 != s2 &&
        match split_lazily e s2 with
        | Hit -> false
        | Miss (l2, r2) -> disjoint l l2 && disjoint r (r2 ())

  (* Compares roots; when they differ, the part of [s1] on the root's side is
     looked for in the corresponding subtree of [s2] (as a node whose height
     is never read), and the rest of [s1] in the whole of [s2]. *)
  let rec subset s1 s2 =
    match s1, s2 with
    | Empty, _ -> true
    | _, Empty -> false
    | Node { l = l1; e = e1; r = r1; _ }, Node { l = l2; e = e2; r = r2; _ } ->
        let c = Ord.compare e1 e2 in
        if c = 0 then subset l1 l2 && subset r1 r2
        else if c < 0 then subset (Node { l = l1; e = e1; r = Empty; h = 0 }) l2 && subset r1 s2
        else subset (Node { l = Empty; e = e1; r = r1; h = 0 }) r2 && subset l1 s2

  (* Callbacks run in increasing order of the elements. *)
  let rec iter f = function
    | Empty -> ()
    | Node { l; e; r; _ } -> iter f l; f e; iter f r

  let rec fold f s acc =
    match s with
    | Empty -> acc
    | Node { l; e; r; _ } -> fold f r (f e (fold f l acc))

  let rec for_all p = function
    | Empty -> true
    | Node { l; e; r; _ } -> p e && for_all p l && for_all p r

  let rec exists p = function
    | Empty -> false
    | Node { l; e; r; _ } -> p e || exists p l || exists p r

  let rec filter p = function
    | Empty -> Empty
    | Node { l; e; r; _ } as s ->
        let l' = filter p l in
        let keep = p e in
        let r' = filter p r in
        if keep && l' == l && r' == r then s else join_if keep l' e r'

  let rec partition p = function
    | Empty -> (Empty, Empty)
    | Node { l; e; r; _ } ->
        let (lyes, lno) = partition p l in
        let keep = p e in
        let (ryes, rno) = partition p r in
        (join_if keep lyes e ryes, join_if (not keep) lno e rno)

  (* [map] and [filter_map] may move elements out of order; the tree is then
     rebuilt by unions, else joined as it was. *)
  let join_checked l e r =
    let below = match max_elt_opt l with None -> true | Some m -> Ord.compare m e < 0 in
    if below && (match min_elt_opt r with None -> true | Some m -> Ord.compare e m < 0)
    then join l e r
    else union l (add e r)

  let concat_checked a b =
    match a, b with
    | Empty, t | t, Empty -> t
    | _ -> join_checked a (min_elt b) (without_min b)

  let rec map f = function
    | Empty -> Empty
    | Node { l; e; r; _ } as s ->
        let l' = map f l in
        let e' = f e in
        let r' = map f r in
        if l' == l && e' == e && r' == r then s else join_checked l' e' r'

  let rec filter_map f = function
    | Empty -> Empty
    | Node { l; e; r; _ } as s ->
        let l' = filter_map f l in
        let e' = f e in
        let r' = filter_map f r in
        match e' with
        | None -> concat_checked l' r'
        | Some e' -> if l' == l && e' == e && r' == r then s else join_checked l' e' r'

  let rec cardinal = function
    | Empty -> 0
    | Node { l; r; _ } -> cardinal l + 1 + cardinal r

  let elements s =
    let rec collect acc = function
      | Empty -> acc
      | Node { l; e; r; _ } -> collect (e :: collect acc r) l in
    collect [] s

  (* The first [n] elements of a sorted, duplicate-free list as a tree, with
     the rest of the list: [n / 2] elements go to the left subtree, the next
     one to the root, the others to the right. Two elements make a root with
     a left child. *)
  let rec build_sorted n xs =
    match n, xs with
    | 0, _ -> (Empty, xs)
    | 1, a :: rest -> (singleton a, rest)
    | 2, a :: b :: rest -> (Node { l = singleton a; e = b; r = Empty; h = 2 }, rest)
    | 3, a :: b :: c :: rest -> (node (singleton a) b (singleton c), rest)
    | _ ->
        let half = n / 2 in
        match build_sorted half xs with
        | (left, mid :: rest) ->
            let (right, rest) = build_sorted (n - half - 1) rest in
            (node left mid right, rest)
        | (_, []) -> assert false

  (* Up to five elements are added one by one, as OCaml does; longer lists
     are sorted first (which decides which of two equal elements stays). *)
  let of_list xs =
    match xs with
    | [] | [_] | [_; _] | [_; _; _] | [_; _; _; _] | [_; _; _; _; _] ->
        List.fold_left (fun s x -> add x s) empty xs
    | _ ->
        let sorted = List.sort_uniq Ord.compare xs in
        fst (build_sorted (List.length sorted) sorted)

  (* Cursors, as in map.ml: the elements still to visit on the way back to
     the root, nearest first, each with the subtree that follows it. *)
  type cursor = Done | At of elt * t * cursor

  let rec down_left s c =
    match s with Empty -> c | Node { l; e; r; _ } -> down_left l (At (e, r, c))

  let rec down_right s c =
    match s with Empty -> c | Node { l; e; r; _ } -> down_right r (At (e, l, c))

  let rec seq_of_cursor down c () =
    match c with
    | Done -> Seq.Nil
    | At (e, rest, c) -> Seq.Cons (e, seq_of_cursor down (down rest c))

  let to_seq s = seq_of_cursor down_left (down_left s Done)
  let to_rev_seq s = seq_of_cursor down_right (down_right s Done)

  let to_seq_from low s =
    let rec start s c =
      match s with
      | Empty -> c
      | Node { l; e; r; _ } ->
          let d = Ord.compare e low in
          if d = 0 then At (e, r, c)
          else if d < 0 then start r c
          else start l (At (e, r, c)) in
    seq_of_cursor down_left (start s Done)

  let compare s1 s2 =
    let rec step c1 c2 =
      match c1, c2 with
      | Done, Done -> 0
      | Done, At _ -> -1
      | At _, Done -> 1
      | At (e1, r1, c1), At (e2, r2, c2) ->
          let d = Ord.compare e1 e2 in
          if d <> 0 then d else step (down_left r1 c1) (down_left r2 c2) in
    step (down_left s1 Done) (down_left s2 Done)

  let equal s1 s2 = compare s1 s2 = 0

  let add_seq seq s = Seq.fold_left (fun s x -> add x s) s seq
  let of_seq seq = add_seq seq empty
end
