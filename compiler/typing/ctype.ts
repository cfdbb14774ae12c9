// Core type operations: levels, instantiation, generalisation, abbreviation
// expansion and unification (with occurs check).
//
// Levels (Rémy): `currentLevel` is the let-nesting depth. A fresh variable gets
// the current level; unifying a variable with a type lowers the levels inside
// that type to the variable's, so a variable's level is the outermost let that
// can see it. After typing a let-bound expression at `level + 1`, variables still
// deeper than `level` are not reachable from the environment and are generalised.
//
// Unification expands abbreviations lazily, only when two heads differ, so that
// errors and inferred types keep the names the user wrote.

import { findTypeDecl } from './env.ts';
import { type Path, type Type, type TypeDecl, type TypeVar, GENERIC, newVar, pathEqual, repr, sharedNodes } from './types.ts';

export let currentLevel = 0;

export function beginDef(): void {
  currentLevel++;
}
export function endDef(): void {
  currentLevel--;
}
export function resetLevel(): void {
  currentLevel = 0;
}
export function setLevel(l: number): void {
  currentLevel = l;
}

export function newTypeVar(name: string | null = null): TypeVar {
  return newVar(currentLevel, name);
}

/** A fresh copy of a scheme: generic variables become fresh at the current level. */
export function instance(t: Type, memo: Map<Type, Type> = new Map()): Type {
  const r = repr(t);
  const known = memo.get(r);
  if (known) return known;
  switch (r.kind) {
    case 'var': {
      if (r.level !== GENERIC) return r;
      // Instances do not keep the user's names (OCaml's `copy` drops them).
      const v = newVar(currentLevel);
      memo.set(r, v);
      return v;
    }
    case 'arrow': {
      // Copies keep the sharing of the scheme (a memo per node), so linking one
      // occurrence during unification is seen by the others.
      const c: Type = { kind: 'arrow', label: r.label, param: instance(r.param, memo), result: instance(r.result, memo) };
      memo.set(r, c);
      return c;
    }
    case 'tuple': {
      const c: Type = { kind: 'tuple', items: r.items.map((i) => instance(i, memo)) };
      memo.set(r, c);
      return c;
    }
    case 'constr': {
      if (sharedNodes.has(r)) return r;
      const c: Type = { kind: 'constr', path: r.path, args: r.args.map((a) => instance(a, memo)) };
      memo.set(r, c);
      return c;
    }
  }
}

/** Instantiates several schemes that share generic variables (a declaration's params and body). */
export function instanceMany(ts: readonly Type[]): Type[] {
  const memo = new Map<Type, Type>();
  return ts.map((t) => instance(t, memo));
}

/** Replaces the (generic) `params` by `args` in `body`. */
export function applyParams(params: readonly Type[], body: Type, args: readonly Type[]): Type {
  // Always a copy: unification may link the nodes of the result.
  const memo = new Map<TypeVar, Type>();
  params.forEach((p, i) => {
    const v = repr(p);
    if (v.kind === 'var') memo.set(v, args[i]!);
  });
  const go = (t0: Type): Type => {
    const t = repr(t0);
    switch (t.kind) {
      case 'var':
        return memo.get(t) ?? t;
      case 'arrow':
        return { kind: 'arrow', label: t.label, param: go(t.param), result: go(t.result) };
      case 'tuple':
        return { kind: 'tuple', items: t.items.map(go) };
      case 'constr':
        return sharedNodes.has(t) ? t : { kind: 'constr', path: t.path, args: t.args.map(go) };
    }
  };
  return go(body);
}

export function generalize(t0: Type, level: number = currentLevel): void {
  const t = repr(t0);
  switch (t.kind) {
    case 'var':
      if (t.level > level && t.level !== GENERIC) t.level = GENERIC;
      return;
    case 'arrow':
      generalize(t.param, level);
      generalize(t.result, level);
      return;
    case 'tuple':
      for (const i of t.items) generalize(i, level);
      return;
    case 'constr':
      for (const a of t.args) generalize(a, level);
      return;
  }
}

/**
 * OCaml's relaxed value restriction: for an expansive expression, variables that
 * occur in a non-covariant position stay at `level` (they become weak); the others
 * can still be generalised.
 */
