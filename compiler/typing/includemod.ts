// Signature matching (OCaml's `Includemod`): is a module of type `actual` usable
// where `expected` is required, and how is its runtime block rearranged?
//
// The result is a Coercion: for a structure, the expected signature's runtime
// components, in order, each taken from the actual component at some position.
// A value's type must be at least as general as the expected one: the expected
// type's variables are made rigid (fresh abstract types) and the actual scheme
// is instantiated and unified with it.

import { UnifyError, expandHead, instance, instanceMany, unify } from './ctype.ts';
import { findModuleType, registerModtype, registerModule, registerType, scrapeModType } from './env.ts';
import { fail } from './errors.ts';
import { modtypeToString, sigItemToString } from './printtyp.ts';
import { prefixSig, substModType, substSig } from './subst.ts';
import type { Coercion } from './typedtree.ts';
import {
  type Ident,
  type ModType,
  type Path,
  type SigItem,
  type Signature,
  type Type,
  type TypeDecl,
  type TypeVar,
  GENERIC,
  constr,
  createIdent,
  pdot,
  pident,
  repr,
  runtimePositions,
} from './types.ts';
import type { Span } from '../syntax/ast.ts';

export class IncludeError extends Error {
  readonly lines: string[];
  constructor(lines: string[]) {
    super(lines[0]);
    this.lines = lines;
  }
}

function rigidInstance(t: Type): Type {
  const memo = new Map<TypeVar, Type>();
  const go = (t0: Type): Type => {
    const x = repr(t0);
    switch (x.kind) {
      case 'var': {
        if (x.level !== GENERIC) return x;
        let r = memo.get(x);
        if (!r) {
          r = constr(pident(createIdent(`'${x.name ?? String.fromCharCode(97 + memo.size)}`)));
          memo.set(x, r);
        }
        return r;
      }
      case 'arrow':
        return { kind: 'arrow', label: x.label, param: go(x.param), result: go(x.result) };
      case 'tuple':
        return { kind: 'tuple', items: x.items.map(go) };
      case 'constr':
        return { kind: 'constr', path: x.path, args: x.args.map(go) };
    }
  };
  return go(t);
}

/** Is scheme `actual` at least as general as scheme `expected`? */
export function moreGeneral(actual: Type, expected: Type): boolean {
  try {
    unify(instance(actual), rigidInstance(expected));
    return true;
  } catch (e) {
    if (e instanceof UnifyError) return false;
    throw e;
  }
}

function typesEqual(a: Type, b: Type): boolean {
  try {
    unify(a, b);
    return true;
  } catch (e) {
    if (e instanceof UnifyError) return false;
    throw e;
  }
}

function declIncluded(actualPath: Path, actual: TypeDecl, expected: TypeDecl): string | null {
  if (actual.params.length !== expected.params.length) return 'They have different arities.';
  const args = expected.params.map(() => constr(pident(createIdent('_param'))));
  const inst = (d: TypeDecl, ts: readonly Type[]): Type[] => {
    const all = instanceMany([...d.params, ...ts]);
    d.params.forEach((_, i) => unify(all[i]!, args[i]!));
    return all.slice(d.params.length);
  };
  if (expected.manifest) {
    const [m] = inst(expected, [expected.manifest]);
    const self = constr(actualPath, args);
    if (!typesEqual(self, m!)) return null === null ? 'Their definitions are not compatible.' : '';
  }
  const ek = expected.kind;
  const ak = actual.kind;
  if (ek.kind === 'variant') {
    if (ak.kind !== 'variant') return 'Their kinds differ.';
    if (ak.ctors.length !== ek.ctors.length) return 'Their constructors differ.';
    for (let i = 0; i < ek.ctors.length; i++) {
      const ec = ek.ctors[i]!;
      const ac = ak.ctors[i]!;
      if (ec.name !== ac.name || ec.args.length !== ac.args.length) return `Constructors ${ac.name} and ${ec.name} differ.`;
      const ea = inst(expected, ec.args);
      const aa = inst(actual, ac.args);
      for (let j = 0; j < ea.length; j++) if (!typesEqual(aa[j]!, ea[j]!)) return `The types for field ${ec.name} are not equal.`;
    }
  } else if (ek.kind === 'record') {
    if (ak.kind !== 'record') return 'Their kinds differ.';
    if (ak.fields.length !== ek.fields.length) return 'Their fields differ.';
    for (let i = 0; i < ek.fields.length; i++) {
      const ef = ek.fields[i]!;
      const af = ak.fields[i]!;
      if (ef.name !== af.name || ef.mutable !== af.mutable) return `Fields ${af.name} and ${ef.name} differ.`;
      const [et] = inst(expected, [ef.type]);
      const [at] = inst(actual, [af.type]);
      if (!typesEqual(at!, et!)) return `The types for field ${ef.name} are not equal.`;
    }
  }
  return null;
}

