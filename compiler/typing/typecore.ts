// Typing of expressions (OCaml's `Typecore`).
//
// `typeExpect(env, e, expected, why)` types `e` so that its type unifies with
// `expected`, propagating `expected` inward where OCaml does (branches, sequences,
// lets, constructor arguments), so an error is reported at the innermost
// expression whose type disagrees, with the reason that type was expected.
//
// Sugar is removed here, once: `function` and patterned parameters become
// `fun x -> match x with ...`; optional defaults become a `match` on the option;
// binding operators become applications of the operator identifiers; `a.(i)`
// becomes `Array.get a i` (or the primitive when no `Array` is in scope).

import { checkLetRec } from './letrec.ts';
import type { Diagnostic } from '../diagnostics/diagnostic.ts';
import type { Arg, ArgLabel, Binding, Case, Expr, LongIdent, ModExpr, Param, Pattern, Span } from '../syntax/ast.ts';
import {
  currentLevel,
  beginDef,
  endDef,
  expandHead,
  freeVars,
  generalize,
  unifiable,
  headDecl,
  instance,
  lowerContravariant,
  newTypeVar,
} from './ctype.ts';
import {
  type Env,
  addException,
  addLocalValue,
  addModule,
  exnCtorInfo,
  findModuleByName,
  findTypeDecl,
  isInlineRecordPath,
  lookupModule,
  lookupValue,
  openSignature,
  scrapeModType,
} from './env.ts';
import { TypingError, fail, failLines, spellcheck, whileDefining } from './errors.ts';
import {
  type Explained,
  type Related,
  type Why,
  also,
  conditionHints,
  inContext,
  isOperatorName,
  nested,
  lineText,
  operatorHints,
  ordinal,
  originNotes,
  showType,
  snippet,
  trackVariable,
  why as mkWhy,
  withType,
} from './explain.ts';
import { formatConversion, typeFormatString } from './formats.ts';
import { idUnit, isPath, tArray, tBool, tBytes, tChar, tExn, tInt, tOption, tString, tUnit } from './predef.ts';
import { Names, pathName, printTypeTo } from './printtyp.ts';
import { sourceOf } from '../diagnostics/source.ts';
import type { TBinding, TCase, TExpr, TModExpr, TPattern } from './typedtree.ts';
import {
  PatVars,
  arityMismatch,
  constantType,
  inlineRecordType,
  instanceCtor,
  instanceLabel,
  labelDesc,
  resolveCtor,
  resolveFirstLabel,
  resolveLabel,
  typePattern,
} from './typepat.ts';
import { type TyVarScope, layoutMessage, translType, unifyAt } from './typetexp.ts';
import { type CtorInfo, type Ident, type LabelInfo, type ModType, type Path, type Type, createIdent, tuple, arrow, repr } from './types.ts';
import { declareException } from './typedecl.ts';

export interface CoreCtx {
  readonly scope: TyVarScope;
  readonly warnings: Diagnostic[];
  /** Types a module expression (injected by typemod, which depends on this file). */
  readonly typeModule: (env: Env, m: ModExpr) => { tree: TModExpr; mty: ModType };
  /** Exhaustiveness check hook (parmatch), called on each match. */
  readonly checkMatch: (env: Env, cases: TCase[], scrutTy: Type, span: Span, isTry: boolean) => boolean;
}

const REASON_IF = mkWhy('because it is in the condition of an if-statement', (_at, actual) => ({ notes: conditionHints(actual) }));
const REASON_NO_ELSE = mkWhy('because it is in the result of a conditional with no else branch', () => ({
  notes: ['Hint: add an `else` branch with the value for when the condition is false, or discard the value with `ignore`.'],
}));
const REASON_WHILE = mkWhy('because it is in the condition of a while-loop', (_at, actual) => ({ notes: conditionHints(actual) }));
const REASON_WHILE_BODY = 'because it is in the body of a while-loop';
const boundWhy = (explanation: string): Why =>
  mkWhy(explanation, (_at, actual) =>
    showType(actual) === 'float'
      ? { notes: ['Hint: `for` loops count over ints; for float steps, use a `while` loop.'] }
      : { notes: [] },
  );
const REASON_FOR_START = boundWhy('because it is in a for-loop start index');
const REASON_FOR_STOP = boundWhy('because it is in a for-loop stop index');
const REASON_FOR_BODY = 'because it is in the body of a for-loop';
const REASON_ASSERT = mkWhy('because it is in the condition of an assertion');
const REASON_GUARD = mkWhy('because it is in a when-guard');

/**
 * The other branches of an `if` or `match`, once a first branch fixed the type:
 * `The \`then\` branch on line 5 has type int, so this \`else\` branch must too.`
 */
function branchWhy(outer: Why | null, first: Span, sentence: (line: string, ty: string) => string, label: string): Why {
  return mkWhy(outer?.explanation ?? null, (at, _actual, expected) => ({
    notes: [sentence(lineText(first, at.file), showType(expected))],
    related: [{ span: first, message: label }],
  }));
}

/** The type a pattern or annotation gives to the expression of a `let`. */
function bindingWhy(p: Pattern): Why | null {
  if (p.kind === 'pconstraint') {
    const name = p.pat.kind === 'pvar' ? `\`${p.pat.name}\`` : 'This pattern';
    return annotationWhy(p.type.span, (t, line) => `${name} is annotated with type ${t} on ${line}.`);
  }
  if (p.kind === 'pconstruct' && !p.ctor.path && p.ctor.name === '()' && !p.arg) {
    return mkWhy(null, () => ({
      notes: [
        '`let () = ...` requires an expression of type unit.',
        'Hint: to discard a value, write `let _ = ...` or use `ignore`.',
      ],
    }));
  }
  if (p.kind === 'pvar' || p.kind === 'pany') return null;
  return mkWhy(null, (at, _actual, expected) => ({
    notes: [`The pattern on ${lineText(p.span, at.file)} has type ${showType(expected)}.`],
    related: [{ span: p.span, message: 'the pattern' }],
  }));
}

/** `(e : t)`, `let x : t = e`, `let f x : t = e`. */
function annotationWhy(typeSpan: Span, sentence: (ty: string, line: string) => string): Why {
  return mkWhy(null, (at, _actual, expected) => {
    // `(1 : string)`: the annotation is right there, the message says it all
    if (at.end <= typeSpan.start && typeSpan.start - at.end <= 3) return { notes: [] };
    return {
      notes: [sentence(showType(expected), lineText(typeSpan, at.file))],
      related: [{ span: typeSpan, message: 'the annotation' }],
    };
  });
}

function mk(e: { span: Span }, ty: Type, rest: object): TExpr {
  return { ty, span: e.span, ...rest } as TExpr;
}

export function typeExpect(env: Env, ctx: CoreCtx, e: Expr, expected: Type, why: Why | null = null): TExpr {
  const r = typeExpectInner(env, ctx, e, expected, why);
  unifyAt(e.span, r.ty, expected, e.kind === 'ident' ? also(why, (at, actual) => variableNotes(env, e, actual, at)) : why);
  return r;
}

/** Where a variable's type came from, when a use of it has the wrong type. */
function variableNotes(env: Env, e: Expr & { kind: 'ident' }, ty: Type, at: Span): Explained {
  if (e.name.path) return { notes: [] };
  let v;
  try {
    v = lookupValue(env, e.name);
  } catch {
    return { notes: [] };
  }
  if (v.origin) return originNotes(v.origin, ty, at);
  const d = v.defined;
  if (!d || d.file !== at.file || d.ghost) return { notes: [] };
  return {
    notes: [`\`${e.name.name}\` is defined on ${lineText(d, at.file)} with type ${showType(ty)}.`],
    related: [{ span: d, message: `\`${e.name.name}\` is defined here` }],
  };
}

export function typeInfer(env: Env, ctx: CoreCtx, e: Expr): TExpr {
  return typeExpect(env, ctx, e, newTypeVar());
}

