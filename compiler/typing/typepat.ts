// Typing of patterns.
//
// A pattern is typed against an expected type; the variables it binds are
// collected (monomorphic) in `PatVars`, and the caller adds them to the scope.
// In an or-pattern both sides must bind the same names at the same types; the
// right side reuses the left side's idents so lowering sees one variable.
// Constructors and record labels are disambiguated by the expected type when
// it is known (OCaml's type-directed disambiguation), else the latest in scope.

import type { Constant, LongIdent, Pattern, Span } from '../syntax/ast.ts';
import { beginDef, endDef, expandHead, generalize, headDecl, instanceMany, newTypeVar } from './ctype.ts';
import {
  type Env,
  componentHint,
  ctorInfosOf,
  findAllLabels,
  findTypeDecl,
  findCtor,
  findLabel,
  findQualifiedLabels,
  isCascade,
  labelInfosOf,
  longIdentText,
} from './env.ts';
import { didYouMean, fail, failLines, failSilently } from './errors.ts';
import { tArray, tChar, tFloat, tInt, tString } from './predef.ts';
import { Names, pathName, printTypeTo, typeToString } from './printtyp.ts';
import type { LabelDesc, TPattern } from './typedtree.ts';
import { PAT_WHAT, type TyVarScope, layoutMessage, translType, unifyAt } from './typetexp.ts';
import { type CtorInfo, type Ident, type LabelInfo, type Type, constr, createIdent, repr, tuple } from './types.ts';
import { inlineRecordPath, isInlineRecordPath } from './env.ts';

export interface PatVar {
  readonly id: Ident;
  readonly type: Type;
  readonly span: Span;
  /** An `as` variable: its type may have generic variables (OCaml's `build_as_type`),
   *  so each use instantiates it. */
  readonly poly?: boolean;
}

export class PatVars {
  readonly vars = new Map<string, PatVar>();
  /** For the right side of an or-pattern: the left side's variables. */
  readonly orLeft: Map<string, PatVar> | null;
  constructor(orLeft: Map<string, PatVar> | null = null) {
    this.orLeft = orLeft;
  }
}

export function constantType(c: Constant): Type {
  switch (c.kind) {
    case 'int':
      return tInt;
    case 'float':
      return tFloat;
    case 'char':
      return tChar;
    case 'string':
      return tString;
  }
}

/** The type that disambiguation can use: a known variant or record head. */
function knownHead(expected: Type): { path: ReturnType<typeof headDecl> } {
  const h = expandHead(expected);
  if (h.kind !== 'constr') return { path: null };
  return { path: headDecl(h) };
}

/** Resolves a constructor, preferring the expected type's. */
export function resolveCtor(env: Env, li: LongIdent, expected: Type, inExpr: boolean): CtorInfo {
  const head = knownHead(expected).path;
  if (head && !li.path) {
    if (head.decl.kind.kind === 'variant') {
      const c = ctorInfosOf(head.path, head.decl).find((x) => x.name === li.name);
      if (c) return c;
    }
  }
  const found = findCtor(env, li);
  if (found) return found;
  if (isCascade(env, 'ctor', li)) failSilently(li.span, `Unbound constructor ${longIdentText(li)}`);
  if (head && (head.decl.kind.kind === 'variant' || expandHead(expected).kind === 'constr') && !li.path) {
    const names = new Names();
    const h = expandHead(expected);
    const msg = layoutMessage((f) => {
      f.openBox(0);
      f.openBox(2);
      f.text(inExpr ? 'This variant expression is expected to have' : 'This variant pattern is expected to have');
      f.text(' type');
      f.space();
      printTypeTo(f, names, h);
      f.close();
      f.space();
      f.text(`There is no constructor ${li.name} within type ${pathName(head.path)}`);
      f.close();
    });
    failLines(li.span, msg, head.decl.kind.kind === 'variant' ? didYouMean(head.decl.kind.ctors.map((c) => c.name), li.name) : []);
  }
  return fail(li.span, `Unbound constructor ${longIdentText(li)}`, componentHint(env, 'ctor', li));
}

/**
 * The label for the first field of a record expression or pattern: the expected
 * type's, else the latest whose record has all the `others` labels (OCaml's
 * disambiguation by the set of labels).
 */