export function lowerContravariant(t0: Type, level: number, covariant = true): void {
  const t = repr(t0);
  switch (t.kind) {
    case 'var':
      if (!covariant && t.level > level && t.level !== GENERIC) t.level = level;
      return;
    case 'arrow':
      lowerContravariant(t.param, level, false);
      lowerContravariant(t.result, level, covariant);
      return;
    case 'tuple':
      for (const i of t.items) lowerContravariant(i, level, covariant);
      return;
    case 'constr': {
      const d = findTypeDecl(t.path);
      t.args.forEach((a, i) => {
        const v = d?.variance[i];
        const co = v ? v.co && !v.contra : false;
        lowerContravariant(a, level, covariant && co);
      });
      return;
    }
  }
}

/** Lowers every variable of `t` to at most `level` (they can no longer be generalised). */
export function lowerAll(t0: Type, level: number): void {
  const t = repr(t0);
  switch (t.kind) {
    case 'var':
      if (t.level > level && t.level !== GENERIC) t.level = level;
      return;
    case 'arrow':
      lowerAll(t.param, level);
      lowerAll(t.result, level);
      return;
    case 'tuple':
      for (const i of t.items) lowerAll(i, level);
      return;
    case 'constr':
      for (const a of t.args) lowerAll(a, level);
      return;
  }
}

// ---------------------------------------------------------------------------
// Expansion

/** One step of abbreviation expansion of the head, or null if it is not an abbreviation. */
export function expandOnce(t0: Type): Type | null {
  const t = repr(t0);
  if (t.kind !== 'constr') return null;
  const d = findTypeDecl(t.path);
  if (!d || !d.manifest) return null;
  return applyParams(d.params, d.manifest, t.args);
}

/** Expands the head until it is not an abbreviation. */
export function expandHead(t0: Type): Type {
  let t = repr(t0);
  for (let i = 0; i < 200; i++) {
    const e = expandOnce(t);
    if (!e) return t;
    t = repr(e);
  }
  return t;
}

/** The declaration of the head type constructor after expansion (for records, variants). */
export function headDecl(t0: Type): { path: Path; decl: TypeDecl; args: readonly Type[] } | null {
  let t = repr(t0);
  for (let i = 0; i < 200; i++) {
    if (t.kind !== 'constr') return null;
    const d = findTypeDecl(t.path);
    if (!d) return null;
    if (d.kind.kind !== 'abstract' || !d.manifest) return { path: t.path, decl: d, args: t.args };
    t = repr(applyParams(d.params, d.manifest, t.args));
  }
  return null;
}

// ---------------------------------------------------------------------------
// Unification

export type UnifyFailure =
  | { kind: 'mismatch'; t1: Type; t2: Type }
  | { kind: 'occurs'; v: Type; t: Type };

export class UnifyError extends Error {
  readonly failure: UnifyFailure;
  constructor(failure: UnifyFailure) {
    super('unify');
    this.failure = failure;
  }
}

function occursAndLower(v: TypeVar, t0: Type, whole: Type): void {
  const t = repr(t0);
  switch (t.kind) {
    case 'var':
      if (t === v) throw new UnifyError({ kind: 'occurs', v, t: whole });
      if (t.level > v.level) t.level = v.level;
      return;
    case 'arrow':
      occursAndLower(v, t.param, whole);
      occursAndLower(v, t.result, whole);
      return;
    case 'tuple':
      for (const i of t.items) occursAndLower(v, i, whole);
      return;
    case 'constr':
      for (const a of t.args) occursAndLower(v, a, whole);
      return;
  }
}

function labelsEqual(a: Type & { kind: 'arrow' }, b: Type & { kind: 'arrow' }): boolean {
  if (a.label.kind !== b.label.kind) return false;
  return a.label.kind === 'nolabel' || a.label.name === (b.label as { name: string }).name;
}

let linkHook: ((v: TypeVar, t: Type) => void) | null = null;

/** Called on each variable link (explain.ts records where a variable's type was fixed). */
export function setLinkHook(f: (v: TypeVar, t: Type) => void): void {
  linkHook = f;
}

function linkVar(v: TypeVar, t: Type): void {
  occursAndLower(v, t, t);
  if (linkHook) linkHook(v, t);
  if (v.name && t.kind === 'var' && !t.name) t.name = v.name;
  v.link = t;
}

/**
 * Links constructed node `x` to `t` (so the abbreviation's name survives), then
 * unifies the components; if that fails the link is undone, as OCaml restores
 * the node's description, so an error prints both types as they were (not
 * `int -> int` against `int -> int` after a half-done unification).
 */
function linkThen(x: Type, t: Type, components: () => void): void {
  if (sharedNodes.has(x)) {
    components();
    return;
  }
  const saved = x.link ?? null;
  x.link = t;
  try {
    components();
  } catch (e) {
    if (e instanceof UnifyError) x.link = saved;
    throw e;
  }
}

