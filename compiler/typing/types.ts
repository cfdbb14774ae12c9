// Type expressions, type declarations and signatures inside the checker.
//
// Invariants:
// - Type variables are mutable union-find nodes with levels (Rémy's level-based
//   generalisation, as OCaml's `Ctype` does it). A variable is unbound
//   (`link === null`) or a link to another type; `repr` follows links. Generic
//   variables (of a type scheme) have `level === GENERIC`; instantiation copies them.
// - Type constructors are named by `Path`s whose roots are `Ident`s, unique by
//   stamp. `M.t` is `pdot(M, 't')`; `F(X).t` is `pdot(papply(F, X), 't')`. Two
//   type constructors are the same iff their paths are equal (after expanding
//   abbreviations), which is how abstract types stay abstract outside a module.
// - A signature's items bind `Ident`s; seen from outside through a module path
//   `P`, an item's ident is replaced by `P.name` (see subst.ts).
// - An optional parameter `?x:t` is stored as an arrow whose `param` is `t option`.

import type { ArgLabel, Span } from '../syntax/ast.ts';
import type { CtorDesc, Ident } from './typedtree.ts';

export type { Ident };

export const GENERIC = 100_000_000;

let stampCounter = 0;

/** A fresh binding occurrence. */
export function createIdent(name: string): Ident {
  return { name, stamp: ++stampCounter };
}

export type Path =
  | { readonly kind: 'pident'; readonly id: Ident }
  | { readonly kind: 'pdot'; readonly base: Path; readonly name: string }
  | { readonly kind: 'papply'; readonly fn: Path; readonly arg: Path };

export function pident(id: Ident): Path {
  return { kind: 'pident', id };
}
export function pdot(base: Path, name: string): Path {
  return { kind: 'pdot', base, name };
}

export function pathEqual(a: Path, b: Path): boolean {
  if (a === b) return true;
  switch (a.kind) {
    case 'pident':
      return b.kind === 'pident' && a.id.stamp === b.id.stamp;
    case 'pdot':
      return b.kind === 'pdot' && a.name === b.name && pathEqual(a.base, b.base);
    case 'papply':
      return b.kind === 'papply' && pathEqual(a.fn, b.fn) && pathEqual(a.arg, b.arg);
  }
}

/** The last name of a path: `t` for `M.t`. */
export function pathLast(p: Path): string {
  return p.kind === 'pident' ? p.id.name : p.kind === 'pdot' ? p.name : pathLast(p.fn);
}

export function pathRoot(p: Path): Ident {
  return p.kind === 'pident' ? p.id : p.kind === 'pdot' ? pathRoot(p.base) : pathRoot(p.fn);
}

export interface TypeVar {
  readonly kind: 'var';
  readonly id: number;
  level: number;
  link: Type | null;
  /** The user's name for it, from an annotation (`'a`), used when printing. */
  name: string | null;
}

/**
 * Constructed types can be linked too: after unifying two constructed types,
 * OCaml links one node to the other, so the result keeps an abbreviation's name
 * (`t` rather than its expansion `int list`). Always look through `repr`.
 */
export type Type =
  | TypeVar
  | { readonly kind: 'arrow'; readonly label: ArgLabel; readonly param: Type; readonly result: Type; link?: Type | null }
  | { readonly kind: 'tuple'; readonly items: readonly Type[]; link?: Type | null }
  | { readonly kind: 'constr'; readonly path: Path; readonly args: readonly Type[]; link?: Type | null };

/** Nodes shared by all their uses (the predefined `int`, `string`...): never linked. */
export const sharedNodes = new WeakSet<Type>();

let varCounter = 0;

export function newVar(level: number, name: string | null = null): TypeVar {
  return { kind: 'var', id: ++varCounter, level, link: null, name };
}

/** Follows variable links to the representative (with path compression). */
export function repr(t: Type): Type {
  if (t.link) {
    const r = repr(t.link);
    t.link = r;
    return r;
  }
  return t;
}

export const NOLABEL: ArgLabel = { kind: 'nolabel' };

export function arrow(param: Type, result: Type, label: ArgLabel = NOLABEL): Type {
  return { kind: 'arrow', label, param, result };
}
export function tuple(items: Type[]): Type {
  return { kind: 'tuple', items };
}
export function constr(path: Path, args: readonly Type[] = []): Type {
  return { kind: 'constr', path, args };
}

// ---------------------------------------------------------------------------
// Declarations

export interface LabelDecl {
  readonly name: string;
  readonly mutable: boolean;
  readonly type: Type;
}