export function resolveFirstLabel(env: Env, li: LongIdent, expected: Type | null, others: readonly string[], inExpr: boolean): LabelInfo {
  const head = expected ? knownHead(expected).path : null;
  if (!(head && head.decl.kind.kind === 'record')) {
    // `M.f` narrows the candidates to module M's labels, as in OCaml
    const cands = li.path ? findQualifiedLabels(env, li) : findAllLabels(env, li.name);
    const fit = cands.find((c) => others.every((o) => c.all.some((l) => l.name === o)));
    if (fit) return fit;
  }
  return resolveLabel(env, li, expected, inExpr);
}

/** Resolves a record label, preferring the expected type's. */
export function resolveLabel(env: Env, li: LongIdent, expected: Type | null, inExpr: boolean): LabelInfo {
  const head = expected ? knownHead(expected).path : null;
  if (head && head.decl.kind.kind === 'record') {
    // the known type decides, even for a qualified `M.f`, when it has the label
    const l = labelInfosOf(head.path, head.decl).find((x) => x.name === li.name);
    if (l) return l;
  }
  if (isCascade(env, 'label', li) && !findLabel(env, li)) failSilently(li.span, `Unbound record field ${longIdentText(li)}`);
  if (head && !li.path && head.decl.kind.kind === 'record') {
    if (isInlineRecordPath(head.path)) {
      fail(li.span, `The field ${li.name} is not part of the record argument for the ${pathName(head.path)} constructor`);
    }
    const names = new Names();
    const h = expandHead(expected!);
    const msg = layoutMessage((f) => {
      f.openBox(0);
      f.openBox(2);
      f.text(inExpr ? 'This expression has' : 'This pattern matches values of');
      f.text(' type');
      f.space();
      printTypeTo(f, names, h);
      f.close();
      f.space();
      f.text(`There is no field ${li.name} within type ${pathName(head.path)}`);
      f.close();
    });
    failLines(li.span, msg, didYouMean(head.decl.kind.fields.map((x) => x.name), li.name));
  }
  const found = findLabel(env, li);
  if (found) return found;
  return fail(li.span, `Unbound record field ${longIdentText(li)}`, componentHint(env, 'label', li));
}

export function labelDesc(l: LabelInfo): LabelDesc {
  return { name: l.name, pos: l.pos, mutable: l.mutable, numFields: l.all.length, allLabels: l.all.map((x) => x.name) };
}

/** Instantiates a constructor: argument types and result type. */
export function instanceCtor(c: CtorInfo): { args: Type[]; res: Type; inline: { name: string; type: Type; mutable: boolean }[] | null } {
  const inl = c.inlineRecord ?? [];
  const all = instanceMany([...c.params, ...c.args, ...inl.map((l) => l.type)]);
  const params = all.slice(0, c.params.length);
  const args = all.slice(c.params.length, c.params.length + c.args.length);
  const inlTypes = all.slice(c.params.length + c.args.length);
  return {
    args,
    res: constr(c.resPath, params),
    inline: c.inlineRecord ? c.inlineRecord.map((l, i) => ({ name: l.name, type: inlTypes[i]!, mutable: l.mutable })) : null,
  };
}

export function instanceLabel(l: LabelInfo): { field: Type; res: Type } {
  const all = instanceMany([...l.params, l.type]);
  return { field: all[all.length - 1]!, res: constr(l.resPath, all.slice(0, -1)) };
}

export function arityMismatch(span: Span, c: CtorInfo, expected: number, got: number): never {
  const names = new Names();
  const decl = c.inlineRecord
    ? `${c.name} of { ${c.inlineRecord.map((l) => l.name).join('; ')} }`
    : c.args.length
      ? `${c.name} of ${c.args.map((t) => typeToString(t, names)).join(' * ')}`
      : c.name;
  const notes = [`\`${c.name}\` is declared \`${decl}\`.`];
  if (expected > 1 && got === 1) notes.push(`Hint: its arguments go in parentheses, separated by commas: \`${c.name} (${Array.from({ length: expected }, (_, i) => String.fromCharCode(97 + i)).join(', ')})\`.`);
  const d = c.desc.exn ? null : findTypeDecl(c.resPath)?.span;
  return failLines(
    span,
    `The constructor ${c.name} expects ${expected} argument(s),\nbut is applied here to ${got} argument(s)`,
    notes,
    'type',
    d && !d.ghost ? [{ span: d, message: `type ${pathName(c.resPath)} is declared here` }] : [],
  );
}

