(* Block devices (see block.mli). *)

type info = { sector_size : int; size_sectors : int; read_write : bool }

type error = Out_of_range | Io_error of string | Read_only

let pp_error = function
  | Out_of_range -> "sectors out of range"
  | Io_error msg -> Printf.sprintf "I/O error: %s" msg
  | Read_only -> "the device is read-only"

module type S = sig
  type t
  val info : t -> info Promise.t
  val read : t -> int -> int -> (string, error) result Promise.t
  val write : t -> int -> string -> (unit, error) result Promise.t
end

module Mem = struct
  type t = { bytes_per_sector : int; sectors : int; disk : Bytes.t }

  let create ?(sector_size = 512) n =
    if sector_size <= 0 || n < 0 then invalid_arg "Block.Mem.create";
    { bytes_per_sector = sector_size; sectors = n; disk = Bytes.make (n * sector_size) '\000' }

  let info d =
    Promise.return { sector_size = d.bytes_per_sector; size_sectors = d.sectors; read_write = true }

  let in_range d first count = first >= 0 && count >= 0 && first <= d.sectors - count

  let read d first count =
    Promise.return
      (if in_range d first count then
         Ok (Bytes.sub_string d.disk (first * d.bytes_per_sector) (count * d.bytes_per_sector))
       else Error Out_of_range)

  let write d first data =
    let len = String.length data in
    Promise.return
      (if len mod d.bytes_per_sector <> 0 || not (in_range d first (len / d.bytes_per_sector))
       then Error Out_of_range
       else begin
         Bytes.blit_string data 0 d.disk (first * d.bytes_per_sector) len;
         Ok ()
       end)
end

(* Inside its own body, [Host] still names the unit of the host interface
   (host.ml): a module is not in scope in its own definition. *)
module Host (D : sig val device : int end) = struct
  type t = { device : int }

  let connect () = { device = D.device }

  let fail_with fmt = Printf.ksprintf (fun msg -> Promise.fail (Host.Device_error msg)) fmt

  let info d =
    Promise.bind (Host.request d.device 0 0 0 "") (fun (status, data) ->
        match status, List.map int_of_string_opt (String.split_on_char ' ' data) with
        | 0, [ Some sector_size; Some size_sectors; Some rw ] ->
            Promise.return { sector_size; size_sectors; read_write = rw = 1 }
        | _ -> fail_with "block device %d: bad info (status %d, %S)" d.device status data)

  let io_error d what status =
    Io_error
      (if status = 2 then Printf.sprintf "block device %d: %s failed" d.device what
       else Printf.sprintf "block device %d: %s: unexpected status %d" d.device what status)

  let read d first count =
    Promise.map
      (fun (status, data) ->
        match status with
        | 0 -> Ok data
        | 1 -> Error Out_of_range
        | st -> Error (io_error d (Printf.sprintf "read of %d sectors at %d" count first) st))
      (Host.request d.device 1 first count "")

  let write d first data =
    Promise.map
      (fun (status, _) ->
        match status with
        | 0 -> Ok ()
        | 1 -> Error Out_of_range
        | 3 -> Error Read_only
        | st ->
            Error (io_error d (Printf.sprintf "write of %d bytes at sector %d" (String.length data) first) st))
      (Host.request d.device 2 first 0 data)
end
