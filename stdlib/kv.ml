(* Key-value stores (see kv.mli). *)

type error =
  | Not_found of string
  | Dictionary_expected of string
  | Value_expected of string
  | Read_only
  | Io_error of string

let pp_error = function
  | Not_found k -> Printf.sprintf "key %S not found" k
  | Dictionary_expected k -> Printf.sprintf "key %S is a value, not a dictionary" k
  | Value_expected k -> Printf.sprintf "key %S is a dictionary, not a value" k
  | Read_only -> "the store is read-only"
  | Io_error msg -> Printf.sprintf "I/O error: %s" msg

type kind = Value | Dictionary

module type RO = sig
  type t
  val exists : t -> string -> (kind option, error) result Promise.t
  val get : t -> string -> (string, error) result Promise.t
  val list : t -> string -> ((string * kind) list, error) result Promise.t
  val size : t -> string -> (int, error) result Promise.t
end

module type RW = sig
  include RO
  val set : t -> string -> string -> (unit, error) result Promise.t
  val remove : t -> string -> (unit, error) result Promise.t
end

(* The segments of a key, as the host reads it: [Some []] for the root [""];
   otherwise one leading '/' is dropped and [None] if a segment is empty, "."
   or "..", or has a zero byte (so "/", "a/" and "a//b" are malformed). *)
let segments key =
  if key = "" then Some []
  else
    let n = String.length key in
    let rest = if key.[0] = '/' then String.sub key 1 (n - 1) else key in
    let parts = String.split_on_char '/' rest in
    if List.exists (fun p -> p = "" || p = "." || p = ".." || String.contains p '\000') parts
    then None
    else Some parts

module Mem = struct
  module M = Map.Make (String)

  (* The values, by their normalised key ("a/b/c"). A dictionary is a proper
     prefix (up to a '/') of some key, or the root. *)
  type t = { mutable values : string M.t }

  let is_below dir key =
    (* [key] is inside the dictionary [dir] (normalised, not the root) *)
    let n = String.length dir in
    String.length key > n && String.sub key 0 n = dir && key.[n] = '/'

  let kind_of s path =
    if path = "" then Some Dictionary
    else if M.mem path s.values then Some Value
    else if M.exists (fun key _ -> is_below path key) s.values then Some Dictionary
    else None

  (* The normalised key and its kind, or [None] if the key is malformed. *)
  let lookup s key =
    match segments key with
    | None -> None
    | Some parts ->
        let path = String.concat "/" parts in
        Some (path, kind_of s path)

  let exists s key =
    Promise.return
      (match lookup s key with None -> Ok None | Some (_, kind) -> Ok kind)

  let get_now s key =
    match lookup s key with
    | Some (path, Some Value) -> Ok (M.find path s.values)
    | Some (_, Some Dictionary) -> Error (Value_expected key)
    | Some (_, None) | None -> Error (Not_found key)

  let get s key = Promise.return (get_now s key)

  let size s key =
    Promise.return (match get_now s key with Ok v -> Ok (String.length v) | Error e -> Error e)

  let children s path =
    let prefix_len = if path = "" then 0 else String.length path + 1 in
    let child key =
      if path = "" || is_below path key then
        let rest = String.sub key prefix_len (String.length key - prefix_len) in
        match String.index_opt rest '/' with
        | None -> Some (rest, Value)
        | Some i -> Some (String.sub rest 0 i, Dictionary)
      else None
    in
    let found = M.fold (fun key _ acc -> match child key with Some c -> c :: acc | None -> acc) s.values [] in
    List.sort_uniq compare found

  let list s key =
    Promise.return
      (match lookup s key with
       | Some (path, Some Dictionary) -> Ok (children s path)
       | Some (_, Some Value) -> Error (Dictionary_expected key)
       | Some (_, None) | None -> Error (Not_found key))

  (* The first proper prefix of [parts] that is a value, if any. *)
  let value_above s parts =
    let rec go prefix = function
      | [] | [ _ ] -> None
      | p :: rest ->
          let dir = if prefix = "" then p else prefix ^ "/" ^ p in
          if M.mem dir s.values then Some dir else go dir rest
    in
    go "" parts

  let set_now s key value =
    match segments key with
    | None -> Error (Not_found key)
    | Some [] -> Error (Value_expected key)
    | Some parts -> (
        let path = String.concat "/" parts in
        match kind_of s path with
        | Some Dictionary -> Error (Value_expected key)
        | Some Value | None -> (
            match value_above s parts with
            | Some dir -> Error (Dictionary_expected dir)
            | None ->
                s.values <- M.add path value s.values;
                Ok ()))

  let set s key value = Promise.return (set_now s key value)

  let remove s key =
    Promise.return
      (match lookup s key with
       | Some (path, Some Value) ->
           s.values <- M.remove path s.values;
           Ok ()
       | Some (path, Some Dictionary) ->
           s.values <-
             (if path = "" then M.empty else M.filter (fun k _ -> not (is_below path k)) s.values);
           Ok ()
       | Some (_, None) | None -> Error (Not_found key))

  let create bindings =
    let s = { values = M.empty } in
    List.iter
      (fun (key, value) ->
        match set_now s key value with
        | Ok () -> ()
        | Error e -> invalid_arg (Printf.sprintf "Kv.Mem.create: %s" (pp_error e)))
      bindings;
    s
