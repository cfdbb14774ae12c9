// The surface syntax tree produced by the parser.
//
// Invariants:
// - Every node carries a `span` (byte offsets into its source file). Nodes the
//   parser invents (list sugar, operator sections, `a.(i)` rewritten to a call)
//   carry the span of the source text they stand for, with `ghost: true`, so a
//   diagnostic never points at text the user did not write as such.
// - Sugar that OCaml defines as sugar is desugared here, once: list literals
//   become `::`/`[]` constructors, infix and prefix operators become
//   applications of the operator's identifier, `if` without `else` keeps
//   `else: null` (the checker needs to know, to explain why `then` is unit).
// - Nothing here is resolved: names are strings; the type checker resolves them.

export interface Span {
  readonly file: string;
  readonly start: number; // byte offset of the first character
  readonly end: number; // byte offset one past the last character
  readonly ghost?: boolean;
}

// ---------------------------------------------------------------------------
// Names

/** A module path: `M`, `M.N`, `F(X)` (the last only in type paths). */
export type ModPath =
  | { kind: 'mident'; name: string; span: Span }
  | { kind: 'mdot'; base: ModPath; name: string; span: Span }
  | { kind: 'mapply'; fn: ModPath; arg: ModPath; span: Span };

/** `x`, `M.x`, `M.N.(+)`, `Some`, `M.t`: an optional module path and a last name. */
export interface LongIdent {
  readonly path: ModPath | null;
  readonly name: string;
  readonly span: Span;
}

/** Argument labels: `f x`, `f ~x`, `f ?x`. */
export type ArgLabel =
  | { kind: 'nolabel' }
  | { kind: 'labelled'; name: string }
  | { kind: 'optional'; name: string };

// ---------------------------------------------------------------------------
// Constants

export type Constant =
  | { kind: 'int'; value: bigint; text: string } // already range-checked to 63 bits
  | { kind: 'float'; value: number; text: string }
  | { kind: 'char'; value: number } // a byte, 0..255
  | { kind: 'string'; value: Uint8Array; text: string }; // `text` is the source spelling

// ---------------------------------------------------------------------------
// Type expressions

export type TypeExpr =
  | { kind: 'tvar'; name: string; span: Span } // 'a
  | { kind: 'tany'; span: Span } // _
  | { kind: 'tarrow'; label: ArgLabel; param: TypeExpr; result: TypeExpr; span: Span }
  | { kind: 'ttuple'; items: TypeExpr[]; span: Span }
  | { kind: 'tconstr'; name: LongIdent; args: TypeExpr[]; span: Span };

// ---------------------------------------------------------------------------
// Patterns

export type Pattern =
  | { kind: 'pany'; span: Span }
  | { kind: 'pvar'; name: string; span: Span }
  | { kind: 'palias'; pat: Pattern; name: string; nameSpan: Span; span: Span }
  | { kind: 'pconst'; value: Constant; span: Span }
  | { kind: 'prange'; lo: Constant; hi: Constant; span: Span } // 'a'..'z'
  | { kind: 'ptuple'; items: Pattern[]; span: Span }
  | { kind: 'pconstruct'; ctor: LongIdent; arg: Pattern | null; span: Span }
  | { kind: 'precord'; fields: PatField[]; open: boolean; span: Span } // open: `; _ }`
  | { kind: 'parray'; items: Pattern[]; span: Span }
  | { kind: 'por'; left: Pattern; right: Pattern; span: Span }
  | { kind: 'pconstraint'; pat: Pattern; type: TypeExpr; span: Span }
  | { kind: 'pexception'; pat: Pattern; span: Span }; // `| exception E -> ...` in match

export interface PatField {
  readonly field: LongIdent;
  readonly pat: Pattern; // `{ x }` is punned to `{ x = x }` by the parser
  readonly span: Span;
}

// ---------------------------------------------------------------------------
// Expressions

