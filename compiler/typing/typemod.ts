// The module language (OCaml's `Typemod`): structures, signatures, functors,
// sealing, `open`, `include`, `with` constraints.
//
// Invariants:
// - A structure's signature lists its items in order, without items shadowed by
//   a later one of the same name and kind; its runtime block (`exports`) holds
//   the values, modules and exceptions of that signature, in order.
// - `module N = P` gets the alias type `P` (printed `module N = P`); a functor
//   application `F(P)` to a path is strengthened with the applicative path
//   `F(P)`; to a structure, the argument's types are expanded away (nondep).
// - Each structure item is a recovery point: an error is recorded and the item's
//   names are bound to fresh types so the rest of the file is still checked.

import type { Diagnostic } from '../diagnostics/diagnostic.ts';
import type { ExternalDecl, ModExpr, ModType as AstModType, SigItem as AstSigItem, Span, StructItem, TypeExpr, WithConstraint } from '../syntax/ast.ts';
import { applyParams, beginDef, currentLevel, endDef, expandOnce, generalize, setLevel } from './ctype.ts';
import {
  type Env,
  addException,
  addLocalValue,
  addModtype,
  addModule,
  addTypes,
  addValue,
  exnCtorInfo,
  type Namespace,
  lookupModtype,
  lostNames,
  lookupModule,
  markErroneous,
  poison,
  openSignature,
  registerModule,
  scrapeModType,
  strengthen,
} from './env.ts';
import { TypingError, fail, failSilently, withLaterDefinitions } from './errors.ts';
import { checkFunctorArg, checkSealing, shownModtype } from './includemod.ts';
import { checkMatch } from './parmatch.ts';
import { substModType, substSig } from './subst.ts';
import type { TModExpr, TStructItem } from './typedtree.ts';
import { type CoreCtx, patternNames, typeInfer, typeLet } from './typecore.ts';
import { declareException, translTypeDecls } from './typedecl.ts';
import { openScope, translType } from './typetexp.ts';
import { locationOf, setLocation } from './explain.ts';
import { primitiveProblem } from '../lowering/prims.ts';
import {
  type Ident,
  type ModType,
  type Path,
  type SigItem,
  type Signature,
  type Type,
  type TypeDecl,
  GENERIC,
  createIdent,
  isRuntimeItem,
  newVar,
  pathRoot,
  pident,
  repr,
} from './types.ts';

export interface ModCtx {
  readonly errors: Diagnostic[];
  readonly warnings: Diagnostic[];
  /** Inside the body of an applicative functor (where generative applications are refused). */
  readonly applicativeBody?: boolean;
}

function coreCtx(ctx: ModCtx): CoreCtx {
  return {
    scope: openScope(),
    warnings: ctx.warnings,
    typeModule: (env, m) => {
      const r = typeModule(env, m, ctx);
      return { tree: r.tree, mty: r.mty };
    },
    checkMatch: (env, cases, ty, span, isTry) => checkMatch(env, cases, ty, span, isTry, ctx.warnings),
  };
}

/** At most this many errors are reported for a file; the rest are dropped. */
export const MAX_ERRORS = 10;

/** Failures reported silently (cascades), per error list: they still make a module erroneous. */
const silentFailures = new WeakMap<Diagnostic[], number>();
/** Error lists that reached MAX_ERRORS and dropped some. */
export const truncatedErrors = new WeakSet<Diagnostic[]>();

function failures(ctx: ModCtx): number {
  return ctx.errors.length + (silentFailures.get(ctx.errors) ?? 0);
}

function record(ctx: ModCtx, err: unknown): void {
  if (!(err instanceof TypingError)) throw err;
  if (err.silent) silentFailures.set(ctx.errors, (silentFailures.get(ctx.errors) ?? 0) + 1);
  else if (ctx.errors.length < MAX_ERRORS) ctx.errors.push(err.diagnostic);
  else truncatedErrors.add(ctx.errors);
}

