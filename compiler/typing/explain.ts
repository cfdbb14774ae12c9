// The "why" of a type error: the notes mlc adds after OCaml's own message.
//
// OCaml's first line (`This expression has type int but ...`) and its own
// explanation (`because it is in the condition of an if-statement`) stay the
// message. What this file adds goes into a Diagnostic's `notes` and `related`:
// why the type was expected (the argument of which function, the annotation, the
// branch that fixed it), where a variable's type was fixed, which part of two
// large types differs, and hints for the usual slips (`+` on floats).
//
// Notes are computed only when a unification fails (a `Why` holds a thunk), so
// the cost on well-typed programs is one closure per checked expression.
//
// Variables' origins: a monomorphic variable (a function parameter, a pattern
// variable) starts as a type variable; the first unification that links that
// variable to a constructed type "fixes" it. `ctype.ts` calls a hook on each
// link; `unifyAt` says which span is being unified (`whileUnifying`), and the
// innermost application being typed (`inContext`) gives the use to quote.
//
// Signature items' locations are registered here by ident stamp, for the
// `related` spans of signature mismatches (`setLocation`, `locationOf`).

import type { Span } from '../syntax/ast.ts';
import { sourceOf } from '../diagnostics/source.ts';
import { type UnifyFailure, expandHead, setLinkHook, unifiable } from './ctype.ts';
import { findTypeDecl, moduleSig } from './env.ts';
import { idBool, idFloat, idInt, idString, isPath } from './predef.ts';
import { Names, pathName, typeToString } from './printtyp.ts';
import { type Type, type TypeVar, pathEqual, repr } from './types.ts';

export interface Related {
  readonly span: Span;
  readonly message: string;
}

export interface Explained {
  readonly notes: string[];
  readonly related?: Related[];
}

/** Why a type was expected. */
export interface Why {
  /** OCaml's own explanation, printed as part of its message. */
  readonly explanation?: string;
  /** mlc's notes, computed when the unification of `actual` with `expected` at `at` fails. */
  readonly explain?: Explain;
}

export type Explain = (at: Span, actual: Type, expected: Type) => Explained;

export function why(explanation: string | null, explain?: Explain): Why {
  return { ...(explanation ? { explanation } : {}), ...(explain ? { explain } : {}) };
}

/**
 * The why of a part (`own`: an element, a component) followed by the why of the
 * whole, explained at the whole's expected type.
 */
export function nested(outer: Why | null, outerExpected: Type, own: Explain): Why {
  return {
    explain: (at, actual, expected) => {
      const a = own(at, actual, expected);
      const b = outer?.explain?.(at, outerExpected, outerExpected) ?? { notes: [] };
      return { notes: [...a.notes, ...b.notes], related: [...(a.related ?? []), ...(b.related ?? [])] };
    },
  };
}

/** `w` with more notes after its own. */
export function also(w: Why | null, extra: Explain): Why {
  return {
    ...(w?.explanation ? { explanation: w.explanation } : {}),
    explain: (at, actual, expected) => {
      const a = w?.explain?.(at, actual, expected) ?? { notes: [] };
      const b = extra(at, actual, expected);
      return { notes: [...a.notes, ...b.notes], related: [...(a.related ?? []), ...(b.related ?? [])] };
    },
  };
}

const SUFFIX = ['th', 'st', 'nd', 'rd'];
/** `1st`, `2nd`, `3rd`, `11th`. */
export function ordinal(n: number): string {
  const v = n % 100;
  return `${n}${SUFFIX[(v - 20) % 10] ?? SUFFIX[v] ?? 'th'}`;
}

/** `line 12` (with the file when it is not `file`). */
export function lineText(span: Span, file?: string): string {
  const src = sourceOf(span.file);
  if (!src) return `in ${span.file}`;
  const { line } = src.position(span.start);
  return file !== undefined && file !== span.file ? `${span.file}, line ${line}` : `line ${line}`;
}

/** The source text of a span when it is short and on one line, as `` `x + 1` ``. */
export function snippet(span: Span, max = 32): string | null {
  const src = sourceOf(span.file);
  if (!src) return null;
  const t = src.text.slice(span.start, span.end);
  if (t.length === 0 || t.length > max || t.includes('\n')) return null;
  return `\`${t}\``;
}

/** A type on one line, for a note. */
export function showType(t: Type, names: Names = new Names()): string {
  return typeToString(t, names);
}

