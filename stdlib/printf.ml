(* Formatted output, as OCaml's Printf.

   The type checker reads a format literal and gives it its type
   ((int -> string -> unit, ...) format6); at run time a format is just its
   string. Printing interprets that string: each conversion returns a function
   waiting for its argument, so `printf "%d %s"` is a function of two arguments.
   Because the checker already matched each conversion with its argument's type,
   the interpreter may treat arguments as the types the conversions say
   (`magic`): this is the one place where the library steps outside the type
   system, as OCaml's own CamlinternalFormat does.

   As in OCaml, nothing is output until every argument has been given: a
   partial application can be applied several times. *)

external magic : 'a -> 'b = "%identity"
external string_of_fmt : ('a, 'b, 'c, 'd, 'e, 'f) format6 -> string = "%identity"
external format_int : string -> int -> string = "caml_format_int"
external format_float : string -> float -> string = "caml_format_float"

(* What has been produced so far: text, or output that a %a or %t printer does
   on the destination itself once it is known. *)
type 'b piece = Text of string | Delay of ('b -> unit)

type spec = {
  flags : string;
  width : int option;
  precision : int option;
}

let pad spec s =
  match spec.width with
  | Some w when String.length s < w ->
    let fill = String.make (w - String.length s) ' ' in
    if String.contains spec.flags '-' then s ^ fill else fill ^ s
  | _ -> s

let c_spec spec conv =
  let w = match spec.width with Some w -> string_of_int w | None -> "" in
  let p = match spec.precision with Some p -> "." ^ string_of_int p | None -> "" in
  "%" ^ spec.flags ^ w ^ p ^ conv

(* %F: a float as OCaml source would write it. *)
let ocaml_float spec x =
  match classify_float x with
  | FP_infinite -> if x < 0.0 then "neg_infinity" else "infinity"
  | FP_nan -> "nan"
  | _ ->
    let p = match spec.precision with Some p -> p | None -> 12 in
    valid_float_lexem (format_float ("%." ^ string_of_int p ^ "g") x)

let convert spec conv (x : 'x) =
  match conv with
  | 'd' | 'i' -> format_int (c_spec spec "d") (magic x)
  | 'u' | 'x' | 'X' | 'o' -> format_int (c_spec spec (String.make 1 conv)) (magic x)
  | 's' -> pad spec (magic x)
  | 'S' -> pad spec ("\"" ^ String.escaped (magic x) ^ "\"")
  (* OCaml pads neither %c nor %C: a width there is accepted and ignored *)
  | 'c' -> String.make 1 (magic x)
  | 'C' -> "'" ^ Char.escaped (magic x) ^ "'"
  | 'b' | 'B' -> pad spec (string_of_bool (magic x))
  | 'f' | 'e' | 'E' | 'g' | 'G' | 'h' | 'H' -> format_float (c_spec spec (String.make 1 conv)) (magic x)
  | 'F' -> pad spec (ocaml_float spec (magic x))
  | _ -> invalid_arg ("Printf: bad conversion %" ^ String.make 1 conv)

let is_digit c = c >= '0' && c <= '9'

(* Interprets [fmt] from position [i]. [strmode]: %a and %t printers return
   strings (sprintf) rather than printing on the destination. [finish] receives
   the pieces, in order, once every argument has been given. *)
let interpret (fmt : string) (strmode : bool) (finish : 'b piece list -> 'r) : 'a =
  let len = String.length fmt in
  let rec literal i acc =
    let j = match String.index_from_opt fmt i '%' with Some j -> j | None -> len in
    let acc = if j > i then Text (String.sub fmt i (j - i)) :: acc else acc in
    if j >= len then magic (finish (List.rev acc)) else directive (j + 1) acc
  and directive i acc =
    let rec flags k = if k < len && String.contains "-0+ #" fmt.[k] then flags (k + 1) else k in
    let k = flags i in
    let fl = String.sub fmt i (k - i) in
    width k { flags = fl; width = None; precision = None } acc
  and width k spec acc =
    if k < len && fmt.[k] = '*' then magic (fun (w : int) ->
      let spec = if w < 0 then { spec with flags = spec.flags ^ "-"; width = Some (-w) } else { spec with width = Some w } in
      precision (k + 1) spec acc)
    else begin
      let rec digits j = if j < len && is_digit fmt.[j] then digits (j + 1) else j in
      let j = digits k in
      let spec = if j > k then { spec with width = Some (int_of_string (String.sub fmt k (j - k))) } else spec in
      precision j spec acc
    end
  and precision k spec acc =
    if k < len && fmt.[k] = '.' then begin
      if k + 1 < len && fmt.[k + 1] = '*' then magic (fun (p : int) -> conversion (k + 2) { spec with precision = Some p } acc)
      else begin
        let rec digits j = if j < len && is_digit fmt.[j] then digits (j + 1) else j in
        let j = digits (k + 1) in
        let p = if j > k + 1 then int_of_string (String.sub fmt (k + 1) (j - k - 1)) else 0 in
        conversion j { spec with precision = Some p } acc
      end
    end else conversion k spec acc
  and conversion k spec acc =
    if k >= len then invalid_arg ("Printf: bad format " ^ fmt) else
    (* l, L and n size prefixes name int32, int64 and nativeint: all ints here *)
    let k = if (fmt.[k] = 'l' || fmt.[k] = 'L' || fmt.[k] = 'n') && k + 1 < len
               && String.contains "diuxXo" fmt.[k + 1] then k + 1 else k in
    match fmt.[k] with
    | '%' -> literal (k + 1) (Text "%" :: acc)
    | '!' -> literal (k + 1) acc
    | '@' -> literal (k + 1) (Text "@" :: acc)
    | ',' -> literal (k + 1) acc
    | 'a' ->
      magic (fun printer -> magic (fun x ->
        let piece =
          if strmode then Text ((magic printer) () x : string)
          else Delay (fun dest -> ((magic printer) dest x : unit)) in
        literal (k + 1) (piece :: acc)))
    | 't' ->
      magic (fun printer ->
        let piece =
          if strmode then Text ((magic printer) () : string)
          else Delay (fun dest -> ((magic printer) dest : unit)) in
        literal (k + 1) (piece :: acc))
    | c -> magic (fun x -> literal (k + 1) (Text (convert spec c x) :: acc))
  in
  literal 0 []

let output_pieces oc pieces =
  List.iter (function Text s -> output_string oc s | Delay f -> f oc) pieces

let concat_pieces pieces =
  String.concat "" (List.map (function Text s -> s | Delay _ -> "") pieces)

let fprintf oc fmt = interpret (string_of_fmt fmt) false (fun pieces -> output_pieces oc pieces)
let printf fmt = fprintf stdout fmt
let eprintf fmt = fprintf stderr fmt

let ksprintf k fmt = interpret (string_of_fmt fmt) true (fun pieces -> k (concat_pieces pieces))
let sprintf fmt = ksprintf (fun s -> s) fmt
let kprintf = ksprintf

let kfprintf k oc fmt =
  interpret (string_of_fmt fmt) false (fun pieces -> output_pieces oc pieces; k oc)

let bprintf buf fmt =
  interpret (string_of_fmt fmt) false (fun pieces ->
    List.iter (function Text s -> Buffer.add_string buf s | Delay f -> f buf) pieces)

let ibprintf _buf fmt = interpret (string_of_fmt fmt) false (fun _ -> ())
let ifprintf _oc fmt = interpret (string_of_fmt fmt) false (fun _ -> ())
