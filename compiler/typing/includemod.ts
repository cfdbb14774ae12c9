// Signature matching (OCaml's `Includemod`): is a module of type `actual` usable
// where `expected` is required, and how is its runtime block rearranged?
//
// The result is a Coercion: for a structure, the expected signature's runtime
// components, in order, each taken from the actual component at some position.
// A value's type must be at least as general as the expected one: the expected
// type's variables are made rigid (fresh abstract types) and the actual scheme
// is instantiated and unified with it.

import { UnifyError, expandHead, instance, instanceMany, unifiable, unify } from './ctype.ts';
import { spellcheck } from './errors.ts';
import { type Related, differenceNote, locationOf, ordinal, showType } from './explain.ts';
import { pathName } from './printtyp.ts';
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
  /** OCaml's lines for the failing components (`Values do not match:` ...). */
  readonly lines: string[];
  /** Where the two declarations of each mismatched component are. */
  readonly related: Related[];
  /** mlc's explanations and hints, after the message. */
  readonly notes: string[];
  constructor(lines: string[], related: Related[] = [], notes: string[] = []) {
    super(lines[0]);
    this.lines = lines;
    this.related = related;
    this.notes = notes;
  }
}

/** `Signature STORE declares \`get\` here`, `The implementation of \`get\` is here`. */
function declarations(actual: SigItem | null, expected: SigItem, sigName: string | null): Related[] {
  const out: Related[] = [];
  const what = `${kindWord(expected.kind)} \`${expected.id.name}\``;
  const a = actual ? (actual.kind === 'type' ? actual.decl.span : locationOf(actual.id)) : null;
  const e = expected.kind === 'type' ? expected.decl.span : locationOf(expected.id);
  if (a && !a.ghost) out.push({ span: a, message: `The implementation of ${what} is here` });
  if (e && !e.ghost) out.push({ span: e, message: `${sigName ? `Signature ${sigName}` : 'The signature'} declares ${what} here` });
  return out;
}

/** Why a value's type does not match its declaration: less general, or which part differs. */
function valueMismatchNotes(actual: Type, expected: Type): string[] {
  const a = instance(actual);
  const e = instance(expected);
  if (unifiable(a, e)) {
    return [
      `The implementation's type ${showType(actual)} is less general than the declared ${showType(expected)}:`,
      'the signature requires it to work for any type its variables stand for.',
    ];
  }
  return differenceNote(a, e, 0);
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
  const what = (k: TypeDecl['kind']): string => (k.kind === 'variant' ? 'a variant' : k.kind === 'record' ? 'a record' : 'abstract');
  if (ek.kind === 'variant') {
    if (ak.kind !== 'variant') return `The signature declares a variant type, the implementation ${what(ak)} one.`;
    const diff = namesDiffer('constructor', ak.ctors.map((c) => c.name), ek.ctors.map((c) => c.name));
    if (diff) return diff;
    for (let i = 0; i < ek.ctors.length; i++) {
      const ec = ek.ctors[i]!;
      const ac = ak.ctors[i]!;
      if (ec.args.length !== ac.args.length || !ec.inlineRecord !== !ac.inlineRecord) {
        return `The constructor ${ec.name} has ${ac.args.length} argument(s) in the implementation, ${ec.args.length} in the signature.`;
      }
      const ea = inst(expected, ec.args);
      const aa = inst(actual, ac.args);
      for (let j = 0; j < ea.length; j++) {
        if (!typesEqual(aa[j]!, ea[j]!)) {
          return `The arguments of constructor ${ec.name} differ: ${showType(ac.args[j]!)} here, ${showType(ec.args[j]!)} in the signature.`;
        }
      }
    }
  } else if (ek.kind === 'record') {
    if (ak.kind !== 'record') return `The signature declares a record type, the implementation ${what(ak)} one.`;
    const diff = namesDiffer('field', ak.fields.map((f) => f.name), ek.fields.map((f) => f.name));
    if (diff) return diff;
    for (let i = 0; i < ek.fields.length; i++) {
      const ef = ek.fields[i]!;
      const af = ak.fields[i]!;
      if (ef.mutable !== af.mutable) {
        return `The field ${ef.name} is ${ef.mutable ? '' : 'not '}mutable in the signature but ${af.mutable ? '' : 'not '}in the implementation.`;
      }
      const [et] = inst(expected, [ef.type]);
      const [at] = inst(actual, [af.type]);
      if (!typesEqual(at!, et!)) return `The field ${ef.name} has type ${showType(af.type)} here, ${showType(ef.type)} in the signature.`;
    }
  }
  return null;
}