export function typePattern(env: Env, p: Pattern, expected: Type, vars: PatVars, scope: TyVarScope): TPattern {
  const node = (ty: Type, rest: object): TPattern => ({ ty, span: p.span, ...rest }) as TPattern;
  switch (p.kind) {
    case 'pany':
      return node(expected, { kind: 'any' });
    case 'pvar':
      return node(expected, { kind: 'var', id: bindVar(vars, p.name, expected, p.span) });
    case 'palias': {
      const inner = typePattern(env, p.pat, expected, vars, scope);
      // OCaml's build_as_type: the alias gets the type of the pattern rebuilt, with
      // fresh (generalised) variables for parameters the sub-pattern leaves free,
      // so `Error _ as e` can be used at another `Ok` type.
      beginDef();
      let asTy: Type;
      try {
        asTy = buildAsType(inner);
      } finally {
        endDef();
      }
      generalize(asTy);
      return node(expected, { kind: 'alias', pat: inner, id: bindVar(vars, p.name, asTy, p.nameSpan, true) });
    }
    case 'pconst':
      unifyAt(p.span, constantType(p.value), expected, null, PAT_WHAT);
      return node(expected, { kind: 'const', value: p.value });
    case 'prange': {
      unifyAt(p.span, tChar, expected, null, PAT_WHAT);
      const lo = p.lo.kind === 'char' ? p.lo.value : 0;
      const hi = p.hi.kind === 'char' ? p.hi.value : 0;
      return node(expected, { kind: 'range', lo: Math.min(lo, hi), hi: Math.max(lo, hi) });
    }
    case 'ptuple': {
      const h = expandHead(expected);
      const tys =
        h.kind === 'tuple' && h.items.length === p.items.length ? [...h.items] : p.items.map(() => newTypeVar() as Type);
      unifyAt(p.span, tuple(tys), expected, null, PAT_WHAT);
      const items = p.items.map((it, i) => typePattern(env, it, tys[i]!, vars, scope));
      return node(expected, { kind: 'tuple', items });
    }
    case 'pconstruct': {
      const c = resolveCtor(env, p.ctor, expected, false);
      const inst = instanceCtor(c);
      unifyAt(p.span, inst.res, expected, null, PAT_WHAT);
      if (inst.inline) {
        if (!p.arg) arityMismatch(p.span, c, 1, 0);
        return typeInlineRecordPat(env, p, c, p.arg, inst, expected, vars, scope);
      }
      const n = inst.args.length;
      let argPats: Pattern[];
      if (!p.arg) {
        if (n !== 0) arityMismatch(p.span, c, n, 0);
        argPats = [];
      } else if (n === 0) {
        arityMismatch(p.span, c, 0, 1);
      } else if (n === 1) argPats = [p.arg];
      else if (p.arg.kind === 'pany') argPats = inst.args.map(() => p.arg!);
      else if (p.arg.kind === 'ptuple') {
        if (p.arg.items.length !== n) arityMismatch(p.span, c, n, p.arg.items.length);
        argPats = p.arg.items;
      } else arityMismatch(p.span, c, n, 1);
      const args = argPats.map((ap, i) => typePattern(env, ap, inst.args[i]!, vars, scope));
      const r = node(expected, { kind: 'construct', ctor: c.desc, args });
      patCtors.set(r, c);
      return r;
    }
    case 'precord': {
      if (p.fields.length === 0) fail(p.span, 'Empty record pattern');
      const first = resolveFirstLabel(env, p.fields[0]!.field, expected, p.fields.map((f) => f.field.name), false);
      const inst = instanceLabel(first);
      unifyAt(p.span, inst.res, expected, null, PAT_WHAT);
      const fields = p.fields.map((fld) => {
        const l = resolveLabel(env, fld.field, expected, false);
        const li = instanceLabel(l);
        unifyAt(fld.span, li.res, expected, null, PAT_WHAT);
        return { label: labelDesc(l), pat: typePattern(env, fld.pat, li.field, vars, scope) };
      });
      const r = node(expected, { kind: 'record', fields });
      patLabels.set(r, first);
      return r;
    }
    case 'parray': {
      const elt = newTypeVar();
      unifyAt(p.span, tArray(elt), expected, null, PAT_WHAT);
      return node(expected, { kind: 'array', items: p.items.map((it) => typePattern(env, it, elt, vars, scope)) });
    }
    case 'por': {
      const leftVars = new PatVars(vars.orLeft);
      const left = typePattern(env, p.left, expected, leftVars, scope);
      const rightVars = new PatVars(leftVars.vars);
      const right = typePattern(env, p.right, expected, rightVars, scope);
      for (const name of leftVars.vars.keys()) {
        if (!rightVars.vars.has(name)) fail(p.span, `Variable ${name} must occur on both sides of this | pattern`);
      }
      for (const name of rightVars.vars.keys()) {
        if (!leftVars.vars.has(name)) fail(p.span, `Variable ${name} must occur on both sides of this | pattern`);
      }
      for (const v of leftVars.vars.values()) {
        if (vars.vars.has(v.id.name)) fail(v.span, `Variable ${v.id.name} is bound several times in this matching`);
        vars.vars.set(v.id.name, v);
      }
      return node(expected, { kind: 'or', left, right });
    }
    case 'pconstraint': {
      const t = translType(env, p.type, scope);
      unifyAt(p.span, t, expected, null, PAT_WHAT);
      return typePattern(env, p.pat, expected, vars, scope);
    }
    case 'pexception':
      return fail(p.span, 'Exception patterns are not allowed in this position.');
  }
}