function typeExpectInner(env: Env, ctx: CoreCtx, e: Expr, expected: Type, why: Why | null): TExpr {
  switch (e.kind) {
    case 'const': {
      if (e.value.kind === 'string') {
        const fmt = typeFormatString(e.value, expected, e.span);
        if (fmt) return mk(e, fmt, { kind: 'const', value: e.value });
      }
      return mk(e, constantType(e.value), { kind: 'const', value: e.value });
    }
    case 'ident':
      return typeIdent(env, e, false);
    case 'let': {
      const { env: env2, bindings } = typeLet(env, ctx, e.rec, e.bindings);
      const body = typeExpect(env2, ctx, e.body, expected, why);
      return mk(e, body.ty, { kind: 'let', rec: e.rec, bindings, body });
    }
    case 'fun':
      return typeFun(env, ctx, e, e.params, e.body, expected, resultWhy(why, expected));
    case 'function': {
      const param: Param = { label: { kind: 'nolabel' }, pat: { kind: 'pvar', name: '*function*', span: e.span }, default: null, span: e.span };
      const scrutSpan = { ...e.span, ghost: true };
      return typeFunction(env, ctx, e, param, expected, (env2, paramId, paramTy, resTy) =>
        typeMatchCases(
          env2,
          ctx,
          { kind: 'var', path: { kind: 'local', id: paramId }, ty: paramTy, span: scrutSpan } as TExpr,
          e.cases,
          resTy,
          e.span,
          resultWhy(why, expected),
        ),
      );
    }
    case 'apply': {
      const fn = typeInfer(env, ctx, e.fn);
      return typeApplication(env, ctx, e, fn, e.fn, e.args, expected);
    }
    case 'match': {
      const scrut = typeInfer(env, ctx, e.scrutinee);
      return typeMatchCases(env, ctx, scrut, e.cases, expected, e.span, why);
    }
    case 'try': {
      const open = repr(expected).kind === 'var';
      const body = typeExpect(env, ctx, e.body, expected, why);
      const handlerWhy =
        open && repr(expected).kind !== 'var'
          ? branchWhy(
              why,
              e.body.span,
              (line, t) => `The body of this \`try\` (${line}) has type ${t}, so its handlers must too.`,
              'the body of the `try`',
            )
          : why;
      const cases = e.cases.map((c) => typeCase(env, ctx, c, tExn, expected, handlerWhy));
      ctx.checkMatch(env, cases, tExn, e.span, true);
      return mk(e, body.ty, { kind: 'try', body, cases });
    }
    case 'tuple': {
      const h = expandHead(expected);
      const tys = h.kind === 'tuple' && h.items.length === e.items.length ? h.items : e.items.map(() => newTypeVar() as Type);
      const whole = h.kind === 'tuple' && h.items.length === e.items.length ? expected : null;
      const items = e.items.map((it, i) =>
        typeExpect(
          env,
          ctx,
          it,
          tys[i]!,
          whole
            ? nested(why, whole, () => ({ notes: [`This is the ${ordinal(i + 1)} component of a tuple of type ${showType(whole)}.`] }))
            : null,
        ),
      );
      return mk(e, tuple(items.map((i) => i.ty)), { kind: 'tuple', items });
    }
    case 'construct':
      return typeConstruct(env, ctx, e, expected, why);
    case 'record':
      return typeRecord(env, ctx, e, expected, why);
    case 'field': {
      const record = e.record.kind === 'ident' ? typeIdent(env, e.record, true) : typeInfer(env, ctx, e.record);
      const l = resolveLabel(env, e.field, record.ty, true);
      const inst = instanceLabel(l);
      unifyAt(e.record.span, record.ty, inst.res);
      return mk(e, inst.field, { kind: 'field', record, label: labelDesc(l) });
    }
    case 'setfield': {
      const record = e.record.kind === 'ident' ? typeIdent(env, e.record, true) : typeInfer(env, ctx, e.record);
      const l = resolveLabel(env, e.field, record.ty, true);
      const inst = instanceLabel(l);
      unifyAt(e.record.span, record.ty, inst.res);
      if (!l.mutable) {
        fail(
          e.span,
          `The record field ${l.name} is not mutable`,
          [`Hint: declare it \`mutable ${l.name} : ...\` in its type to allow assignment.`],
          'type',
          declaredAt(l.resPath, `type ${pathName(l.resPath)} is declared here`),
        );
      }
      const value = typeExpect(env, ctx, e.value, inst.field, fieldWhy(l));
      return mk(e, tUnit, { kind: 'setfield', record, label: labelDesc(l), value });
    }
    case 'array': {
      const h = expandHead(expected);
      const elt =
        h.kind === 'constr' && h.args.length === 1 && headDecl(h)?.decl === headDecl(tArray(tInt))?.decl
          ? h.args[0]!
          : newTypeVar();
      const arrayWhy = nested(why, expected, () => ({ notes: [`This is an element of an array of type ${showType(tArray(elt))}.`] }));
      const items = e.items.map((it) => typeExpect(env, ctx, it, elt, arrayWhy));
      return mk(e, tArray(elt), { kind: 'array', items });
    }
    case 'index':
    case 'setindex': {
      const args: Arg[] = [e.target, e.index, ...(e.kind === 'setindex' ? [e.value] : [])].map((x) => ({
        label: { kind: 'nolabel' },
        expr: x,
        span: x.span,
      }));
      const fn = indexFunction(env, e.container, e.kind === 'setindex', { ...e.span, ghost: true });
      return typeApplication(env, ctx, e, fn, null, args, expected);
    }
    case 'if': {
      const cond = typeExpect(env, ctx, e.cond, tBool, REASON_IF);
      if (!e.else) {
        const then = typeExpect(env, ctx, e.then, tUnit, REASON_NO_ELSE);
        return mk(e, tUnit, { kind: 'if', cond, then, else: null });
      }
      const open = repr(expected).kind === 'var';
      const then = typeExpect(env, ctx, e.then, expected, why);
      const elseWhy =
        open && repr(expected).kind !== 'var'
          ? branchWhy(
              why,
              e.then.span,
              (line, t) => `The \`then\` branch on ${line} has type ${t}, so this \`else\` branch must too.`,
              'the `then` branch',
            )
          : why;
      const els = typeExpect(env, ctx, e.else, expected, elseWhy);
      return mk(e, then.ty, { kind: 'if', cond, then, else: els });
    }
    case 'seq': {
      const first = typeStatement(env, ctx, e.first);
      const second = typeExpect(env, ctx, e.second, expected, why);
      return mk(e, second.ty, { kind: 'seq', first, second });
    }
    case 'while': {
      const cond = typeExpect(env, ctx, e.cond, tBool, REASON_WHILE);
      const body = typeStatement(env, ctx, e.body, REASON_WHILE_BODY);
      return mk(e, tUnit, { kind: 'while', cond, body });
    }
    case 'for': {
      const from = typeExpect(env, ctx, e.from, tInt, REASON_FOR_START);
      const to = typeExpect(env, ctx, e.to, tInt, REASON_FOR_STOP);
      let id: Ident;
      let env2 = env;
      if (e.var.kind === 'pvar') {
        id = createIdent(e.var.name);
        env2 = addLocalValue(env, id, tInt);
      } else if (e.var.kind === 'pany') id = createIdent('_for');
      else fail(e.var.span, 'This pattern is not allowed as a for-loop index');
      const body = typeStatement(env2, ctx, e.body, REASON_FOR_BODY);
      return mk(e, tUnit, { kind: 'for', id, from, to, down: e.down, body });
    }
    case 'constraint': {
      const t = translType(env, e.type, ctx.scope);
      const result = e.span.ghost === true;
      const inner = typeExpect(
        env,
        ctx,
        e.expr,
        t,
        annotationWhy(e.type.span, (ty, line) =>
          result
            ? `The result of this function is annotated with type ${ty} on ${line}.`
            : `This expression is annotated with type ${ty} on ${line}.`,
        ),
      );
      return { ...inner, ty: t, span: e.span } as TExpr;
    }
    case 'open': {
      const m = lookupModule(env, e.module);
      const s = scrapeModType(m.mty);
      if (!s || s.kind !== 'sig') fail(e.module.span, 'This module is not a structure; it has type a functor');
      const env2 = openSignature(env, m.path, m.runtime, s.items);
      return typeExpect(env2, ctx, e.body, expected, why);
    }
    case 'letmodule': {
      const { tree, mty } = ctx.typeModule(env, e.module);
      const id = createIdent(e.name);
      const env2 = addModule(env, id, mty, { kind: 'mlocal', id });
      const body = typeExpect(env2, ctx, e.body, expected, why);
      return mk(e, body.ty, { kind: 'letmodule', id, module: tree, body });
    }
    case 'letexception': {
      const { id, item } = declareException(env, e.decl, ctx.scope);
      const env2 = addException(env, id.name, exnCtorInfo(id.name, item, { kind: 'local', id }));
      const body = typeExpect(env2, ctx, e.body, expected, why);
      return mk(e, body.ty, { kind: 'letexception', id, name: id.name, body });
    }
    case 'assert': {
      if (e.expr.kind === 'construct' && !e.expr.ctor.path && e.expr.ctor.name === 'false' && !e.expr.arg) {
        const expr = typeExpect(env, ctx, e.expr, tBool);
        return mk(e, newTypeVar(), { kind: 'assert', expr, isFalse: true });
      }
      const expr = typeExpect(env, ctx, e.expr, tBool, REASON_ASSERT);
      return mk(e, tUnit, { kind: 'assert', expr, isFalse: false });
    }
    case 'letop':
      return typeExpectInner(env, ctx, desugarLetop(e), expected, why);
  }
}