function kindWord(k: SigItem['kind']): string {
  return k === 'value' ? 'value' : k === 'type' ? 'type' : k === 'exception' ? 'exception' : k === 'module' ? 'module' : 'module type';
}

/** Matches `actual` against `expected`; `path` names the actual module when it has one. */
export function includeModType(actual: ModType, expected: ModType, path: Path | null): Coercion {
  const a = scrapeModType(actual);
  const e = scrapeModType(expected);
  if (!a || !e) {
    if (!e) return { kind: 'identity' };
    throw new IncludeError(['Modules do not match']);
  }
  if (a.kind === 'functor' || e.kind === 'functor') {
    if (a.kind !== 'functor' || e.kind !== 'functor') throw new IncludeError(['Modules do not match']);
    if (!a.generative !== !e.generative) {
      throw new IncludeError([`The functor was expected to be ${e.generative ? 'generative' : 'applicative'} at this position`]);
    }
    const arg = includeModType(e.paramType, a.paramType, pident(e.param));
    const res = includeModType(substModType(new Map([[a.param.stamp, pident(e.param)]]), a.result), e.result, null);
    if (arg.kind === 'identity' && res.kind === 'identity') return { kind: 'identity' };
    return { kind: 'functor', arg, result: res };
  }
  return includeSig(path ? prefixSig(path, a.items) : a.items, e.items, path);
}

/**
 * A signature with fresh idents for its types, modules and module types, whose
 * (substituted) declarations are registered: a functor's result, checked without
 * a path after its parameter was renamed to the expected functor's, must resolve
 * its own names to the renamed declarations (OCaml adds the signature to the
 * environment), not to those registered for the original idents.
 */
function refreshSig(sig: Signature): Signature {
  const s = new Map<number, Path>();
  const fresh = new Map<number, Ident>();
  for (const it of sig) {
    if (it.kind === 'type' || it.kind === 'module' || it.kind === 'modtype') {
      const id = createIdent(it.id.name);
      fresh.set(it.id.stamp, id);
      s.set(it.id.stamp, pident(id));
    }
  }
  if (s.size === 0) return sig;
  return substSig(s, sig).map((it): SigItem => {
    const id = fresh.get(it.id.stamp);
    if (!id) return it;
    switch (it.kind) {
      case 'type':
        registerType(id, it.decl);
        return { ...it, id };
      case 'module':
        registerModule(id, it.mty);
        return { ...it, id };
      case 'modtype':
        registerModtype(id, it.mty);
        return { ...it, id };
      default:
        return it;
    }
  });
}

