module Names = Map.Make (String)

type t = { mutable accounts : Account.t Names.t }

let create () = { accounts = Names.empty }

let account l name =
  match Names.find_opt name l.accounts with
  | Some a -> a
  | None ->
    let a = Account.open_account ~owner:name in
    l.accounts <- Names.add name a l.accounts;
    a

let transfer l ~from ~to_ amount =
  let src = account l from and dst = account l to_ in
  match Account.withdraw src amount with
  | () -> Account.deposit dst amount; Ok ()
  | exception Account.Insufficient_funds missing ->
    Error (Printf.sprintf "%s is %d short" from missing)

let report l =
  Names.fold (fun name a acc -> Printf.sprintf "%-6s %5d" name (Account.balance a) :: acc) l.accounts []
  |> List.rev
