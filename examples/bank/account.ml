type t = { owner : string; mutable balance : int; mutable history : int list }

exception Insufficient_funds of int

let open_account ~owner = { owner; balance = 0; history = [] }
let owner a = a.owner
let balance a = a.balance

let deposit a n =
  if n <= 0 then invalid_arg "deposit: amount must be positive";
  a.balance <- a.balance + n;
  a.history <- n :: a.history

let withdraw a n =
  if n > a.balance then raise (Insufficient_funds (n - a.balance));
  a.balance <- a.balance - n;
  a.history <- -n :: a.history