/** `e1; e2`: OCaml only warns when `e1` is not unit, so any type is accepted. */
const INLINE_ESCAPE = 'This form is not allowed as the type of the inlined record could escape.';

/**
 * A variable. One bound to an inline record (`C r`, of type `t.C`) may only be
 * the record of a field access or the argument of its constructor (`inlineOk`),
 * as OCaml keeps that type from escaping.
 */
function typeIdent(env: Env, e: Expr & { kind: 'ident' }, inlineOk: boolean): TExpr {
  const v = lookupValue(env, e.name);
  // A monomorphic variable's type is used as is (OCaml's instance of a
  // non-generic type is itself), so unification can refine its very node.
  const ty = v.mono ? v.type : instance(v.type);
  if (!inlineOk && isInlineRecordType(ty)) fail(e.span, INLINE_ESCAPE);
  return mk(e, ty, { kind: 'var', path: v.path });
}

function isInlineRecordType(t: Type): boolean {
  const r = repr(t);
  return r.kind === 'constr' && isInlineRecordPath(r.path);
}

/**
 * `e1; e2`, and the bodies of loops: any type is accepted, but as OCaml does we
 * warn when it is not unit (warning 10) or is a partial application (warning 5).
 */
function typeStatement(env: Env, ctx: CoreCtx, e: Expr, _why: string | null = null): TExpr {
  const r = typeInfer(env, ctx, e);
  const t = expandHead(r.ty);
  if (t.kind === 'var' || isUnitType(t)) return r;
  if (t.kind === 'arrow') checkPartialStatement(ctx, r);
  else nonUnitStatement(ctx, r);
  return r;
}

function isUnitType(t: Type): boolean {
  return isPath(t, idUnit);
}

/** The expression a statement's value comes from, through `let`s and sequences. */
function finalSubexpression(r: TExpr): TExpr {
  switch (r.kind) {
    case 'let':
    case 'letmodule':
    case 'letexception':
      return finalSubexpression(r.body);
    case 'seq':
      return finalSubexpression(r.second);
    default:
      return r;
  }
}

function warn(ctx: CoreCtx, span: Span, warning: number, message: string, notes: string[]): void {
  if (span.ghost) return;
  ctx.warnings.push({ severity: 'warning', warning, phase: 'type', span, message, notes });
}

function nonUnitStatement(ctx: CoreCtx, r: TExpr): void {
  const f = finalSubexpression(r);
  const t = expandHead(r.ty);
  const name = f.kind === 'var' ? snippet(f.span) : null;
  if (t.kind === 'arrow' && name) {
    // `print_banner;`: a function named, not called
    const arg = t.label.kind === 'nolabel' && isUnitType(expandHead(t.param)) ? '()' : '...';
    warn(ctx, f.span, 10, 'this expression should have type unit.', [
      `${name} is a function, of type ${showType(r.ty)}; naming it does not call it.`,
      `Hint: call it: \`${name.replace(/`/g, '')} ${arg}\`.`,
    ]);
    return;
  }
  warn(ctx, f.span, 10, 'this expression should have type unit.', [
    `Its value, of type ${showType(r.ty)}, is dropped.`,
    'Hint: use the value (print it, return it, ...); to discard it on purpose, write `ignore (...)` or `let _ = ...`.',
  ]);
}

function checkPartialStatement(ctx: CoreCtx, r: TExpr): void {
  switch (r.kind) {
    case 'apply':
      warn(ctx, r.span, 5, 'this function application is partial, maybe some arguments are missing.', [
        `Its result is a function, of type ${showType(r.ty)}.`,
        ...missingFormatArguments(r.args),
      ]);
      return;
    case 'match':
      for (const c of [...r.cases, ...r.exnCases]) checkPartialStatement(ctx, c.body);
      return;
    case 'try':
      checkPartialStatement(ctx, r.body);
      for (const c of r.cases) checkPartialStatement(ctx, c.body);
      return;
    case 'if':
      if (!r.else) break;
      checkPartialStatement(ctx, r.then);
      checkPartialStatement(ctx, r.else);
      return;
    case 'let':
    case 'letmodule':
    case 'letexception':
      checkPartialStatement(ctx, r.body);
      return;
    case 'seq':
      checkPartialStatement(ctx, r.second);
      return;
    default:
      break;
  }
  nonUnitStatement(ctx, r);
}

function indexFunction(env: Env, container: 'array' | 'string', set: boolean, span: Span): TExpr {
  const modName = container === 'array' ? 'Array' : set ? 'Bytes' : 'String';
  const m = findModuleByName(env, modName);
  if (m) {
    const li: LongIdent = { path: { kind: 'mident', name: modName, span }, name: set ? 'set' : 'get', span };
    try {
      const v = lookupValue(env, li);
      return { kind: 'var', path: v.path, ty: instance(v.type), span } as TExpr;
    } catch {
      // fall back to the primitive
    }
  }
  const a = newTypeVar();
  let ty: Type;
  let name: string;
  if (container === 'array') {
    ty = set ? arrow(tArray(a), arrow(tInt, arrow(a, tUnit))) : arrow(tArray(a), arrow(tInt, a));
    name = set ? '%array_safe_set' : '%array_safe_get';
  } else {
    ty = set ? arrow(tBytes, arrow(tInt, arrow(tChar, tUnit))) : arrow(tString, arrow(tInt, tChar));
    name = set ? '%bytes_safe_set' : '%string_safe_get';
  }
  return { kind: 'var', path: { kind: 'prim', name, arity: set ? 3 : 2 }, ty, span } as TExpr;
}

function desugarLetop(e: Expr & { kind: 'letop' }): Expr {
  const g = { ...e.span, ghost: true };
  let expr = e.let_.expr;
  let pat: Pattern = e.let_.pat;
  for (const and of e.ands) {
    expr = {
      kind: 'apply',
      fn: { kind: 'ident', name: and.op, span: and.op.span },
      args: [
        { label: { kind: 'nolabel' }, expr, span: expr.span },
        { label: { kind: 'nolabel' }, expr: and.expr, span: and.expr.span },
      ],
      span: g,
    };
    pat = { kind: 'ptuple', items: [pat, and.pat], span: g };
  }
  const fn: Expr = {
    kind: 'fun',
    params: [{ label: { kind: 'nolabel' }, pat, default: null, span: pat.span }],
    body: e.body,
    span: g,
  };
  return {
    kind: 'apply',
    fn: { kind: 'ident', name: e.let_.op, span: e.let_.op.span },
    args: [
      { label: { kind: 'nolabel' }, expr, span: expr.span },
      { label: { kind: 'nolabel' }, expr: fn, span: g },
    ],
    span: e.span,
  };
}

// ---------------------------------------------------------------------------
// let

