(* Core: mutually recursive types and functions, type aliases, records containing variants *)
type expr =
  | Lit of int
  | Var of string
  | Let of binding * expr
  | If of cond * expr * expr
  | Sum of expr list
and binding = { name : string; bound : expr }
and cond = Eq of expr * expr | Lt of expr * expr | Not of cond

type env = (string * int) list
type name = string

let rec lookup (env : env) (x : name) =
  match env with [] -> failwith ("unbound " ^ x) | (y, v) :: rest -> if x = y then v else lookup rest x

let rec eval env = function
  | Lit n -> n
  | Var x -> lookup env x
  | Let ({ name; bound }, body) -> eval ((name, eval env bound) :: env) body
  | If (c, a, b) -> if test env c then eval env a else eval env b
  | Sum es -> sum env es
and test env = function
  | Eq (a, b) -> eval env a = eval env b
  | Lt (a, b) -> eval env a < eval env b
  | Not c -> not (test env c)
and sum env = function [] -> 0 | e :: rest -> eval env e + sum env rest

let rec show = function
  | Lit n -> string_of_int n
  | Var x -> x
  | Let (b, e) -> "let " ^ b.name ^ " = " ^ show b.bound ^ " in " ^ show e
  | If (c, a, b) -> "if " ^ show_cond c ^ " then " ^ show a ^ " else " ^ show b
  | Sum es -> "sum(" ^ show_list es ^ ")"
and show_cond = function
  | Eq (a, b) -> show a ^ " = " ^ show b
  | Lt (a, b) -> show a ^ " < " ^ show b
  | Not c -> "not (" ^ show_cond c ^ ")"
and show_list = function [] -> "" | [ e ] -> show e | e :: rest -> show e ^ ", " ^ show_list rest

let programs = [
  Lit 42;
  Let ({ name = "x"; bound = Lit 5 }, Sum [ Var "x"; Var "x"; Lit 1 ]);
  If (Lt (Lit 1, Lit 2), Lit 10, Lit 20);
  If (Not (Eq (Lit 3, Sum [ Lit 1; Lit 2 ])), Lit 0, Lit 1);
  Let ({ name = "a"; bound = Lit 2 },
       Let ({ name = "b"; bound = Sum [ Var "a"; Lit 3 ] },
            If (Eq (Var "b", Lit 5), Sum [ Var "a"; Var "b"; Sum [] ], Lit (-1))));
  Let ({ name = "y"; bound = Lit 1 }, Let ({ name = "y"; bound = Sum [ Var "y"; Var "y" ] }, Var "y"));
]

let () =
  let rec run = function
    | [] -> ()
    | p :: rest -> print_endline (show p ^ "  =>  " ^ string_of_int (eval [] p)); run rest
  in
  run programs;
  (try ignore (eval [] (Var "zz")) with Failure m -> print_endline m)
