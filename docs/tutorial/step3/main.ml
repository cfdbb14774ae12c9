(* One tally, two stores. *)

(* A store of our own: a hash table, which answers at once. *)
module Table = struct
  type t = (string, string) Hashtbl.t

  let get table key =
    match Hashtbl.find_opt table key with
    | Some value -> Promise.return (Ok value)
    | None -> Promise.return (Error (Kv.Not_found key))

  let set table key value =
    Hashtbl.replace table key value;
    Promise.return (Ok ())
end

module Table_tally = Tally.Make (Table)
module Mem_tally = Tally.Make (Kv.Mem)

let visits = [ "home"; "about"; "home" ]

let () =
  let table = Hashtbl.create 16 in
  List.iter (fun page -> ignore (Promise.run (Table_tally.hit table page))) visits;
  Printf.printf "table: home %d\n" (Promise.run (Table_tally.count table "home"));
  let mem = Kv.Mem.create [] in
  List.iter (fun page -> ignore (Promise.run (Mem_tally.hit mem page))) visits;
  Printf.printf "Kv.Mem: home %d\n" (Promise.run (Mem_tally.count mem "home"))