/** A module check that fails after errors inside the module is a cascade: reported silently. */
function unlessCascade<T>(ctx: ModCtx, before: number, check: () => T): T {
  try {
    return check();
  } catch (err) {
    if (err instanceof TypingError && failures(ctx) > before) failSilently(err.diagnostic.span, err.diagnostic.message);
    throw err;
  }
}

/** The names an item defines, to be poisoned when it fails. */
function definedNames(item: StructItem): (readonly [Namespace, string])[] | '*' {
  switch (item.kind) {
    case 'slet':
      return item.bindings.flatMap((b) => patternNames(b.pat).map((n) => ['value', n] as const));
    case 'stype':
      return item.decls.flatMap((d) => [
        ['type', d.name] as const,
        ...(d.body.kind === 'variant' ? d.body.ctors.map((c) => ['ctor', c.name] as const) : []),
        ...(d.body.kind === 'record' ? d.body.fields.map((f) => ['label', f.name] as const) : []),
      ]);
    case 'sexception':
      return [['ctor', item.decl.name]];
    case 'sexternal':
      return [['value', item.decl.name]];
    case 'smodule':
      return [['module', item.name]];
    case 'smodtype':
      return [['modtype', item.name]];
    case 'sopen':
    case 'sinclude':
      return '*';
    default:
      return [];
  }
}

// ---------------------------------------------------------------------------
// Module expressions

export interface TypedModule {
  tree: TModExpr;
  mty: ModType;
  /** The module's path when it is one (for strengthening and applicative types). */
  path: Path | null;
  /** Names lost by errors in its definition (see env.ts `markErroneous`). */
  lost?: ReadonlySet<string>;
}

function union(...sets: (ReadonlySet<string> | undefined)[]): ReadonlySet<string> {
  const out = new Set<string>();
  for (const s of sets) if (s) for (const x of s) out.add(x);
  return out;
}

export function typeModule(env: Env, me: ModExpr, ctx: ModCtx): TypedModule {
  switch (me.kind) {
    case 'mpath': {
      const m = lookupModule(env, me.path);
      if (!m.runtime) fail(me.span, 'This module path is not a value');
      const tree: TModExpr = { kind: 'path', path: m.runtime, span: me.span };
      return { tree, mty: { kind: 'alias', path: m.path }, path: m.path, lost: lostNames(m.path) };
    }
    case 'mstruct': {
      const r = typeStructure(env, me.items, ctx);
      return {
        tree: { kind: 'struct', items: r.items, exports: r.exports, span: me.span },
        mty: { kind: 'sig', items: r.sig },
        path: null,
        lost: r.lost,
      };
    }
    case 'mfunctor':
      return typeFunctor(env, me.params, me.body, me.span, ctx);
    case 'mapply': {
      const fn = typeModule(env, me.fn, ctx);
      const fs = scrapeModType(fn.mty);
      if (!fs || fs.kind !== 'functor') {
        const t = shownModtype(fn.mty);
        const shown = t.includes('\n') ? `\n${t.split('\n').map((l) => `  ${l}`).join('\n')}` : ` ${t}`;
        fail(me.fn.span, `This module is not a functor; it has type${shown}`, [], 'module');
      }
      if (fs.generative) {
        // `F ()` (parsed as `F (struct end)`, as OCaml does): no path, so the
        // result's abstract types are new at each application.
        if (me.arg.kind !== 'mstruct' || me.arg.items.length !== 0) {
          fail(me.fn.span, 'This is a generative functor. It can only be applied to ()', [], 'module');
        }
        if (ctx.applicativeBody) fail(me.span, 'This expression creates fresh types.', ['It is not allowed inside applicative functors.'], 'module');
        const unitArg: TModExpr = { kind: 'struct', items: [], exports: [], span: me.arg.span };
        return { tree: { kind: 'apply', fn: fn.tree, arg: unitArg, span: me.span }, mty: fs.result, path: null, lost: fn.lost };
      }
      const before = failures(ctx);
      const arg = typeModule(env, me.arg, ctx);
      const erroneous = arg.lost?.size ? -1 : before;
      const coercion = unlessCascade(ctx, erroneous, () => checkFunctorArg(me.arg.span, arg.mty, fs.paramType, arg.path));
      const argTree: TModExpr =
        coercion.kind === 'identity' ? arg.tree : { kind: 'coerce', module: arg.tree, coercion, span: me.arg.span };
      let mty: ModType;
      if (arg.path) {
        mty = substModType(new Map([[fs.param.stamp, arg.path]]), fs.result);
        if (fn.path) mty = strengthen(mty, { kind: 'papply', fn: fn.path, arg: arg.path });
      } else {
        const z = createIdent(fs.param.name);
        registerModule(z, arg.mty);
        mty = nondepModType(substModType(new Map([[fs.param.stamp, pident(z)]]), fs.result), z.stamp, me.span);
      }
      // `F(X)` with paths is itself a path (applicative functors), as in OCaml.
      const path: Path | null = fn.path && arg.path ? { kind: 'papply', fn: fn.path, arg: arg.path } : null;
      return { tree: { kind: 'apply', fn: fn.tree, arg: argTree, span: me.span }, mty, path, lost: union(fn.lost, arg.lost) };
    }
    case 'mconstraint': {
      const before = failures(ctx);
      const inner = typeModule(env, me.module, ctx);
      const mty = translModType(env, me.type);
      const erroneous = inner.lost?.size ? -1 : before;
      const coercion = unlessCascade(ctx, erroneous, () => checkSealing(me.span, inner.mty, mty, inner.path));
      const tree: TModExpr =
        coercion.kind === 'identity' ? inner.tree : { kind: 'coerce', module: inner.tree, coercion, span: me.span };
      return { tree, mty, path: null, lost: inner.lost };
    }
  }
}

