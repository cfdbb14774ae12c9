// Exhaustiveness and redundancy of pattern matching, by Maranget's usefulness
// algorithm ("Warnings for pattern matching", JFP 2007).
//
// Patterns are first reduced to a core language: wildcards, or-patterns, and
// constructor applications, where a "constructor" is anything that tests the
// shape of a value: a variant or exception constructor, a constant, a tuple or a
// record (one constructor each), an array of a given length. A column's
// constructors form a complete signature when every constructor of the type
// appears (variants, chars, tuples and records); only then does a wildcard need
// to be split over them. Guarded cases never count as covering a value.

import type { Diagnostic } from '../diagnostics/diagnostic.ts';
import type { Span } from '../syntax/ast.ts';
import { headDecl } from './ctype.ts';
import type { Env } from './env.ts';
import type { CtorDesc, TCase, TPattern } from './typedtree.ts';
import { type Type, ctorDescs } from './types.ts';

interface Head {
  readonly key: string;
  readonly arity: number;
  readonly kind: 'variant' | 'exn' | 'const' | 'tuple' | 'record' | 'array';
  readonly ty: Type;
  readonly name: string; // how it prints (constructor name, constant text)
  readonly desc: CtorDesc | null;
  readonly labels: readonly string[] | null; // record labels, by position
}

type P = { k: 'any' } | { k: 'or'; l: P; r: P } | { k: 'con'; head: Head; args: P[] };

const ANY: P = { k: 'any' };

function constText(p: TPattern & { kind: 'const' }): string {
  const v = p.value;
  switch (v.kind) {
    case 'int':
      return v.value.toString();
    case 'float':
      return v.text;
    case 'char':
      return charText(v.value);
    case 'string':
      return JSON.stringify(new TextDecoder('latin1').decode(v.value));
  }
}

function charText(c: number): string {
  if (c === 39) return "'\\''";
  if (c === 92) return "'\\\\'";
  if (c >= 32 && c < 127) return `'${String.fromCharCode(c)}'`;
  return `'\\${c.toString().padStart(3, '0')}'`;
}

function ctorKey(d: CtorDesc): string {
  if (d.exn) return `e:${d.name}:${JSON.stringify(d.exn)}`;
  return `v:${d.constant ? 'c' : 'b'}${d.tag}`;
}

function simplify(p: TPattern): P {
  switch (p.kind) {
    case 'any':
    case 'var':
      return ANY;
    case 'alias':
      return simplify(p.pat);
    case 'or':
      return { k: 'or', l: simplify(p.left), r: simplify(p.right) };
    case 'const':
      return {
        k: 'con',
        head: { key: `k:${p.value.kind}:${constText(p)}`, arity: 0, kind: 'const', ty: p.ty, name: constText(p), desc: null, labels: null },
        args: [],
      };
    case 'range': {
      let r: P | null = null;
      for (let c = p.hi; c >= p.lo; c--) {
        const h: P = { k: 'con', head: { key: `k:char:${charText(c)}`, arity: 0, kind: 'const', ty: p.ty, name: charText(c), desc: null, labels: null }, args: [] };
        r = r ? { k: 'or', l: h, r } : h;
      }
      return r ?? ANY;
    }
    case 'tuple':
      return {
        k: 'con',
        head: { key: 't', arity: p.items.length, kind: 'tuple', ty: p.ty, name: '', desc: null, labels: null },
        args: p.items.map(simplify),
      };
    case 'construct':
      return {
        k: 'con',
        head: {
          key: ctorKey(p.ctor),
          arity: p.args.length,
          kind: p.ctor.exn ? 'exn' : 'variant',
          ty: p.ty,
          name: p.ctor.name,
          desc: p.ctor,
          labels: null,
        },
        args: p.args.map(simplify),
      };
    case 'record': {
      const first = p.fields[0]!.label;
      const args: P[] = first.allLabels.map(() => ANY);
      for (const f of p.fields) args[f.label.pos] = simplify(f.pat);
      return {
        k: 'con',
        head: { key: 'r', arity: first.numFields, kind: 'record', ty: p.ty, name: '', desc: null, labels: first.allLabels },
        args,
      };
    }
    case 'array':
      return {
        k: 'con',
        head: { key: `a:${p.items.length}`, arity: p.items.length, kind: 'array', ty: p.ty, name: '', desc: null, labels: null },
        args: p.items.map(simplify),
      };
  }
}

