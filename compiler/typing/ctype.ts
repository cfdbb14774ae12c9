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
import { type Path, type Type, type TypeDecl, type TypeVar, GENERIC, newVar, pathEqual, repr } from './types.ts';

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
export function instance(t: Type, memo: Map<TypeVar, Type> = new Map()): Type {
  const r = repr(t);
  switch (r.kind) {
    case 'var': {
      if (r.level !== GENERIC) return r;
      let v = memo.get(r);
      if (!v) {
        v = newVar(currentLevel, r.name);
        memo.set(r, v);
      }
      return v;
    }
    case 'arrow':
      return { kind: 'arrow', label: r.label, param: instance(r.param, memo), result: instance(r.result, memo) };
    case 'tuple':
      return { kind: 'tuple', items: r.items.map((i) => instance(i, memo)) };
    case 'constr':
      return r.args.length === 0 ? r : { kind: 'constr', path: r.path, args: r.args.map((a) => instance(a, memo)) };
  }
}

/** Instantiates several schemes that share generic variables (a declaration's params and body). */
export function instanceMany(ts: readonly Type[]): Type[] {
  const memo = new Map<TypeVar, Type>();
  return ts.map((t) => instance(t, memo));
}

/** Replaces the (generic) `params` by `args` in `body`. */
export function applyParams(params: readonly Type[], body: Type, args: readonly Type[]): Type {
  if (params.length === 0) return body;
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
        return t.args.length === 0 ? t : { kind: 'constr', path: t.path, args: t.args.map(go) };
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

function linkVar(v: TypeVar, t: Type): void {
  occursAndLower(v, t, t);
  if (v.name && t.kind === 'var' && !t.name) t.name = v.name;
  v.link = t;
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
    for (let i = 0; i < t1.args.length; i++) unify(t1.args[i]!, t2.args[i]!);
    return;
  }
  if (t1.kind === 'constr') {
    const e = expandOnce(t1);
    if (e) {
      unify(e, t2);
      return;
    }
  }
  if (t2.kind === 'constr') {
    const e = expandOnce(t2);
    if (e) {
      unify(t1, e);
      return;
    }
  }
  if (t1.kind === 'arrow' && t2.kind === 'arrow' && labelsEqual(t1, t2)) {
    unify(t1.param, t2.param);
    unify(t1.result, t2.result);
    return;
  }
  if (t1.kind === 'tuple' && t2.kind === 'tuple' && t1.items.length === t2.items.length) {
    for (let i = 0; i < t1.items.length; i++) unify(t1.items[i]!, t2.items[i]!);
    return;
  }
  throw new UnifyError({ kind: 'mismatch', t1, t2 });
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
  const vars: { v: TypeVar; level: number; link: Type | null; name: string | null }[] = [];
  const seen = new Set<Type>();
  const walk = (t: Type): void => {
    if (seen.has(t)) return;
    seen.add(t);
    switch (t.kind) {
      case 'var':
        vars.push({ v: t, level: t.level, link: t.link, name: t.name });
        if (t.link) walk(t.link);
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
      s.v.level = s.level;
      s.v.link = s.link;
      s.v.name = s.name;
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