export function unify(a: Type, b: Type): void {
  const t1 = repr(a);
  const t2 = repr(b);
  if (t1 === t2) return;
  if (t1.kind === 'var') {
    if (t2.kind === 'var' && t2.level > t1.level) {
      linkVar(t2, t1);
      return;
    }
    linkVar(t1, t2);
    return;
  }
  if (t2.kind === 'var') {
    linkVar(t2, t1);
    return;
  }
  if (t1.kind === 'constr' && t2.kind === 'constr' && pathEqual(t1.path, t2.path) && t1.args.length === t2.args.length) {
    linkThen(t1, t2, () => {
      for (let i = 0; i < t1.args.length; i++) unify(t1.args[i]!, t2.args[i]!);
    });
    return;
  }
  const x1 = expandHead(t1);
  const x2 = expandHead(t2);
  if (x1 === x2) return;
  // As OCaml: the side that is not an abbreviation is linked to the other, so
  // the abbreviation's name is what remains visible.
  if (t1 === x1 || t2 !== x2) unify3(t1, x1, t2, x2);
  else unify3(t2, x2, t1, x1);
}

function unify3(t1: Type, x1: Type, t2: Type, x2: Type): void {
  if (x1.kind === 'var') {
    linkVar(x1, t2);
    return;
  }
  if (x2.kind === 'var') {
    linkVar(x2, t1);
    return;
  }
  const fail = (): never => {
    throw new UnifyError({ kind: 'mismatch', t1: x1, t2: x2 });
  };
  if (x1.kind === 'constr' && x2.kind === 'constr') {
    if (!pathEqual(x1.path, x2.path) || x1.args.length !== x2.args.length) fail();
    linkThen(x1, t2, () => {
      for (let i = 0; i < x1.args.length; i++) unify((x1 as typeof x2).args[i]!, x2.args[i]!);
    });
    return;
  }
  if (x1.kind === 'arrow' && x2.kind === 'arrow') {
    if (!labelsEqual(x1, x2)) fail();
    linkThen(x1, t2, () => {
      unify(x1.param, x2.param);
      unify(x1.result, x2.result);
    });
    return;
  }
  if (x1.kind === 'tuple' && x2.kind === 'tuple') {
    if (x1.items.length !== x2.items.length) fail();
    linkThen(x1, t2, () => {
      for (let i = 0; i < x1.items.length; i++) unify((x1 as typeof x2).items[i]!, x2.items[i]!);
    });
    return;
  }
  fail();
}

/** Whether two types unify, without side effects on failure... or success. */
export function unifiable(a: Type, b: Type): boolean {
  const snapshot = trail(a, b);
  try {
    unify(a, b);
    return true;
  } catch (e) {
    if (e instanceof UnifyError) return false;
    throw e;
  } finally {
    snapshot();
  }
}

/** Records the state of the variables of two types, returning a function that restores it. */
function trail(a: Type, b: Type): () => void {
  const vars: { v: Type; level: number; link: Type | null; name: string | null }[] = [];
  const seen = new Set<Type>();
  const walk = (t: Type): void => {
    if (seen.has(t)) return;
    seen.add(t);
    if (t.kind === 'var') vars.push({ v: t, level: t.level, link: t.link, name: t.name });
    else vars.push({ v: t, level: 0, link: t.link ?? null, name: null });
    if (t.link) walk(t.link);
    switch (t.kind) {
      case 'var':
        return;
      case 'arrow':
        walk(t.param);
        walk(t.result);
        return;
      case 'tuple':
        t.items.forEach(walk);
        return;
      case 'constr':
        t.args.forEach(walk);
        return;
    }
  };
  walk(a);
  walk(b);
  return () => {
    for (const s of vars) {
      if (s.v.kind === 'var') {
        s.v.level = s.level;
        s.v.name = s.name;
      }
      s.v.link = s.link;
    }
  };
}

/** All free (non-generic, unbound) variables of a type. */
export function freeVars(t0: Type, out: Set<TypeVar> = new Set()): Set<TypeVar> {
  const t = repr(t0);
  switch (t.kind) {
    case 'var':
      out.add(t);
      break;
    case 'arrow':
      freeVars(t.param, out);
      freeVars(t.result, out);
      break;
    case 'tuple':
      for (const i of t.items) freeVars(i, out);
      break;
    case 'constr':
      for (const a of t.args) freeVars(a, out);
      break;
  }
  return out;
}