export function isNonexpansive(e: TExpr): boolean {
  switch (e.kind) {
    case 'const':
    case 'var':
    case 'fun':
      return true;
    case 'let':
      return e.bindings.every((b) => isNonexpansive(b.expr)) && isNonexpansive(e.body);
    case 'tuple':
      return e.items.every(isNonexpansive);
    case 'construct':
      return e.args.every(isNonexpansive);
    case 'record': {
      if (e.base && !isNonexpansive(e.base)) return false;
      const h = headDecl(e.ty);
      const fields = h && h.decl.kind.kind === 'record' ? h.decl.kind.fields : null;
      return e.fields.every((f, i) => (f === null ? true : isNonexpansive(f) && !(fields?.[i]?.mutable ?? false)));
    }
    case 'field':
      return isNonexpansive(e.record);
    case 'array':
      return e.items.length === 0;
    case 'if':
      return isNonexpansive(e.cond) && isNonexpansive(e.then) && (e.else === null || isNonexpansive(e.else));
    case 'match':
      return (
        isNonexpansive(e.scrutinee) &&
        e.exnCases.length === 0 &&
        e.cases.every((c) => (c.guard === null || isNonexpansive(c.guard)) && isNonexpansive(c.body))
      );
    case 'assert':
      return e.isFalse;
    case 'letexception':
      return isNonexpansive(e.body);
    case 'letmodule':
      return isNonexpansive(e.body);
    default:
      return false;
  }
}

/** Names bound by a surface pattern (for error recovery). */
export function patternNames(p: Pattern, out: string[] = []): string[] {
  switch (p.kind) {
    case 'pvar':
      out.push(p.name);
      break;
    case 'palias':
      out.push(p.name);
      patternNames(p.pat, out);
      break;
    case 'ptuple':
    case 'parray':
      p.items.forEach((i) => patternNames(i, out));
      break;
    case 'pconstruct':
      if (p.arg) patternNames(p.arg, out);
      break;
    case 'precord':
      p.fields.forEach((f) => patternNames(f.pat, out));
      break;
    case 'por':
      patternNames(p.left, out);
      break;
    case 'pconstraint':
    case 'pexception':
      patternNames(p.pat, out);
      break;
    default:
      break;
  }
  return out;
}

export function typeLet(
  env: Env,
  ctx: CoreCtx,
  rec: boolean,
  bindings: readonly Binding[],
): { env: Env; bindings: TBinding[]; vars: PatVars[] } {
  beginDef();
  const vars: PatVars[] = [];
  const pats: TPattern[] = [];
  let recEnv = env;
  try {
    for (const b of bindings) {
      const pv = new PatVars();
      const t = newTypeVar();
      if (rec && b.pat.kind !== 'pvar' && !(b.pat.kind === 'pconstraint' && b.pat.pat.kind === 'pvar')) {
        fail(b.pat.span, 'Only variables are allowed as left-hand side of `let rec\'');
      }
      pats.push(typePattern(env, b.pat, t, pv, ctx.scope));
      vars.push(pv);
      if (rec) {
        for (const v of pv.vars.values()) {
          recEnv = addLocalValue(recEnv, v.id, v.type, true, { origin: trackVariable(v.id.name, v.type, v.span) });
        }
      }
    }
    const defined = rec ? [] : vars.flatMap((pv) => [...pv.vars.values()].map((v) => ({ name: v.id.name, span: v.span })));
    const exprs = whileDefining(defined, () =>
      bindings.map((b, i) => typeExpect(rec ? recEnv : env, ctx, b.expr, pats[i]!.ty, bindingWhy(b.pat))),
    );
    if (rec) {
      const group = new Set(vars.flatMap((pv) => [...pv.vars.values()].map((v) => v.id.stamp)));
      checkLetRec(group, exprs.map((expr, i) => ({ expr, span: bindings[i]!.expr.span })));
    }
    endDef();
    exprs.forEach((x, i) => {
      if (!isNonexpansive(x)) lowerContravariant(pats[i]!.ty, currentLevel);
      generalize(pats[i]!.ty);
    });
    let out = env;
    for (const pv of vars) for (const v of pv.vars.values()) out = addLocalValue(out, v.id, v.type, false, { defined: v.span });
    const tbs = exprs.map((expr, i) => ({ pat: pats[i]!, expr }));
    for (const tb of tbs) {
      if (!rec) ctx.checkMatch(env, [{ pat: tb.pat, guard: null, body: tb.expr }], tb.pat.ty, tb.pat.span, false);
    }
    return { env: out, bindings: tbs, vars };
  } catch (err) {
    endDef();
    throw err;
  }
}

// ---------------------------------------------------------------------------
// Functions

function arrowLabelMatches(a: ArgLabel, b: ArgLabel): boolean {
  return a.kind === b.kind && (a.kind === 'nolabel' || a.name === (b as { name: string }).name);
}

function labelText(l: ArgLabel): string {
  return l.kind === 'nolabel' ? '' : l.kind === 'labelled' ? `~${l.name}` : `?${l.name}`;
}

/** Splits `expected` as an arrow with label `label`, unifying if needed. */
function splitArrow(span: Span, expected: Type, label: ArgLabel): { param: Type; result: Type } {
  const h = expandHead(expected);
  if (h.kind === 'arrow' && arrowLabelMatches(h.label, label)) return { param: h.param, result: h.result };
  const param = label.kind === 'optional' ? tOption(newTypeVar()) : newTypeVar();
  const result = newTypeVar();
  const fnTy: Type = { kind: 'arrow', label, param, result };
  if (h.kind === 'arrow' || h.kind === 'var') {
    unifyAt(span, fnTy, expected);
  } else {
    const names = new Names();
    failLines(
      span,
      layoutMessage((f) => {
        f.openBox(0);
        f.text('This expression should not be a function, the expected type is');
        f.space();
        printTypeTo(f, names, expected);
        f.close();
      }),
    );
  }
  return { param, result };
}

/** The result of a function whose type was expected for a reason (an argument of `List.iter`). */
function resultWhy(outer: Why | null, fnTy: Type): Why | null {
  if (!outer?.explain) return null;
  return nested(outer, fnTy, () => ({ notes: [`This is the result of a function of type ${showType(fnTy)}.`] }));
}

function typeFun(env: Env, ctx: CoreCtx, e: Expr, params: readonly Param[], body: Expr, expected: Type, bodyWhy: Why | null = null): TExpr {
  const [first, ...rest] = params;
  if (!first) return typeExpect(env, ctx, body, expected, bodyWhy);
  return typeFunction(env, ctx, e, first, expected, (env2, _id, _pt, resTy) =>
    rest.length
      ? typeFun(env2, ctx, { ...e, span: { ...e.span, ghost: true } }, rest, body, resTy, bodyWhy)
      : typeExpect(env2, ctx, body, resTy, bodyWhy),
  );
}

/**
 * One parameter: binds it (through a match if it is a pattern), then types the
 * body with `typeBody(env, paramIdent, paramType, resultType)`.
 */