/** `which has type T.` on the same line when short, else on its own line. */
export function withType(sentence: string, t: string): string[] {
  return sentence.length + t.length < 90 ? [`${sentence} ${t}`] : [sentence, `  ${t}`];
}

// ---------------------------------------------------------------------------
// Where signature items were declared (by ident stamp), for signature mismatches

const locations = new Map<number, Span>();

export function setLocation(id: { stamp: number }, span: Span): void {
  locations.set(id.stamp, span);
}

export function locationOf(id: { stamp: number }): Span | null {
  return locations.get(id.stamp) ?? null;
}

// ---------------------------------------------------------------------------
// Which part of two types differs

function describeStep(t: Type & { kind: 'arrow' | 'tuple' | 'constr' }, i: number): string {
  switch (t.kind) {
    case 'arrow':
      if (i === 0) {
        const l = t.label;
        return l.kind === 'nolabel' ? 'the argument' : `the argument ${l.kind === 'labelled' ? '~' : '?'}${l.name}`;
      }
      return 'the result';
    case 'tuple':
      return `the ${ordinal(i + 1)} component`;
    case 'constr': {
      const name = pathName(t.path);
      if (t.args.length === 1 && ['list', 'option', 'array', 'ref', 'Seq.t', 'Queue.t', 'Stack.t'].includes(name)) {
        return `the ${name} elements`;
      }
      return `the ${ordinal(i + 1)} parameter of ${name}`;
    }
  }
}

/**
 * When two types agree at the top but differ inside, the place where they differ
 * and the two parts there (`the 2nd component of the result`, `string`, `int`).
 * Unification is tried on copies' components without side effects.
 */
export function locateDifference(actual: Type, expected: Type): { where: string; actual: Type; expected: Type } | null {
  const steps: string[] = [];
  let a = actual;
  let b = expected;
  for (let depth = 0; depth < 20; depth++) {
    const x = expandHead(a);
    const y = expandHead(b);
    if (x.kind === 'var' || y.kind === 'var') return null;
    let pairs: [Type, Type][] = [];
    if (x.kind === 'arrow' && y.kind === 'arrow') {
      const same = x.label.kind === y.label.kind && (x.label.kind === 'nolabel' || x.label.name === (y.label as { name: string }).name);
      if (same) pairs = [[x.param, y.param], [x.result, y.result]];
    } else if (x.kind === 'tuple' && y.kind === 'tuple' && x.items.length === y.items.length) {
      pairs = x.items.map((t, i) => [t, y.items[i]!]);
    } else if (x.kind === 'constr' && y.kind === 'constr' && pathName(x.path) === pathName(y.path) && x.args.length === y.args.length) {
      pairs = x.args.map((t, i) => [t, y.args[i]!]);
    }
    const i = pairs.findIndex(([p, q]) => !unifiable(p, q));
    if (i < 0) break;
    steps.push(describeStep(x as Type & { kind: 'arrow' | 'tuple' | 'constr' }, i));
    [a, b] = pairs[i]!;
  }
  if (steps.length === 0) return null;
  return { where: phrase(steps), actual: a, expected: b };
}

/** Outermost first: `the result`, `the result`, `the argument` is `the 3rd argument`. */
function phrase(steps: string[]): string {
  const parts: string[] = [];
  for (let i = 0; i < steps.length; ) {
    if (steps[i] !== 'the result') {
      parts.push(steps[i]!);
      i++;
      continue;
    }
    let n = 0;
    while (steps[i] === 'the result') {
      n++;
      i++;
    }
    const next = steps[i];
    if (next !== undefined && next.startsWith('the argument')) {
      parts.push(next === 'the argument' ? `the ${ordinal(n + 1)} argument` : next);
      i++;
    } else parts.push('the result');
  }
  return parts.reverse().join(' of ');
}

/** `The types differ in the result: string here, int expected.` for large types. */
export function differenceNote(actual: Type, expected: Type, minLength = 24): string[] {
  const d = locateDifference(actual, expected);
  if (!d) return [];
  const names = new Names();
  const whole = showType(actual, names).length + showType(expected, names).length;
  if (whole < minLength) return [];
  const n2 = new Names();
  return [`The types differ in ${d.where}: ${showType(d.actual, n2)} here, ${showType(d.expected, n2)} expected.`];
}

// ---------------------------------------------------------------------------
// Hints for operators

const INT_OPS: Record<string, string> = { '+': '+.', '-': '-.', '*': '*.', '/': '/.' };
const FLOAT_OPS: Record<string, string> = { '+.': '+', '-.': '-', '*.': '*', '/.': '/' };

