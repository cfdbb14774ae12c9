// Local references become mutable variables, as OCaml's simplif does.
//
// `let r = ref e in body`, where `body` uses `r` only to read it (`!r`,
// `r.contents`), assign it (`:=`, `<-`, `incr`, `decr`) and never lets it escape
// (into a closure, a data structure, a call), needs no block: `r` becomes a
// variable that `assign` updates. Codegen can then keep it unboxed in a Wasm
// local (an `i64` or `f64` when its contents are ints or floats).
//
// A reference captured by a nested function is left alone: closures copy the
// variables they capture, so an assignment would not be seen.

import type { Ident } from '../typing/typedtree.ts';
import { type Lam, type LFun, type Repr, subterms } from './lambda.ts';

/** The result: the rewritten code, and each new variable with the repr of its contents. */
export interface RefsResult {
  readonly lam: Lam;
  readonly mutableVars: Map<number, Repr>;
}

export function eliminateRefs(lam: Lam): RefsResult {
  const mutableVars = new Map<number, Repr>();
  return { lam: rewrite(lam, mutableVars), mutableVars };
}

const READS = new Set(['%field0']);
const WRITES = new Set(['%setfield0']);
const STEPS: Record<string, string> = { '%incr': '%succint', '%decr': '%predint' };

function isVar(l: Lam, id: Ident): boolean {
  return l.k === 'var' && l.id.stamp === id.stamp;
}

/** True when every occurrence of `id` in `l` is a read or a write of the reference. */
function onlyLocalUses(l: Lam, id: Ident): boolean {
  switch (l.k) {
    case 'var':
      return l.id.stamp !== id.stamp;
    case 'prim':
      if (l.args.length >= 1 && isVar(l.args[0]!, id) && (READS.has(l.op) || WRITES.has(l.op) || l.op in STEPS)) {
        return l.args.slice(1).every((a) => onlyLocalUses(a, id));
      }
      return l.args.every((a) => onlyLocalUses(a, id));
    case 'field':
      if (isVar(l.obj, id)) return l.index === 0;
      return onlyLocalUses(l.obj, id);
    case 'setfield':
      if (isVar(l.obj, id)) return l.index === 0 && onlyLocalUses(l.value, id);
      return onlyLocalUses(l.obj, id) && onlyLocalUses(l.value, id);
    case 'fun':
      return !mentions(l.fun.body, id);
    case 'letrec':
      return l.binds.every((b) => !mentions(b.fun.body, id)) && onlyLocalUses(l.body, id);
    default:
      return subterms(l).every((c) => onlyLocalUses(c, id));
  }
}

function mentions(l: Lam, id: Ident): boolean {
  if (l.k === 'var') return l.id.stamp === id.stamp;
  if (l.k === 'fun') return mentions(l.fun.body, id);
  if (l.k === 'letrec') return l.binds.some((b) => mentions(b.fun.body, id)) || mentions(l.body, id);
  return subterms(l).some((c) => mentions(c, id));
}

/** Replaces the reference operations on `id` by variable reads and assignments. */
function replaceUses(l: Lam, id: Ident): Lam {
  const r = (x: Lam): Lam => replaceUses(x, id);
  switch (l.k) {
    case 'prim':
      if (l.args.length >= 1 && isVar(l.args[0]!, id)) {
        const v: Lam = { k: 'var', id };
        if (READS.has(l.op)) return v;
        if (WRITES.has(l.op)) return { k: 'assign', id, value: r(l.args[1]!) };
        const step = STEPS[l.op];
        if (step) return { k: 'assign', id, value: { k: 'prim', op: step, args: [v] } };
      }
      return { ...l, args: l.args.map(r) };
    case 'field':
      if (isVar(l.obj, id)) return { k: 'var', id };
      return { ...l, obj: r(l.obj) };
    case 'setfield':
      if (isVar(l.obj, id)) return { k: 'assign', id, value: r(l.value) };
      return { ...l, obj: r(l.obj), value: r(l.value) };
    default:
      return mapChildren(l, r);
  }
}

function rewrite(l: Lam, vars: Map<number, Repr>): Lam {
  const r = (x: Lam): Lam => rewrite(x, vars);
  if (l.k === 'let' && l.value.k === 'prim' && l.value.op === '%makemutable' && onlyLocalUses(l.body, l.id)) {
    vars.set(l.id.stamp, l.value.repr ?? 'any');
    return { k: 'let', id: l.id, value: r(l.value.args[0]!), body: r(replaceUses(l.body, l.id)) };
  }
  return mapChildren(l, r);
}

function rewriteFun(f: LFun, r: (x: Lam) => Lam): LFun {
  return { ...f, body: r(f.body) };
}


/** `l` with `f` applied to each direct subterm (function bodies included). */
export function mapChildren(l: Lam, f: (x: Lam) => Lam): Lam {
  switch (l.k) {
    case 'const':
    case 'var':
    case 'global':
    case 'exit':
      return l;
    case 'let':
      return { ...l, value: f(l.value), body: f(l.body) };
    case 'assign':
      return { ...l, value: f(l.value) };
    case 'letrec':
      return { ...l, binds: l.binds.map((b) => ({ id: b.id, fun: rewriteFun(b.fun, f) })), body: f(l.body) };
    case 'fun':
      return { ...l, fun: rewriteFun(l.fun, f) };
    case 'apply':
      return { ...l, fn: f(l.fn), args: l.args.map(f) };
    case 'prim':
      return { ...l, args: l.args.map(f) };
    case 'if':
      return { ...l, cond: f(l.cond), then: f(l.then), else: f(l.else) };
    case 'seq':
      return { ...l, first: f(l.first), second: f(l.second) };
    case 'while':
      return { ...l, cond: f(l.cond), body: f(l.body) };
    case 'for':
      return { ...l, from: f(l.from), to: f(l.to), body: f(l.body) };
    case 'catch':
      return { ...l, body: f(l.body), handler: f(l.handler) };
    case 'switch': {
      const arm = (a: { tag: number; body: Lam }) => ({ tag: a.tag, body: f(a.body) });
      return { ...l, arg: f(l.arg), consts: l.consts.map(arm), blocks: l.blocks.map(arm), fallback: f(l.fallback) };
    }
    case 'try':
      return { ...l, body: f(l.body), handler: f(l.handler) };
    case 'raise':
      return { ...l, exn: f(l.exn) };
    case 'block':
      return { ...l, fields: l.fields.map(f) };
    case 'field':
      return { ...l, obj: f(l.obj) };
    case 'setfield':
      return { ...l, obj: f(l.obj), value: f(l.value) };
    case 'setglobal':
      return { ...l, value: f(l.value) };
  }
}