export type Expr =
  | { kind: 'const'; value: Constant; span: Span }
  | { kind: 'ident'; name: LongIdent; span: Span }
  | { kind: 'let'; rec: boolean; bindings: Binding[]; body: Expr; span: Span }
  | { kind: 'fun'; params: Param[]; body: Expr; span: Span } // `fun p1 ~l ?(o = 1) -> e`
  | { kind: 'function'; cases: Case[]; span: Span }
  | { kind: 'apply'; fn: Expr; args: Arg[]; span: Span }
  | { kind: 'match'; scrutinee: Expr; cases: Case[]; span: Span }
  | { kind: 'try'; body: Expr; cases: Case[]; span: Span }
  | { kind: 'tuple'; items: Expr[]; span: Span }
  | { kind: 'construct'; ctor: LongIdent; arg: Expr | null; span: Span }
  | { kind: 'record'; fields: ExprField[]; base: Expr | null; span: Span }
  | { kind: 'field'; record: Expr; field: LongIdent; span: Span }
  | { kind: 'setfield'; record: Expr; field: LongIdent; value: Expr; span: Span }
  | { kind: 'array'; items: Expr[]; span: Span }
  // `a.(i)` and `s.[i]`, and their `<-` forms. OCaml defines these as calls to
  // `Array.get`/`String.get` (`Array.set`/`Bytes.set`) in scope; the checker does that.
  | { kind: 'index'; container: 'array' | 'string'; target: Expr; index: Expr; span: Span }
  | {
      kind: 'setindex';
      container: 'array' | 'string';
      target: Expr;
      index: Expr;
      value: Expr;
      span: Span;
    }
  | { kind: 'if'; cond: Expr; then: Expr; else: Expr | null; span: Span }
  | { kind: 'seq'; first: Expr; second: Expr; span: Span }
  | { kind: 'while'; cond: Expr; body: Expr; span: Span }
  | {
      kind: 'for';
      var: Pattern; // a pvar or pany
      from: Expr;
      to: Expr;
      down: boolean;
      body: Expr;
      span: Span;
    }
  | { kind: 'constraint'; expr: Expr; type: TypeExpr; span: Span }
  | { kind: 'open'; module: ModPath; body: Expr; span: Span } // `let open M in e`, `M.(e)`
  | { kind: 'letmodule'; name: string; module: ModExpr; body: Expr; span: Span }
  | { kind: 'letexception'; decl: ExceptionDecl; body: Expr; span: Span }
  | { kind: 'assert'; expr: Expr; span: Span } // `assert false` is special in typing
  // `let* x = e1 and* y = e2 in body`: the operators are identifiers like `let*`, `and*`.
  | { kind: 'letop'; let_: LetOpBinding; ands: LetOpBinding[]; body: Expr; span: Span };

export interface LetOpBinding {
  readonly op: LongIdent; // `let*` or `and*` (possibly qualified by an open module)
  readonly pat: Pattern;
  readonly expr: Expr;
  readonly span: Span;
}

export interface Binding {
  readonly pat: Pattern; // `let f x y = e` is `f = fun x y -> e`
  readonly expr: Expr;
  readonly span: Span;
}

export interface Case {
  readonly pat: Pattern;
  readonly guard: Expr | null;
  readonly body: Expr;
  readonly span: Span;
}

export interface Arg {
  readonly label: ArgLabel;
  readonly expr: Expr; // `~x` alone is punned to `~x:x`
  readonly span: Span;
}

/** A function parameter: `p`, `~x`, `~x:p`, `?x`, `?(x = e)`, `?x:(p = e)`. */
export interface Param {
  readonly label: ArgLabel;
  readonly pat: Pattern;
  readonly default: Expr | null; // only for optional parameters
  readonly span: Span;
}

export interface ExprField {
  readonly field: LongIdent;
  readonly expr: Expr; // `{ x }` is punned to `{ x = x }`
  readonly span: Span;
}

// ---------------------------------------------------------------------------
// Type and exception declarations

export interface TypeDecl {
  readonly name: string;
  readonly nameSpan: Span;
  readonly params: { name: string; span: Span }[]; // 'a, 'b (variance annotations dropped)
  readonly manifest: TypeExpr | null; // `type t = int`, or `type t = M.t = A | B`
  readonly body: TypeDeclBody;
  readonly private: boolean;
  readonly span: Span;
}

export type TypeDeclBody =
  | { kind: 'abstract' }
  | { kind: 'variant'; ctors: CtorDecl[] }
  | { kind: 'record'; fields: FieldDecl[] };

export interface CtorDecl {
  readonly name: string;
  readonly args: CtorArgs;
  readonly span: Span;
}

