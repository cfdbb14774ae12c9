let print_all xs =
	List.iter (fun x ->
		print_int x;
		print_newlin ()) xs