type Row = P[];

/** Rows whose first column can match `head`, with that column replaced by its arguments. */
function specialize(rows: Row[], head: Head): Row[] {
  const out: Row[] = [];
  const go = (p: P, rest: P[]): void => {
    if (p.k === 'any') out.push([...Array<P>(head.arity).fill(ANY), ...rest]);
    else if (p.k === 'or') {
      go(p.l, rest);
      go(p.r, rest);
    } else if (p.head.key === head.key) out.push([...p.args, ...rest]);
  };
  for (const r of rows) go(r[0]!, r.slice(1));
  return out;
}

function defaultMatrix(rows: Row[]): Row[] {
  const out: Row[] = [];
  const go = (p: P, rest: P[]): void => {
    if (p.k === 'any') out.push(rest);
    else if (p.k === 'or') {
      go(p.l, rest);
      go(p.r, rest);
    }
  };
  for (const r of rows) go(r[0]!, r.slice(1));
  return out;
}

function headsOf(rows: Row[]): Map<string, Head> {
  const m = new Map<string, Head>();
  const go = (p: P): void => {
    if (p.k === 'con') {
      if (!m.has(p.head.key)) m.set(p.head.key, p.head);
    } else if (p.k === 'or') {
      go(p.l);
      go(p.r);
    }
  };
  for (const r of rows) go(r[0]!);
  return m;
}

/** All the constructors of a variant type, as heads (for completeness and examples). */
function variantHeads(h: Head): Head[] | null {
  const d = headDecl(h.ty);
  if (!d || d.decl.kind.kind !== 'variant') return null;
  const ctors = d.decl.kind.ctors;
  const descs = ctorDescs(ctors);
  return ctors.map((c, i) => ({
    key: ctorKey(descs[i]!),
    arity: descs[i]!.arity,
    kind: 'variant',
    ty: h.ty,
    name: c.name,
    desc: descs[i]!,
    labels: c.inlineRecord ? c.inlineRecord.map((l) => l.name) : null,
  }));
}

function isComplete(heads: Map<string, Head>): boolean {
  const first = heads.values().next().value as Head | undefined;
  if (!first) return false;
  switch (first.kind) {
    case 'tuple':
    case 'record':
      return true;
    case 'variant':
      return heads.size === first.desc!.numConsts + first.desc!.numBlocks;
    case 'const':
      return first.key.startsWith('k:char:') && heads.size === 256;
    default:
      return false;
  }
}

function useful(rows: Row[], q: P[]): boolean {
  if (q.length === 0) return rows.length === 0;
  const q0 = q[0]!;
  const rest = q.slice(1);
  if (q0.k === 'or') return useful(rows, [q0.l, ...rest]) || useful(rows, [q0.r, ...rest]);
  if (q0.k === 'con') return useful(specialize(rows, q0.head), [...q0.args, ...rest]);
  const heads = headsOf(rows);
  if (isComplete(heads)) {
    for (const h of heads.values()) {
      if (useful(specialize(rows, h), [...Array<P>(h.arity).fill(ANY), ...rest])) return true;
    }
    return false;
  }
  return useful(defaultMatrix(rows), rest);
}

/** A vector of `n` patterns matched by no row, or null if the rows are exhaustive. */
function witness(rows: Row[], n: number): P[] | null {
  if (n === 0) return rows.length === 0 ? [] : null;
  const heads = headsOf(rows);
  if (isComplete(heads)) {
    for (const h of heads.values()) {
      const w = witness(specialize(rows, h), h.arity + n - 1);
      if (w) return [{ k: 'con', head: h, args: w.slice(0, h.arity) }, ...w.slice(h.arity)];
    }
    return null;
  }
  const w = witness(defaultMatrix(rows), n - 1);
  if (!w) return null;
  return [missingHead(heads), ...w];
}

