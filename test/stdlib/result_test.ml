let pr s = print_endline s
let pb b = pr (string_of_bool b)
let pi i = print_int i; print_newline ()
let prr = function Ok x -> pr ("Ok " ^ string_of_int x) | Error s -> pr ("Error " ^ s)
let () =
  prr (Result.ok 1);
  prr (Result.error "e");
  pi (Result.value (Ok 1) ~default:0);
  pi (Result.value (Error "x") ~default:0);
  pi (Result.get_ok (Ok 2));
  (try ignore (Result.get_ok (Error "x")) with Invalid_argument m -> pr ("Invalid_argument " ^ m));
  pr (Result.get_error (Error "err"));
  (try ignore (Result.get_error (Ok 1)) with Invalid_argument m -> pr ("Invalid_argument " ^ m));
  prr (Result.bind (Ok 2) (fun x -> Ok (x * 2)));
  prr (Result.bind (Ok 2) (fun _ -> Error "bound"));
  prr (Result.bind (Error "first") (fun x -> Ok x));
  prr (Result.join (Ok (Ok 3)));
  prr (Result.join (Ok (Error "inner")));
  prr (Result.join (Error "outer"));
  prr (Result.map succ (Ok 1));
  prr (Result.map succ (Error "m"));
  prr (Result.map (fun s -> String.length s) (Ok "abcd"));
  prr (Result.map_error (fun x -> string_of_int x) (Error 42));
  prr (Result.map_error (fun x -> string_of_int x) (Ok 42));
  pi (Result.fold ~ok:(fun x -> x) ~error:String.length (Ok 5));
  pi (Result.fold ~ok:(fun x -> x) ~error:String.length (Error "abc"));
  Result.iter pi (Ok 8); Result.iter pi (Error "no");
  Result.iter_error pr (Error "ie"); Result.iter_error pr (Ok 1);
  pb (Result.is_ok (Ok 1)); pb (Result.is_ok (Error 1));
  pb (Result.is_error (Ok 1)); pb (Result.is_error (Error 1));
  pb (Result.equal ~ok:(=) ~error:(=) (Ok 1) (Ok 1));
  pb (Result.equal ~ok:(=) ~error:(=) (Ok 1) (Error 1));
  pb (Result.equal ~ok:(=) ~error:(=) (Error 2) (Error 2));
  pi (Result.compare ~ok:compare ~error:compare (Ok 1) (Ok 2));
  pi (Result.compare ~ok:compare ~error:compare (Ok 1) (Error 2));
  pi (Result.compare ~ok:compare ~error:compare (Error 1) (Ok 2));
  pi (Result.compare ~ok:compare ~error:compare (Error 3) (Error 2));
  (match Result.to_option (Ok 1) with Some x -> pi x | None -> pr "None");
  (match Result.to_option (Error 1) with Some x -> pi x | None -> pr "None");
  pi (List.length (Result.to_list (Ok 1)));
  pi (List.length (Result.to_list (Error 1)));
  let r : (int, string) Result.t = Result.Ok 1 in prr r;
  (* the Either helpers *)
  (match Either.map_left string_of_int (Either.Left 12) with Either.Left s -> pr s | Either.Right () -> ());
  (match Either.map_right string_of_int (Either.Right 13) with Either.Right s -> pr s | Either.Left () -> ());
  (match Either.map ~left:succ ~right:pred (Either.Right 13) with Either.Right s -> pi s | Either.Left x -> pi x);
  pb (Either.is_left (Either.left 1));
  pb (Either.is_right (Either.left 1));
  pi (Either.fold ~left:succ ~right:String.length (Either.Right "abc"));
  (match Either.find_left (Either.Left 3) with Some x -> pi x | None -> pr "None");
  (match Either.find_right (Either.Left 3) with Some x -> pi x | None -> pr "None");
  pb (Either.equal ~left:(=) ~right:(=) (Either.Left 1) (Either.Left 1));
  pi (Either.compare ~left:compare ~right:compare (Either.Left 1) (Either.Right 1))