/** Constructors or fields that are missing, extra or out of order, or null. */
function namesDiffer(what: string, actual: readonly string[], expected: readonly string[]): string | null {
  const missing = expected.filter((n) => !actual.includes(n));
  if (missing.length) return `The ${what} ${missing.join(', ')} is declared in the signature but not in the implementation.`;
  const extra = actual.filter((n) => !expected.includes(n));
  if (extra.length) return `The ${what} ${extra.join(', ')} is in the implementation but not in the signature.`;
  const i = expected.findIndex((n, k) => actual[k] !== n);
  if (i >= 0) return `The ${what}s are in a different order: ${ordinal(i + 1)} is ${actual[i]} here, ${expected[i]} in the signature.`;
  return null;
}

function kindWord(k: SigItem['kind']): string {
  return k === 'value' ? 'value' : k === 'type' ? 'type' : k === 'exception' ? 'exception' : k === 'module' ? 'module' : 'module type';
}

/** Matches `actual` against `expected`; `path` names the actual module when it has one. */
export function includeModType(actual: ModType, expected: ModType, path: Path | null): Coercion {
  const sigName = expected.kind === 'ident' ? pathName(expected.path) : null;
  const a = scrapeModType(actual);
  const e = scrapeModType(expected);
  if (!a || !e) {
    if (!e) return { kind: 'identity' };
    throw new IncludeError(['Modules do not match']);
  }
  if (a.kind === 'functor' || e.kind === 'functor') {
    if (a.kind !== 'functor' || e.kind !== 'functor') {
      const hint =
        a.kind === 'functor'
          ? 'Hint: this is a functor, where a structure is expected: apply it to a module first, `F (M)`.'
          : 'Hint: this is a structure, where a functor is expected.';
      throw new IncludeError(['Modules do not match'], [], [hint]);
    }
    if (!a.generative !== !e.generative) {
      throw new IncludeError([`The functor was expected to be ${e.generative ? 'generative' : 'applicative'} at this position`]);
    }
    const arg = includeModType(e.paramType, a.paramType, pident(e.param));
    const res = includeModType(substModType(new Map([[a.param.stamp, pident(e.param)]]), a.result), e.result, null);
    if (arg.kind === 'identity' && res.kind === 'identity') return { kind: 'identity' };
    return { kind: 'functor', arg, result: res };
  }
  return includeSig(path ? prefixSig(path, a.items) : a.items, e.items, path, sigName);
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

function includeSig(actual0: Signature, expected0: Signature, path: Path | null, sigName: string | null): Coercion {
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
  const notes: string[] = [];
  const related: Related[] = [];
  for (const it of expected) {
    const f = find(it.kind, it.id.name);
    if (!f) {
      errors.push(`The ${kindWord(it.kind)} \`${it.id.name}\` is required but not provided`);
      const near = spellcheck(actual.filter((x) => x.kind === it.kind).map((x) => x.id.name), it.id.name);
      if (near.length) {
        const has = near.map((n) => `\`${n}\``).join(' and ');
        notes.push(`Hint: the implementation has ${has}; did you mean to name it \`${it.id.name}\`?`);
      } else if (it.kind === 'type') {
        // `type t` required and the structure has one type of that arity: name it `t`
        const arity = it.decl.params.length;
        const same = actual.filter((x): x is SigItem & { kind: 'type' } => x.kind === 'type' && x.decl.params.length === arity);
        if (same.length === 1) {
          const params = arity === 0 ? '' : arity === 1 ? "'a " : `(${Array.from({ length: arity }, (_, k) => `'${String.fromCharCode(97 + k)}`).join(', ')}) `;
          const t = same[0]!.id.name;
          notes.push(`Hint: the implementation has type \`${t}\`; to provide \`${it.id.name}\`, add \`type ${params}${it.id.name} = ${params}${t}\`.`);
        } else if (same.length === 0) {
          const params = arity === 0 ? '' : arity === 1 ? "'a " : `(${Array.from({ length: arity }, (_, k) => `'${String.fromCharCode(97 + k)}`).join(', ')}) `;
          notes.push(`Hint: add \`type ${params}${it.id.name} = ...\` to the implementation, with the type it stands for.`);
        }
      }
      related.push(...declarations(null, it, sigName));
      continue;
    }
    const ai = f.item;
    switch (it.kind) {
      case 'value': {
        const av = ai as SigItem & { kind: 'value' };
        if (it.desc.prim && !av.desc.prim) {
          errors.push(`Values do not match:`, `  ${sigItemToString(ai)}`, 'is not included in', `  ${sigItemToString(it)}`);
          related.push(...declarations(ai, it, sigName));
          break;
        }
        if (!moreGeneral(av.desc.type, it.desc.type)) {
          errors.push('Values do not match:', `  ${sigItemToString(ai)}`, 'is not included in', `  ${sigItemToString(it)}`);
          notes.push(...valueMismatchNotes(av.desc.type, it.desc.type));
          related.push(...declarations(ai, it, sigName));
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
          related.push(...declarations(ai, it, sigName));
        }
        break;
      }
      case 'exception': {
        const ae = ai as SigItem & { kind: 'exception' };
        const ok =
          ae.decl.args.length === it.decl.args.length && ae.decl.args.every((t, i) => typesEqual(instance(t), instance(it.decl.args[i]!)));
        if (!ok) {
          errors.push('Extension declarations do not match:', `  ${sigItemToString(ai)}`, 'is not included in', `  ${sigItemToString(it)}`);
          related.push(...declarations(ai, it, sigName));
        }
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
          related.push(...err.related);
          notes.push(...err.notes);
        }
        break;
      }
      case 'modtype':
        break;
    }
  }
  if (errors.length) {
    const hints = notes.filter((n) => n.startsWith('Hint:'));
    throw new IncludeError(errors, related, [...notes.filter((n) => !n.startsWith('Hint:')), ...hints]);
  }
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
    const message = [
      'Signature mismatch:',
      'Modules do not match:',
      ...indent(shownModtype(actual)),
      'is not included in',
      ...indent(shownModtype(expected)),
      ...err.lines,
    ];
    fail(span, message.join('\n'), err.notes, 'module', err.related);
  }
}

