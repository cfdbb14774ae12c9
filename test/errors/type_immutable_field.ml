type account = { owner : string; balance : int }

let deposit acc amount =
  acc.balance <- acc.balance + amount