function typeFunctor(
  env: Env,
  params: readonly { name: string | null; type: AstModType | null; span: Span }[],
  body: ModExpr,
  span: Span,
  ctx: ModCtx,
): TypedModule {
  const [p, ...rest] = params;
  if (!p) return typeModule(env, body, ctx);
  // `()`: a generative functor, whose parameter is the empty structure
  const generative = !p.type;
  const paramType: ModType = p.type ? translModType(env, p.type) : { kind: 'sig', items: [] };
  const id = createIdent(p.name ?? (generative ? '*' : '_'));
  const env2 = generative ? env : addModule(env, id, paramType, { kind: 'mlocal', id });
  const ctx2: ModCtx = { ...ctx, applicativeBody: !generative };
  const inner = rest.length ? typeFunctor(env2, rest, body, span, ctx2) : typeModule(env2, body, ctx2);
  return {
    tree: { kind: 'functor', param: id, body: inner.tree, span },
    mty: { kind: 'functor', param: id, paramType, result: inner.mty, ...(generative ? { generative } : {}) },
    path: null,
    lost: inner.lost,
  };
}

/** Removes references to module `stamp` from a module type by expanding its types. */
function nondepModType(mty: ModType, stamp: number, span: Span): ModType {
  const mentions = (t0: Type): boolean => {
    const t = repr(t0);
    switch (t.kind) {
      case 'var':
        return false;
      case 'arrow':
        return mentions(t.param) || mentions(t.result);
      case 'tuple':
        return t.items.some(mentions);
      case 'constr':
        return pathRoot(t.path).stamp === stamp || t.args.some(mentions);
    }
  };
  const expand = (t0: Type): Type | null => {
    const t = repr(t0);
    switch (t.kind) {
      case 'var':
        return t;
      case 'arrow': {
        const p = expand(t.param);
        const r = expand(t.result);
        return p && r ? { kind: 'arrow', label: t.label, param: p, result: r } : null;
      }
      case 'tuple': {
        const items = t.items.map(expand);
        return items.every((x) => x) ? { kind: 'tuple', items: items as Type[] } : null;
      }
      case 'constr': {
        if (pathRoot(t.path).stamp === stamp) {
          const e = expandOnce(t);
          return e ? expand(e) : null;
        }
        const args = t.args.map(expand);
        return args.every((x) => x) ? { kind: 'constr', path: t.path, args: args as Type[] } : null;
      }
    }
  };
  const must = (t: Type): Type => {
    if (!mentions(t)) return t;
    const e = expand(t);
    if (!e) fail(span, 'This functor application is ill-typed: the parameter cannot be eliminated in the result type.', ['Please bind the argument to a module identifier.'], 'module');
    return e;
  };
  const goSig = (items: Signature): Signature =>
    items.map((item): SigItem => {
      switch (item.kind) {
        case 'value':
          return { kind: 'value', id: item.id, desc: { type: must(item.desc.type), prim: item.desc.prim } };
        case 'type': {
          const d = item.decl;
          let manifest = d.manifest;
          if (manifest && mentions(manifest)) manifest = expand(manifest);
          const decl: TypeDecl = { ...d, manifest, kind: mapKind(d, must) };
          return { ...item, decl };
        }
        case 'exception':
          return { kind: 'exception', id: item.id, decl: { args: item.decl.args.map(must), inlineRecord: item.decl.inlineRecord } };
        case 'module':
          return { kind: 'module', id: item.id, mty: go(item.mty) };
        case 'modtype':
          return item;
      }
    });
  const go = (m: ModType): ModType => {
    // a named module type from outside the parameter cannot mention it: keep the
    // name, as OCaml prints `COUNTER` for `Counter (struct ... end)`
    if (m.kind === 'ident' && pathRoot(m.path).stamp !== stamp) return m;
    const s = m.kind === 'ident' || m.kind === 'alias' ? scrapeModType(m) : m;
    if (!s) return m;
    if (s.kind === 'sig') return { kind: 'sig', items: goSig(s.items) };
    return s.kind === 'functor' ? { ...s, paramType: go(s.paramType), result: go(s.result) } : s;
  };
  return go(mty);
}

