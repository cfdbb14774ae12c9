(* Hashtbl: iteration order (unsorted, as OCaml's buckets give it), resizing,
   the functorial interface, exceptions. *)

let pr_kv k v = print_string k; print_string "="; print_int v; print_string " "
let nl () = print_newline ()

let () =
  print_int (Hashtbl.hash 0); nl ();
  print_int (Hashtbl.hash 42); nl ();
  print_int (Hashtbl.hash "hello"); nl ();
  print_int (Hashtbl.hash (1, "a", [2; 3])); nl ();
  print_int (Hashtbl.seeded_hash 7 "hello"); nl ();
  print_int (Hashtbl.hash_param 2 2 [1; 2; 3; 4]); nl ()

(* string keys, many resizes *)
let () =
  let h = Hashtbl.create 1 in
  for i = 0 to 59 do
    Hashtbl.add h ("key" ^ string_of_int i) i
  done;
  print_string "length "; print_int (Hashtbl.length h); nl ();
  Hashtbl.iter pr_kv h; nl ();
  print_int (Hashtbl.find h "key17"); nl ();
  (try ignore (Hashtbl.find h "nope"); print_endline "found?"
   with Not_found -> print_endline "Not_found");
  (match Hashtbl.find_opt h "key3" with Some v -> print_int v | None -> print_string "none"); nl ();
  (match Hashtbl.find_opt h "zz" with Some v -> print_int v | None -> print_string "none"); nl ();
  Hashtbl.add h "key5" 500;
  Hashtbl.add h "key5" 5000;
  List.iter (fun v -> print_int v; print_string " ") (Hashtbl.find_all h "key5"); nl ();
  Hashtbl.remove h "key5";
  List.iter (fun v -> print_int v; print_string " ") (Hashtbl.find_all h "key5"); nl ();
  Hashtbl.replace h "key5" 55;
  Hashtbl.replace h "new" 1;
  List.iter (fun v -> print_int v; print_string " ") (Hashtbl.find_all h "key5"); nl ();
  print_string (string_of_bool (Hashtbl.mem h "new")); nl ();
  print_string (string_of_bool (Hashtbl.mem h "old")); nl ();
  for i = 0 to 29 do Hashtbl.remove h ("key" ^ string_of_int (2 * i)) done;
  Hashtbl.iter pr_kv h; nl ();
  print_int (Hashtbl.fold (fun _ v acc -> v + acc) h 0); nl ();
  let c = Hashtbl.copy h in
  Hashtbl.filter_map_inplace (fun k v -> if v mod 3 = 0 then None else Some (v * 10 + String.length k)) h;
  Hashtbl.iter pr_kv h; nl ();
  print_int (Hashtbl.length h); print_string " "; print_int (Hashtbl.length c); nl ();
  Hashtbl.iter pr_kv c; nl ();
  let l = Hashtbl.fold (fun k v acc -> (k, v) :: acc) c [] in
  List.iter (fun (k, v) -> pr_kv k v) l; nl ();
  Hashtbl.clear c;
  print_int (Hashtbl.length c); nl ();
  Hashtbl.iter pr_kv c; nl ();
  Hashtbl.reset h;
  Hashtbl.add h "a" 1;
  Hashtbl.iter pr_kv h; nl ()

(* int keys *)
let () =
  let h = Hashtbl.create 10 in
  for i = 0 to 99 do
    Hashtbl.replace h (i * 7919 mod 1000) (i * i)
  done;
  Hashtbl.iter (fun k v -> print_int k; print_string ":"; print_int v; print_string " ") h; nl ();
  let st = Hashtbl.stats h in
  print_int st.Hashtbl.num_bindings; print_string " ";
  print_int st.Hashtbl.num_buckets; print_string " ";
  print_int st.Hashtbl.max_bucket_length; nl ();
  Array.iter (fun n -> print_int n; print_string " ") st.Hashtbl.bucket_histogram; nl ();
  (* to_seq *)
  let s = Hashtbl.to_seq_keys h in
  Seq.iter (fun k -> print_int k; print_string " ") s; nl ();
  let h2 = Hashtbl.of_seq (Seq.map (fun k -> (k, k + 1)) (Hashtbl.to_seq_keys h)) in
  Hashtbl.iter (fun k v -> print_int k; print_string ":"; print_int v; print_string " ") h2; nl ()

(* tuple and list keys *)
let () =
  let h = Hashtbl.create 16 in
  List.iter (fun i -> Hashtbl.add h (i, string_of_int i) [i; i + 1]) [3; 1; 4; 1; 5; 9; 2; 6; 5; 3; 5];
  Hashtbl.iter (fun (a, b) l -> print_int a; print_string b; print_string "->";
    List.iter print_int l; print_string " ") h; nl ();
  print_int (List.length (Hashtbl.find_all h (5, "5"))); nl ()

(* functorial interface *)
module SH = Hashtbl.Make (struct
  type t = string
  let equal a b = String.lowercase_ascii a = String.lowercase_ascii b
  let hash s = Hashtbl.hash (String.lowercase_ascii s)
end)

module IH = Hashtbl.Make (struct
  type t = int
  let equal (a : int) b = a = b
  let hash x = x land max_int
end)

let () =
  let h = SH.create 4 in
  List.iter (fun w -> SH.replace h w (String.length w))
    ["Apple"; "banana"; "APPLE"; "Cherry"; "date"; "Elder"; "fig"; "Grape"; "BANANA"; "kiwi";
     "lemon"; "mango"; "nectarine"; "olive"; "papaya"; "quince"; "raspberry"; "strawberry"];
  SH.iter (fun k v -> pr_kv k v) h; nl ();
  print_int (SH.length h); nl ();
  print_int (SH.find h "apple"); nl ();
  (try ignore (SH.find h "zzz") with Not_found -> print_endline "Not_found");
  SH.remove h "CHERRY";
  print_string (string_of_bool (SH.mem h "cherry")); nl ();
  print_int (SH.fold (fun _ v a -> a + v) h 0); nl ();
  let ih = IH.create 0 in
  for i = 0 to 70 do IH.add ih (i * 37) i done;
  IH.iter (fun k v -> print_int k; print_string ":"; print_int v; print_string " ") ih; nl ();
  IH.filter_map_inplace (fun k v -> if k mod 2 = 0 then Some (v * 2) else None) ih;
  IH.iter (fun k v -> print_int k; print_string ":"; print_int v; print_string " ") ih; nl ();
  (match IH.find_opt ih 74 with Some v -> print_int v | None -> print_string "none"); nl ();
  (match IH.find_opt ih 37 with Some v -> print_int v | None -> print_string "none"); nl ();
  let l = IH.fold (fun k _ acc -> k :: acc) ih [] in
  print_int (List.length l); nl ()

(* exceptions inside iter do not break the table *)
let () =
  let h = Hashtbl.create 8 in
  for i = 1 to 20 do Hashtbl.add h i (string_of_int i) done;
  (try Hashtbl.iter (fun k _ -> if k = 7 then raise Exit) h with Exit -> print_endline "Exit");
  for i = 21 to 60 do Hashtbl.add h i (string_of_int i) done;
  Hashtbl.iter (fun _ v -> print_string v; print_string " ") h; nl ()