function includeSig(actual0: Signature, expected0: Signature, path: Path | null): Coercion {
  const actual = path ? actual0 : refreshSig(actual0);
  const apos = runtimePositions(actual);
  const find = (kind: SigItem['kind'], name: string): { item: SigItem; pos: number } | null => {
    for (let i = actual.length - 1; i >= 0; i--) {
      const it = actual[i]!;
      if (it.kind === kind && it.id.name === name) return { item: it, pos: apos[i]! };
    }
    return null;
  };
  // Expected's own names refer to the actual module's components.
  const s = new Map<number, Path>();
  for (const it of expected0) {
    if (it.kind === 'type' || it.kind === 'module' || it.kind === 'modtype') {
      const f = find(it.kind, it.id.name);
      if (f) s.set(it.id.stamp, path ? pdot(path, it.id.name) : pident(f.item.id));
    }
  }
  const expected = substSig(s, expected0);
  const fields: { pos: number; coercion: Coercion }[] = [];
  const errors: string[] = [];
  for (const it of expected) {
    const f = find(it.kind, it.id.name);
    if (!f) {
      errors.push(`The ${kindWord(it.kind)} \`${it.id.name}' is required but not provided`);
      continue;
    }
    const ai = f.item;
    switch (it.kind) {
      case 'value': {
        const av = ai as SigItem & { kind: 'value' };
        if (it.desc.prim && !av.desc.prim) {
          errors.push(`Values do not match:`, `  ${sigItemToString(ai)}`, 'is not included in', `  ${sigItemToString(it)}`);
          break;
        }
        if (!moreGeneral(av.desc.type, it.desc.type)) {
          errors.push('Values do not match:', `  ${sigItemToString(ai)}`, 'is not included in', `  ${sigItemToString(it)}`);
          break;
        }
        fields.push({ pos: f.pos, coercion: { kind: 'identity' } });
        break;
      }
      case 'type': {
        const at = ai as SigItem & { kind: 'type' };
        const why = declIncluded(path ? pdot(path, it.id.name) : pident(at.id), at.decl, it.decl);
        if (why !== null) {
          errors.push('Type declarations do not match:', `  ${sigItemToString(ai)}`, 'is not included in', `  ${sigItemToString(it)}`, why);
        }
        break;
      }
      case 'exception': {
        const ae = ai as SigItem & { kind: 'exception' };
        const ok =
          ae.decl.args.length === it.decl.args.length && ae.decl.args.every((t, i) => typesEqual(instance(t), instance(it.decl.args[i]!)));
        if (!ok) errors.push('Extension declarations do not match:', `  ${sigItemToString(ai)}`, 'is not included in', `  ${sigItemToString(it)}`);
        fields.push({ pos: f.pos, coercion: { kind: 'identity' } });
        break;
      }
      case 'module': {
        const am = ai as SigItem & { kind: 'module' };
        try {
          const c = includeModType(am.mty, it.mty, path ? pdot(path, it.id.name) : pident(am.id));
          fields.push({ pos: f.pos, coercion: c });
        } catch (err) {
          if (!(err instanceof IncludeError)) throw err;
          errors.push(`In module ${it.id.name}:`, ...err.lines);
        }
        break;
      }
      case 'modtype':
        break;
    }
  }
  if (errors.length) throw new IncludeError(errors);
  const nActual = apos.filter((p) => p >= 0).length;
  if (fields.length === nActual && fields.every((f, i) => f.pos === i && f.coercion.kind === 'identity')) return { kind: 'identity' };
  return { kind: 'struct', fields };
}

/** Signature matching for `(M : S)`, reporting OCaml's "Signature mismatch". */
export function checkSealing(span: Span, actual: ModType, expected: ModType, path: Path | null): Coercion {
  try {
    return includeModType(actual, expected, path);
  } catch (err) {
    if (!(err instanceof IncludeError)) throw err;
    fail(
      span,
      'Signature mismatch:',
      ['Modules do not match:', ...indent(modtypeToString(actual, 76)), 'is not included in', ...indent(modtypeToString(expected, 76)), ...err.lines],
      'module',
    );
  }
}

/** Matching of a functor argument. */
export function checkFunctorArg(span: Span, actual: ModType, expected: ModType, path: Path | null): Coercion {
  try {
    return includeModType(actual, expected, path);
  } catch (err) {
    if (!(err instanceof IncludeError)) throw err;
    const shown = actual.kind === 'alias' ? (findModuleType(actual.path) ?? actual) : actual;
    const a = modtypeToString(shown, 1000);
    fail(span, `Modules do not match: ${a} is not included in`, [modtypeToString(expected), ...err.lines], 'module');
  }
}

function indent(s: string): string[] {
  return s.split('\n').map((l) => `  ${l}`);
}

export { expandHead as _expandHead };
