(* Float code kept unboxed: float references, lets, and flat float records *)
type vec = { mutable x : float; mutable y : float; mutable z : float }
type one = { v : float }
type mixed = { m : float; n : int }
type 'a pair = { a : 'a; b : 'a }

let norm p = sqrt ((p.x *. p.x) +. (p.y *. p.y) +. (p.z *. p.z))

let integrate steps =
  let pos = { x = 0.0; y = 1.0; z = -0.0 } in
  let t = ref 0.0 in
  for _ = 1 to steps do
    t := !t +. 0.1;
    pos.x <- pos.x +. (0.1 *. cos !t);
    pos.y <- pos.y *. 0.99
  done;
  (pos, !t)

let () =
  let p, t = integrate 1000 in
  Printf.printf "%.17g %.17g %g %.17g\n" p.x p.y p.z t;
  Printf.printf "%s %s %s\n" (string_of_float (norm p)) (string_of_float 1e21) (string_of_float (-0.0));
  let q = { p with z = nan } in
  Printf.printf "%b %b %b %d %d\n" (p = p) (q = q) (q == q) (compare q q) (compare p q);
  let inf = { x = infinity; y = neg_infinity; z = 0.1 +. 0.2 } in
  Printf.printf "%f %f %.17f\n" inf.x inf.y inf.z;
  let { x; y = yy; _ } = inf in
  Printf.printf "%g %g\n" x yy;
  (match p with { z = 0.0; _ } -> print_endline "z is zero" | _ -> print_endline "z is not zero");
  Printf.printf "%d %d %d\n" (Hashtbl.hash { v = 1.5 }) (Hashtbl.hash p) (Hashtbl.hash { m = 1.5; n = 2 });
  let sorted = List.sort compare [ { v = 3.0 }; { v = nan }; { v = -1.0 }; { v = 2.5 } ] in
  List.iter (fun r -> Printf.printf "%g " r.v) sorted;
  print_newline ();
  let pr = { a = 1.5; b = 2.5 } in
  let mx = { m = 0.5; n = 3 } in
  Printf.printf "%g %g %g %d\n" pr.a pr.b mx.m mx.n;
  let arr = Array.init 4 (fun i -> { x = float_of_int i; y = 0.0; z = 0.0 }) in
  Array.iter (fun r -> r.y <- r.x *. 2.0) arr;
  Printf.printf "%g\n" (Array.fold_left (fun s r -> s +. r.y) 0.0 arr);
  let h = Hashtbl.create 4 in
  Hashtbl.replace h { v = 2.0 } "two";
  Printf.printf "%s %b\n" (Hashtbl.find h { v = 2.0 }) (Hashtbl.mem h { v = 3.0 });
  let acc = ref 0.0 in
  let add x = acc := !acc +. x in
  List.iter add [ 0.1; 0.2; 0.3 ];
  Printf.printf "%.17g %h\n" !acc !acc