function isType(t: Type, id: typeof idInt): boolean {
  return isPath(expandHead(t), id);
}

/** Hints when an operator's operand has the wrong type (`1.0 + x`, `"a" + "b"`). */
export function operatorHints(op: string | null, argTy: Type, expected: Type): string[] {
  if (!op) return [];
  if (INT_OPS[op] && isType(expected, idInt)) {
    if (isType(argTy, idFloat)) return [`Hint: \`${op}\` is for ints; use \`${INT_OPS[op]}\` for floats.`];
    if (op === '+' && isType(argTy, idString)) return ['Hint: use `^` to concatenate strings.'];
  }
  if (FLOAT_OPS[op] && isType(expected, idFloat) && isType(argTy, idInt)) {
    return [`Hint: \`${op}\` is for floats; use \`${FLOAT_OPS[op]}\` for ints, or float_of_int to convert.`];
  }
  if (op === '^' && isType(expected, idString)) {
    if (isType(argTy, idInt)) return ['Hint: `^` joins strings; convert with string_of_int.'];
    if (isType(argTy, idFloat)) return ['Hint: `^` joins strings; convert with string_of_float.'];
    if (isType(argTy, idBool)) return ['Hint: `^` joins strings; convert with string_of_bool.'];
  }
  const e = expandHead(expected);
  const a = expandHead(argTy);
  const isRef = (t: Type): boolean => t.kind === 'constr' && pathName(t.path) === 'ref';
  if ((op === '=' || op === '==') && isRef(e) && !isRef(a) && a.kind !== 'var') {
    return ['Hint: `=` compares values; to assign to a reference, write `r := v`.'];
  }
  return [];
}

/** A condition that is not a bool: OCaml has no truthiness. */
export function conditionHints(actual: Type): string[] {
  const t = expandHead(actual);
  if (t.kind !== 'constr') return [];
  const name = pathName(t.path);
  const test = name === 'int' ? 'n <> 0' : name === 'option' ? 'x <> None' : name === 'list' ? 'l <> []' : name === 'string' ? 's <> ""' : null;
  return test ? [`Hint: OCaml has no implicit truth values; compare explicitly, e.g. \`${test}\`.`] : [];
}

