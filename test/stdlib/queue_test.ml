let pr s = print_endline s
let pi i = print_int i; print_newline ()
let pb b = pr (string_of_bool b)
let po = function None -> pr "None" | Some x -> pr ("Some " ^ string_of_int x)
let () =
  let q = Queue.create () in
  pb (Queue.is_empty q); pi (Queue.length q);
  (try ignore (Queue.pop q) with Queue.Empty -> pr "Q Empty");
  (try ignore (Queue.take q) with Queue.Empty -> pr "Q Empty");
  (try ignore (Queue.peek q) with Queue.Empty -> pr "Q Empty");
  (try ignore (Queue.top q) with Queue.Empty -> pr "Q Empty");
  po (Queue.take_opt q); po (Queue.peek_opt q);
  Queue.push 1 q; Queue.add 2 q; Queue.push 3 q;
  pb (Queue.is_empty q); pi (Queue.length q);
  pi (Queue.peek q); pi (Queue.top q); po (Queue.peek_opt q);
  Queue.iter (fun x -> print_int x; print_string " ") q; print_newline ();
  pi (Queue.fold (fun a x -> a * 10 + x) 0 q);
  let c = Queue.copy q in
  pi (Queue.pop q); pi (Queue.take q); po (Queue.take_opt q); po (Queue.take_opt q);
  pi (Queue.length q); pi (Queue.length c);
  Queue.push 4 c;
  Queue.iter (fun x -> print_int x; print_string " ") c; print_newline ();
  let d = Queue.create () in
  Queue.push 10 d; Queue.push 11 d;
  Queue.transfer c d;
  pi (Queue.length c); pi (Queue.length d);
  Queue.iter (fun x -> print_int x; print_string " ") d; print_newline ();
  let e = Queue.create () in
  Queue.transfer d e;
  Queue.iter (fun x -> print_int x; print_string " ") e; print_newline ();
  Queue.transfer (Queue.create ()) e; pi (Queue.length e);
  Queue.clear e; pb (Queue.is_empty e);
  (try ignore (Queue.pop e) with Queue.Empty -> pr "Q Empty again");
  for i = 1 to 1000 do Queue.push i e done;
  let sum = ref 0 in
  while not (Queue.is_empty e) do sum := !sum + Queue.pop e done;
  pi !sum;
  let t : string Queue.t = Queue.create () in Queue.push "x" t; pr (Queue.pop t)
