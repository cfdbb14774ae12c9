let pr s = print_endline s
let pi i = print_int i; print_newline ()
let pb b = pr (string_of_bool b)
let po = function None -> pr "None" | Some x -> pr ("Some " ^ string_of_int x)
let () =
  let s = Stack.create () in
  pb (Stack.is_empty s); pi (Stack.length s);
  (try ignore (Stack.pop s) with Stack.Empty -> pr "Empty");
  (try ignore (Stack.top s) with Stack.Empty -> pr "Empty");
  po (Stack.pop_opt s); po (Stack.top_opt s);
  Stack.push 1 s; Stack.push 2 s; Stack.push 3 s;
  pb (Stack.is_empty s); pi (Stack.length s);
  pi (Stack.top s); po (Stack.top_opt s);
  Stack.iter (fun x -> print_int x; print_string " ") s; print_newline ();
  pi (Stack.fold (fun a x -> a * 10 + x) 0 s);
  let c = Stack.copy s in
  pi (Stack.pop s); po (Stack.pop_opt s); pi (Stack.length s);
  pi (Stack.length c); pi (Stack.top c);
  Stack.clear s; pb (Stack.is_empty s); pi (Stack.length s);
  (try ignore (Stack.pop s) with Stack.Empty -> pr "Empty again");
  let t : string Stack.t = Stack.create () in Stack.push "x" t; pr (Stack.pop t)
