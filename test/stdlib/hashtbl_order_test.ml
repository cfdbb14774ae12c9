(* Iteration order of Hashtbl across resizes, removals, replacements and
   in-place filtering, for the generic table and the functor. *)
let show h = Hashtbl.fold (fun k v acc -> acc ^ " " ^ k ^ "=" ^ string_of_int v) h ""
let () =
  let h = Hashtbl.create 1 in
  for i = 0 to 99 do Hashtbl.add h ("k" ^ string_of_int (i mod 37)) i done;
  print_endline (show h);
  let st = Hashtbl.stats h in
  Printf.printf "%d %d %d\n" st.Hashtbl.num_bindings st.Hashtbl.num_buckets st.Hashtbl.max_bucket_length;
  Hashtbl.remove h "k3"; Hashtbl.replace h "k4" (-4); Hashtbl.replace h "new" 0;
  print_endline (String.concat "," (List.map string_of_int (Hashtbl.find_all h "k5")));
  Hashtbl.filter_map_inplace (fun _ v -> if v mod 3 = 0 then None else Some (v * 2)) h;
  print_endline (show h);
  Seq.iter (fun (k, v) -> print_string (k ^ ":" ^ string_of_int v ^ " ")) (Hashtbl.to_seq h);
  print_newline ();
  (* adding while iterating: the walk goes on over the old buckets *)
  let g = Hashtbl.create 16 in
  for i = 1 to 32 do Hashtbl.add g i i done;
  Hashtbl.iter (fun k _ -> if k <= 3 then Hashtbl.add g (100 + k) k) g;
  Hashtbl.iter (fun k v -> print_string (string_of_int k ^ ":" ^ string_of_int v ^ " ")) g;
  print_newline ();
  let c = Hashtbl.copy g in Hashtbl.reset g;
  Printf.printf "%d %d\n" (Hashtbl.length g) (Hashtbl.length c);
  (try Hashtbl.iter (fun _ _ -> raise Exit) c with Exit -> print_endline "exit");
  for i = 200 to 300 do Hashtbl.add c i i done;
  print_endline (string_of_int (Hashtbl.stats c).Hashtbl.num_buckets)

module T = Hashtbl.Make (struct type t = int let equal = ( = ) let hash x = x * 7 end)
let () =
  let t = T.create 4 in
  for i = 0 to 80 do T.add t (i mod 50) i done;
  T.iter (fun k v -> print_string (string_of_int k ^ ":" ^ string_of_int v ^ " ")) t;
  print_newline ();
  T.remove t 7; T.replace t 8 0;
  print_endline (string_of_int (T.fold (fun k v a -> a * 31 + k + v) t 0));
  print_endline (String.concat "," (List.map string_of_int (T.find_all t 10)))
