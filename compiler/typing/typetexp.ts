// Translation of type expressions written by the user, and the messages for
// type errors (which need both the printer and OCaml's exact box layout).
//
// Named type variables in annotations (`'a`) are shared across one toplevel
// definition, as in OCaml; in a type declaration only its parameters are allowed.

import type { TypeExpr, Span } from '../syntax/ast.ts';
import { UnifyError, newTypeVar, unify } from './ctype.ts';
import { type Env, lookupType } from './env.ts';
import { fail, failLines } from './errors.ts';
import { type Why, abstractTypeNotes, differenceNote, whileUnifying } from './explain.ts';
import { Formatter } from './format.ts';
import { Names, printTypeTo } from './printtyp.ts';
import { type Type, constr, repr } from './types.ts';

export interface TyVarScope {
  /** Named variables: shared within a toplevel definition. */
  readonly vars: Map<string, Type>;
  /** In a type declaration: unknown names are errors. */
  readonly closed: boolean;
}

export function openScope(): TyVarScope {
  return { vars: new Map(), closed: false };
}

export function translType(env: Env, te: TypeExpr, scope: TyVarScope): Type {
  switch (te.kind) {
    case 'tvar': {
      const v = scope.vars.get(te.name);
      if (v) return v;
      if (scope.closed) fail(te.span, `The type variable '${te.name} is unbound in this type declaration.`);
      const nv = newTypeVar(te.name);
      scope.vars.set(te.name, nv);
      return nv;
    }
    case 'tany':
      return newTypeVar();
    case 'tarrow': {
      let param = translType(env, te.param, scope);
      if (te.label.kind === 'optional') param = optionOf(param);
      return { kind: 'arrow', label: te.label, param, result: translType(env, te.result, scope) };
    }
    case 'ttuple':
      return { kind: 'tuple', items: te.items.map((i) => translType(env, i, scope)) };
    case 'tconstr': {
      const entry = lookupType(env, te.name);
      const arity = entry.decl.params.length;
      if (arity !== te.args.length) {
        const name = te.name.path ? `${pathText(te)}` : te.name.name;
        failLines(
          te.span,
          `The type constructor ${name} expects ${arity} argument(s),\nbut is applied here to ${te.args.length} argument(s)`,
        );
      }
      return constr(
        entry.path,
        te.args.map((a) => translType(env, a, scope)),
      );
    }
  }
}

function pathText(te: TypeExpr & { kind: 'tconstr' }): string {
  const go = (p: NonNullable<typeof te.name.path>): string =>
    p.kind === 'mident' ? p.name : p.kind === 'mdot' ? `${go(p.base)}.${p.name}` : `${go(p.fn)}(${go(p.arg)})`;
  return `${go(te.name.path!)}.${te.name.name}`;
}

/** Set by predef users: builds `t option` (kept here to avoid an import cycle). */
let optionOf: (t: Type) => Type = (t) => t;
export function setOptionBuilder(f: (t: Type) => Type): void {
  optionOf = f;
}

// ---------------------------------------------------------------------------
// Error messages with OCaml's layout

/** Lays out a message the way OCaml does after `Error: `, and returns its lines. */
export function layoutMessage(build: (f: Formatter) => void): string {
  const f = new Formatter();
  f.text('Error: ');
  f.openBox(0, 'v');
  build(f);
  f.close();
  return f.finish().slice('Error: '.length);
}

export type Explanation = string | null;

/** `This expression has type X but an expression was expected of type Y`. */
export function unificationMessage(
  err: UnifyError,
  t1: Type,
  t2: Type,
  what: { has: string; expected: string },
  explanation: Explanation,
): string {
  const names = new Names(false);
  names.reserve([t1, t2]);
  return layoutMessage((f) => {
    f.openBox(0);
    f.text(what.has);
    f.brk(1, 2);
    printTypeTo(f, names, t1);
    f.space();
    f.text(what.expected);
    f.brk(1, 2);
    printTypeTo(f, names, t2);
    f.close();
    if (explanation) {
      f.space();
      f.text(explanation);
    }
    const fl = err.failure;
    if (fl.kind === 'occurs') {
      f.space();
      f.openBox(0);
      f.text('The type variable');
      f.space();
      printTypeTo(f, names, fl.v);
      f.text(' occurs inside');
      f.space();
      printTypeTo(f, names, fl.t);
      f.close();
    } else if (!(sameTop(fl.t1, t1) && sameTop(fl.t2, t2)) && !(sameTop(fl.t1, t2) && sameTop(fl.t2, t1))) {
      f.space();
      f.openBox(0);
      f.text('Type');
      f.brk(1, 2);
      printTypeTo(f, names, fl.t1);
      f.space();
      f.text('is not compatible with type');
      f.brk(1, 2);
      printTypeTo(f, names, fl.t2);
      f.close();
    }
  });
}

function sameTop(a: Type, b: Type): boolean {
  return repr(a) === repr(b);
}

export const EXPR_WHAT = { has: 'This expression has type', expected: 'but an expression was expected of type' };
export const PAT_WHAT = {
  has: 'This pattern matches values of type',
  expected: 'but a pattern was expected which matches values of type',
};

/**
 * Unifies, reporting a failure at `span` as OCaml does, followed by mlc's notes:
 * `why` the type was expected (see explain.ts) and which part of large types differs.
 */
export function unifyAt(
  span: Span,
  actual: Type,
  expected: Type,
  why: Explanation | Why = null,
  what = EXPR_WHAT,
  notes: string[] = [],
): void {
  try {
    whileUnifying(span, what === PAT_WHAT, () => unify(actual, expected));
  } catch (e) {
    if (!(e instanceof UnifyError)) throw e;
    const w: Why = typeof why === 'string' ? { explanation: why } : (why ?? {});
    const message = unificationMessage(e, actual, expected, what, w.explanation ?? null);
    const more = w.explain?.(span, actual, expected) ?? { notes: [] };
    const diff = e.failure.kind === 'mismatch' ? differenceNote(actual, expected) : [];
    const abs = abstractTypeNotes(e.failure, span);
    const related = [...(more.related ?? []), ...(abs.related ?? [])].filter(
      (r, i, all) => all.findIndex((x) => x.message === r.message && x.span.start === r.span.start && x.span.file === r.span.file) === i,
    );
    failLines(span, message, [...new Set([...diff, ...more.notes, ...abs.notes, ...notes])], 'type', related);
  }
}