function typeFunction(
  env: Env,
  ctx: CoreCtx,
  e: { span: Span },
  param: Param,
  expected: Type,
  typeBody: (env: Env, id: Ident, paramTy: Type, resTy: Type) => TExpr,
): TExpr {
  const { param: paramTy, result: resTy } = splitArrow(e.span, expected, param.label);
  const fnTy: Type = { kind: 'arrow', label: param.label, param: paramTy, result: resTy };
  if (param.label.kind === 'optional') {
    const inner = newTypeVar();
    unifyAt(param.span, tOption(inner), paramTy);
    if (param.default) {
      // fun ?(p = d) -> b   ==>   fun opt -> let p = match opt with Some x -> x | None -> d in b
      const optId = createIdent(`*opt*${param.label.name}`);
      const dflt = typeExpect(env, ctx, param.default, inner);
      const xId = createIdent('*sth*');
      const someInfo = resolveCtor(env, { path: null, name: 'Some', span: param.span }, tOption(inner), false);
      const noneInfo = resolveCtor(env, { path: null, name: 'None', span: param.span }, tOption(inner), false);
      const sp = { ...param.span, ghost: true };
      const optVar = { kind: 'var', path: { kind: 'local', id: optId }, ty: paramTy, span: sp } as TExpr;
      const unwrapped = {
        kind: 'match',
        scrutinee: optVar,
        cases: [
          {
            pat: { kind: 'construct', ctor: someInfo.desc, args: [{ kind: 'var', id: xId, ty: inner, span: sp }], ty: paramTy, span: sp },
            guard: null,
            body: { kind: 'var', path: { kind: 'local', id: xId }, ty: inner, span: sp },
          },
          { pat: { kind: 'construct', ctor: noneInfo.desc, args: [], ty: paramTy, span: sp }, guard: null, body: dflt },
        ],
        exnCases: [],
        partial: false,
        ty: inner,
        span: sp,
      } as TExpr;
      const pv = new PatVars();
      const pat = typePattern(env, param.pat, inner, pv, ctx.scope);
      const env2 = bindPatVars(env, pv);
      const body = typeBody(env2, optId, paramTy, resTy);
      const letE = { kind: 'let', rec: false, bindings: [{ pat, expr: unwrapped }], body, ty: body.ty, span: sp } as TExpr;
      return { kind: 'fun', param: optId, body: letE, ty: fnTy, span: e.span } as TExpr;
    }
  }
  if (param.pat.kind === 'pvar') {
    const id = createIdent(param.pat.name);
    const origin = trackVariable(id.name, paramTy, param.pat.span);
    const body = typeBody(addLocalValue(env, id, paramTy, true, { origin }), id, paramTy, resTy);
    return { kind: 'fun', param: id, body, ty: fnTy, span: e.span } as TExpr;
  }
  // A pattern parameter: fun p -> b  ==>  fun x -> match x with p -> b
  const id = createIdent('*param*');
  const pv = new PatVars();
  const pat = typePattern(env, param.pat, paramTy, pv, ctx.scope);
  const env2 = bindPatVars(addLocalValue(env, id, paramTy, true), pv);
  const body = typeBody(env2, id, paramTy, resTy);
  const sp = { ...param.span, ghost: true };
  const cases: TCase[] = [{ pat, guard: null, body }];
  const partial = ctx.checkMatch(env, cases, paramTy, param.span, false);
  const m = {
    kind: 'match',
    scrutinee: { kind: 'var', path: { kind: 'local', id }, ty: paramTy, span: sp },
    cases,
    exnCases: [],
    partial,
    ty: body.ty,
    span: sp,
  } as TExpr;
  return { kind: 'fun', param: id, body: m, ty: fnTy, span: e.span } as TExpr;
}

// ---------------------------------------------------------------------------
// match

function typeCase(
  env: Env,
  ctx: CoreCtx,
  c: Case,
  scrutTy: Type,
  expected: Type,
  why: Why | null = null,
  patWhy: (() => Explained) | null = null,
): TCase {
  const pv = new PatVars();
  const pat = withPatternNotes(patWhy, () => typePattern(env, c.pat, scrutTy, pv, ctx.scope));
  const env2 = bindPatVars(env, pv);
  const guard = c.guard ? typeExpect(env2, ctx, c.guard, tBool, REASON_GUARD) : null;
  const body = typeExpect(env2, ctx, c.body, expected, why);
  return { pat, guard, body };
}

/** Adds to a pattern's type error why the matched value has its type. */
function withPatternNotes<T>(patWhy: (() => Explained) | null, f: () => T): T {
  try {
    return f();
  } catch (err) {
    const isPatternMismatch = err instanceof TypingError && !err.silent && err.diagnostic.message.startsWith('This pattern matches values of type');
    if (!patWhy || !isPatternMismatch) throw err;
    const more = patWhy();
    const d = err.diagnostic;
    throw new TypingError({
      ...d,
      notes: [...(d.notes ?? []), ...more.notes],
      related: [...(d.related ?? []), ...(more.related ?? [])],
    });
  }
}

/** Binds a pattern's variables, monomorphic (except `as` ones), tracking their types' origins. */
function bindPatVars(env: Env, pv: PatVars): Env {
  let env2 = env;
  for (const v of pv.vars.values()) {
    env2 = v.poly
      ? addLocalValue(env2, v.id, v.type, false, { defined: v.span })
      : addLocalValue(env2, v.id, v.type, true, { origin: trackVariable(v.id.name, v.type, v.span) });
  }
  return env2;
}

function typeMatchCases(
  env: Env,
  ctx: CoreCtx,
  scrut: TExpr,
  cases: readonly Case[],
  expected: Type,
  span: Span,
  why: Why | null = null,
): TExpr {
  const valueCases: TCase[] = [];
  const exnCases: TCase[] = [];
  const open = repr(expected).kind === 'var';
  const scrutOpen = repr(scrut.ty).kind === 'var';
  let w = why;
  let patFixer: Span | null = null;
  const patWhy = (): Explained => {
    const t = showType(scrut.ty);
    if (patFixer) {
      return {
        notes: [`The pattern on ${lineText(patFixer, span.file)} fixed the type of the matched value to ${t}.`],
        related: [{ span: patFixer, message: 'the first pattern that fixed the type' }],
      };
    }
    if (scrut.span.ghost) return { notes: [] };
    const sn = snippet(scrut.span);
    return {
      notes: [`The matched expression${sn ? ` ${sn}` : ''} has type ${t}.`],
      related: [{ span: scrut.span, message: 'the matched expression' }],
    };
  };
  for (const c of cases) {
    if (c.pat.kind === 'pexception') {
      exnCases.push(typeCase(env, ctx, { ...c, pat: c.pat.pat }, tExn, expected, w));
    } else {
      valueCases.push(typeCase(env, ctx, c, scrut.ty, expected, w, patWhy));
      if (scrutOpen && !patFixer && repr(scrut.ty).kind !== 'var') patFixer = c.pat.span;
    }
    if (open && w === why && repr(expected).kind !== 'var') {
      w = branchWhy(
        why,
        c.body.span,
        (line, t) => `The case on ${line} returns ${t}, so every case of this match must too.`,
        'the first case that fixed the type',
      );
    }
  }
  const partial = valueCases.length === 0 ? false : ctx.checkMatch(env, valueCases, scrut.ty, span, false);
  return { kind: 'match', scrutinee: scrut, cases: valueCases, exnCases, partial, ty: expected, span } as TExpr;
}

// ---------------------------------------------------------------------------
// Constructors and records

/** The declaration of a type, as a related location (none for predefined types). */
function declaredAt(path: Path, message: string): Related[] {
  const d = findTypeDecl(path);
  return d?.span && !d.span.ghost ? [{ span: d.span, message }] : [];
}

function fieldWhy(l: LabelInfo): Why {
  return mkWhy(null, () => ({
    notes: [`The field \`${l.name}\` is declared with type ${showType(l.type)}.`],
    related: declaredAt(l.resPath, `type ${pathName(l.resPath)} is declared here`),
  }));
}

function inlineFieldWhy(c: CtorInfo, name: string): Why {
  const f = c.inlineRecord?.find((x) => x.name === name);
  return mkWhy(null, () => ({
    notes: f ? [`The field \`${name}\` of constructor \`${c.name}\` is declared with type ${showType(f.type)}.`] : [],
    related: c.desc.exn ? [] : declaredAt(c.resPath, `type ${pathName(c.resPath)} is declared here`),
  }));
}

function ctorWhy(c: CtorInfo, i: number, outer: Why | null, whole: Type): Why {
  // `x :: l`: the tail has the list's own type, the head is an element
  if (c.name === '::' && !c.desc.exn && c.args.length === 2) {
    if (i === 1) return outer ?? mkWhy(null);
    return nested(outer, whole, () => ({ notes: [`This is an element of a list of type ${showType(whole)}.`] }));
  }
  return nested(outer, whole, () => {
    const names = new Names();
    const decl = `${c.name} of ${c.args.map((t) => showType(t, names)).join(' * ')}`;
    const which = c.args.length === 1 ? 'the argument' : `the ${ordinal(i + 1)} argument`;
    return {
      notes: [`This is ${which} of constructor \`${c.name}\`, declared \`${decl}\`.`],
      related: c.desc.exn ? [] : declaredAt(c.resPath, `type ${pathName(c.resPath)} is declared here`),
    };
  });
}