/** Infix operators, for `the 1st operand of +` rather than `argument`. */
export function isOperatorName(name: string): boolean {
  return /^[!$%&*+\-./:<=>?@^|~#]+$/.test(name) || ['mod', 'land', 'lor', 'lxor', 'lsl', 'lsr', 'asr', 'or'].includes(name);
}

// ---------------------------------------------------------------------------
// Where a variable's type was fixed

/** A monomorphic variable: where it was bound and where its type was first fixed. */
export interface VarOrigin {
  readonly name: string;
  readonly bound: Span;
  fixedAt: Span | null;
  /** Fixed by its binding pattern (or an annotation on it) rather than by a use. */
  byPattern: boolean;
}

const trackers = new WeakMap<TypeVar, VarOrigin[]>();
let unifying: { span: Span; pattern: boolean } | null = null;
/** The innermost application being typed: a fix inside it is reported as `in \`x + 1\``. */
let context: Span | null = null;

export function inContext<T>(span: Span, f: () => T): T {
  const saved = context;
  context = span.ghost ? saved : span;
  try {
    return f();
  } finally {
    context = saved;
  }
}

setLinkHook((v, t) => {
  const list = trackers.get(v);
  if (!list) return;
  const r = repr(t);
  if (r.kind === 'var') {
    trackers.set(r, [...(trackers.get(r) ?? []), ...list]);
    return;
  }
  for (const o of list) {
    if (o.fixedAt || !unifying) continue;
    const c = context;
    const inside = c && c.file === unifying.span.file && c.start <= unifying.span.start && unifying.span.end <= c.end;
    o.fixedAt = !unifying.pattern && inside && snippet(c) ? c : unifying.span;
    o.byPattern = unifying.pattern;
  }
});

/** Runs a unification, recording `span` as the place that fixes tracked variables. */
export function whileUnifying<T>(span: Span, pattern: boolean, f: () => T): T {
  const saved = unifying;
  unifying = span.ghost ? saved : { span, pattern };
  try {
    return f();
  } finally {
    unifying = saved;
  }
}

/** Starts tracking a variable bound (by a pattern at `bound`) with type `t`. */
export function trackVariable(name: string, t: Type, bound: Span): VarOrigin {
  const r = repr(t);
  const o: VarOrigin = { name, bound, fixedAt: null, byPattern: false };
  if (r.kind === 'var') trackers.set(r, [...(trackers.get(r) ?? []), o]);
  else {
    o.fixedAt = bound;
    o.byPattern = true;
  }
  return o;
}

/** `The pattern on line 12 fixed the type of x to int.` for a variable whose use is wrong. */
export function originNotes(o: VarOrigin, ty: Type, at: Span): Explained {
  const t = showType(ty);
  if (!o.fixedAt || o.fixedAt === at || (o.fixedAt.start === at.start && o.fixedAt.end === at.end)) return { notes: [] };
  if (o.byPattern) {
    return {
      notes: [`The pattern on ${lineText(o.fixedAt, at.file)} fixed the type of \`${o.name}\` to ${t}.`],
      related: [{ span: o.fixedAt, message: `\`${o.name}\` got its type here` }],
    };
  }
  const s0 = snippet(o.fixedAt);
  const s = s0 === `\`${o.name}\`` ? null : s0;
  return {
    notes: [`\`${o.name}\` was given type ${t} by its use${s ? ` in ${s}` : ''} on ${lineText(o.fixedAt, at.file)}.`],
    related: [{ span: o.fixedAt, message: `\`${o.name}\` got its type here` }],
  };
}

// ---------------------------------------------------------------------------
// Abstract types

/**
 * `Id.t` where an int was expected, `Id.t` being abstract in `Id`'s signature:
 * what the signature hides, and the function of `Id` that converts (or that
 * is missing). Only for modules of the program (not the library's), and only
 * when the other side is a concrete type.
 */
export function abstractTypeNotes(failure: UnifyFailure, at: Span): Explained {
  if (failure.kind !== 'mismatch') return { notes: [] };
  const a = expandHead(failure.t1);
  const b = expandHead(failure.t2);
  const one = (abs: Type, other: Type, abstractIsActual: boolean): Explained | null => {
    if (abs.kind !== 'constr' || abs.path.kind !== 'pdot' || other.kind !== 'constr') return null;
    const decl = findTypeDecl(abs.path);
    if (!decl || decl.kind.kind !== 'abstract' || decl.manifest || !decl.span) return null;
    const src = sourceOf(decl.span.file);
    if (!src || isLibraryFile(decl.span.file)) return null;
    const base = abs.path.base;
    const m = pathName(base);
    const t = pathName(abs.path);
    const names = new Names();
    const otherText = showType(other, names);
    const sig = moduleSig(base) ?? [];
    // a function of the module between the two types
    const convert = sig.find((it) => {
      if (it.kind !== 'value') return false;
      const f = expandHead(it.desc.type);
      if (f.kind !== 'arrow' || f.label.kind !== 'nolabel') return false;
      const [from, to] = abstractIsActual ? [f.param, f.result] : [f.result, f.param];
      const h = expandHead(from);
      return h.kind === 'constr' && pathEqual(h.path, abs.path) && expandHead(to).kind !== 'arrow' && unifiable(to, other);
    });
    const fromTo = abstractIsActual ? `from \`${t}\` to ${otherText}` : `from ${otherText} to \`${t}\``;
    const simple = /^[a-z_][a-z0-9_]*$/.test(otherText) ? otherText : null;
    const declared = snippet(decl.span, 24);
    const where = `${declared ? `${declared}, ` : ''}${lineText(decl.span, at.file)}`;
    const hidden = `\`${t}\` is abstract: the signature of \`${m}\` hides what it stands for (${where})`;
    let note: string;
    if (convert) {
      note = `${hidden}; \`${m}.${convert.id.name}\` converts ${fromTo}.`;
    } else {
      const name = abstractIsActual ? `to_${simple ?? 'x'}` : `of_${simple ?? 'x'}`;
      const tn = abs.path.name;
      const valType = abstractIsActual ? `${tn} -> ${otherText}` : `${otherText} -> ${tn}`;
      note =
        `${hidden}, and \`${m}\` has no function ${fromTo}; add \`val ${name} : ${valType}\` to the signature, ` +
        `or make the type public there (\`type ${abs.path.name} = ...\`).`;
    }
    return { notes: [note], related: [{ span: decl.span, message: `\`${t}\` is declared abstract here` }] };
  };
  return one(a, b, true) ?? one(b, a, false) ?? { notes: [] };
}

function isLibraryFile(file: string): boolean {
  return /(^|[\\/])stdlib[\\/]/.test(file);
}
