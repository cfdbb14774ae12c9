// Substitutions of paths in types, declarations and signatures.
//
// A substitution maps ident stamps to paths: it rewrites every path whose root is
// a substituted ident. Stamps are unique across all kinds of names, so one map
// serves types, modules and module types. Variables are never copied: generic
// variables of a scheme stay shared (instantiation copies them later), and weak
// variables must stay shared to keep their identity.

import {
  type CtorDecl,
  type ExceptionDecl,
  type LabelDecl,
  type ModType,
  type Path,
  type SigItem,
  type Signature,
  type Type,
  type TypeDecl,
  type TypeKind,
  pdot,
  repr,
} from './types.ts';

export type Subst = ReadonlyMap<number, Path>;

export function substPath(s: Subst, p: Path): Path {
  switch (p.kind) {
    case 'pident':
      return s.get(p.id.stamp) ?? p;
    case 'pdot': {
      const b = substPath(s, p.base);
      return b === p.base ? p : { kind: 'pdot', base: b, name: p.name };
    }
    case 'papply': {
      const f = substPath(s, p.fn);
      const a = substPath(s, p.arg);
      return f === p.fn && a === p.arg ? p : { kind: 'papply', fn: f, arg: a };
    }
  }
}

export function substType(s: Subst, t0: Type): Type {
  if (s.size === 0) return t0;
  const t = repr(t0);
  switch (t.kind) {
    case 'var':
      return t;
    case 'arrow': {
      const p = substType(s, t.param);
      const r = substType(s, t.result);
      return p === t.param && r === t.result ? t : { kind: 'arrow', label: t.label, param: p, result: r };
    }
    case 'tuple': {
      const items = substTypes(s, t.items);
      return items === t.items ? t : { kind: 'tuple', items };
    }
    case 'constr': {
      const path = substPath(s, t.path);
      const args = substTypes(s, t.args);
      return path === t.path && args === t.args ? t : { kind: 'constr', path, args };
    }
  }
}

/** `ts` substituted: the same array when no element changes (nothing allocated). */
function substTypes(s: Subst, ts: readonly Type[]): readonly Type[] {
  let out: Type[] | null = null;
  for (let i = 0; i < ts.length; i++) {
    const t = ts[i]!;
    const u = substType(s, t);
    if (out) out.push(u);
    else if (u !== t) {
      out = ts.slice(0, i);
      out.push(u);
    }
  }
  return out ?? ts;
}

/** Labels substituted: the same array when no field type changes. */
function substLabelsShared(s: Subst, ls: readonly LabelDecl[]): readonly LabelDecl[] {
  let out: LabelDecl[] | null = null;
  for (let i = 0; i < ls.length; i++) {
    const l = ls[i]!;
    const type = substType(s, l.type);
    const m = type === l.type ? l : { name: l.name, mutable: l.mutable, type };
    if (out) out.push(m);
    else if (m !== l) {
      out = ls.slice(0, i);
      out.push(m);
    }
  }
  return out ?? ls;
}

/** Always a fresh array: an exception's inline record gets a type per view of
 * its declaration, keyed by the identity of its field array (env.ts). */
function substLabels(s: Subst, ls: readonly LabelDecl[]): LabelDecl[] {
  return ls.map((l) => ({ name: l.name, mutable: l.mutable, type: substType(s, l.type) }));
}

function substKind(s: Subst, k: TypeKind): TypeKind {
  switch (k.kind) {
    case 'abstract':
      return k;
    case 'record': {
      const fields = substLabelsShared(s, k.fields);
      return fields === k.fields ? k : { kind: 'record', fields };
    }
    case 'variant': {
      let ctors: CtorDecl[] | null = null;
      for (let i = 0; i < k.ctors.length; i++) {
        const c = k.ctors[i]!;
        const args = substTypes(s, c.args);
        const inlineRecord = c.inlineRecord ? substLabelsShared(s, c.inlineRecord) : null;
        const c2 = args === c.args && inlineRecord === c.inlineRecord ? c : { name: c.name, args, inlineRecord };
        if (ctors) ctors.push(c2);
        else if (c2 !== c) {
          ctors = k.ctors.slice(0, i);
          ctors.push(c2);
        }
      }
      return ctors ? { kind: 'variant', ctors } : k;
    }
  }
}