export interface CtorDecl {
  readonly name: string;
  readonly args: readonly Type[];
  /** `C of { ... }`: the fields (then `args` is empty). */
  readonly inlineRecord: readonly LabelDecl[] | null;
}

export type TypeKind =
  | { readonly kind: 'abstract' }
  | { readonly kind: 'variant'; readonly ctors: readonly CtorDecl[] }
  | { readonly kind: 'record'; readonly fields: readonly LabelDecl[] };

export interface Variance {
  co: boolean;
  contra: boolean;
}

export interface TypeDecl {
  /** Generic variables. */
  readonly params: readonly Type[];
  readonly kind: TypeKind;
  readonly manifest: Type | null;
  readonly private: boolean;
  readonly variance: readonly Variance[];
  readonly span: Span | null;
}

export interface ValueDesc {
  /** A type scheme: generic variables are at level GENERIC. */
  readonly type: Type;
  readonly prim: { readonly name: string; readonly arity: number } | null;
}

export interface ExceptionDecl {
  readonly args: readonly Type[];
  readonly inlineRecord: readonly LabelDecl[] | null;
}

export type SigItem =
  | { readonly kind: 'value'; readonly id: Ident; readonly desc: ValueDesc }
  /** `recNext`: not the first of a recursive group (printed with `and`). */
  | { readonly kind: 'type'; readonly id: Ident; readonly decl: TypeDecl; readonly recNext?: boolean }
  | { readonly kind: 'exception'; readonly id: Ident; readonly decl: ExceptionDecl }
  | { readonly kind: 'module'; readonly id: Ident; readonly mty: ModType }
  | { readonly kind: 'modtype'; readonly id: Ident; readonly mty: ModType | null };

export type Signature = readonly SigItem[];

export type ModType =
  | { readonly kind: 'sig'; readonly items: Signature }
  | {
      readonly kind: 'functor';
      readonly param: Ident;
      readonly paramType: ModType;
      readonly result: ModType;
      /** `functor () -> ...`: applied to `()` only (then `paramType` is `sig end`
       *  and `param` is unused); each application makes fresh abstract types. */
      readonly generative?: boolean;
    }
  /** A module type by name, kept so that it prints as its name. */
  | { readonly kind: 'ident'; readonly path: Path }
  /** `module N = M`: an alias, printed as such. */
  | { readonly kind: 'alias'; readonly path: Path };

/** Does this item take a slot in the structure block? */
export function isRuntimeItem(item: SigItem): boolean {
  return item.kind === 'value' || item.kind === 'module' || item.kind === 'exception';
}

/** Runtime position of each runtime item of a signature, by item index. */
export function runtimePositions(sig: Signature): number[] {
  const out: number[] = [];
  let pos = 0;
  for (const item of sig) out.push(isRuntimeItem(item) ? pos++ : -1);
  return out;
}

// ---------------------------------------------------------------------------
// Constructor and label descriptions, as found in the environment

export interface CtorInfo {
  readonly name: string;
  /** The variant type (`exn` for exceptions) and its parameters (generic). */
  readonly resPath: Path;
  readonly params: readonly Type[];
  readonly args: readonly Type[];
  readonly inlineRecord: readonly LabelDecl[] | null;
  readonly desc: CtorDesc;
  /** All constructors of the type, for exhaustiveness (null for exceptions). */
  readonly siblings: readonly CtorDecl[] | null;
  /** For an exception with an inline record: the record's type constructor (see
   *  env.ts `inlineRecordPath`; a variant's is `t.C`). */
  readonly inlinePath?: Path;
}

export interface LabelInfo {
  readonly name: string;
  readonly resPath: Path;
  readonly params: readonly Type[];
  readonly type: Type;
  readonly mutable: boolean;
  readonly pos: number;
  readonly all: readonly LabelDecl[];
}

/** Computes OCaml's runtime layout for the constructors of a variant. */
export function ctorDescs(ctors: readonly CtorDecl[]): CtorDesc[] {
  let consts = 0;
  let blocks = 0;
  for (const c of ctors) {
    if (c.args.length === 0 && c.inlineRecord === null) consts++;
    else blocks++;
  }
  let ci = 0;
  let bi = 0;
  return ctors.map((c) => {
    const constant = c.args.length === 0 && c.inlineRecord === null;
    return {
      name: c.name,
      tag: constant ? ci++ : bi++,
      arity: c.inlineRecord ? c.inlineRecord.length : c.args.length,
      constant,
      numConsts: consts,
      numBlocks: blocks,
      exn: null,
      inlineRecord: c.inlineRecord !== null,
    };
  });
}
