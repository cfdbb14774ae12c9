// Substitutions of paths in types, declarations and signatures.
//
// A substitution maps ident stamps to paths: it rewrites every path whose root is
// a substituted ident. Stamps are unique across all kinds of names, so one map
// serves types, modules and module types. Variables are never copied: generic
// variables of a scheme stay shared (instantiation copies them later), and weak
// variables must stay shared to keep their identity.

import {
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
      const items = t.items.map((i) => substType(s, i));
      return items.every((x, i) => x === t.items[i]) ? t : { kind: 'tuple', items };
    }
    case 'constr': {
      const path = substPath(s, t.path);
      const args = t.args.map((a) => substType(s, a));
      return path === t.path && args.every((x, i) => x === t.args[i])
        ? t
        : { kind: 'constr', path, args };
    }
  }
}

function substLabels(s: Subst, ls: readonly LabelDecl[]): LabelDecl[] {
  return ls.map((l) => ({ name: l.name, mutable: l.mutable, type: substType(s, l.type) }));
}

function substKind(s: Subst, k: TypeKind): TypeKind {
  switch (k.kind) {
    case 'abstract':
      return k;
    case 'record':
      return { kind: 'record', fields: substLabels(s, k.fields) };
    case 'variant':
      return {
        kind: 'variant',
        ctors: k.ctors.map((c) => ({
          name: c.name,
          args: c.args.map((a) => substType(s, a)),
          inlineRecord: c.inlineRecord ? substLabels(s, c.inlineRecord) : null,
        })),
      };
  }
}

export function substDecl(s: Subst, d: TypeDecl): TypeDecl {
  if (s.size === 0) return d;
  return {
    params: d.params,
    kind: substKind(s, d.kind),
    manifest: d.manifest ? substType(s, d.manifest) : null,
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

export function substItem(s: Subst, item: SigItem): SigItem {
  switch (item.kind) {
    case 'value':
      return {
        kind: 'value',
        id: item.id,
        desc: { type: substType(s, item.desc.type), prim: item.desc.prim },
      };
    case 'type':
      return { kind: 'type', id: item.id, decl: substDecl(s, item.decl), ...(item.recNext ? { recNext: true } : {}) };
    case 'exception':
      return { kind: 'exception', id: item.id, decl: substExn(s, item.decl) };
    case 'module':
      return { kind: 'module', id: item.id, mty: substModType(s, item.mty) };
    case 'modtype':
      return { kind: 'modtype', id: item.id, mty: item.mty ? substModType(s, item.mty) : null };
  }
}

export function substSig(s: Subst, sig: Signature): Signature {
  if (s.size === 0) return sig;
  return sig.map((i) => substItem(s, i));
}

export function substModType(s: Subst, m: ModType): ModType {
  if (s.size === 0) return m;
  switch (m.kind) {
    case 'sig':
      return { kind: 'sig', items: substSig(s, m.items) };
    case 'functor':
      return {
        kind: 'functor',
        param: m.param,
        paramType: substModType(s, m.paramType),
        result: substModType(s, m.result),
        ...(m.generative ? { generative: true } : {}),
      };
    case 'ident':
      return { kind: 'ident', path: substPath(s, m.path) };
    case 'alias':
      return { kind: 'alias', path: substPath(s, m.path) };
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
