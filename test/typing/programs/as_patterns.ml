let join = function Ok r -> r | Error _ as e -> e
let map_left f = function Either.Left v -> Either.Left (f v) | Either.Right _ as e -> e
let show = function Ok s -> "Ok " ^ s | Error s -> "Error " ^ s
let () =
  print_endline (show (join (Ok (Error "x"))));
  print_endline (show (join (Error "y")));
  (match map_left string_of_int (Either.Left 3) with Either.Left s -> print_endline s | Either.Right () -> ());
  (match map_left string_of_int (Either.Right "r") with Either.Left _ -> () | Either.Right s -> print_endline s);
  let e = Either.Right 1.5 in
  (match (map_left (fun x -> x + 1) e, map_left string_of_bool e) with
   | Either.Right a, Either.Right b -> Printf.printf "%g %g\n" a b
   | _ -> ())
