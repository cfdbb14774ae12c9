(* Map: immutable association tables over an ordered key type, with OCaml
   4.13's Map interface (Map.Make and its signature).

   A map is a binary search tree in which every node stores its height, and
   the heights of a node's two subtrees differ by at most 2: a looser bound
   than the textbook AVL tree's 1, so that fewer rotations are done. The shape
   of the tree shows through the interface: [choose] is the smallest binding,
   and the order in which [union], [merge] and [update] call the user's
   functions (and the key comparisons they make) follows the splits and joins
   of the trees. So each operation builds exactly the tree OCaml's Map builds,
   and calls the functions it is given in the order OCaml's Map does.

   Unchanged inputs are returned as they are (physically), as OCaml does:
   [add k v m == m] when [m] already binds [k] to [v] itself.

   There is no map.mli (test/stdlib/BUGS.md #7): [Make] is sealed by its result
   constraint instead, which gives the same signature. set.ml is built the same
   way, with the same rebalancing. *)

module type OrderedType =
  sig
    type t
    val compare: t -> t -> int
  end

module type S =
  sig
    type key
    type +'a t
    val empty: 'a t
    val is_empty: 'a t -> bool
    val mem: key -> 'a t -> bool
    val add: key -> 'a -> 'a t -> 'a t
    val update: key -> ('a option -> 'a option) -> 'a t -> 'a t
    val singleton: key -> 'a -> 'a t
    val remove: key -> 'a t -> 'a t
    val merge:
          (key -> 'a option -> 'b option -> 'c option) -> 'a t -> 'b t -> 'c t
    val union: (key -> 'a -> 'a -> 'a option) -> 'a t -> 'a t -> 'a t
    val compare: ('a -> 'a -> int) -> 'a t -> 'a t -> int
    val equal: ('a -> 'a -> bool) -> 'a t -> 'a t -> bool
    val iter: (key -> 'a -> unit) -> 'a t -> unit
    val fold: (key -> 'a -> 'b -> 'b) -> 'a t -> 'b -> 'b
    val for_all: (key -> 'a -> bool) -> 'a t -> bool
    val exists: (key -> 'a -> bool) -> 'a t -> bool
    val filter: (key -> 'a -> bool) -> 'a t -> 'a t
    val filter_map: (key -> 'a -> 'b option) -> 'a t -> 'b t
    val partition: (key -> 'a -> bool) -> 'a t -> 'a t * 'a t
    val cardinal: 'a t -> int
    val bindings: 'a t -> (key * 'a) list
    val min_binding: 'a t -> (key * 'a)
    val min_binding_opt: 'a t -> (key * 'a) option
    val max_binding: 'a t -> (key * 'a)
    val max_binding_opt: 'a t -> (key * 'a) option
    val choose: 'a t -> (key * 'a)
    val choose_opt: 'a t -> (key * 'a) option
    val split: key -> 'a t -> 'a t * 'a option * 'a t
    val find: key -> 'a t -> 'a
    val find_opt: key -> 'a t -> 'a option
    val find_first: (key -> bool) -> 'a t -> key * 'a
    val find_first_opt: (key -> bool) -> 'a t -> (key * 'a) option
    val find_last: (key -> bool) -> 'a t -> key * 'a
    val find_last_opt: (key -> bool) -> 'a t -> (key * 'a) option
    val map: ('a -> 'b) -> 'a t -> 'b t
    val mapi: (key -> 'a -> 'b) -> 'a t -> 'b t
    val to_seq : 'a t -> (key * 'a) Seq.t
    val to_rev_seq : 'a t -> (key * 'a) Seq.t
    val to_seq_from : key -> 'a t -> (key * 'a) Seq.t
    val add_seq : (key * 'a) Seq.t -> 'a t -> 'a t
    val of_seq : (key * 'a) Seq.t -> 'a t
  end

module Make (Ord : OrderedType) : (S with type key = Ord.t) = struct
  type key = Ord.t

  let found = function Some x -> x | None -> raise Not_found

  type 'a t =
    | Empty
    | Node of { l : 'a t; k : key; v : 'a; r : 'a t; h : int }

  let height = function Empty -> 0 | Node { h; _ } -> h

  (* A node over two subtrees that are already balanced against each other. *)
  let node l k v r =
    let hl = height l and hr = height r in
    Node { l; k; v; r; h = 1 + (if hl < hr then hr else hl) }

  let singleton k v = Node { l = Empty; k; v; r = Empty; h = 1 }

  (* A node over subtrees whose heights may differ by up to 3 (one insertion
     or removal away from balance): one single or double rotation restores
     the bound. The inner grandchild is lifted only when it is strictly the
     taller one, which decides the shape of the result. *)
  let rebalance l k v r =
    let hl = height l and hr = height r in
    if hl > hr + 2 then
      match l with
      | Node { l = a; k = ak; v = av; r = b; _ } when height a >= height b ->
          node a ak av (node b k v r)
      | Node { l = a; k = ak; v = av;
               r = Node { l = b1; k = bk; v = bv; r = b2; _ }; _ } ->
          node (node a ak av b1) bk bv (node b2 k v r)
      | _ -> assert false
    else if hr > hl + 2 then
      match r with
      | Node { l = b; k = ck; v = cv; r = c; _ } when height c >= height b ->
          node (node l k v b) ck cv c
      | Node { l = Node { l = b1; k = bk; v = bv; r = b2; _ };
               k = ck; v = cv; r = c; _ } ->
          node (node l k v b1) bk bv (node b2 ck cv c)
      | _ -> assert false
    else node l k v r

  let empty = Empty
  let is_empty = function Empty -> true | Node _ -> false

  (* The extreme bindings, following one spine. *)
  let rec min_binding_opt = function
    | Empty -> None
    | Node { l = Empty; k; v; _ } -> Some (k, v)
    | Node { l; _ } -> min_binding_opt l

  let rec max_binding_opt = function
    | Empty -> None
    | Node { r = Empty; k; v; _ } -> Some (k, v)
    | Node { r; _ } -> max_binding_opt r

  let min_binding m = found (min_binding_opt m)
  let max_binding m = found (max_binding_opt m)
  let choose = min_binding
  let choose_opt = min_binding_opt

  let rec without_min = function
    | Empty -> Empty
    | Node { l = Empty; r; _ } -> r
    | Node { l; k; v; r; _ } -> rebalance (without_min l) k v r

  (* Two trees side by side (all of [a]'s keys below [b]'s), of heights at
     most 2 apart: [b]'s smallest binding becomes the root. *)
  let glue a b =
    match a, b with
    | Empty, t | t, Empty -> t
    | _ ->
        let (k, v) = min_binding b in
        rebalance a k v (without_min b)

  (* The single descent behind [add], [remove] and [update]: [f] sees the
     current binding of [k] and says what it becomes. Subtrees that do not
     change are shared, and so is the whole map when nothing changes. *)
  let rec update k f = function
    | Empty -> (match f None with None -> Empty | Some v -> singleton k v)
    | Node { l; k = k'; v = v'; r; h } as m ->
        let c = Ord.compare k k' in
        if c = 0 then
          match f (Some v') with
          | None -> glue l r
          | Some v -> if v == v' then m else Node { l; k; v; r; h }
        else if c < 0 then
          let l' = update k f l in
          if l' == l then m else rebalance l' k' v' r
        else
          let r' = update k f r in
          if r' == r then m else rebalance l k' v' r'

  (* [update] specialised, as the most frequent use: no closure, no option. *)
  let rec add k v = function
    | Empty -> singleton k v
    | Node { l; k = k'; v = v'; r; h } as m ->
        let c = Ord.compare k k' in
        if c = 0 then (if v == v' then m else Node { l; k; v; r; h })
        else if c < 0 then
          let l' = add k v l in
          if l' == l then m else rebalance l' k' v' r
        else
          let r' = add k v r in
          if r' == r then m else rebalance l k' v' r'

  let remove k m = update k (fun _ -> None) m

  let rec find_opt k = function
    | Empty -> None
    | Node { l; k = k'; v; r; _ } ->
        let c = Ord.compare k k' in
        if c = 0 then Some v else find_opt k (if c < 0 then l else r)

  let find k m = found (find_opt k m)
  let mem k m = match find_opt k m with Some _ -> true | None -> false

  (* [f] is monotone: false on the small keys, then true ([find_first]), or
     the reverse ([find_last]). The descent keeps the best binding seen so
     far and moves towards the boundary. *)
  let search ~first f m =
    let rec go best = function
      | Empty -> best
      | Node { l; k; v; r; _ } ->
          if f k then go (Some (k, v)) (if first then l else r)
          else go best (if first then r else l) in
    go None m

  let find_first_opt f m = search ~first:true f m
  let find_last_opt f m = search ~first:false f m
  let find_first f m = found (find_first_opt f m)
  let find_last f m = found (find_last_opt f m)

  (* Joining trees of any heights around a middle binding: walk down the
     spine of the taller tree until the other fits beside a subtree, then
     rebalance on the way back up. *)
  let rec join l k v r =
    match l, r with
    | Empty, _ -> add_leftmost k v r
    | _, Empty -> add_rightmost k v l
    | Node { l = ll; k = lk; v = lv; r = lr; h = hl },
      Node { l = rl; k = rk; v = rv; r = rr; h = hr } ->
        if hl > hr + 2 then rebalance ll lk lv (join lr k v r)
        else if hr > hl + 2 then rebalance (join l k v rl) rk rv rr
        else node l k v r

  and add_leftmost k v = function
    | Empty -> singleton k v
    | Node { l; k = k'; v = v'; r; _ } -> rebalance (add_leftmost k v l) k' v' r

  and add_rightmost k v = function
    | Empty -> singleton k v
    | Node { l; k = k'; v = v'; r; _ } -> rebalance l k' v' (add_rightmost k v r)

  (* [glue] for trees of any heights. *)
  let concat a b =
    match a, b with
    | Empty, t | t, Empty -> t
    | _ ->
        let (k, v) = min_binding b in
        join a k v (without_min b)

  let join_opt l k v r =
    match v with Some v -> join l k v r | None -> concat l r

  let rec split k = function
    | Empty -> (Empty, None, Empty)
    | Node { l; k = k'; v; r; _ } ->
        let c = Ord.compare k k' in
        if c = 0 then (l, Some v, r)
        else if c < 0 then
          let (below, at, above) = split k l in
          (below, at, join above k' v r)
        else
          let (below, at, above) = split k r in
          (join l k' v below, at, above)

  (* Both walk the taller tree and split the other at its root. [merge]
     treats the right-hand sides first, then the root, then the left; [union]
     the left, the right, then the root: this is the order in which OCaml's
     Map calls [f]. *)
  let rec merge f m1 m2 =
    match m1, m2 with
    | Empty, Empty -> Empty
    | Node { l; k; v; r; h }, _ when h >= height m2 ->
        let (l2, v2, r2) = split k m2 in
        let r' = merge f r r2 in
        let v' = f k (Some v) v2 in
        join_opt (merge f l l2) k v' r'
    | _, Node { l; k; v; r; _ } ->
        let (l1, v1, r1) = split k m1 in
        let r' = merge f r1 r in
        let v' = f k v1 (Some v) in
        join_opt (merge f l1 l) k v' r'
    | _, Empty -> assert false

  let union f m1 m2 =
    let resolve k a b =
      match a, b with
      | Some a, Some b -> f k a b
      | (Some _ as one), None | None, one -> one in
    let rec go m1 m2 =
      match m1, m2 with
      | Empty, m | m, Empty -> m
      | Node { l = l1; k = k1; v = v1; r = r1; h = h1 },
        Node { l = l2; k = k2; v = v2; r = r2; h = h2 } ->
          if h1 >= h2 then
            let (l2, w, r2) = split k1 m2 in
            let l = go l1 l2 and r = go r1 r2 in
            join_opt l k1 (resolve k1 (Some v1) w) r
          else
            let (l1, w, r1) = split k2 m1 in
            let l = go l1 l2 and r = go r1 r2 in
            join_opt l k2 (resolve k2 w (Some v2)) r in
    go m1 m2

  (* [f] runs on the bindings in increasing key order; the map is shared
     when every binding is kept. *)
  let rec filter p = function
    | Empty -> Empty
    | Node { l; k; v; r; _ } as m ->
        let l' = filter p l in
        let keep = p k v in
        let r' = filter p r in
        if not keep then concat l' r'
        else if l' == l && r' == r then m
        else join l' k v r'

  let rec filter_map f = function
    | Empty -> Empty
    | Node { l; k; v; r; _ } ->
        let l' = filter_map f l in
        let v' = f k v in
        join_opt l' k v' (filter_map f r)

  let rec partition p = function
    | Empty -> (Empty, Empty)
    | Node { l; k; v; r; _ } ->
        let (lyes, lno) = partition p l in
        let keep = p k v in
        let (ryes, rno) = partition p r in
        if keep then (join lyes k v ryes, concat lno rno)
        else (concat lyes ryes, join lno k v rno)

  let rec iter f = function
    | Empty -> ()
    | Node { l; k; v; r; _ } -> iter f l; f k v; iter f r

  let rec fold f m acc =
    match m with
    | Empty -> acc
    | Node { l; k; v; r; _ } -> fold f r (f k v (fold f l acc))

  let rec for_all p = function
    | Empty -> true
    | Node { l; k; v; r; _ } -> p k v && for_all p l && for_all p r

  let rec exists p = function
    | Empty -> false
    | Node { l; k; v; r; _ } -> p k v || exists p l || exists p r

  (* The shape is kept, so no rebalancing; [f] runs in key order. *)
  let rec mapi f = function
    | Empty -> Empty
    | Node { l; k; v; r; h } ->
        let l' = mapi f l in
        let v' = f k v in
        Node { l = l'; k; v = v'; r = mapi f r; h }

  let map f m = mapi (fun _ v -> f v) m

  let rec cardinal = function
    | Empty -> 0
    | Node { l; r; _ } -> cardinal l + 1 + cardinal r

  let bindings m =
    let rec collect acc = function
      | Empty -> acc
      | Node { l; k; v; r; _ } -> collect ((k, v) :: collect acc r) l in
    collect [] m

  (* A cursor is the part of a traversal still to come: the bindings on the
     path from the current position to the root that are yet to be visited,
     nearest first, each with the subtree that follows it. Ascending
     traversals stack the left spine ([down_left]), descending ones the
     right spine. *)
  type 'a cursor = Done | At of key * 'a * 'a t * 'a cursor

  let rec down_left m c =
    match m with Empty -> c | Node { l; k; v; r; _ } -> down_left l (At (k, v, r, c))

  let rec down_right m c =
    match m with Empty -> c | Node { l; k; v; r; _ } -> down_right r (At (k, v, l, c))

  let rec seq_of_cursor down c () =
    match c with
    | Done -> Seq.Nil
    | At (k, v, rest, c) -> Seq.Cons ((k, v), seq_of_cursor down (down rest c))

  let to_seq m = seq_of_cursor down_left (down_left m Done)
  let to_rev_seq m = seq_of_cursor down_right (down_right m Done)

  (* The cursor at the first key not below [low]. *)
  let to_seq_from low m =
    let rec start m c =
      match m with
      | Empty -> c
      | Node { l; k; v; r; _ } ->
          let d = Ord.compare k low in
          if d = 0 then At (k, v, r, c)
          else if d < 0 then start r c
          else start l (At (k, v, r, c)) in
    seq_of_cursor down_left (start m Done)

  (* Both maps in step, key then data; a map that ends first is smaller. *)
  let compare cmp m1 m2 =
    let rec step c1 c2 =
      match c1, c2 with
      | Done, Done -> 0
      | Done, At _ -> -1
      | At _, Done -> 1
      | At (k1, v1, r1, c1), At (k2, v2, r2, c2) ->
          let d = Ord.compare k1 k2 in
          if d <> 0 then d
          else
            let d = cmp v1 v2 in
            if d <> 0 then d else step (down_left r1 c1) (down_left r2 c2) in
    step (down_left m1 Done) (down_left m2 Done)

  let equal eq m1 m2 = compare (fun a b -> if eq a b then 0 else 1) m1 m2 = 0

  let add_seq s m = Seq.fold_left (fun m (k, v) -> add k v m) m s
  let of_seq s = add_seq s empty
end
