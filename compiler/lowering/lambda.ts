// The untyped intermediate language between the typed tree and Wasm, in the
// spirit of OCaml's Lambda: no patterns, no modules, no labels. Pattern matching
// has become tests and `exit`s to static handlers; modules have become blocks or,
// when their path is known at build time, plain globals; functions take several
// parameters (a nest of `fun`s merged).
//
// Variables are `Ident`s (unique stamps). A `Global` is a toplevel definition
// that lives for the whole program: lowering decides which bindings are global.

import type { Span } from '../syntax/ast.ts';
import type { Ident } from '../typing/typedtree.ts';

export type Const =
  | { kind: 'int'; value: bigint }
  | { kind: 'float'; value: number }
  | { kind: 'string'; value: Uint8Array };

/** How a value is represented where it is produced; lets codegen skip boxing. */
export type Repr = 'any' | 'int' | 'float';

export interface LFun {
  readonly name: string; // for the Wasm function name and traces
  readonly params: Ident[];
  readonly body: Lam;
  readonly span: Span;
}

export type Lam =
  | { k: 'const'; c: Const }
  | { k: 'var'; id: Ident }
  | { k: 'global'; name: string }
  | { k: 'let'; id: Ident; value: Lam; body: Lam }
  /** Assign a variable bound by a pattern (the match compiler binds by assignment,
   *  so that several test paths can reach one case body). */
  | { k: 'assign'; id: Ident; value: Lam }
  /** Mutually recursive functions. */
  | { k: 'letrec'; binds: { id: Ident; fun: LFun }[]; body: Lam }
  | { k: 'fun'; fun: LFun }
  | { k: 'apply'; fn: Lam; args: Lam[] }
  /** `repr`, on `%makemutable`: the representation of the reference's contents. */
  | { k: 'prim'; op: string; args: Lam[]; span?: Span; repr?: Repr }
  | { k: 'if'; cond: Lam; then: Lam; else: Lam }
  | { k: 'seq'; first: Lam; second: Lam }
  | { k: 'while'; cond: Lam; body: Lam }
  | { k: 'for'; id: Ident; from: Lam; to: Lam; down: boolean; body: Lam }
  /** Run `body`; an `exit` to `label` inside it continues with `handler`. */
  | { k: 'catch'; label: number; body: Lam; handler: Lam }
  | { k: 'exit'; label: number }
  /** Dispatch on a variant value `arg` (a variable): a constant constructor by its
   *  number, a block by its tag; tags not listed go to `fallback`. */
  | { k: 'switch'; arg: Lam; consts: SwitchArm[]; blocks: SwitchArm[]; fallback: Lam }
  | { k: 'try'; body: Lam; id: Ident; handler: Lam }
  | { k: 'raise'; exn: Lam }
  /** Allocate a block with a tag and fields; tag FLOAT_RECORD_TAG (layout.ts): a
   *  flat float record, whose fields are floats. */
  | { k: 'block'; tag: number; fields: Lam[] }
  /** `float`: the object is a flat float record. */
  | { k: 'field'; obj: Lam; index: number; float?: boolean }
  | { k: 'setfield'; obj: Lam; index: number; value: Lam; float?: boolean }
  /** Assign a toplevel global (initialisation order of a structure). */
  | { k: 'setglobal'; name: string; value: Lam };

export interface SwitchArm {
  readonly tag: number;
  readonly body: Lam;
}

export const unit: Lam = { k: 'const', c: { kind: 'int', value: 0n } };

export function int(n: number | bigint): Lam {
  return { k: 'const', c: { kind: 'int', value: BigInt(n) } };
}

/** A whole program: toplevel globals and the code that initialises them in order. */
export interface Program {
  readonly globals: string[];
  readonly init: Lam;
  /** Variables whose type is known to be int-like or float, by stamp (others: 'any'). */
  readonly reprs: Map<number, Repr>;
  /** Variables that `assign` updates after their `let` (references made local). */
  readonly mutableVars: Set<number>;
}

/**
 * The direct subterms of `l`; with
 * `intoFunctions` false, the bodies of functions it defines are left out (they
 * run later, in their own frame).
 */
export function subterms(l: Lam, intoFunctions = true): Lam[] {
  switch (l.k) {
    case 'const':
    case 'var':
    case 'global':
    case 'exit':
      return [];
    case 'let':
      return [l.value, l.body];
    case 'assign':
      return [l.value];
    case 'letrec':
      return intoFunctions ? [...l.binds.map((b) => b.fun.body), l.body] : [l.body];
    case 'fun':
      return intoFunctions ? [l.fun.body] : [];
    case 'apply':
      return [l.fn, ...l.args];
    case 'prim':
      return l.args;
    case 'if':
      return [l.cond, l.then, l.else];
    case 'seq':
      return [l.first, l.second];
    case 'while':
      return [l.cond, l.body];
    case 'for':
      return [l.from, l.to, l.body];
    case 'catch':
      return [l.body, l.handler];
    case 'switch':
      return [l.arg, ...l.consts.map((a) => a.body), ...l.blocks.map((a) => a.body), l.fallback];
    case 'try':
      return [l.body, l.handler];
    case 'raise':
      return [l.exn];
    case 'block':
      return l.fields;
    case 'field':
      return [l.obj];
    case 'setfield':
      return [l.obj, l.value];
    case 'setglobal':
      return [l.value];
  }
}
