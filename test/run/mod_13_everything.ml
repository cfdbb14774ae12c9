(* Modules: a small program combining signatures, functors, include, open and exceptions *)
module type QUEUE = sig
  type 'a t
  exception Empty
  val empty : 'a t
  val push : 'a -> 'a t -> 'a t
  val pop : 'a t -> 'a * 'a t
  val length : 'a t -> int
end

module Queue : QUEUE = struct
  type 'a t = { front : 'a list; back : 'a list }
  exception Empty
  let empty = { front = []; back = [] }
  let push x q = { q with back = x :: q.back }
  let rev l = let rec go acc = function [] -> acc | x :: r -> go (x :: acc) r in go [] l
  let rec pop q =
    match q.front with
    | x :: f -> (x, { q with front = f })
    | [] -> if q.back = [] then raise Empty else pop { front = rev q.back; back = [] }
  let length q = let rec len = function [] -> 0 | _ :: r -> 1 + len r in len q.front + len q.back
end

module Scheduler (Q : QUEUE) = struct
  include Q
  let run_all q f =
    let rec go q n = match pop q with
      | x, rest -> f x; go rest (n + 1)
      | exception Empty -> n
    in
    go q 0
end

module S = Scheduler (Queue)

let () =
  let open S in
  let q = empty |> push "a" |> push "b" |> push "c" in
  print_int (length q); print_newline ();
  let n = run_all q (fun s -> print_endline ("task " ^ s)) in
  print_int n; print_newline ();
  (try ignore (pop (empty : int t)) with Queue.Empty -> print_endline "empty queue");
  let x, q' = pop (push 2 (push 1 empty)) in
  let y, _ = pop (push 3 q') in
  print_int (x * 10 + y); print_newline ()
