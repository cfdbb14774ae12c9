module IntMap = Map.Make (Int)
module Names = Map.Make (String)

let ages = IntMap.add "ada" 36 IntMap.empty
