(* Polymorphism, value restriction (relaxed), annotations *)
let id x = x
let pair x y = (x, y)
let r = ref []
let l = List.rev []
let f = id id
let g = fun x -> id x
let mk () = ref None
let cell = mk ()
let arr = [||]
let arr2 = Array.make 3 []
let opt = Some []
let annot (x : 'a) (y : 'a) = [ x; y ]
let twice (f : 'a -> 'a) x = f (f x)
let compose f g x = f (g x)
type 'a box = { mutable v : 'a }
let b = { v = [] }
type 'a ibox = { iv : 'a }
let ib = { iv = [] }
let apply_all fs x = List.map (fun f -> f x) fs
let () = r := [ 1 ]
let rec length = function [] -> 0 | _ :: t -> 1 + length t
let swap (a, b) = (b, a)
let fst3 (a, _, _) = a