/** `C`, `C of a * b` (two fields), `C of (a * b)` (one tuple field), `C of { x : int }`. */
export type CtorArgs =
  | { kind: 'tuple'; items: TypeExpr[] }
  | { kind: 'record'; fields: FieldDecl[] };

export interface FieldDecl {
  readonly name: string;
  readonly mutable: boolean;
  readonly type: TypeExpr;
  readonly span: Span;
}

export interface ExceptionDecl {
  readonly name: string;
  readonly args: CtorArgs;
  readonly rebind: LongIdent | null; // `exception E = M.E`
  readonly span: Span;
}

// ---------------------------------------------------------------------------
// Module language

export type ModExpr =
  | { kind: 'mpath'; path: ModPath; span: Span }
  | { kind: 'mstruct'; items: StructItem[]; span: Span }
  | { kind: 'mfunctor'; params: FunctorParam[]; body: ModExpr; span: Span }
  | { kind: 'mapply'; fn: ModExpr; arg: ModExpr; span: Span }
  | { kind: 'mconstraint'; module: ModExpr; type: ModType; span: Span };

/** `(X : S)`, or `()` for a generative functor (parsed, rejected by the checker). */
export interface FunctorParam {
  readonly name: string | null;
  readonly type: ModType | null;
  readonly span: Span;
}

export type ModType =
  | { kind: 'mtpath'; name: LongIdent; span: Span }
  | { kind: 'mtsig'; items: SigItem[]; span: Span }
  | { kind: 'mtfunctor'; params: FunctorParam[]; result: ModType; span: Span }
  | { kind: 'mtwith'; base: ModType; constraints: WithConstraint[]; span: Span };

export type WithConstraint =
  // `with type ('a, 'b) M.t = ...` (`destructive` for `:=`)
  | {
      kind: 'wtype';
      name: LongIdent;
      params: { name: string; span: Span }[];
      type: TypeExpr;
      destructive: boolean;
      span: Span;
    }
  // `with module M = N` (`destructive` for `:=`)
  | { kind: 'wmodule'; name: LongIdent; target: ModPath; destructive: boolean; span: Span };

export type StructItem =
  | { kind: 'slet'; rec: boolean; bindings: Binding[]; span: Span }
  | { kind: 'seval'; expr: Expr; span: Span } // a toplevel expression (`;;` separated)
  | { kind: 'stype'; decls: TypeDecl[]; nonrec: boolean; span: Span }
  | { kind: 'sexception'; decl: ExceptionDecl; span: Span }
  | { kind: 'sexternal'; decl: ExternalDecl; span: Span }
  | { kind: 'smodule'; name: string; nameSpan: Span; module: ModExpr; span: Span }
  | { kind: 'srecmodule'; span: Span } // parsed to be rejected clearly
  | { kind: 'smodtype'; name: string; nameSpan: Span; type: ModType | null; span: Span }
  | { kind: 'sopen'; module: ModPath; span: Span }
  | { kind: 'sinclude'; module: ModExpr; span: Span };

export type SigItem =
  | { kind: 'gval'; name: string; nameSpan: Span; type: TypeExpr; span: Span }
  | { kind: 'gexternal'; decl: ExternalDecl; span: Span }
  | { kind: 'gtype'; decls: TypeDecl[]; nonrec: boolean; span: Span }
  | { kind: 'gexception'; decl: ExceptionDecl; span: Span }
  | { kind: 'gmodule'; name: string; nameSpan: Span; type: ModType; span: Span }
  | { kind: 'gmodtype'; name: string; nameSpan: Span; type: ModType | null; span: Span }
  | { kind: 'gopen'; module: ModPath; span: Span }
  | { kind: 'ginclude'; type: ModType; span: Span };

/** `external name : type = "prim"`: how the standard library reaches the host and Wasm. */
export interface ExternalDecl {
  readonly name: string;
  readonly nameSpan: Span;
  readonly type: TypeExpr;
  readonly prims: string[];
  readonly span: Span;
}

/** A `.ml` file is a structure; a `.mli` file is a signature. */
export interface Implementation {
  readonly kind: 'implementation';
  readonly file: string;
  readonly items: StructItem[];
}

export interface Interface {
  readonly kind: 'interface';
  readonly file: string;
  readonly items: SigItem[];
}
