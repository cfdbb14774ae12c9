// Which right-hand sides of `let rec` mlc accepts.
//
// mlc compiles `let rec` of functions (`fun`/`function`, possibly under type
// constraints or a local `open`, which the typed tree does not show). A
// right-hand side that is not a function is accepted only when it does not
// refer to any of the names the `let rec` defines (it is then an ordinary
// value, evaluated in order). Otherwise it is refused:
// - with OCaml's own message when OCaml refuses it too (an approximation of
//   OCaml 4.13's `Rec_check`: the names may only be used under a constructor,
//   a tuple or a record ("guarded"), or under a `fun` ("delayed"));
// - with mlc's message for the cyclic values OCaml accepts (`let rec l = 1 :: l`),
//   which mlc does not build.

import type { Span } from '../syntax/ast.ts';
import { fail } from './errors.ts';
import type { TExpr, TModExpr, TStructItem } from './typedtree.ts';

/** OCaml's modes of use, from the most permissive. */
type Mode = 'delay' | 'guard' | 'return' | 'deref';

function compose(outer: Mode, inner: Mode): Mode {
  if (outer === 'delay' || inner === 'delay') return 'delay';
  if (outer === 'return') return inner;
  if (outer === 'guard') return inner === 'deref' ? 'deref' : 'guard';
  return 'deref';
}

export const LET_REC_NOT_ALLOWED = "This kind of expression is not allowed as right-hand side of `let rec'";
export const LET_REC_VALUE_UNSUPPORTED =
  'Recursive values (`let rec` of something other than a function) are not supported by mlc';
const LET_REC_VALUE_HINT =
  'Hint: build the cycle after construction through a mutable field (a `mutable` record field or a `ref`), ' +
  'or make the value a function (`let rec next () = ...`) that rebuilds it on demand.';

/** Refuses the right-hand sides of a `let rec` that mlc cannot compile (see the file's comment). */
export function checkLetRec(group: ReadonlySet<number>, rhs: readonly { expr: TExpr; span: Span }[]): void {
  for (const { expr, span } of rhs) {
    if (expr.kind === 'fun') continue;
    const uses: Mode[] = [];
    walk(expr, 'return', group, uses);
    if (uses.length === 0) continue;
    const allowed: Mode[] = isStatic(expr) ? ['delay', 'guard'] : ['delay'];
    if (uses.some((m) => !allowed.includes(m))) fail(span, LET_REC_NOT_ALLOWED);
    fail(span, LET_REC_VALUE_UNSUPPORTED, [LET_REC_VALUE_HINT]);
  }
}

/** OCaml's `classify_expression`: whether the value's size is known before it is evaluated. */
function isStatic(e: TExpr): boolean {
  switch (e.kind) {
    case 'fun':
    case 'construct':
    case 'tuple':
    case 'record':
    case 'array':
    case 'setfield':
    case 'while':
    case 'for':
      return true;
    case 'let':
    case 'letmodule':
    case 'letexception':
      return isStatic(e.body);
    case 'seq':
      return isStatic(e.second);
    default:
      return false;
  }
}

function walk(e: TExpr, mode: Mode, group: ReadonlySet<number>, uses: Mode[]): void {
  const sub = (x: TExpr | null, inner: Mode): void => {
    if (x) walk(x, compose(mode, inner), group, uses);
  };
  // a case's guard is read; its body is what the whole expression returns
  const cases = (cs: readonly { guard: TExpr | null; body: TExpr }[]): void =>
    cs.forEach((c) => {
      sub(c.guard, 'deref');
      sub(c.body, 'return');
    });
  switch (e.kind) {
    case 'const':
      return;
    case 'var':
      if (e.path.kind === 'local' && group.has(e.path.id.stamp)) uses.push(mode);
      return;
    case 'fun':
      return sub(e.body, 'delay');
    case 'construct':
      return e.args.forEach((a) => sub(a, 'guard'));
    case 'tuple':
      return e.items.forEach((a) => sub(a, 'guard'));
    case 'record':
      e.fields.forEach((a) => sub(a, 'guard'));
      return sub(e.base, 'deref');
    case 'array':
      // a generic array might hold floats: OCaml reads its elements
      return e.items.forEach((a) => sub(a, 'deref'));
    case 'let':
      e.bindings.forEach((b) => sub(b.expr, 'deref'));
      return sub(e.body, 'return');
    case 'seq':
      sub(e.first, 'guard');
      return sub(e.second, 'return');
    case 'if':
      sub(e.cond, 'deref');
      sub(e.then, 'return');
      return sub(e.else, 'return');
    case 'match':
      sub(e.scrutinee, 'deref');
      return cases([...e.cases, ...e.exnCases]);
    case 'try':
      sub(e.body, 'return');
      return cases(e.cases);
    case 'apply':
      sub(e.fn, 'deref');
      return e.args.forEach((a) => sub(a, 'deref'));
    case 'field':
      return sub(e.record, 'deref');
    case 'setfield':
      sub(e.record, 'deref');
      return sub(e.value, 'deref');
    case 'while':
      sub(e.cond, 'deref');
      return sub(e.body, 'deref');
    case 'for':
      sub(e.from, 'deref');
      sub(e.to, 'deref');
      return sub(e.body, 'deref');
    case 'assert':
      return sub(e.expr, 'deref');
    case 'letmodule':
      walkModule(e.module, compose(mode, 'deref'), group, uses);
      return sub(e.body, 'return');
    case 'letexception':
      return sub(e.body, 'return');
  }
}

function walkModule(m: TModExpr, mode: Mode, group: ReadonlySet<number>, uses: Mode[]): void {
  switch (m.kind) {
    case 'path':
      return;
    case 'struct':
      return m.items.forEach((i) => walkItem(i, mode, group, uses));
    case 'functor':
      return walkModule(m.body, compose(mode, 'delay'), group, uses);
    case 'apply':
      walkModule(m.fn, mode, group, uses);
      return walkModule(m.arg, mode, group, uses);
    case 'coerce':
      return walkModule(m.module, mode, group, uses);
  }
}

function walkItem(i: TStructItem, mode: Mode, group: ReadonlySet<number>, uses: Mode[]): void {
  switch (i.kind) {
    case 'let':
      return i.bindings.forEach((b) => walk(b.expr, mode, group, uses));
    case 'eval':
      return walk(i.expr, mode, group, uses);
    case 'module':
      return walkModule(i.module, mode, group, uses);
    case 'include':
      return walkModule(i.module, mode, group, uses);
    default:
      return;
  }
}