function mapKind(d: TypeDecl, f: (t: Type) => Type): TypeDecl['kind'] {
  const k = d.kind;
  if (k.kind === 'variant')
    return {
      kind: 'variant',
      ctors: k.ctors.map((c) => ({
        name: c.name,
        args: c.args.map(f),
        inlineRecord: c.inlineRecord ? c.inlineRecord.map((l) => ({ ...l, type: f(l.type) })) : null,
      })),
    };
  if (k.kind === 'record') return { kind: 'record', fields: k.fields.map((l) => ({ ...l, type: f(l.type) })) };
  return k;
}

// ---------------------------------------------------------------------------
// Structures

export interface TypedStructure {
  items: TStructItem[];
  sig: Signature;
  exports: Ident[];
  env: Env;
  /** Names whose definition failed (`type:t`, `*` for a failed `open`/`include`). */
  lost: Set<string>;
}

function externalArity(te: TypeExpr): number {
  return te.kind === 'tarrow' ? 1 + externalArity(te.result) : 0;
}

/** The primitive an `external` names, refused unless mlc provides it with the arity its type gives. */
function externalPrim(d: ExternalDecl, span: Span): { name: string; arity: number } {
  const prim = { name: d.prims[0] ?? d.name, arity: externalArity(d.type) };
  const problem = primitiveProblem(prim.name, prim.arity);
  if (problem) fail(span, problem.message, problem.notes);
  return prim;
}

function translScheme(env: Env, te: TypeExpr): Type {
  beginDef();
  let t: Type;
  try {
    t = translType(env, te, openScope());
  } finally {
    endDef();
  }
  generalize(t);
  return t;
}

/** Binds a signature's items afresh (for `include`), returning the renamed items. */
function refreshSig(sig: Signature): Signature {
  const s = new Map<number, Path>();
  const fresh = new Map<number, Ident>();
  for (const it of sig) {
    const id = createIdent(it.id.name);
    const loc = locationOf(it.id);
    if (loc) setLocation(id, loc);
    fresh.set(it.id.stamp, id);
    if (it.kind === 'type' || it.kind === 'module' || it.kind === 'modtype') s.set(it.id.stamp, pident(id));
  }
  return substSig(s, sig).map((it) => ({ ...it, id: fresh.get(it.id.stamp)! }) as SigItem);
}

