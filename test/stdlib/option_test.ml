let pr s = print_endline s
let pb b = pr (string_of_bool b)
let pi i = print_int i; print_newline ()
let po = function None -> pr "None" | Some x -> pr ("Some " ^ string_of_int x)
let () =
  po Option.none;
  po (Option.some 3);
  pi (Option.value (Some 1) ~default:2);
  pi (Option.value None ~default:2);
  pi (Option.get (Some 5));
  (try ignore (Option.get None) with Invalid_argument m -> pr ("Invalid_argument " ^ m));
  po (Option.bind (Some 2) (fun x -> Some (x * 3)));
  po (Option.bind (Some 2) (fun _ -> None));
  po (Option.bind None (fun x -> Some x));
  po (Option.join (Some (Some 4)));
  po (Option.join (Some None));
  po (Option.join None);
  po (Option.map succ (Some 1));
  po (Option.map succ None);
  pi (Option.fold ~none:0 ~some:(fun x -> x * 2) (Some 21));
  pi (Option.fold ~none:0 ~some:(fun x -> x * 2) None);
  Option.iter (fun x -> pi x) (Some 9);
  Option.iter (fun x -> pi x) None;
  pb (Option.is_none None); pb (Option.is_none (Some 1));
  pb (Option.is_some None); pb (Option.is_some (Some 1));
  pb (Option.equal (=) (Some 1) (Some 1));
  pb (Option.equal (=) (Some 1) None);
  pb (Option.equal (=) None None);
  pi (Option.compare compare (Some 1) (Some 2));
  pi (Option.compare compare None (Some 2));
  pi (Option.compare compare (Some 1) None);
  pi (Option.compare compare None None);
  (match Option.to_result ~none:"no" None with Ok x -> pi x | Error s -> pr s);
  (match Option.to_result ~none:"no" (Some 7) with Ok x -> pi x | Error s -> pr s);
  pi (List.length (Option.to_list (Some 1)));
  pi (List.length (Option.to_list None));
  let x : int Option.t = Option.Some 3 in po x
