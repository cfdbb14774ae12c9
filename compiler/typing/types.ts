// Type expressions inside the checker: mutable union-find variables with levels
// (Rémy's level-based generalisation, as OCaml's `Ctype` does it).
//
// A variable is either unbound (`link === null`) or a link to another type;
// `repr` follows links. `level` is the let-depth at which an unbound variable was
// created; generalisation makes variables whose level is deeper than the current
// one generic (`level = GENERIC`). Weak variables (from the relaxed value
// restriction) are unbound variables that are not generic at toplevel.

import type { ArgLabel } from '../syntax/ast.ts';

export const GENERIC = 100_000_000;

export interface TypeVar {
  readonly kind: 'var';
  readonly id: number;
  level: number;
  link: Type | null;
  /** The user's name for it, from an annotation (`'a`), used when printing. */
  name: string | null;
}

/** A type constructor: its path as printed (`int`, `M.t`, `F(X).t`) and a unique stamp. */
export interface TypeCon {
  readonly name: string;
  readonly stamp: number;
}

export type Type =
  | TypeVar
  | { readonly kind: 'arrow'; readonly label: ArgLabel; readonly param: Type; readonly result: Type }
  | { readonly kind: 'tuple'; readonly items: readonly Type[] }
  | { readonly kind: 'constr'; readonly con: TypeCon; readonly args: readonly Type[] };

/** Follows variable links to the representative (with path compression). */
export function repr(t: Type): Type {
  if (t.kind === 'var' && t.link !== null) {
    const r = repr(t.link);
    t.link = r;
    return r;
  }
  return t;
}
