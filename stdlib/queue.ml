(* Queue: mutable first-in first-out containers, with OCaml 4.13's Queue
   interface (without the Seq conversions).

   A queue is a singly linked chain of cells, oldest first, with pointers to
   both ends: adding links a new cell after the last one, taking unlinks the
   first, both in constant time, and [transfer] splices a whole chain.
   A cell holds an ordinary record rather than an inline one because mlc
   does not yet let a variable name an inline record (test/stdlib/BUGS.md
   #4); nothing outside can tell. *)

exception Empty

type 'a cell =
  | Nil
  | Cons of 'a node
and 'a node = { content: 'a; mutable next: 'a cell }

type 'a t = {
  mutable length: int;
  mutable first: 'a cell;
  mutable last: 'a cell
}

let create () = { length = 0; first = Nil; last = Nil }

let clear q = q.length <- 0; q.first <- Nil; q.last <- Nil

(* Appends the chain [first .. last] of [n] cells. *)
let append_chain q n first last =
  (match q.last with Nil -> q.first <- first | Cons tail -> tail.next <- first);
  q.last <- last;
  q.length <- q.length + n

let add x q = let cell = Cons { content = x; next = Nil } in append_chain q 1 cell cell
let push = add

let peek_opt q = match q.first with Nil -> None | Cons { content; _ } -> Some content
let peek q = match q.first with Nil -> raise Empty | Cons { content; _ } -> content
let top = peek

let take_opt q =
  match q.first with
  | Nil -> None
  | Cons { content; next } ->
      (match next with
       | Nil -> clear q (* the last cell: [last] must not keep it *)
       | Cons _ -> q.first <- next; q.length <- q.length - 1);
      Some content

let take q = match take_opt q with Some x -> x | None -> raise Empty
let pop = take

let is_empty q = q.length = 0
let length q = q.length

(* Oldest first. *)
let fold f acc q =
  let rec walk acc = function
    | Nil -> acc
    | Cons { content; next } -> walk (f acc content) next in
  walk acc q.first

let iter (f : 'a -> unit) q = fold (fun () x -> f x) () q

let copy q =
  let r = create () in
  iter (fun x -> add x r) q;
  r

let transfer q1 q2 =
  if q1.length > 0 then begin
    append_chain q2 q1.length q1.first q1.last;
    clear q1
  end

(* Front to back; the queue is read as the sequence is, as in OCaml. *)
let to_seq q =
  let rec from c () = match c with Nil -> Seq.Nil | Cons { content; next } -> Seq.Cons (content, from next) in
  from q.first

let add_seq q s = Seq.iter (fun x -> push x q) s
let of_seq s = let q = create () in add_seq q s; q