function typeConstruct(env: Env, ctx: CoreCtx, e: Expr & { kind: 'construct' }, expected: Type, why: Why | null): TExpr {
  const c = resolveCtor(env, e.ctor, expected, true);
  const inst = instanceCtor(c);
  if (inst.inline) {
    if (!e.arg) arityMismatch(e.span, c, 1, 0);
    unifyAt(e.span, inst.res, expected, why);
    const recTy = inlineRecordType(c, inst.res);
    // `C r` with `r` bound by a pattern `C r`: the block itself
    const inlineVar = (x: Expr): TExpr => {
      if (x.kind !== 'ident') return fail(e.span, 'This constructor expects an inlined record argument.');
      const v = typeIdent(env, x, true);
      if (!isInlineRecordType(v.ty)) fail(x.span, INLINE_ESCAPE);
      unifyAt(x.span, v.ty, recTy);
      return v;
    };
    if (e.arg.kind !== 'record') return mk(e, inst.res, { ...inlineVar(e.arg), span: e.span, ty: inst.res });
    const base = e.arg.base ? inlineVar(e.arg.base) : null;
    const fields: (TExpr | null)[] = inst.inline.map(() => null);
    for (const f of e.arg.fields) {
      const i = inst.inline.findIndex((x) => x.name === f.field.name);
      if (i < 0) fail(f.field.span, `The field ${f.field.name} is not part of the record argument for the ${c.name} constructor`);
      fields[i] = typeExpect(env, ctx, f.expr, inst.inline[i]!.type, inlineFieldWhy(c, inst.inline[i]!.name));
    }
    if (base) {
      // `C { r with f = e }`: the other fields read from `r`'s block
      const offset = c.desc.exn ? 1 : 0;
      const names = inst.inline.map((x) => x.name);
      inst.inline.forEach((x, i) => {
        if (fields[i]) return;
        const label = { name: x.name, pos: i + offset, mutable: x.mutable, numFields: names.length, allLabels: names };
        fields[i] = { kind: 'field', record: base, label, ty: x.type, span: e.arg!.span } as TExpr;
      });
    }
    const missing = inst.inline.filter((_, i) => fields[i] === null).map((x) => x.name);
    if (missing.length) fail(e.arg.span, `Some record fields are undefined: ${missing.join(' ')}`);
    return mk(e, inst.res, { kind: 'construct', ctor: c.desc, args: fields as TExpr[] });
  }
  const n = inst.args.length;
  let argExprs: Expr[];
  if (!e.arg) {
    if (n !== 0) arityMismatch(e.span, c, n, 0);
    argExprs = [];
  } else if (n === 0) arityMismatch(e.span, c, 0, 1);
  else if (n === 1) argExprs = [e.arg];
  else if (e.arg.kind === 'tuple') {
    if (e.arg.items.length !== n) arityMismatch(e.span, c, n, e.arg.items.length);
    argExprs = e.arg.items;
  } else arityMismatch(e.span, c, n, 1);
  unifyAt(e.span, inst.res, expected, why);
  const args = argExprs.map((a, i) => typeExpect(env, ctx, a, inst.args[i]!, ctorWhy(c, i, why, expected)));
  return mk(e, inst.res, { kind: 'construct', ctor: c.desc, args });
}

function typeRecord(env: Env, ctx: CoreCtx, e: Expr & { kind: 'record' }, expected: Type, why: Why | null): TExpr {
  if (e.fields.length === 0) fail(e.span, 'Empty record expression');
  let base: TExpr | null = null;
  let hint: Type | null = expected;
  if (e.base) {
    base = typeInfer(env, ctx, e.base);
    const h = headDecl(base.ty);
    if (h && h.decl.kind.kind === 'record') hint = base.ty;
  }
  const h0 = headDecl(expandHead(hint ?? expected));
  if (!(h0 && h0.decl.kind.kind === 'record')) hint = null;
  const first = resolveFirstLabel(env, e.fields[0]!.field, hint, e.fields.map((f) => f.field.name), true);
  const resInst = instanceLabel(first);
  const res = resInst.res;
  unifyAt(e.span, res, expected, why);
  if (base) unifyAt(e.base!.span, base.ty, res);
  const all = first.all;
  const fields: (TExpr | null)[] = all.map(() => null);
  for (const f of e.fields) {
    const l = resolveLabel(env, f.field, res, true);
    if (l.all !== all && !(l.all.length === all.length && l.all.every((x, i) => x.name === all[i]!.name))) {
      fail(f.field.span, `The record field ${l.name} belongs to another type`);
    }
    if (fields[l.pos]) fail(f.field.span, `The record field ${l.name} is defined several times`);
    const li = instanceLabel(l);
    unifyAt(f.span, li.res, res);
    fields[l.pos] = typeExpect(env, ctx, f.expr, li.field, nested(why, res, fieldWhy(l).explain!));
  }
  if (!base) {
    const missing = all.filter((_, i) => fields[i] === null).map((x) => x.name);
    if (missing.length) {
      fail(
        e.span,
        `Some record fields are undefined: ${missing.join(' ')}`,
        missing.map((m) => `The field \`${m}\` is declared with type ${showType(all.find((x) => x.name === m)!.type)}.`),
        'type',
        declaredAt(first.resPath, `type ${pathName(first.resPath)} is declared here`),
      );
    }
  }
  return mk(e, res, { kind: 'record', fields, base });
}

// ---------------------------------------------------------------------------
// Application (labels commute; optional arguments are defaulted)


function noneExpr(env: Env, ty: Type, span: Span): TExpr {
  const none = resolveCtor(env, { path: null, name: 'None', span }, ty, true);
  return { kind: 'construct', ctor: none.desc, args: [], ty, span: { ...span, ghost: true } } as TExpr;
}

function someExpr(env: Env, arg: TExpr, ty: Type): TExpr {
  const some = resolveCtor(env, { path: null, name: 'Some', span: arg.span }, ty, true);
  return { kind: 'construct', ctor: some.desc, args: [arg], ty, span: { ...arg.span, ghost: true } } as TExpr;
}

function fnName(fnExpr: Expr | null): string | null {
  if (!fnExpr || fnExpr.kind !== 'ident') return null;
  const n = fnExpr.name;
  const go = (p: NonNullable<LongIdent['path']>): string =>
    p.kind === 'mident' ? p.name : p.kind === 'mdot' ? `${go(p.base)}.${p.name}` : `${go(p.fn)}(${go(p.arg)})`;
  return n.path ? `${go(n.path)}.${n.name}` : n.name;
}

function typeApplication(
  env: Env,
  ctx: CoreCtx,
  e: { span: Span },
  fn: TExpr,
  fnExpr: Expr | null,
  sargs: readonly Arg[],
  expected: Type,
): TExpr {
  return inContext(e.span, () => typeApplicationIn(env, ctx, e, fn, fnExpr, sargs, expected));
}