function bindSigItems(env0: Env, items: Signature): Env {
  let env = env0;
  for (const it of items) {
    switch (it.kind) {
      case 'value':
        env = it.desc.prim
          ? addValue(env, it.id.name, { type: it.desc.type, path: { kind: 'prim', ...it.desc.prim }, prim: it.desc.prim })
          : addLocalValue(env, it.id, it.desc.type);
        break;
      case 'type':
        env = addTypes(env, [{ id: it.id, decl: it.decl }]);
        break;
      case 'exception':
        env = addException(env, it.id.name, exnCtorInfo(it.id.name, it, { kind: 'local', id: it.id }));
        break;
      case 'module':
        env = addModule(env, it.id, it.mty, { kind: 'mlocal', id: it.id });
        break;
      case 'modtype':
        env = addModtype(env, it.id, it.mty);
        break;
    }
  }
  return env;
}

/** Drops items shadowed by a later item of the same kind and name. */
export function simplifySig(sig: Signature): Signature {
  const seen = new Set<string>();
  const out: SigItem[] = [];
  for (let i = sig.length - 1; i >= 0; i--) {
    const it = sig[i]!;
    const key = `${it.kind}:${it.id.name}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(it);
  }
  return out.reverse();
}

export function typeStructure(env0: Env, items: readonly StructItem[], ctx: ModCtx): TypedStructure {
  // For `Hint: x is defined later`: the value names of each item, and where
  const defs = items.map((item) =>
    item.kind === 'slet' ? item.bindings.flatMap((b) => patternNames(b.pat).map((n) => [n, b.pat.span] as const)) : [],
  );
  let current = 0;
  const later = (name: string): Span | null => {
    for (let i = current + 1; i < defs.length; i++) for (const [n, s] of defs[i]!) if (n === name) return s;
    return null;
  };
  return withLaterDefinitions(later, () => typeStructureIn(env0, items, ctx, (i) => (current = i)));
}

function typeStructureIn(env0: Env, items: readonly StructItem[], ctx: ModCtx, at: (i: number) => void): TypedStructure {
  let env = env0;
  const tree: TStructItem[] = [];
  const sig: SigItem[] = [];
  // A structure inside an expression (`let module`) sits at the current level.
  const baseLevel = currentLevel;
  const lost = new Set<string>();
  for (const [index, item] of items.entries()) {
    at(index);
    if (truncatedErrors.has(ctx.errors)) break;
    setLevel(baseLevel);
    const cctx = coreCtx(ctx);
    try {
      switch (item.kind) {
        case 'slet': {
          const r = typeLet(env, cctx, item.rec, item.bindings);
          env = r.env;
          tree.push({ kind: 'let', rec: item.rec, bindings: r.bindings, span: item.span });
          for (const pv of r.vars) {
            for (const v of pv.vars.values()) {
              setLocation(v.id, v.span);
              sig.push({ kind: 'value', id: v.id, desc: { type: v.type, prim: null } });
            }
          }
          break;
        }
        case 'seval':
          tree.push({ kind: 'eval', expr: typeInfer(env, cctx, item.expr), span: item.span });
          break;
        case 'stype': {
          const r = translTypeDecls(env, item.decls, item.nonrec);
          env = r.env;
          r.items.forEach((d, i) => sig.push({ kind: 'type', id: d.id, decl: d.decl, ...(i > 0 ? { recNext: true } : {}) }));
          break;
        }
        case 'sexception': {
          const r = declareException(env, item.decl, cctx.scope);
          setLocation(r.id, item.decl.span);
          env = addException(env, r.id.name, exnCtorInfo(r.id.name, r.item, { kind: 'local', id: r.id }));
          tree.push(
            r.rebind
              ? { kind: 'exceptionalias', id: r.id, path: r.rebind, span: item.span }
              : { kind: 'exception', id: r.id, name: r.id.name, span: item.span },
          );
          sig.push(r.item);
          break;
        }
        case 'sexternal': {
          const d = item.decl;
          const t = translScheme(env, d.type);
          const id = createIdent(d.name);
          setLocation(id, d.nameSpan);
          const prim = externalPrim(d, item.span);
          env = addValue(env, d.name, { type: t, path: { kind: 'prim', ...prim }, prim });
          tree.push({ kind: 'external', id, prim: prim.name, arity: prim.arity, span: item.span });
          sig.push({ kind: 'value', id, desc: { type: t, prim } });
          break;
        }
        case 'smodule': {
          const m = typeModule(env, item.module, ctx);
          const id = createIdent(item.name);
          setLocation(id, item.nameSpan);
          if (m.lost?.size) {
            markErroneous(id, m.lost);
            for (const x of m.lost) lost.add(x);
          }
          env = addModule(env, id, m.mty, { kind: 'mlocal', id });
          tree.push({ kind: 'module', id, module: m.tree, span: item.span });
          sig.push({ kind: 'module', id, mty: m.mty });
          break;
        }
        case 'srecmodule':
          fail(item.span, 'Recursive modules are not supported');
          break;
        case 'smodtype': {
          const mty = item.type ? translModType(env, item.type) : null;
          const id = createIdent(item.name);
          setLocation(id, item.nameSpan);
          env = addModtype(env, id, mty);
          sig.push({ kind: 'modtype', id, mty });
          break;
        }
        case 'sopen': {
          const m = lookupModule(env, item.module);
          const s = scrapeModType(m.mty);
          if (!s || s.kind !== 'sig') fail(item.module.span, 'This module is not a structure; it has type a functor');
          env = poison(openSignature(env, m.path, m.runtime, s.items), lostNames(m.path));
          break;
        }
        case 'sinclude': {
          const m = typeModule(env, item.module, ctx);
          const s = scrapeModType(m.path ? strengthen(m.mty, m.path) : m.mty);
          if (!s || s.kind !== 'sig') fail(item.module.span, 'This module is not a structure; it has type a functor');
          const items2 = refreshSig(s.items);
          env = bindSigItems(env, items2);
          if (m.lost?.size) {
            env = poison(env, m.lost);
            for (const x of m.lost) lost.add(x);
          }
          tree.push({ kind: 'include', module: m.tree, ids: items2.filter(isRuntimeItem).map((i) => i.id), span: item.span });
          sig.push(...items2);
          break;
        }
      }
    } catch (err) {
      record(ctx, err);
      // The item's names stay usable without further errors: values as `'a`
      // (also in the signature, for `M.x` and signature matching), the others
      // poisoned (a use of them is not reported again).
      const names = definedNames(item);
      env = poison(env, names);
      if (names === '*') lost.add('*');
      else for (const [ns, n] of names) lost.add(`${ns}:${n}`);
      if (names !== '*') {
        for (const [ns, name] of names) {
          if (ns !== 'value') continue;
          const id = createIdent(name);
          const type = newVar(GENERIC);
          env = addLocalValue(env, id, type);
          sig.push({ kind: 'value', id, desc: { type, prim: null } });
        }
      }
    }
  }
  const finalSig = simplifySig(sig);
  return { items: tree, sig: finalSig, exports: finalSig.filter(isRuntimeItem).map((i) => i.id), env, lost };
}