/** `d` substituted: `d` itself when nothing in it changes. */
export function substDecl(s: Subst, d: TypeDecl): TypeDecl {
  if (s.size === 0) return d;
  const kind = substKind(s, d.kind);
  const manifest = d.manifest ? substType(s, d.manifest) : null;
  if (kind === d.kind && manifest === d.manifest) return d;
  return {
    params: d.params,
    kind,
    manifest,
    private: d.private,
    variance: d.variance,
    span: d.span,
  };
}

export function substExn(s: Subst, d: ExceptionDecl): ExceptionDecl {
  return {
    args: d.args.map((a) => substType(s, a)),
    inlineRecord: d.inlineRecord ? substLabels(s, d.inlineRecord) : null,
  };
}

/** `item` substituted: `item` itself when nothing in it changes (exceptions
 * excepted, see substLabels). */
export function substItem(s: Subst, item: SigItem): SigItem {
  switch (item.kind) {
    case 'value': {
      const type = substType(s, item.desc.type);
      if (type === item.desc.type) return item;
      return { kind: 'value', id: item.id, desc: { type, prim: item.desc.prim } };
    }
    case 'type': {
      const decl = substDecl(s, item.decl);
      if (decl === item.decl) return item;
      return { kind: 'type', id: item.id, decl, ...(item.recNext ? { recNext: true } : {}) };
    }
    case 'exception':
      return { kind: 'exception', id: item.id, decl: substExn(s, item.decl) };
    case 'module': {
      const mty = substModType(s, item.mty);
      return mty === item.mty ? item : { kind: 'module', id: item.id, mty };
    }
    case 'modtype': {
      if (!item.mty) return item;
      const mty = substModType(s, item.mty);
      return mty === item.mty ? item : { kind: 'modtype', id: item.id, mty };
    }
  }
}

/** `sig` substituted: `sig` itself when no item changes. */
export function substSig(s: Subst, sig: Signature): Signature {
  if (s.size === 0) return sig;
  let out: SigItem[] | null = null;
  for (let i = 0; i < sig.length; i++) {
    const it = sig[i]!;
    const u = substItem(s, it);
    if (out) out.push(u);
    else if (u !== it) {
      out = sig.slice(0, i);
      out.push(u);
    }
  }
  return out ?? sig;
}

/** `m` substituted: `m` itself when nothing in it changes. */
export function substModType(s: Subst, m: ModType): ModType {
  if (s.size === 0) return m;
  switch (m.kind) {
    case 'sig': {
      const items = substSig(s, m.items);
      return items === m.items ? m : { kind: 'sig', items };
    }
    case 'functor': {
      const paramType = substModType(s, m.paramType);
      const result = substModType(s, m.result);
      if (paramType === m.paramType && result === m.result) return m;
      return { kind: 'functor', param: m.param, paramType, result, ...(m.generative ? { generative: true } : {}) };
    }
    case 'ident': {
      const path = substPath(s, m.path);
      return path === m.path ? m : { kind: 'ident', path };
    }
    case 'alias': {
      const path = substPath(s, m.path);
      return path === m.path ? m : { kind: 'alias', path };
    }
  }
}

/** The substitution that makes a signature's own names seen from `path`. */
export function prefixSubst(path: Path, sig: Signature): Map<number, Path> {
  const s = new Map<number, Path>();
  for (const item of sig) {
    if (item.kind === 'type' || item.kind === 'module' || item.kind === 'modtype') {
      s.set(item.id.stamp, pdot(path, item.id.name));
    }
  }
  return s;
}

const prefixCache = new WeakMap<Signature, Map<string, Signature>>();

export function pathKey(p: Path): string {
  switch (p.kind) {
    case 'pident':
      return `${p.id.name}/${p.id.stamp}`;
    case 'pdot':
      return `${pathKey(p.base)}.${p.name}`;
    case 'papply':
      return `${pathKey(p.fn)}(${pathKey(p.arg)})`;
  }
}

/** `sig` seen from outside through module path `path` (cached). */
export function prefixSig(path: Path, sig: Signature): Signature {
  let byPath = prefixCache.get(sig);
  if (!byPath) {
    byPath = new Map();
    prefixCache.set(sig, byPath);
  }
  const key = pathKey(path);
  let r = byPath.get(key);
  if (!r) {
    r = substSig(prefixSubst(path, sig), sig);
    byPath.set(key, r);
  }
  return r;
}