function typeApplicationIn(
  env: Env,
  ctx: CoreCtx,
  e: { span: Span },
  fn: TExpr,
  fnExpr: Expr | null,
  sargs: readonly Arg[],
  expected: Type,
): TExpr {
  const name = fnName(fnExpr);
  const argNote = (i: number, arrowTy: Type | null): Why => argumentWhy(env, name, fnExpr, fn, sargs, i, arrowTy);
  // Labels may be omitted when the application is total and has no labels at all.
  const allUnlabelled = sargs.every((a) => a.label.kind === 'nolabel');
  const labels: ArgLabel[] = [];
  let tvarEnd = false;
  for (let t = expandHead(fn.ty); ; ) {
    if (t.kind !== 'arrow') {
      tvarEnd = t.kind === 'var';
      break;
    }
    labels.push(t.label);
    t = expandHead(t.result);
  }
  const nonOptional = labels.filter((l) => l.kind !== 'optional');
  const ignoreLabels =
    !tvarEnd && allUnlabelled && nonOptional.length === sargs.length && nonOptional.some((l) => l.kind !== 'nolabel');

  const remaining = sargs.map((a, i) => ({ arg: a, index: i }));
  const out: (TExpr | null)[] = [];
  const omitted: { label: ArgLabel; param: Type }[] = [];
  let tyFun = fn.ty;
  const typeArg = (a: { arg: Arg; index: number }, arrowTy: Type, paramTy: Type, paramLabel: ArgLabel): TExpr => {
    if (paramLabel.kind === 'optional' && a.arg.label.kind !== 'optional') {
      const inner = newTypeVar();
      unifyAt(a.arg.span, tOption(inner), paramTy);
      const x = typeArgExpect(env, ctx, a.arg.expr, inner, argNote(a.index, arrowTy));
      return someExpr(env, x, paramTy);
    }
    return typeArgExpect(env, ctx, a.arg.expr, paramTy, argNote(a.index, arrowTy));
  };

  while (remaining.length > 0) {
    const t = expandHead(tyFun);
    if (t.kind !== 'arrow') break;
    let idx = -1;
    if (ignoreLabels) {
      if (t.label.kind === 'optional') {
        out.push(noneExpr(env, t.param, fn.span));
        tyFun = t.result;
        continue;
      }
      idx = 0;
    } else if (t.label.kind === 'nolabel') {
      idx = remaining.findIndex((r) => r.arg.label.kind === 'nolabel');
    } else {
      const lname = t.label.name;
      idx = remaining.findIndex((r) => r.arg.label.kind !== 'nolabel' && r.arg.label.name === lname);
    }
    if (idx >= 0) {
      const a = remaining.splice(idx, 1)[0]!;
      if (t.label.kind === 'nolabel' && a.arg.label.kind !== 'nolabel' && !ignoreLabels) {
        fail(a.arg.span, `The function applied to this argument has type ${typeString(fn.ty)}\nThis argument cannot be applied with label ${labelText(a.arg.label)}`);
      }
      if (a.arg.label.kind === 'optional' && t.label.kind !== 'optional') {
        fail(a.arg.span, `This argument cannot be applied with label ${labelText(a.arg.label)}`);
      }
      out.push(typeArg(a, t, t.param, t.label));
    } else if (t.label.kind === 'optional' && remaining.some((r) => r.arg.label.kind === 'nolabel')) {
      out.push(noneExpr(env, t.param, fn.span));
    } else {
      // No argument for this parameter: the result abstracts over it.
      if (t.label.kind === 'nolabel' && remaining.every((r) => r.arg.label.kind !== 'nolabel')) {
        // labelled arguments left that no parameter takes
        const r = remaining[0]!;
        fail(
          r.arg.span,
          `The function applied to this argument has type ${typeString(fn.ty)}\nThis argument cannot be applied with label ${labelText(r.arg.label)}`,
          unknownLabelNotes(name, labels, r.arg.label),
        );
      }
      omitted.push({ label: t.label, param: t.param });
      out.push(null);
    }
    tyFun = t.result;
  }
  // Arguments beyond the known arrows: the function's result must be a function.
  for (const a of remaining) {
    const t = expandHead(tyFun);
    if (a.arg.label.kind !== 'nolabel' && t.kind !== 'var' && out.length > 0) {
      // a label the function does not have (`~heigth` for `~height`): OCaml shows the type still to apply
      let shown = tyFun;
      for (let i = omitted.length - 1; i >= 0; i--) shown = { kind: 'arrow', label: omitted[i]!.label, param: omitted[i]!.param, result: shown };
      fail(
        a.arg.expr.span,
        `The function applied to this argument has type ${typeString(shown)}\nThis argument cannot be applied with label ${labelText(a.arg.label)}`,
        unknownLabelNotes(name, labels, a.arg.label),
      );
    }
    if (t.kind === 'var') {
      const p = newTypeVar();
      const r = newTypeVar();
      unifyAt(fn.span, tyFun, { kind: 'arrow', label: a.arg.label, param: p, result: r });
      out.push(typeArgExpect(env, ctx, a.arg.expr, p, argNote(a.index, null)));
      tyFun = r;
    } else if (out.length === 0 || t.kind !== 'arrow') {
      if (out.length === 0) {
        const names = new Names();
        failLines(
          fn.span,
          layoutMessage((f) => {
            f.openBox(0);
            f.text('This expression has type');
            f.brk(1, 2);
            printTypeTo(f, names, fn.ty);
            f.close();
            f.space();
            f.text('This is not a function; it cannot be applied.');
          }),
          [...(fnExpr?.kind === 'ident' ? variableNotes(env, fnExpr, fn.ty, fn.span).notes : []), ...missingSeparatorHint(fn.span, sargs[0]!)],
          'type',
          fnExpr?.kind === 'ident' ? variableNotes(env, fnExpr, fn.ty, fn.span).related : [],
        );
      }
      tooManyFormatArguments(name, out, sargs);
      const names = new Names();
      // As OCaml, the function's type before its arguments were typed
      let shown = fn.ty;
      if (fnExpr?.kind === 'ident') {
        try {
          shown = instance(lookupValue(env, fnExpr.name).type);
        } catch {
          // keep the instance
        }
      }
      failLines(
        fn.span,
        layoutMessage((f) => {
          f.openBox(0);
          f.text('This function has type');
          f.brk(1, 2);
          printTypeTo(f, names, shown);
          f.close();
          f.space();
          f.text('It is applied to too many arguments; maybe you forgot a `;\'.');
        }),
        ...tooManyArgumentsNotes(name, fn.span, out, sargs),
      );
    } else {
      fail(a.arg.span, `This argument cannot be applied with label ${labelText(a.arg.label)}`);
    }
  }
  let resTy = tyFun;
  for (let i = omitted.length - 1; i >= 0; i--) {
    resTy = { kind: 'arrow', label: omitted[i]!.label, param: omitted[i]!.param, result: resTy };
  }
  void expected;
  return { kind: 'apply', fn, args: out, ty: resTy, span: e.span } as TExpr;
}

/**
 * An argument on a later line than what it is applied to is most often the
 * next statement or definition, joined to this one for want of a separator.
 */
function missingSeparatorHint(fnSpan: Span, arg: Arg): string[] {
  const src = sourceOf(fnSpan.file);
  if (!src || arg.span.file !== fnSpan.file) return [];
  const fnLine = src.position(fnSpan.end).line;
  const argLine = src.position(arg.span.start).line;
  if (argLine <= fnLine) return [];
  // At column 0 the argument is most likely the next top-level phrase, where
  // `;` would not help (it makes the phrase part of the definition's body).
  if (src.position(arg.span.start).col === 0) {
    // the statement itself when it is one short line
    const text = src.line(argLine).trim();
    const next = src.line(argLine + 1);
    const oneLine = text.length <= 40 && !/^\s/.test(next) && !text.startsWith('(*');
    return [
      `Hint: the argument starts on line ${argLine}; if that line is a new top-level statement, ` +
        `write it as \`let () = ${oneLine ? text : '...'}\`, or end line ${fnLine} with \`;;\`.`,
    ];
  }
  return [`Hint: the argument starts on line ${argLine}; did you forget \`in\` or \`;\` at the end of line ${fnLine}?`];
}

/** For a label the function does not take: the near miss, and the labels it does take. */
function unknownLabelNotes(name: string | null, labels: readonly ArgLabel[], label: ArgLabel): string[] {
  if (label.kind === 'nolabel') return [];
  const named = labels.filter((l) => l.kind !== 'nolabel');
  const who = name ? `\`${name}\`` : 'This function';
  const near = named.filter((l) => spellcheck([l.name], label.name).length > 0 || l.name === label.name);
  const notes: string[] = [];
  if (near.length > 0) notes.push(`Hint: Did you mean ${near.map(labelText).join(' or ')}?`);
  if (named.length === 0) notes.push(`${who} takes no labelled arguments.`);
  else {
    const list = named.map(labelText);
    const text = list.length === 1 ? list[0]! : `${list.slice(0, -1).join(', ')} and ${list[list.length - 1]!}`;
    notes.push(`${who} takes the label${list.length === 1 ? '' : 's'} ${text}.`);
  }
  return notes;
}

/** `Printf.printf "(%d, %d)" x;`: the format's arguments, and how many are missing. */
function missingFormatArguments(args: readonly (TExpr | null)[]): string[] {
  const fi = args.findIndex((a) => a?.kind === 'const' && a.value.kind === 'string' && formatArity(a.ty) !== null);
  if (fi < 0) return [];
  const f = args[fi]! as TExpr & { kind: 'const'; value: { kind: 'string' } };
  const n = formatArity(f.ty)!;
  const given = args.length - fi - 1;
  if (given >= n) return [];
  const text = JSON.stringify(new TextDecoder('latin1').decode(f.value.value));
  return [`Hint: the format ${text} takes ${n} argument${n === 1 ? '' : 's'}, and is given ${given}: add the missing ${n - given === 1 ? 'one' : 'ones'}.`];
}

/**
 * `Printf.printf "%s\n" name age`: fails at the format, saying how many
 * arguments it takes and how many it is given (OCaml's message here is a
 * unification of two `CamlinternalFormatBasics.fmt` types).
 */