// ---------------------------------------------------------------------------
// Module types

export function translModType(env: Env, mt: AstModType): ModType {
  switch (mt.kind) {
    case 'mtpath':
      return { kind: 'ident', path: lookupModtype(env, mt.name).path };
    case 'mtsig':
      return { kind: 'sig', items: translSig(env, mt.items) };
    case 'mtfunctor': {
      const go = (e: Env, i: number): ModType => {
        const p = mt.params[i];
        if (!p) return translModType(e, mt.result);
        const generative = !p.type;
        const paramType: ModType = p.type ? translModType(e, p.type) : { kind: 'sig', items: [] };
        const id = createIdent(p.name ?? (generative ? '*' : '_'));
        const e2 = generative ? e : addModule(e, id, paramType, { kind: 'mlocal', id });
        return { kind: 'functor', param: id, paramType, result: go(e2, i + 1), ...(generative ? { generative } : {}) };
      };
      return go(env, 0);
    }
    case 'mtwith': {
      const base = translModType(env, mt.base);
      const s = scrapeModType(base);
      if (!s || s.kind !== 'sig') fail(mt.base.span, 'This module type is not a signature');
      let items = s.items;
      for (const c of mt.constraints) items = applyWith(env, items, c, c.kind === 'wtype' ? pathNames(c.name) : pathNames(c.name));
      return { kind: 'sig', items };
    }
  }
}