/** Matching of a functor argument. */
export function checkFunctorArg(span: Span, actual: ModType, expected: ModType, path: Path | null): Coercion {
  try {
    return includeModType(actual, expected, path);
  } catch (err) {
    if (!(err instanceof IncludeError)) throw err;
    const shown = actual.kind === 'alias' ? (findModuleType(actual.path) ?? actual) : actual;
    const a = shownModtype(shown);
    const e = shownModtype(expected);
    // OCaml's layout when both fit on a line; a big signature goes on lines of its own
    const oneLine = !a.includes('\n') && !e.includes('\n');
    const width = 71;
    const head =
      oneLine && `Modules do not match: ${a} is not included in`.length <= width
        ? [`Modules do not match: ${a} is not included in`, e]
        : oneLine && `Modules do not match: ${a}`.length <= width
          ? [`Modules do not match: ${a}`, `is not included in ${e}`]
          : ['Modules do not match:', ...indent(a), 'is not included in', ...indent(e)];
    fail(span, [...head, ...err.lines].join('\n'), err.notes, 'module', err.related);
  }
}

/**
 * An implementation against its interface (`foo.ml` against `foo.mli`): only
 * the failing components are shown, never the whole signatures (the
 * implementation's may hold a functor application's hundred lines). The error
 * is placed at the first failing component's implementation, or at its
 * declaration in the interface when the implementation lacks it.
 */
export function checkImplementation(ml: string, mli: string, impl: Signature, intf: Signature): Coercion {
  try {
    return includeModType({ kind: 'sig', items: impl }, { kind: 'sig', items: intf }, null);
  } catch (err) {
    if (!(err instanceof IncludeError)) throw err;
    const related = err.related.map((r) => ({ ...r, message: r.message.replace(/^The signature declares/, `The interface ${mli} declares`) }));
    const main = related.find((r) => r.span.file === ml) ?? related[0] ?? null;
    const missing = err.lines.map((l) => /^The value `(.*)` is required but not provided$/.exec(l)?.[1]).filter((n) => n !== undefined);
    for (const n of missing) err.notes.push(`Hint: define \`${n}\` in ${ml}, or remove its \`val\` from ${mli}.`);
    const message = [`The implementation ${ml} does not match the interface ${mli}:`, ...err.lines];
    fail(main ? main.span : { file: ml, start: 0, end: 0 }, message.join('\n'), err.notes, 'module', related.filter((r) => r !== main));
  }
}

/** Signatures longer than this many lines are shown elided. */
const SHOWN_SIGNATURE_LINES = 8;

/** A module type for a message: laid out on lines, and elided when long. */
export function shownModtype(m: ModType): string {
  const lines = modtypeToString(m, 72).split('\n');
  if (lines.length <= SHOWN_SIGNATURE_LINES) return lines.join('\n');
  // the first lines, then the closing `end` (at its own indentation)
  const last = lines[lines.length - 1]!;
  const keep = lines.slice(0, SHOWN_SIGNATURE_LINES - 2);
  const indentOf = (l: string): string => /^\s*/.exec(l)![0];
  const dots = `${indentOf(keep[keep.length - 1]!)}... (${lines.length - 1 - keep.length} more lines)`;
  return [...keep, dots, last].join('\n');
}

function indent(s: string): string[] {
  return s.split('\n').map((l) => `  ${l}`);
}

export { expandHead as _expandHead };