const ESCAPE = 'This form is not allowed as the type of the inlined record could escape.';

/**
 * The argument of a constructor with an inline record: `{ f = p; ... }`, `_`, or
 * a variable naming the record (possibly with `as` and a constraint). The
 * variable is bound to the constructor's block itself, at the record's own type
 * (`t.C`), which is only usable for field access or rebuilding `C x` (typecore
 * keeps it from escaping): the node is an alias of the constructor pattern.
 */
function typeInlineRecordPat(
  env: Env,
  whole: Pattern,
  c: CtorInfo,
  p0: Pattern,
  inst: ReturnType<typeof instanceCtor>,
  expected: Type,
  vars: PatVars,
  scope: TyVarScope,
): TPattern {
  const fields = inst.inline!;
  const args: TPattern[] = fields.map((f) => ({ kind: 'any', ty: f.type, span: p0.span }) as TPattern);
  const names: { name: string; span: Span }[] = [];
  let p = p0;
  for (;;) {
    if (p.kind === 'palias') {
      names.push({ name: p.name, span: p.nameSpan });
      p = p.pat;
    } else if (p.kind === 'pvar') {
      names.push({ name: p.name, span: p.span });
      break;
    } else if (p.kind === 'pconstraint') {
      const t = translType(env, p.type, scope);
      if (!inlineRecordOf(t, c)) fail(p.span, ESCAPE);
      p = p.pat;
    } else break;
  }
  if (p.kind === 'precord') {
    for (const fld of p.fields) {
      const i = fields.findIndex((f) => f.name === fld.field.name);
      if (i < 0) fail(fld.field.span, `The field ${fld.field.name} is not part of the record argument`);
      args[i] = typePattern(env, fld.pat, fields[i]!.type, vars, scope);
    }
  } else if (p.kind !== 'pany' && p.kind !== 'pvar') fail(p.span, ESCAPE);
  let r: TPattern = { kind: 'construct', ctor: c.desc, args, ty: expected, span: whole.span } as TPattern;
  patCtors.set(r, c);
  if (names.length) {
    const recTy = inlineRecordType(c, inst.res);
    for (let i = names.length - 1; i >= 0; i--) {
      const n = names[i]!;
      r = { kind: 'alias', pat: r, id: bindVar(vars, n.name, recTy, n.span), ty: expected, span: whole.span } as TPattern;
    }
  }
  return r;
}

