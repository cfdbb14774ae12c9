(* Buffer: strings built by appending, with OCaml 4.13's Buffer interface
   (without the Seq conversions, the Uchar and binary-integer adders, and the
   channel functions other than [output_buffer]).

   A buffer is a byte sequence used from the start up to a mark; what lies
   after the mark is spare room. When an addition does not fit, the room is
   doubled as many times as needed, so that a run of additions costs time in
   proportion to its length, and never beyond the largest string OCaml allows
   (it is then "cannot grow buffer"). [reset] goes back to the storage the
   buffer was created with, [clear] keeps the current one. *)

(* Sys.max_string_length on 64-bit OCaml. *)
let max_string_length = (1 lsl 57) - 9

type t = {
  mutable store : bytes;  (* the contents, then the spare room *)
  mutable used : int;     (* the length of the contents *)
  first_store : bytes;    (* what [reset] goes back to *)
}

(* The size asked for is only a hint, brought within what a string allows;
   at least one byte, so that doubling makes room. *)
let create n =
  let size = if n < 1 then 1 else if n > max_string_length then max_string_length else n in
  let store = Bytes.create size in
  { store; used = 0; first_store = store }

let length b = b.used
let contents b = Bytes.sub_string b.store 0 b.used
let to_bytes b = Bytes.sub b.store 0 b.used

let sub b ofs n =
  if not (Bytes.valid_range b.used ofs n) then invalid_arg "Buffer.sub";
  Bytes.sub_string b.store ofs n

let blit b ofs dst dst_ofs n =
  if not (Bytes.valid_range b.used ofs n
          && Bytes.valid_range (Bytes.length dst) dst_ofs n)
  then invalid_arg "Buffer.blit";
  Bytes.unsafe_blit b.store ofs dst dst_ofs n

let nth b i =
  if i < 0 || i >= b.used then invalid_arg "Buffer.nth";
  Bytes.unsafe_get b.store i

let clear b = b.used <- 0

let reset b =
  b.used <- 0;
  b.store <- b.first_store

let truncate b n =
  if n < 0 || n > b.used then invalid_arg "Buffer.truncate";
  b.used <- n

(* Makes room for [more] bytes after the contents. *)
let make_room b more =
  let needed = b.used + more in
  let size = Bytes.length b.store in
  if needed > size then begin
    let rec double s = if s >= needed then s else double (2 * s) in
    let size =
      if double size <= max_string_length then double size
      else if needed <= max_string_length then max_string_length
      else failwith "Buffer.add: cannot grow buffer" in
    let store = Bytes.create size in
    Bytes.blit b.store 0 store 0 b.used;
    b.store <- store
  end

let add_char b c =
  make_room b 1;
  Bytes.unsafe_set b.store b.used c;
  b.used <- b.used + 1

(* Appends [n] bytes of [s] from [ofs], a range already checked. The source
   is read after [make_room], which is right even when [s] is this buffer's
   own storage: the old storage is left as it was. *)
let append b s ofs n =
  make_room b n;
  Bytes.unsafe_blit_string s ofs b.store b.used n;
  b.used <- b.used + n

let add_substring b s ofs n =
  if not (Bytes.valid_range (String.length s) ofs n)
  then invalid_arg "Buffer.add_substring/add_subbytes";
  append b s ofs n

let add_subbytes b s ofs n = add_substring b (Bytes.unsafe_to_string s) ofs n
let add_string b s = append b s 0 (String.length s)
let add_bytes b s = add_string b (Bytes.unsafe_to_string s)
let add_buffer b src = append b (Bytes.unsafe_to_string src.store) 0 src.used

let output_buffer oc b = output_string oc (contents b)

(* [add_substitute b f s] appends [s] with each variable reference replaced by
   [f] of its name. A reference is a '$' followed by a name: a run of
   letters, digits and underscores (whatever its first character is, which is
   always taken), or anything between parentheses or braces, where nested
   pairs of the same bracket are allowed. A backslash before a '$' makes it a
   plain '$'; before any other character the backslash is kept. A '$' that
   starts no name (at the end, or before an unclosed bracket) raises
   Not_found, after what precedes it has been added. *)

let is_name_char = function
  | 'a' .. 'z' | 'A' .. 'Z' | '0' .. '9' | '_' -> true
  | _ -> false

(* The name that starts at [i] in [s], and the index just after it. *)
let name_at s i =
  let n = String.length s in
  if i >= n then raise Not_found;
  match s.[i] with
  | '(' | '{' as opening ->
    let closing = if opening = '(' then ')' else '}' in
    let rec find_close depth j =
      if j >= n then raise Not_found
      else if s.[j] = closing then
        (if depth = 0 then j else find_close (depth - 1) (j + 1))
      else if s.[j] = opening then find_close (depth + 1) (j + 1)
      else find_close depth (j + 1) in
    let close = find_close 0 (i + 1) in
    (String.sub s (i + 1) (close - i - 1), close + 1)
  | _ ->
    let rec name_end j = if j < n && is_name_char s.[j] then name_end (j + 1) else j in
    let stop = name_end (i + 1) in
    (String.sub s i (stop - i), stop)

let add_substitute b f s =
  let n = String.length s in
  (* [escaping]: the previous character was a backslash not yet written. *)
  let rec scan i escaping =
    if i >= n then (if escaping then add_char b '\\')
    else
      match s.[i] with
      | '$' when escaping -> add_char b '$'; scan (i + 1) false
      | '$' ->
        let name, next = name_at s (i + 1) in
        add_string b (f name);
        scan next false
      | c when escaping -> add_char b '\\'; add_char b c; scan (i + 1) false
      | '\\' -> scan (i + 1) true
      | c -> add_char b c; scan (i + 1) false in
  scan 0 false

(* Sequences: [to_seq] reads the buffer as it goes (up to its length when each
   element is asked for); [add_seq] and [of_seq] force the whole sequence. *)
let to_seqi b =
  let rec from i () = if i < b.used then Seq.Cons ((i, Bytes.unsafe_get b.store i), from (i + 1)) else Seq.Nil in
  from 0

let to_seq b = Seq.map snd (to_seqi b)
let add_seq b s = Seq.iter (add_char b) s
let of_seq s = let b = create 32 in add_seq b s; b
