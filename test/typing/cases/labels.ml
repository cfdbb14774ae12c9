(* Labelled and optional arguments: commuting, defaults, partial application *)
let f ~x ~y = x - y
let a = f ~y:1 ~x:2
let b = f ~y:1
let g ?(step = 1) ?scale n = match scale with None -> n + step | Some s -> (n + step) * s
let c = g 3
let d = g ~scale:2 3
let e = g ?scale:(Some 2) ~step:5
let h ~f x = f x
let i = h ~f:(fun x -> x + 1)
let j = List.map (fun x -> x * 2)
let k ?(sep = ", ") l = String.concat sep l
let l = k [ "a"; "b" ]
let m x ~y ?z () = match z with None -> x + y | Some z -> x + y + z
let n = m 1 ~y:2 ()
let o = m ~y:2 1
let punned ~x ~y = x + y
let use x y = punned ~x ~y