/** The type of a constructor's inline record (`t.C`), given the instance `res` of its result type. */
export function inlineRecordType(c: CtorInfo, res: Type): Type {
  const r = repr(res);
  return constr(inlineRecordPath(c), r.kind === 'constr' ? r.args : []);
}

/** Whether `t` is the type of constructor `c`'s inline record. */
function inlineRecordOf(t: Type, c: CtorInfo): boolean {
  const r = repr(t);
  return r.kind === 'constr' && r.path === inlineRecordPath(c);
}

// ---------------------------------------------------------------------------
// OCaml's build_as_type

const patCtors = new WeakMap<TPattern, CtorInfo>();
const patLabels = new WeakMap<TPattern, LabelInfo>();

function isPrivate(path: CtorInfo['resPath']): boolean {
  return findTypeDecl(path)?.private ?? false;
}

/**
 * The type of the values a pattern matches, rebuilt from its constructors with
 * fresh variables where the pattern does not constrain a parameter (OCaml's
 * `build_as_type`), for the variable of `p as x`.
 */
export function buildAsType(p: TPattern): Type {
  switch (p.kind) {
    case 'alias':
      return buildAsType(p.pat);
    case 'tuple':
      return tuple(p.items.map(buildAsType));
    case 'construct': {
      const c = patCtors.get(p);
      if (!c || (c.siblings && isPrivate(c.resPath))) return p.ty;
      const inst = instanceCtor(c);
      if (inst.inline) {
        inst.inline.forEach((f, i) => {
          const a = p.args[i]!;
          if (f.mutable) unifyAt(a.span, a.ty, f.type, null, PAT_WHAT);
          else unifyAt(a.span, buildAsType(a), f.type, null, PAT_WHAT);
        });
      } else {
        p.args.forEach((a, i) => unifyAt(a.span, buildAsType(a), inst.args[i]!, null, PAT_WHAT));
      }
      return inst.res;
    }
    case 'record': {
      const first = patLabels.get(p);
      if (!first || isPrivate(first.resPath)) return p.ty;
      const ty = newTypeVar();
      first.all.forEach((decl, pos) => {
        const lbl: LabelInfo = { ...first, name: decl.name, type: decl.type, mutable: decl.mutable, pos };
        const li = instanceLabel(lbl);
        unifyAt(p.span, ty, li.res, null, PAT_WHAT);
        const f = p.fields.find((x) => x.label.pos === pos);
        if (f && !decl.mutable) unifyAt(f.pat.span, buildAsType(f.pat), li.field, null, PAT_WHAT);
        else {
          const li2 = instanceLabel(lbl);
          unifyAt(p.span, li.field, li2.field, null, PAT_WHAT);
          unifyAt(p.span, p.ty, li2.res, null, PAT_WHAT);
        }
      });
      return ty;
    }
    case 'or': {
      const t1 = buildAsType(p.left);
      const t2 = buildAsType(p.right);
      unifyAt(p.span, t2, t1, null, PAT_WHAT);
      return t1;
    }
    default:
      return p.ty;
  }
}

function bindVar(vars: PatVars, name: string, type: Type, span: Span, poly = false): Ident {
  if (vars.vars.has(name)) fail(span, `Variable ${name} is bound several times in this matching`);
  const left = vars.orLeft?.get(name);
  if (left) {
    unifyAt(span, type, left.type, null, PAT_WHAT);
    vars.vars.set(name, { id: left.id, type, span, ...(poly || left.poly ? { poly: true } : {}) });
    return left.id;
  }
  const id = createIdent(name);
  vars.vars.set(name, { id, type, span, ...(poly ? { poly } : {}) });
  return id;
}

/** Whether a typed pattern can never fail (a variable, `_`, tuples of those...). */
export function isIrrefutable(p: TPattern): boolean {
  switch (p.kind) {
    case 'any':
    case 'var':
      return true;
    case 'alias':
      return isIrrefutable(p.pat);
    case 'tuple':
      return p.items.every(isIrrefutable);
    case 'record':
      return p.fields.every((f) => isIrrefutable(f.pat));
    case 'construct':
      return !p.ctor.exn && p.ctor.numConsts + p.ctor.numBlocks === 1 && p.args.every(isIrrefutable);
    default:
      return false;
  }
}

export function reprType(t: Type): Type {
  return repr(t);
}