function pathNames(li: { path: import('../syntax/ast.ts').ModPath | null; name: string }): string[] {
  const out: string[] = [];
  const go = (p: import('../syntax/ast.ts').ModPath): void => {
    if (p.kind === 'mident') out.push(p.name);
    else if (p.kind === 'mdot') {
      go(p.base);
      out.push(p.name);
    }
  };
  if (li.path) go(li.path);
  out.push(li.name);
  return out;
}

function noComponent(c: WithConstraint, name: string): never {
  return fail(c.span, `The signature constrained by \`with' has no component named ${name}`, [], 'module');
}

function applyWith(env: Env, items: Signature, c: WithConstraint, names: string[]): Signature {
  const [head, ...rest] = names;
  if (rest.length > 0) {
    const idx = findLast(items, (i) => i.kind === 'module' && i.id.name === head);
    if (idx < 0) noComponent(c, names.join('.'));
    const m = items[idx] as SigItem & { kind: 'module' };
    const s = scrapeModType(m.mty);
    if (!s || s.kind !== 'sig') noComponent(c, names.join('.'));
    const out = [...items];
    out[idx] = { kind: 'module', id: m.id, mty: { kind: 'sig', items: applyWith(env, s.items, c, rest) } };
    return out;
  }
  if (c.kind === 'wtype') {
    const idx = findLast(items, (i) => i.kind === 'type' && i.id.name === head);
    if (idx < 0) noComponent(c, c.name.name);
    const old = items[idx] as SigItem & { kind: 'type' };
    const params = c.params.map((p) => newVar(GENERIC, p.name));
    const scope = { vars: new Map<string, Type>(c.params.map((p, i) => [p.name, params[i]!])), closed: true };
    const manifest = translType(env, c.type, scope);
    if (c.destructive) {
      const out = items.filter((_, i) => i !== idx);
      return substTypeInSig(out, old.id.stamp, params, manifest);
    }
    const decl: TypeDecl = { ...old.decl, params, manifest, private: false };
    const out = [...items];
    out[idx] = { kind: 'type', id: old.id, decl, ...(old.recNext ? { recNext: true } : {}) };
    return out;
  }
  const idx = findLast(items, (i) => i.kind === 'module' && i.id.name === head);
  if (idx < 0) noComponent(c, c.name.name);
  const m = items[idx] as SigItem & { kind: 'module' };
  const target = lookupModule(env, c.target);
  const out = [...items];
  if (c.destructive) {
    out.splice(idx, 1);
    return substSig(new Map([[m.id.stamp, target.path]]), out);
  }
  out[idx] = { kind: 'module', id: m.id, mty: strengthen(target.mty, target.path) };
  return out;
}

function findLast<T>(xs: readonly T[], p: (x: T) => boolean): number {
  for (let i = xs.length - 1; i >= 0; i--) if (p(xs[i]!)) return i;
  return -1;
}

