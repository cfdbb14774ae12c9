(* Bytes: mutable byte sequences, with OCaml 4.13's Bytes interface (without
   the Seq conversions and the integer accessors).

   Strings have the same representation, so String is written on top of this
   module through zero-cost casts; the error messages that name both modules
   ("String.sub / Bytes.sub") are produced here once for both. *)

external length : bytes -> int = "%bytes_length"
external get : bytes -> int -> char = "%bytes_safe_get"
external set : bytes -> int -> char -> unit = "%bytes_safe_set"
external unsafe_get : bytes -> int -> char = "%bytes_unsafe_get"
external unsafe_set : bytes -> int -> char -> unit = "%bytes_unsafe_set"
external unsafe_to_string : bytes -> string = "%bytes_to_string"
external unsafe_of_string : string -> bytes = "%bytes_of_string"
external string_length : string -> int = "%string_length"
external alloc : int -> bytes = "caml_create_bytes"
external unsafe_fill : bytes -> int -> int -> char -> unit = "caml_fill_bytes"
external unsafe_blit : bytes -> int -> bytes -> int -> int -> unit
  = "caml_blit_bytes"
external unsafe_blit_string : string -> int -> bytes -> int -> int -> unit
  = "caml_blit_string"

type t = bytes

(* The runtime's own negative-size error names String (test/stdlib/BUGS.md
   #2), so the size is checked before reaching it. *)
let create n = if n < 0 then invalid_arg "Bytes.create" else alloc n

(* [ofs, ofs + n) must lie inside a sequence of length [len]; written so that
   no sum can overflow. *)
let valid_range len ofs n = ofs >= 0 && n >= 0 && ofs <= len - n

let make n c = let b = create n in unsafe_fill b 0 n c; b

let init n f =
  let b = create n in
  for i = 0 to n - 1 do unsafe_set b i (f i) done;
  b

let empty = create 0

let copy b = let n = length b in let r = create n in unsafe_blit b 0 r 0 n; r
let to_string b = unsafe_to_string (copy b)
let of_string s = copy (unsafe_of_string s)

let sub b ofs n =
  if not (valid_range (length b) ofs n) then invalid_arg "String.sub / Bytes.sub";
  let r = create n in
  unsafe_blit b ofs r 0 n;
  r

let sub_string b ofs n = unsafe_to_string (sub b ofs n)

let extend b left right =
  (* Two additions, each of which may wrap around: a wrapped sum has the
     opposite sign to both of its operands. *)
  let add x y =
    let z = x + y in
    if (x < 0) = (y < 0) && (z < 0) <> (x < 0) then invalid_arg "Bytes.extend"
    else z in
  let n = add (add (length b) left) right in
  let r = create n in
  let src = if left < 0 then - left else 0 in
  let dst = if left < 0 then 0 else left in
  let count = Int.min (length b - src) (n - dst) in
  if count > 0 then unsafe_blit b src r dst count;
  r

let fill b ofs n c =
  if not (valid_range (length b) ofs n) then invalid_arg "String.fill / Bytes.fill";
  unsafe_fill b ofs n c

let blit src so dst d n =
  if not (valid_range (length src) so n && valid_range (length dst) d n)
  then invalid_arg "Bytes.blit";
  unsafe_blit src so dst d n

let blit_string src so dst d n =
  if not (valid_range (string_length src) so n && valid_range (length dst) d n)
  then invalid_arg "String.blit / Bytes.blit_string";
  unsafe_blit_string src so dst d n

let iter (f : char -> unit) b = for i = 0 to length b - 1 do f (unsafe_get b i) done
let iteri (f : int -> char -> unit) b = for i = 0 to length b - 1 do f i (unsafe_get b i) done

(* Shared with String.concat, which reports its overflow under its own name. *)
let concat_named name sep parts =
  match parts with
  | [] -> empty
  | first :: rest ->
    let gap = length sep in
    let total =
      List.fold_left (fun n p ->
          let n' = n + gap + length p in
          if n' < n then invalid_arg name else n')
        (length first) rest in
    let r = create total in
    unsafe_blit first 0 r 0 (length first);
    ignore (List.fold_left (fun pos p ->
        unsafe_blit sep 0 r pos gap;
        unsafe_blit p 0 r (pos + gap) (length p);
        pos + gap + length p)
        (length first) rest);
    r

let concat sep parts = concat_named "Bytes.concat" sep parts

let cat a b =
  let na = length a and nb = length b in
  let r = create (na + nb) in
  unsafe_blit a 0 r 0 na;
  unsafe_blit b 0 r na nb;
  r

let is_space c = c = ' ' || c = '\t' || c = '\n' || c = '\012' || c = '\r'

let trim b =
  let n = length b in
  let first = ref 0 and last = ref (n - 1) in
  while !first < n && is_space (unsafe_get b !first) do incr first done;
  while !last >= !first && is_space (unsafe_get b !last) do decr last done;
  if !last < !first then empty else sub b !first (!last - !first + 1)

(* How many bytes [escaped] spends on [c]: OCaml's lexical conventions, with
   a decimal escape for anything unprintable. String.escaped relies on a
   width of 1 meaning "left as it is". *)
let escape_width c =
  match c with
  | '"' | '\\' | '\n' | '\t' | '\r' | '\b' -> 2
  | ' ' .. '~' -> 1
  | _ -> 4

let escaped_length b =
  let n = ref 0 in
  for i = 0 to length b - 1 do n := !n + escape_width (unsafe_get b i) done;
  !n

let escaped b =
  let n = escaped_length b in
  if n = length b then copy b
  else begin
    let r = create n in
    let pos = ref 0 in
    let put c = unsafe_set r !pos c; incr pos in
    let digit d = Char.unsafe_chr (Char.code '0' + d) in
    iter (fun c ->
        match c with
        | '\n' -> put '\\'; put 'n'
        | '\t' -> put '\\'; put 't'
        | '\r' -> put '\\'; put 'r'
        | '\b' -> put '\\'; put 'b'
        | '"' | '\\' -> put '\\'; put c
        | ' ' .. '~' -> put c
        | _ ->
          let k = Char.code c in
          put '\\'; put (digit (k / 100)); put (digit (k / 10 mod 10));
          put (digit (k mod 10)))
      b;
    r
  end

(* An empty argument is returned as it is, not copied, as OCaml does. *)
let mapi f b =
  let n = length b in
  if n = 0 then b
  else begin
    let r = create n in
    for i = 0 to n - 1 do unsafe_set r i (f i (unsafe_get b i)) done;
    r
  end

let map f b = mapi (fun _ c -> f c) b

let fold_left f init b =
  let acc = ref init in
  for i = 0 to length b - 1 do acc := f !acc (unsafe_get b i) done;
  !acc

let fold_right f b init =
  let acc = ref init in
  for i = length b - 1 downto 0 do acc := f (unsafe_get b i) !acc done;
  !acc

(* Index of the first byte at or after [i] satisfying [p], or [length b]. *)
let rec find_from p b i =
  if i >= length b || p (unsafe_get b i) then i else find_from p b (i + 1)

let exists p b = find_from p b 0 < length b
let for_all p b = find_from (fun c -> not (p c)) b 0 = length b

let uppercase_ascii b = map Char.uppercase_ascii b
let lowercase_ascii b = map Char.lowercase_ascii b

(* Changes the first byte only; an empty argument is returned uncopied. *)
let map_first f b = mapi (fun i c -> if i = 0 then f c else c) b

let capitalize_ascii b = map_first Char.uppercase_ascii b
let uncapitalize_ascii b = map_first Char.lowercase_ascii b

(* Whether [part] occurs in [b] at position [at] (which must be >= 0). *)
let occurs_at part b at =
  let n = length part in
  at + n <= length b
  && (let rec same k = k = n || (unsafe_get b (at + k) = unsafe_get part k
                                 && same (k + 1)) in
      same 0)

let starts_with ~prefix b = occurs_at prefix b 0

let ends_with ~suffix b =
  let at = length b - length suffix in
  at >= 0 && occurs_at suffix b at

(* The searches for a byte: each is one of two scans, which answer -1 when the
   byte is absent; the raising, optional and boolean forms are read off it. *)
let rec scan_up b stop i c =
  if i >= stop then -1 else if unsafe_get b i = c then i else scan_up b stop (i + 1) c

let rec scan_down b i c =
  if i < 0 then -1 else if unsafe_get b i = c then i else scan_down b (i - 1) c

let found i = if i < 0 then raise Not_found else i
let found_opt i = if i < 0 then None else Some i

let check_from name b i = if i < 0 || i > length b then invalid_arg name
let check_rfrom name b i = if i < -1 || i >= length b then invalid_arg name

let index b c = found (scan_up b (length b) 0 c)
let index_opt b c = found_opt (scan_up b (length b) 0 c)

let index_from b i c =
  check_from "String.index_from / Bytes.index_from" b i;
  found (scan_up b (length b) i c)

let index_from_opt b i c =
  check_from "String.index_from_opt / Bytes.index_from_opt" b i;
  found_opt (scan_up b (length b) i c)

let rindex b c = found (scan_down b (length b - 1) c)
let rindex_opt b c = found_opt (scan_down b (length b - 1) c)

let rindex_from b i c =
  check_rfrom "String.rindex_from / Bytes.rindex_from" b i;
  found (scan_down b i c)

let rindex_from_opt b i c =
  check_rfrom "String.rindex_from_opt / Bytes.rindex_from_opt" b i;
  found_opt (scan_down b i c)

let contains_from b i c =
  check_from "String.contains_from / Bytes.contains_from" b i;
  scan_up b (length b) i c >= 0

let contains b c = contains_from b 0 c

let rcontains_from b i c =
  (* Stricter than rindex_from: -1 is not a valid start here. *)
  if i < 0 || i >= length b then
    invalid_arg "String.rcontains_from / Bytes.rcontains_from";
  scan_down b i c >= 0

let compare (a : t) (b : t) = Stdlib.compare a b
external equal : t -> t -> bool = "caml_bytes_equal"

(* Built from the right so that the pieces come out in order without a
   final reversal. *)
let split_on_char sep b =
  let rec go stop i acc =
    if i < 0 then sub b 0 stop :: acc
    else if unsafe_get b i = sep then go i (i - 1) (sub b (i + 1) (stop - i - 1) :: acc)
    else go stop (i - 1) acc in
  go (length b) (length b - 1) []

(* Deprecated Latin-1 case mappings. *)
let uppercase b = map Char.uppercase b
let lowercase b = map Char.lowercase b
let capitalize b = map_first Char.uppercase b
let uncapitalize b = map_first Char.lowercase b

let to_seqi b =
  let rec from i () = if i < length b then Seq.Cons ((i, unsafe_get b i), from (i + 1)) else Seq.Nil in
  from 0

let to_seq b = Seq.map snd (to_seqi b)

let of_seq s =
  let chars = List.of_seq s in
  let b = create (List.length chars) in
  List.iteri (fun i c -> unsafe_set b i c) chars;
  b
