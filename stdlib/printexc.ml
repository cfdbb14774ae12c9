(* Printexc: exceptions as text, as OCaml 4.13 prints them.

   An exception value is a block whose field 0 is its constructor's identity
   (itself a block holding the name) and whose other fields are the arguments;
   an exception without arguments is the identity itself (tag 248). OCaml's
   Printexc reads this through Obj; the primitives below are mlc's equivalent.
   There are no backtraces: an image carries no debugging information. *)

external kind : 'a -> int = "mlc_obj_kind"
external tag : 'a -> int = "mlc_obj_tag"
external size : 'a -> int = "mlc_obj_size"
external field : 'a -> int -> 'b = "mlc_obj_field"
external as_int : 'a -> int = "%identity"
external as_string : 'a -> string = "%identity"
external as_float : 'a -> float = "%identity"

(* One argument as OCaml shows it: ints (and chars) as numbers, strings quoted
   and escaped, floats as string_of_float does, anything else as _. *)
let argument v =
  match kind v with
  | 0 -> string_of_int (as_int v)
  | 2 -> "\"" ^ String.escaped (as_string v) ^ "\""
  | 3 -> string_of_float (as_float v)
  | _ -> "_"

let arguments x =
  let n = size x in
  if n <= 1 then ""
  else begin
    let parts = List.init (n - 1) (fun i -> argument (field x (i + 1))) in
    "(" ^ String.concat ", " parts ^ ")"
  end

let located file line char width what =
  Printf.sprintf "File \"%s\", line %d, characters %d-%d: %s" file line char (char + width) what

let to_string_default = function
  | Out_of_memory -> "Out of memory"
  | Stack_overflow -> "Stack overflow"
  | Match_failure (file, line, char) -> located file line char 5 "Pattern matching failed"
  | Assert_failure (file, line, char) -> located file line char 6 "Assertion failed"
  | x ->
    if tag x = 248 then as_string (field x 0)
    else as_string (field (field x 0) 0) ^ arguments x

(* Printers registered by the program, most recent first; a printer that
   raises or answers None passes the exception on to the next. *)
let printers : (exn -> string option) list ref = ref []

let register_printer p = printers := p :: !printers

let to_string e =
  let rec use = function
    | [] -> to_string_default e
    | p :: rest -> (match p e with Some s -> s | None -> use rest | exception _ -> use rest)
  in
  use !printers

let print f x =
  try f x
  with e ->
    Printf.eprintf "Uncaught exception: %s\n" (to_string e);
    flush stderr;
    raise e

let catch f x =
  try f x
  with e ->
    flush stdout;
    Printf.eprintf "Uncaught exception: %s\n" (to_string e);
    exit 2

(* Recording can be switched on, as in OCaml, but there is nothing to record. *)
let recording = ref false
let record_backtrace on = recording := on
let backtrace_status () = !recording
let get_backtrace () = ""
