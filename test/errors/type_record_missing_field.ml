type config = { host : string; port : int; debug : bool }

let default = { host = "localhost"; port = 8080 }
