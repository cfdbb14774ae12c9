(* Printf corner cases where OCaml differs from C: %#g, %h of infinity, widths on %c and %C. *)
let () =
  Printf.printf "[%#g|%#g|%#g|%#G|%#e|%#f|%#.3g]\n" 0. 1. 0.1 100000000. 1.5 2. 1.;
  Printf.printf "[%h|%H|%h|%H|%h]\n" infinity infinity neg_infinity nan 1.5;
  Printf.printf "[%5c|%-3c|%c]\n" 'x' 'y' 'z';
  Printf.printf "[%5C|%8S]\n" 'x' "ab"
