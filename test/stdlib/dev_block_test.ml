(* Block devices: a service over Block.S (a journal of one-sector records) runs
   against Block.Mem, a zero-filled disk in memory; then Block.Mem's rules. *)

(* A journal: sector 0 holds the number of records (decimal, padded with
   spaces; a fresh, zero-filled disk has none), sector i the i-th record. *)
module Journal (B : Block.S) = struct
  open Promise.Syntax

  (* Sequencing that turns a device error into a failed promise. *)
  let ( let*? ) p f =
    let* r = p in
    match r with Ok v -> f v | Error e -> Promise.fail_with (Block.pp_error e)

  let sector info s =
    let n = info.Block.sector_size in
    if String.length s >= n then String.sub s 0 n else s ^ String.make (n - String.length s) ' '

  let count disk =
    let*? header = B.read disk 0 1 in
    Promise.return (match int_of_string_opt (String.trim header) with Some n -> n | None -> 0)

  let append disk message =
    let* info = B.info disk in
    let* n = count disk in
    if n + 1 >= info.Block.size_sectors then Promise.fail_with "journal full"
    else
      let*? () = B.write disk (n + 1) (sector info message) in
      let*? () = B.write disk 0 (sector info (string_of_int (n + 1))) in
      Promise.return (n + 1)

  let replay disk =
    let* info = B.info disk in
    let* n = count disk in
    let*? data = B.read disk 1 n in
    let size = info.Block.sector_size in
    Promise.return (List.init n (fun i -> String.trim (String.sub data (i * size) size)))
end

module J = Journal (Block.Mem)

let show_info (i : Block.info) =
  Printf.printf "sector_size=%d size_sectors=%d read_write=%b\n" i.sector_size i.size_sectors i.read_write

let show f = function Ok v -> f v | Error e -> "Error: " ^ Block.pp_error e

let () =
  let disk = Block.Mem.create ~sector_size:16 8 in
  show_info (Promise.run (Block.Mem.info disk));
  (match Promise.run (Block.Mem.read disk 0 8) with
   | Ok data ->
       Printf.printf "%d bytes, all zero: %b\n" (String.length data)
         (String.for_all (fun c -> c = '\000') data)
   | Error e -> print_endline (Block.pp_error e));
  Printf.printf "records on a fresh disk: %d\n" (Promise.run (J.count disk));
  List.iter
    (fun m -> Printf.printf "appended record %d\n" (Promise.run (J.append disk m)))
    [ "boot"; "hello world"; "a message longer than a sector" ];
  List.iter (Printf.printf "replay: %S\n") (Promise.run (J.replay disk));
  Printf.printf "header: %s\n" (show (Printf.sprintf "%S") (Promise.run (Block.Mem.read disk 0 1)));
  (* fill it up: 8 sectors are a header and 7 records *)
  (try
     for i = 4 to 10 do
       ignore (Promise.run (J.append disk ("record " ^ string_of_int i)))
     done
   with Failure m -> Printf.printf "Failure: %s\n" m);
  Printf.printf "records: %d, last: %S\n" (Promise.run (J.count disk))
    (List.nth (Promise.run (J.replay disk)) 6)

let () =
  print_endline "-- the rules";
  let disk = Block.Mem.create ~sector_size:4 3 in
  let write first data =
    Printf.printf "write %d %-12S %s\n" first data
      (show (fun () -> "ok") (Promise.run (Block.Mem.write disk first data)))
  in
  let read first count =
    Printf.printf "read %d %d %s\n" first count (show (Printf.sprintf "%S") (Promise.run (Block.Mem.read disk first count)))
  in
  write 0 "abcd";
  write 1 "efghijkl";
  write 0 "abc";
  write 0 "abcde";
  write 2 "mnopqrst";
  write 3 "";
  write (-1) "zzzz";
  write 3 "zzzz";
  read 0 3;
  read 1 1;
  read 2 2;
  read 3 0;
  read 3 1;
  read (-1) 1;
  read 0 (-1);
  show_info (Promise.run (Block.Mem.info (Block.Mem.create 4)));
  List.iter
    (fun (ss, n) ->
      match Block.Mem.create ~sector_size:ss n with
      | _ -> print_endline "created"
      | exception Invalid_argument m -> print_endline ("Invalid_argument: " ^ m))
    [ (0, 1); (512, -1); (1, 0) ];
  List.iter (fun e -> print_endline (Block.pp_error e)) [ Block.Out_of_range; Block.Io_error "bad sector"; Block.Read_only ]