/** Replaces type constructor `stamp` by `body` (with `params`) everywhere in `sig`. */
function substTypeInSig(sig: Signature, stamp: number, params: readonly Type[], body: Type): Signature {
  const go = (t0: Type): Type => {
    const t = repr(t0);
    switch (t.kind) {
      case 'var':
        return t;
      case 'arrow':
        return { kind: 'arrow', label: t.label, param: go(t.param), result: go(t.result) };
      case 'tuple':
        return { kind: 'tuple', items: t.items.map(go) };
      case 'constr': {
        const args = t.args.map(go);
        if (t.path.kind === 'pident' && t.path.id.stamp === stamp) return applyParams(params, body, args);
        return { kind: 'constr', path: t.path, args };
      }
    }
  };
  const goMty = (m: ModType): ModType =>
    m.kind === 'sig'
      ? { kind: 'sig', items: goSig(m.items) }
      : m.kind === 'functor'
        ? { ...m, paramType: goMty(m.paramType), result: goMty(m.result) }
        : m;
  const goSig = (items: Signature): Signature =>
    items.map((it): SigItem => {
      switch (it.kind) {
        case 'value':
          return { kind: 'value', id: it.id, desc: { type: go(it.desc.type), prim: it.desc.prim } };
        case 'type':
          return { ...it, decl: { ...it.decl, manifest: it.decl.manifest ? go(it.decl.manifest) : null, kind: mapKind(it.decl, go) } };
        case 'exception':
          return { kind: 'exception', id: it.id, decl: { args: it.decl.args.map(go), inlineRecord: it.decl.inlineRecord } };
        case 'module':
          return { kind: 'module', id: it.id, mty: goMty(it.mty) };
        case 'modtype':
          return it.mty ? { kind: 'modtype', id: it.id, mty: goMty(it.mty) } : it;
      }
    });
  return goSig(sig);
}

export function translSig(env0: Env, items: readonly AstSigItem[]): Signature {
  let env = env0;
  const out: SigItem[] = [];
  const baseLevel = currentLevel;
  for (const item of items) {
    setLevel(baseLevel);
    switch (item.kind) {
      case 'gval': {
        const id = createIdent(item.name);
        setLocation(id, item.span);
        out.push({ kind: 'value', id, desc: { type: translScheme(env, item.type), prim: null } });
        break;
      }
      case 'gexternal': {
        const d = item.decl;
        const id = createIdent(d.name);
        setLocation(id, item.span);
        out.push({
          kind: 'value',
          id,
          // not checked here: an interface may describe primitives mlc lacks (OCaml's
          // own stdlib.mli); a use of one is refused by lowering
          desc: { type: translScheme(env, d.type), prim: { name: d.prims[0] ?? d.name, arity: externalArity(d.type) } },
        });
        break;
      }
      case 'gtype': {
        const r = translTypeDecls(env, item.decls, item.nonrec);
        env = r.env;
        r.items.forEach((d, i) => out.push({ kind: 'type', id: d.id, decl: d.decl, ...(i > 0 ? { recNext: true } : {}) }));
        break;
      }
      case 'gexception': {
        const r = declareException(env, item.decl, openScope());
        setLocation(r.id, item.span);
        env = addException(env, r.id.name, exnCtorInfo(r.id.name, r.item, { kind: 'local', id: r.id }));
        out.push(r.item);
        break;
      }
      case 'gmodule': {
        const mty = translModType(env, item.type);
        const id = createIdent(item.name);
        setLocation(id, item.span);
        env = addModule(env, id, mty, { kind: 'mlocal', id });
        out.push({ kind: 'module', id, mty });
        break;
      }
      case 'gmodtype': {
        const mty = item.type ? translModType(env, item.type) : null;
        const id = createIdent(item.name);
        setLocation(id, item.span);
        env = addModtype(env, id, mty);
        out.push({ kind: 'modtype', id, mty });
        break;
      }
      case 'gopen': {
        const m = lookupModule(env, item.module);
        const s = scrapeModType(m.mty);
        if (!s || s.kind !== 'sig') fail(item.module.span, 'This module is not a structure');
        env = openSignature(env, m.path, m.runtime, s.items);
        break;
      }
      case 'ginclude': {
        const mty = translModType(env, item.type);
        const s = scrapeModType(mty);
        if (!s || s.kind !== 'sig') fail(item.type.span, 'This module type is not a signature');
        const items2 = refreshSig(s.items);
        env = bindSigItems(env, items2);
        out.push(...items2);
        break;
      }
    }
  }
  return out;
}

