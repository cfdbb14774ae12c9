// The typed tree: what the type checker hands to lowering.
//
// Everything a later phase needs is resolved here, so lowering never looks a name
// up again:
// - every value reference names its binding (`Ident`, unique by stamp), a module
//   component (by runtime position), or a primitive (`external`);
// - constructors and record fields carry their runtime layout (`CtorDesc`,
//   `LabelDesc`);
// - labelled and optional arguments are already put in parameter order, omitted
//   optional arguments are filled with `None`, and `~x:v` for an optional
//   parameter is wrapped in `Some`;
// - `function` and optional-parameter defaults are desugared into `fun` + `match`.
//
// Runtime layout follows OCaml's, so structural equality, `compare` and hashing
// order values as OCaml does: constant constructors are small ints numbered in
// declaration order among the constant ones; non-constant constructors are blocks
// whose tag numbers them among the non-constant ones; `false`/`true`/`()`/`[]`/`None`
// are 0/1/0/0/0; tuples, records, `ref`, `::` and `Some` are blocks with tag 0.

import type { Constant, Span } from '../syntax/ast.ts';
import type { Type } from './types.ts';

/** A binding occurrence. Two `Ident`s are the same variable iff their stamps are equal. */
export interface Ident {
  readonly name: string;
  readonly stamp: number;
}

/** A path to a module at run time. `pos` is the component's index in the structure block. */
export type ModulePath =
  | { kind: 'mlocal'; id: Ident }
  | { kind: 'mdot'; base: ModulePath; name: string; pos: number };

export type ValuePath =
  | { kind: 'local'; id: Ident }
  | { kind: 'dot'; module: ModulePath; name: string; pos: number }
  | { kind: 'prim'; name: string; arity: number }; // an `external`: `name` is the primitive

export interface CtorDesc {
  readonly name: string;
  /** For a constant constructor its integer; otherwise its block tag. */
  readonly tag: number;
  readonly arity: number; // number of fields of the block (0 for constant ones)
  readonly constant: boolean;
  readonly numConsts: number; // constant constructors of the type (for switches)
  readonly numBlocks: number; // non-constant constructors of the type
  /** For exception constructors: where the exception's identity value lives. */
  readonly exn: ValuePath | null;
  /** `C of { ... }`: the block holds the record's fields directly. */
  readonly inlineRecord: boolean;
}

export interface LabelDesc {
  readonly name: string;
  readonly pos: number; // field index in the block
  readonly mutable: boolean;
  readonly numFields: number;
  /** The record's labels in declaration order: for `{ r with ... }` and printing. */
  readonly allLabels: readonly string[];
}

interface Node {
  readonly ty: Type;
  readonly span: Span;
}

export type TExpr = Node &
  (
    | { kind: 'const'; value: Constant }
    | { kind: 'var'; path: ValuePath }
    | { kind: 'let'; rec: boolean; bindings: TBinding[]; body: TExpr }
    /** One parameter per `fun`; curried functions nest. Lowering merges the nest. */
    | { kind: 'fun'; param: Ident; body: TExpr }
    /** Arguments in parameter order. `null` marks an argument left out (a partial
     *  application through labels): lowering builds the closure that waits for it. */
    | { kind: 'apply'; fn: TExpr; args: (TExpr | null)[] }
    | { kind: 'match'; scrutinee: TExpr; cases: TCase[]; exnCases: TCase[]; partial: boolean }
    | { kind: 'try'; body: TExpr; cases: TCase[] }
    | { kind: 'tuple'; items: TExpr[] }
    | { kind: 'construct'; ctor: CtorDesc; args: TExpr[] }
    /** Fields in position order; with a base, `null` means "copy from base". */
    | { kind: 'record'; fields: (TExpr | null)[]; base: TExpr | null }
    | { kind: 'field'; record: TExpr; label: LabelDesc }
    | { kind: 'setfield'; record: TExpr; label: LabelDesc; value: TExpr }
    | { kind: 'array'; items: TExpr[] }
    | { kind: 'if'; cond: TExpr; then: TExpr; else: TExpr | null }
    | { kind: 'seq'; first: TExpr; second: TExpr }
    | { kind: 'while'; cond: TExpr; body: TExpr }
    | { kind: 'for'; id: Ident; from: TExpr; to: TExpr; down: boolean; body: TExpr }
    /** `assert e`; `assert false` has `isFalse` and type `'a`. */
    | { kind: 'assert'; expr: TExpr; isFalse: boolean }
    | { kind: 'letmodule'; id: Ident; module: TModExpr; body: TExpr }
    | { kind: 'letexception'; id: Ident; name: string; body: TExpr }
  );

export interface TBinding {
  readonly pat: TPattern;
  readonly expr: TExpr;
}

export interface TCase {
  readonly pat: TPattern;
  readonly guard: TExpr | null;
  readonly body: TExpr;
}

export type TPattern = Node &
  (
    | { kind: 'any' }
    | { kind: 'var'; id: Ident }
    | { kind: 'alias'; pat: TPattern; id: Ident }
    | { kind: 'const'; value: Constant }
    | { kind: 'range'; lo: number; hi: number } // char ranges, as bytes
    | { kind: 'tuple'; items: TPattern[] }
    | { kind: 'construct'; ctor: CtorDesc; args: TPattern[] }
    /** Only the fields the pattern mentions. */
    | { kind: 'record'; fields: { label: LabelDesc; pat: TPattern }[] }
    | { kind: 'array'; items: TPattern[] }
    | { kind: 'or'; left: TPattern; right: TPattern }
  );

// ---------------------------------------------------------------------------
// Modules

/** How to turn a module value into one with a (smaller, reordered) signature. */
export type Coercion =
  | { kind: 'identity' }
  /** The result's component i is the source's component `fields[i].pos`, coerced. */
  | { kind: 'struct'; fields: { pos: number; coercion: Coercion }[] }
  | { kind: 'functor'; arg: Coercion; result: Coercion };

export type TModExpr =
  | { kind: 'path'; path: ModulePath; span: Span }
  /** `exports` lists, in runtime position order, the identifiers the structure block holds. */
  | { kind: 'struct'; items: TStructItem[]; exports: Ident[]; span: Span }
  | { kind: 'functor'; param: Ident; body: TModExpr; span: Span }
  | { kind: 'apply'; fn: TModExpr; arg: TModExpr; span: Span }
  | { kind: 'coerce'; module: TModExpr; coercion: Coercion; span: Span };

export type TStructItem =
  | { kind: 'let'; rec: boolean; bindings: TBinding[]; span: Span }
  | { kind: 'eval'; expr: TExpr; span: Span }
  /** Defines a fresh exception identity: a block `[| name; unique id |]` with tag 248. */
  | { kind: 'exception'; id: Ident; name: string; span: Span }
  /** `exception E = M.F`: rebinds an existing identity. */
  | { kind: 'exceptionalias'; id: Ident; path: ValuePath; span: Span }
  | { kind: 'module'; id: Ident; module: TModExpr; span: Span }
  /** `external f : ... = "prim"`: binds `id` to the primitive as a first-class value,
   *  for structures that export it through a `val`. */
  | { kind: 'external'; id: Ident; prim: string; arity: number; span: Span }
  /** `include M`: binds each of `ids` to the included module's component of that position. */
  | { kind: 'include'; module: TModExpr; ids: Ident[]; span: Span };

/** A checked compilation unit: the structure and the text of its inferred interface. */
export interface TImplementation {
  readonly file: string;
  readonly module: TModExpr & { kind: 'struct' };
}
