(* Slice: unit, sequencing with ;, begin/end, functions of unit, ignoring results *)
let say_hello () = print_endline "hello"
let nothing () = ()

let twice_do f = f (); f ()

let banner title =
  print_string "== ";
  print_string title;
  print_string " ==";
  print_newline ()

let () =
  say_hello ();
  nothing ();
  twice_do say_hello;
  banner "section";
  let u = () in
  if u = () then print_endline "unit equals unit";
  begin
    print_string "in ";
    print_string "begin ";
    print_endline "end"
  end;
  let r = (print_endline "side effect"; 42) in
  print_int r; print_newline ();
  let f () = print_endline "called"; 7 in
  let v = f () in
  print_int (v + f ()); print_newline ();
  ignore (f ());
  let _ = f () in
  (if v > 5 then print_endline "big"); print_endline "after if";
  let seq = fun () -> banner "a"; banner "b" in
  seq ();
  print_newline ();
  print_endline "end"