function tooManyFormatArguments(name: string | null, typed: readonly (TExpr | null)[], sargs: readonly Arg[]): void {
  const fi = typed.findIndex((a) => a?.kind === 'const' && a.value.kind === 'string' && formatArity(a.ty) !== null);
  if (fi < 0) return;
  const f = typed[fi]! as TExpr & { kind: 'const'; value: { kind: 'string' } };
  const n = formatArity(f.ty)!;
  const text = JSON.stringify(new TextDecoder('latin1').decode(f.value.value));
  const after = sargs.length - fi - 1;
  const who = name ? `\`${name}\`` : 'the function';
  const extra = sargs[fi + 1 + n];
  fail(
    f.span,
    `The format ${text} takes ${n} argument${n === 1 ? '' : 's'}, but ${who} is given ${after} after it.`,
    [`Hint: add a conversion to the format for each extra argument (\`%d\` for an int, \`%s\` for a string...), or remove the extra arguments.`],
    'type',
    extra ? [{ span: extra.span, message: after - n === 1 ? 'This argument is one too many' : `This argument and the ${after - n - 1} after it are too many` }] : [],
  );
}

/** `` `add` takes 2 arguments, but is given 3. `` (a format given too many fails earlier, at the format). */
/** `add 1 2 3`: how many arguments the function takes, and the first one too many, as a related place. */
function tooManyArgumentsNotes(
  name: string | null,
  fnSpan: Span,
  typed: readonly (TExpr | null)[],
  sargs: readonly Arg[],
): [string[], 'type', { span: Span; message: string }[]] {
  const n = typed.length;
  const who = name ? `\`${name}\`` : 'This function';
  const extra = sargs[n];
  const takes = `${who} takes ${n} argument${n === 1 ? '' : 's'}`;
  if (!extra) return [[`${takes}, but is given ${sargs.length}.`], 'type', []];
  const text = snippet(extra.span);
  const more = sargs.length - n > 1;
  const notes = [
    `${takes}, but is given ${sargs.length}; the ${ordinal(n + 1)}${text ? `, ${text},` : ''} ` +
      `${more ? 'and those after it are' : 'is one'} too many.`,
  ];
  return [
    [...notes, ...missingSeparatorHint(fnSpan, extra)],
    'type',
    [{ span: extra.span, message: `This is the ${ordinal(n + 1)} argument; ${who} takes ${n}` }],
  ];
}

/** The number of conversions of a format's type (`(int -> string -> 'a, ...) format6`). */
function formatArity(t: Type): number | null {
  const h = expandHead(t);
  if (h.kind !== 'constr' || h.args.length < 1 || pathName(h.path) !== 'format6' && !/format/.test(pathName(h.path))) return null;
  let n = 0;
  for (let a = expandHead(h.args[0]!); a.kind === 'arrow'; a = expandHead(a.result)) n++;
  return n;
}

function typeArgExpect(env: Env, ctx: CoreCtx, e: Expr, ty: Type, why: Why): TExpr {
  return typeExpect(env, ctx, e, ty, why);
}

/**
 * `This is the 2nd argument of \`List.map\`, which has type ...`, with the format
 * conversion it stands for (`Printf.printf "%d"`) and hints for operators.
 */
function argumentWhy(
  env: Env,
  name: string | null,
  fnExpr: Expr | null,
  fn: TExpr,
  sargs: readonly Arg[],
  i: number,
  arrowTy: Type | null,
): Why {
  const arg = sargs[i]!;
  return mkWhy(null, (_at, actual, expected) => {
    const op = name !== null && isOperatorName(name);
    // `~-x`, `!r`: prefix operators, shown as written
    const prefix = op && (name!.startsWith('~') || name!.startsWith('!') || name!.startsWith('?'));
    const which =
      arg.label.kind !== 'nolabel'
        ? `the argument ${arg.label.kind === 'labelled' ? '~' : '?'}${arg.label.name}`
        : prefix
          ? 'the operand'
          : op
            ? `the ${i === 0 ? 'left' : 'right'} operand`
            : `the ${ordinal(i + 1)} argument`;
    let fnTy = fn.ty;
    let fnOrigin: Explained = { notes: [] };
    if (fnExpr?.kind === 'ident') {
      try {
        const v = lookupValue(env, fnExpr.name);
        fnTy = v.type;
        // a parameter used as a function: where its type was fixed
        if (v.origin) fnOrigin = originNotes(v.origin, fnTy, fnExpr.span);
      } catch {
        // keep the instance
      }
    }
    const shown = prefix && name!.startsWith('~') ? name!.slice(1) : name;
    const subject = `This is ${which} of ${shown ? `\`${shown}\`` : 'this function'}`;
    const conv = arrowTy ? formatConversion(arrowTy) : null;
    const names = new Names();
    const notes = conv ? [`${subject}.`] : withType(`${subject}, which has type`, showType(fnTy, names));
    if (!conv) notes.push(...sharedVariableNote(fnTy, actual, sargs, i, op, names));
    if (conv) {
      const where = conv.format.length <= 32 ? `In the format ${conv.format}, the` : 'The';
      notes.push(`${where} conversion \`${conv.conversion}\` expects an argument of type ${showType(expected)}.`);
    }
    if (!op && !conv) notes.push(...swappedArgumentsHint(shown, fnTy, actual, sargs, i));
    notes.push(...operatorHints(name, actual, expected), ...fnOrigin.notes);
    return { notes, related: fnOrigin.related ?? [] };
  });
}

/**
 * `List.map xs f`: the argument fits the neighbouring parameter and not its
 * own, so the two are probably swapped.
 */
function swappedArgumentsHint(name: string | null, fnTy: Type, actual: Type, sargs: readonly Arg[], i: number): string[] {
  if (sargs.some((a) => a.label.kind !== 'nolabel')) return [];
  const params: Type[] = [];
  for (let t = expandHead(instance(fnTy)); t.kind === 'arrow' && t.label.kind === 'nolabel'; t = expandHead(t.result)) params.push(t.param);
  const j = i === 0 ? 1 : i - 1;
  if (j >= params.length || j >= sargs.length || i >= params.length) return [];
  // a parameter of any type ('a) fits every argument: no evidence of a swap
  if (expandHead(params[i]!).kind === 'var' || expandHead(params[j]!).kind === 'var') return [];
  if (unifiable(instance(actual), params[i]!) || !unifiable(instance(actual), params[j]!)) return [];
  const [first, second] = i < j ? [i, j] : [j, i];
  const names = new Names();
  const a = showType(params[first]!, names);
  const b = showType(params[second]!, names);
  const paren = (t: Type, s: string): string => (expandHead(t).kind === 'arrow' ? `\`(${s})\`` : `\`${s}\``);
  return [
    `Hint: the arguments of ${name ? `\`${name}\`` : 'this function'} may be in the wrong order: it expects ` +
      `${paren(params[first]!, a)} first, then ${paren(params[second]!, b)}.`,
  ];
}

/**
 * `=` is `'a -> 'a -> bool`: when its right operand is wrong, the left one fixed
 * the type. Names the earlier argument whose type shares a variable with this one.
 */
function sharedVariableNote(fnTy: Type, actual: Type, sargs: readonly Arg[], i: number, op: boolean, names: Names): string[] {
  if (sargs.some((a) => a.label.kind !== 'nolabel')) return [];
  const params: Type[] = [];
  for (let t = repr(fnTy); t.kind === 'arrow' && t.label.kind === 'nolabel'; t = repr(t.result)) params.push(t.param);
  if (i >= params.length) return [];
  // only when the argument would fit the parameter's own type: then the others fixed it
  if (!unifiable(instance(params[i]!), actual)) return [];
  const mine = freeVars(params[i]!);
  for (let j = 0; j < i; j++) {
    const shared = [...freeVars(params[j]!)].find((v) => mine.has(v));
    if (!shared) continue;
    const which = op ? 'the left operand' : `the ${ordinal(j + 1)} argument`;
    const sn = snippet(sargs[j]!.expr.span);
    return [`Its type must agree with ${which}${sn ? ` ${sn}` : ''}: both involve ${showType(shared, names)}.`];
  }
  return [];
}

function typeString(t: Type): string {
  const names = new Names();
  return layoutMessage((f) => printTypeTo(f, names, t));
}