end

module Baked (Files : sig val files : (string * string) list end) = struct
  type t = Mem.t

  let store = Mem.create Files.files
  let connect () = store
  let exists = Mem.exists
  let get = Mem.get
  let list = Mem.list
  let size = Mem.size
end

(* Inside its own body, [Host] still names the unit of the host interface
   (host.ml): a module is not in scope in its own definition. *)
module Host (D : sig val device : int end) = struct
  type t = { device : int }

  let connect () = { device = D.device }

  (* The host's statuses (docs/host-interface.md). *)
  let error key status data =
    match status with
    | 1 -> Not_found key
    | 2 -> Value_expected key
    | 3 -> Dictionary_expected key
    | 4 -> Io_error (if data = "" then Printf.sprintf "kv device %d failed on key %S" D.device key else data)
    | 5 -> Read_only
    | st -> Io_error (Printf.sprintf "kv device %d: unexpected status %d for key %S" D.device st key)

  let call s op key payload ok =
    Promise.map
      (fun (status, data) -> if status = 0 then ok data else Error (error key status data))
      (Host.request s.device op 0 0 payload)

  let exists s key =
    Promise.map
      (fun (status, data) ->
        match status, data with
        | 0, "value" -> Ok (Some Value)
        | 0, "dictionary" -> Ok (Some Dictionary)
        | 0, _ | 1, _ -> Ok None (* nothing, or a malformed key *)
        | _ -> Error (error key status data))
      (Host.request s.device 0 0 0 key)

  let get s key = call s 1 key key (fun data -> Ok data)

  let parse_entry line =
    match String.index_opt line '\t' with
    | None -> None
    | Some i ->
        let name = String.sub line 0 i in
        (match String.sub line (i + 1) (String.length line - i - 1) with
         | "value" -> Some (name, Value)
         | "dictionary" -> Some (name, Dictionary)
         | _ -> None)

  let list s key =
    call s 2 key key (fun data ->
        Ok (List.filter_map parse_entry (String.split_on_char '\n' data)))

  let size s key =
    call s 3 key key (fun data ->
        match int_of_string_opt data with
        | Some n -> Ok n
        | None -> Error (Io_error (Printf.sprintf "kv device %d: bad size %S" D.device data)))

  let set s key value =
    (* the payload is the key, a zero byte, the value: a key with a zero byte
       is malformed *)
    if String.contains key '\000' then Promise.return (Error (Not_found key))
    else call s 4 key (key ^ "\000" ^ value) (fun _ -> Ok ())

  let remove s key = call s 5 key key (fun _ -> Ok ())
end