function missingHead(heads: Map<string, Head>): P {
  const first = heads.values().next().value as Head | undefined;
  if (!first) return ANY;
  if (first.kind === 'variant') {
    // OCaml shows every missing constructor, as an or-pattern.
    const missing = (variantHeads(first) ?? []).filter((x) => !heads.has(x.key));
    let r: P | null = null;
    for (let i = missing.length - 1; i >= 0; i--) {
      const h = missing[i]!;
      const c: P = { k: 'con', head: h, args: Array<P>(h.arity).fill(ANY) };
      r = r ? { k: 'or', l: c, r } : c;
    }
    if (r) return r;
  }
  if (first.kind === 'const') {
    const kind = first.key.split(':')[1];
    const mk = (name: string): P => ({ k: 'con', head: { ...first, key: `k:${kind}:${name}`, name }, args: [] });
    if (kind === 'int') for (let i = 0; ; i++) if (!heads.has(`k:int:${i}`)) return mk(String(i));
    if (kind === 'char') {
      const order = [...range(97, 122), ...range(65, 90), ...range(48, 57), ...range(0, 255)];
      for (const c of order) if (!heads.has(`k:char:${charText(c)}`)) return mk(charText(c));
    }
    if (kind === 'string') for (let s = ''; ; s += '*') if (!heads.has(`k:string:${JSON.stringify(s)}`)) return mk(JSON.stringify(s));
  }
  if (first.kind === 'array') {
    for (let n = 0; ; n++) if (!heads.has(`a:${n}`)) return { k: 'con', head: { ...first, key: `a:${n}`, arity: n }, args: Array<P>(n).fill(ANY) };
  }
  return ANY;
}

function range(lo: number, hi: number): number[] {
  return Array.from({ length: hi - lo + 1 }, (_, i) => lo + i);
}

function printPat(p: P, inner = false): string {
  if (p.k === 'any') return '_';
  if (p.k === 'or') return `(${printPat(p.l)}|${printOr(p.r)})`;
  const h = p.head;
  switch (h.kind) {
    case 'const':
      return h.name;
    case 'tuple':
      return `(${p.args.map((a) => printPat(a)).join(', ')})`;
    case 'record':
      return `{${h.labels!.map((l, i) => `${l}=${printPat(p.args[i]!)}`).join('; ')}}`;
    case 'array':
      return `[|${p.args.map((a) => printPat(a)).join('; ')}|]`;
    default: {
      if (h.name === '::') {
        const s = `${printPat(p.args[0]!, true)}::${printPat(p.args[1]!)}`;
        return inner ? `(${s})` : s;
      }
      if (p.args.length === 0) return h.name;
      if (h.labels) return `${h.name} {${h.labels.map((l, i) => `${l}=${printPat(p.args[i]!)}`).join('; ')}}`;
      const arg = p.args.length === 1 ? printPat(p.args[0]!, true) : `(${p.args.map((a) => printPat(a)).join(', ')})`;
      const s = `${h.name} ${arg}`;
      return inner ? `(${s})` : s;
    }
  }
}

/** At toplevel an or-pattern is printed without parentheses. */
function printTop(p: P): string {
  return p.k === 'or' ? printOr(p) : printPat(p);
}

function printOr(p: P): string {
  return p.k === 'or' ? `${printPat(p.l)}|${printOr(p.r)}` : printPat(p);
}

/**
 * Checks one match (or `try`, or a let/function pattern): warns about unused
 * cases (11) and, unless it is a `try`, a missing case (8). Returns whether the
 * match is partial (some value reaches no case).
 */
export function checkMatch(_env: Env, cases: TCase[], _ty: Type, span: Span, isTry: boolean, warnings: Diagnostic[]): boolean {
  const rows: Row[] = [];
  for (const c of cases) {
    const p = simplify(c.pat);
    if (!useful(rows, [p])) {
      warnings.push({ severity: 'warning', warning: 11, phase: 'pattern', span: c.pat.span, message: 'this match case is unused.' });
    }
    if (c.guard === null) rows.push([p]);
  }
  if (isTry) return true;
  const w = witness(rows, 1);
  if (!w) return false;
  const allGuarded = rows.length === 0 && cases.length > 0;
  warnings.push({
    severity: 'warning',
    warning: 8,
    phase: 'pattern',
    span,
    message: allGuarded
      ? 'this pattern-matching is not exhaustive.\nAll clauses in this pattern-matching are guarded.'
      : `this pattern-matching is not exhaustive.\nHere is an example of a case that is not matched:\n${printTop(w[0]!)}`,
  });
  return true;
}
