// The typing environment: names in scope, and the resolution of paths.
//
// Invariants:
// - Scopes are an immutable chain of layers; adding a binding makes a new layer,
//   so an `Env` value can be kept and reused (branches, let bodies).
// - Every ident's declaration is also registered globally by stamp (stamps are
//   unique), so a path can be resolved without the scope it was written in: `t#7`
//   by its stamp, `M.t` through M's signature seen from `M` (subst.ts), `F(X).t`
//   through F's result signature with its parameter replaced by `X`.
// - Entries found by name carry what lowering needs: the runtime path of a value,
//   module, or exception; a value's type is already seen from the scope's paths.

import type { LongIdent, ModPath, Span } from '../syntax/ast.ts';
import { didYouMean, fail, failSilently, notYetDefinedHints } from './errors.ts';
import type { VarOrigin } from './explain.ts';
import { prefixSig, substModType } from './subst.ts';
import type { CtorDesc, Ident, ModulePath, ValuePath } from './typedtree.ts';
import {
  type CtorInfo,
  type LabelDecl,
  type LabelInfo,
  type ModType,
  type Path,
  type SigItem,
  type Signature,
  type Type,
  type TypeDecl,
  type ValueDesc,
  constr,
  createIdent,
  ctorDescs,
  pdot,
  pident,
  runtimePositions,
} from './types.ts';

export interface ValueEntry {
  readonly type: Type;
  readonly path: ValuePath;
  /** Set for externals: the declaration keeps the primitive visible. */
  readonly prim: ValueDesc['prim'];
  /** Bound by `fun` or a match case: never generalised, so used without instantiation. */
  readonly mono?: boolean;
  /** For error notes: where a monomorphic variable's type was fixed (explain.ts). */
  readonly origin?: VarOrigin;
  /** For error notes: the pattern of the `let` that defines it. */
  readonly defined?: Span;
}
export interface TypeEntry {
  readonly path: Path;
  readonly decl: TypeDecl;
}
export interface ModuleEntry {
  readonly path: Path;
  /** null for modules that are not values (a functor application in a type path). */
  readonly runtime: ModulePath | null;
  readonly mty: ModType;
}
export interface ModTypeEntry {
  readonly path: Path;
  readonly mty: ModType | null;
}

export interface Env {
  readonly parent: Env | null;
  readonly values?: ReadonlyMap<string, ValueEntry>;
  readonly types?: ReadonlyMap<string, TypeEntry>;
  readonly ctors?: ReadonlyMap<string, CtorInfo>;
  readonly labels?: ReadonlyMap<string, LabelInfo>;
  readonly modules?: ReadonlyMap<string, ModuleEntry>;
  readonly modtypes?: ReadonlyMap<string, ModTypeEntry>;
  /** Names whose definition failed (`value:x`, `type:t`...), or `*` after a failed
   *  `open`/`include`: a use of such a name that is unbound is not reported again. */
  readonly poisoned?: ReadonlySet<string>;
  /** Units the driver could load but has not (it loads only those a program
   *  mentions): not bound, but suggested for a misspelt module name. */
  readonly knownUnits?: readonly string[];
}

/** The names of `knownUnits` in `env` or its parents. */
function knownUnitNames(env: Env): readonly string[] {
  for (let e: Env | null = env; e; e = e.parent) if (e.knownUnits) return e.knownUnits;
  return [];
}

export const emptyEnv: Env = { parent: null };

// ---------------------------------------------------------------------------
// Error recovery: names of failed definitions

export type Namespace = 'value' | 'type' | 'ctor' | 'label' | 'module' | 'modtype';

/** Marks names whose definition failed (already reported), or all names (`'*'`). */
export function poison(env: Env, names: readonly (readonly [Namespace, string])[] | '*' | ReadonlySet<string>): Env {
  const set =
    names instanceof Set
      ? names
      : new Set(names === '*' ? ['*'] : (names as readonly (readonly [Namespace, string])[]).map(([ns, n]) => `${ns}:${n}`));
  return set.size ? { parent: env, poisoned: set } : env;
}

function isPoisoned(env: Env, ns: Namespace, name: string): boolean {
  const key = `${ns}:${name}`;
  for (let e: Env | null = env; e; e = e.parent) {
    if (e.poisoned && (e.poisoned.has(key) || e.poisoned.has('*'))) return true;
  }
  return false;
}

/**
 * Modules whose definition had errors, with the names lost by them (`type:t`,
 * or `*`): such a component missing from them is not reported. A nested module's
 * losses are also its parent's (paths are checked by their root).
 */
const erroneousModules = new Map<number, ReadonlySet<string>>();

export function markErroneous(id: Ident, lost: ReadonlySet<string>): void {
  if (lost.size) erroneousModules.set(id.stamp, lost);
}

/** The names lost by the module at `p` because of errors in its definition. */
export function lostNames(p: Path): ReadonlySet<string> {
  switch (p.kind) {
    case 'pident':
      return erroneousModules.get(p.id.stamp) ?? new Set();
    case 'pdot':
      return lostNames(p.base);
    case 'papply':
      return new Set([...lostNames(p.fn), ...lostNames(p.arg)]);
  }
}

export function isErroneousPath(p: Path): boolean {
  return lostNames(p).size > 0;
}

function isLost(p: Path, ns: Namespace, name: string): boolean {
  const l = lostNames(p);
  return l.has('*') || l.has(`${ns}:${name}`);
}

/**
 * Fails for an unbound name, silently when its definition failed (a cascade of an
 * error already reported): unqualified and poisoned, or inside an erroneous module.
 */
export function failUnbound(
  env: Env,
  ns: Namespace,
  li: { path: ModPath | null; name: string; span: Span },
  message: string,
  notes: string[] = [],
  modulePath: Path | null = null,
): never {
  if (li.path ? modulePath !== null && isLost(modulePath, ns, li.name) : isPoisoned(env, ns, li.name)) failSilently(li.span, message);
  return fail(li.span, message, notes);
}

/** Whether an unbound (unqualified) name is a consequence of an earlier error. */
export function isCascade(env: Env, ns: Namespace, li: LongIdent): boolean {
  if (!li.path) return isPoisoned(env, ns, li.name);
  try {
    return isLost(lookupModule(env, li.path).path, ns, li.name);
  } catch {
    return false;
  }
}

// ---------------------------------------------------------------------------
// Global registries, by stamp

const typeDecls = new Map<number, TypeDecl>();
const moduleTypes = new Map<number, ModType>();
const modtypeDecls = new Map<number, ModType | null>();

export function registerType(id: Ident, decl: TypeDecl): void {
  typeDecls.set(id.stamp, decl);
}
export function registerModule(id: Ident, mty: ModType): void {
  moduleTypes.set(id.stamp, mty);
}
export function registerModtype(id: Ident, mty: ModType | null): void {
  modtypeDecls.set(id.stamp, mty);
}

// ---------------------------------------------------------------------------
// Adding bindings

export function addValue(env: Env, name: string, entry: ValueEntry): Env {
  return { parent: env, values: new Map([[name, entry]]) };
}

export function addLocalValue(
  env: Env,
  id: Ident,
  type: Type,
  mono = false,
  where: { origin?: VarOrigin; defined?: Span } = {},
): Env {
  return addValue(env, id.name, { type, path: { kind: 'local', id }, prim: null, ...(mono ? { mono } : {}), ...where });
}

export function addType(env: Env, id: Ident, decl: TypeDecl): Env {
  registerType(id, decl);
  const path = pident(id);
  const layer = { types: new Map([[id.name, { path, decl }]]) } as LayerMaps;
  addDeclComponents(layer, path, decl);
  return { parent: env, ...layer };
}

export function addModule(env: Env, id: Ident, mty: ModType, runtime: ModulePath | null): Env {
  registerModule(id, mty);
  return { parent: env, modules: new Map([[id.name, { path: pident(id), runtime, mty }]]) };
}

export function addModtype(env: Env, id: Ident, mty: ModType | null): Env {
  registerModtype(id, mty);
  return { parent: env, modtypes: new Map([[id.name, { path: pident(id), mty }]]) };
}

export function addException(env: Env, name: string, info: CtorInfo): Env {
  return { parent: env, ctors: new Map([[name, info]]) };
}

interface LayerMaps {
  values?: Map<string, ValueEntry>;
  types?: Map<string, TypeEntry>;
  ctors?: Map<string, CtorInfo>;
  labels?: Map<string, LabelInfo>;
  modules?: Map<string, ModuleEntry>;
  modtypes?: Map<string, ModTypeEntry>;
}

function put<K extends keyof LayerMaps>(
  layer: LayerMaps,
  k: K,
  name: string,
  v: NonNullable<LayerMaps[K]> extends Map<string, infer V> ? V : never,
): void {
  let m = layer[k] as Map<string, unknown> | undefined;
  if (!m) {
    m = new Map();
    (layer as Record<string, unknown>)[k] = m;
  }
  m.set(name, v);
}

/** Constructors and labels of a type declaration at `path`. */
export function ctorInfosOf(path: Path, decl: TypeDecl): CtorInfo[] {
  if (decl.kind.kind !== 'variant') return [];
  const ctors = decl.kind.ctors;
  const descs = ctorDescs(ctors);
  return ctors.map((c, i) => ({
    name: c.name,
    resPath: path,
    params: decl.params,
    args: c.args,
    inlineRecord: c.inlineRecord,
    desc: descs[i]!,
    siblings: ctors,
  }));
}

export function labelInfosOf(path: Path, decl: TypeDecl): LabelInfo[] {
  if (decl.kind.kind !== 'record') return [];
  const fields = decl.kind.fields;
  // an exception's inline record: its fields follow the exception's identity
  const offset = path.kind === 'pident' && exnInlineStamps.has(path.id.stamp) ? 1 : 0;
  return fields.map((f, i) => ({
    name: f.name,
    resPath: path,
    params: decl.params,
    type: f.type,
    mutable: f.mutable,
    pos: i + offset,
    all: fields,
  }));
}

function addDeclComponents(layer: LayerMaps, path: Path, decl: TypeDecl): void {
  for (const c of ctorInfosOf(path, decl)) put(layer, 'ctors', c.name, c);
  for (const l of labelInfosOf(path, decl)) put(layer, 'labels', l.name, l);
}

/** Adds several type declarations at once (a recursive group). */
export function addTypes(env: Env, decls: { id: Ident; decl: TypeDecl }[]): Env {
  const layer: LayerMaps = {};
  for (const { id, decl } of decls) {
    registerType(id, decl);
    put(layer, 'types', id.name, { path: pident(id), decl });
  }
  for (const { id, decl } of decls) addDeclComponents(layer, pident(id), decl);
  return { parent: env, ...layer };
}

export const exnPathRef: { path: Path | null } = { path: null };

export function exnCtorInfo(name: string, decl: SigItem & { kind: 'exception' }, exn: ValuePath): CtorInfo {
  const constant = decl.decl.args.length === 0 && decl.decl.inlineRecord === null;
  const desc: CtorDesc = {
    name,
    tag: 0,
    arity: decl.decl.inlineRecord ? decl.decl.inlineRecord.length : decl.decl.args.length,
    constant,
    numConsts: 0,
    numBlocks: 0,
    exn,
    inlineRecord: decl.decl.inlineRecord !== null,
  };
  return {
    name,
    resPath: exnPathRef.path!,
    params: [],
    args: decl.decl.args,
    inlineRecord: decl.decl.inlineRecord,
    desc,
    siblings: null,
    ...(decl.decl.inlineRecord ? { inlinePath: exnInlinePath(name, decl.decl.inlineRecord) } : {}),
  };
}

// ---------------------------------------------------------------------------
// Types of inline records (`C of { ... }`)
//
// A variable bound to a constructor's inline record (`C r`) has the record's own
// type, printed `t.C` as in OCaml: for a variant, the path `t.C`, whose
// declaration (a record with the variant's parameters) `findTypeDecl` makes up;
// for an exception, a fresh type registered once per view of its declaration,
// whose fields sit one slot further (after the exception's identity).

const exnInlinePaths = new WeakMap<readonly LabelDecl[], Path>();
const exnInlineStamps = new Set<number>();

function exnInlinePath(name: string, fields: readonly LabelDecl[]): Path {
  let p = exnInlinePaths.get(fields);
  if (!p) {
    const id = createIdent(name);
    registerType(id, { params: [], kind: { kind: 'record', fields }, manifest: null, private: false, variance: [], span: null });
    exnInlineStamps.add(id.stamp);
    p = pident(id);
    exnInlinePaths.set(fields, p);
  }
  return p;
}

/** The type constructor of constructor `c`'s inline record. */
export function inlineRecordPath(c: CtorInfo): Path {
  return c.inlinePath ?? pdot(c.resPath, c.name);
}

/** Is `path` the type of an inline record (only usable for field access)? */
export function isInlineRecordPath(path: Path): boolean {
  if (path.kind === 'pident') return exnInlineStamps.has(path.id.stamp);
  return path.kind === 'pdot' && variantInlineDecl(path) !== null;
}

const inlineDecls = new WeakMap<object, TypeDecl>();

/** `t.C` for a constructor `C of { ... }` of variant `t`: the record's declaration. */
function variantInlineDecl(path: Path & { kind: 'pdot' }): TypeDecl | null {
  if (path.base.kind === 'papply') return null;
  const d = findTypeDecl(path.base);
  if (!d || d.kind.kind !== 'variant') return null;
  const c = d.kind.ctors.find((x) => x.name === path.name);
  if (!c || !c.inlineRecord) return null;
  let r = inlineDecls.get(c);
  if (!r) {
    r = { params: d.params, kind: { kind: 'record', fields: c.inlineRecord }, manifest: null, private: false, variance: d.variance, span: null };
    inlineDecls.set(c, r);
  }
  return r;
}

/** The components of a module seen through `path`, as a scope layer (for `open`). */
export function openSignature(env: Env, path: Path, runtime: ModulePath | null, sig0: Signature): Env {
  const sig = prefixSig(path, sig0);
  const positions = runtimePositions(sig);
  const layer: LayerMaps = {};
  sig.forEach((item, i) => {
    const name = item.id.name;
    const pos = positions[i]!;
    const rt = (): ValuePath =>
      runtime ? { kind: 'dot', module: runtime, name, pos } : { kind: 'prim', name: `unreachable:${name}`, arity: 0 };
    switch (item.kind) {
      case 'value':
        put(layer, 'values', name, {
          type: item.desc.type,
          path: item.desc.prim ? { kind: 'prim', ...item.desc.prim } : rt(),
          prim: item.desc.prim,
        });
        break;
      case 'type':
        put(layer, 'types', name, { path: pdot(path, name), decl: item.decl });
        addDeclComponents(layer, pdot(path, name), item.decl);
        break;
      case 'exception':
        put(layer, 'ctors', name, exnCtorInfo(name, item, rt()));
        break;
      case 'module':
        put(layer, 'modules', name, {
          path: pdot(path, name),
          runtime: runtime ? { kind: 'mdot', base: runtime, name, pos } : null,
          mty: item.mty,
        });
        break;
      case 'modtype':
        put(layer, 'modtypes', name, { path: pdot(path, name), mty: item.mty });
        break;
    }
  });
  return { parent: env, ...layer };
}

// ---------------------------------------------------------------------------
// Resolving paths

export function findTypeDecl(path: Path): TypeDecl | null {
  switch (path.kind) {
    case 'pident':
      return typeDecls.get(path.id.stamp) ?? null;
    case 'pdot': {
      const sig = moduleSig(path.base);
      if (!sig) return /^[A-Z]/.test(path.name) ? variantInlineDecl(path) : null;
      for (let i = sig.length - 1; i >= 0; i--) {
        const it = sig[i]!;
        if (it.kind === 'type' && it.id.name === path.name) return it.decl;
      }
      return null;
    }
    case 'papply':
      return null;
  }
}

const moduleTypeCache = new Map<string, ModType | null>();
const applyCache = new WeakMap<ModType, Map<string, ModType>>();

/** The module type of a module path (functor applications included). */
export function findModuleType(path: Path): ModType | null {
  switch (path.kind) {
    case 'pident':
      return moduleTypes.get(path.id.stamp) ?? null;
    case 'pdot': {
      const sig = moduleSig(path.base);
      if (!sig) return null;
      for (let i = sig.length - 1; i >= 0; i--) {
        const it = sig[i]!;
        if (it.kind === 'module' && it.id.name === path.name) return it.mty;
      }
      return null;
    }
    case 'papply': {
      const f = findModuleType(path.fn);
      const fs = f ? scrapeModType(f) : null;
      if (!fs || fs.kind !== 'functor') return null;
      // Cached per functor type and path: the result depends only on both, and
      // recomputing it substitutes through the whole result signature (each
      // expansion of a type `F(X).t` comes here).
      let byPath = applyCache.get(fs);
      if (!byPath) applyCache.set(fs, (byPath = new Map()));
      const key = pathKeyOf(path);
      let r = byPath.get(key);
      if (!r) {
        r = strengthen(substModType(new Map([[fs.param.stamp, path.arg]]), fs.result), path);
        byPath.set(key, r);
      }
      return r;
    }
  }
}

/** The signature of a module path, seen from that path; null if unknown or a functor. */
export function moduleSig(path: Path): Signature | null {
  const mty = findModuleType(path);
  if (!mty) return null;
  const s = scrapeModType(mty);
  if (!s || s.kind !== 'sig') return null;
  return prefixSig(path, s.items);
}

export function findModtype(path: Path): ModType | null {
  switch (path.kind) {
    case 'pident':
      return modtypeDecls.get(path.id.stamp) ?? null;
    case 'pdot': {
      const sig = moduleSig(path.base);
      if (!sig) return null;
      for (let i = sig.length - 1; i >= 0; i--) {
        const it = sig[i]!;
        if (it.kind === 'modtype' && it.id.name === path.name) return it.mty;
      }
      return null;
    }
    case 'papply':
      return null;
  }
}

/** Expands module type names and aliases until a signature or functor (null if abstract). */
export function scrapeModType(mty: ModType): (ModType & { kind: 'sig' | 'functor' }) | null {
  let m: ModType | null = mty;
  for (let guard = 0; m && guard < 100; guard++) {
    if (m.kind === 'sig' || m.kind === 'functor') return m;
    if (m.kind === 'ident') m = findModtype(m.path);
    else {
      const t = findModuleType(m.path);
      m = t ? strengthen(t, m.path) : null;
    }
  }
  return null;
}

/** Makes the types of a module of path `path` equal to `path.t` (OCaml's strengthening). */
export function strengthen(mty: ModType, path: Path): ModType {
  const key = pathKeyOf(path);
  const cached = strengthenCache.get(mty)?.get(key);
  if (cached) return cached;
  const s = scrapeModType(mty);
  let r: ModType;
  if (!s || s.kind === 'functor') r = s ?? mty;
  else
    r = {
      kind: 'sig',
      items: s.items.map((item): SigItem => {
        if (item.kind === 'type') {
          const d = item.decl;
          if (d.manifest && !(d.private && d.kind.kind === 'abstract')) return item;
          return {
            kind: 'type',
            id: item.id,
            decl: { ...d, manifest: constr(pdot(path, item.id.name), d.params), private: d.kind.kind === 'abstract' ? false : d.private },
          };
        }
        if (item.kind === 'module') {
          return { kind: 'module', id: item.id, mty: strengthen(item.mty, pdot(path, item.id.name)) };
        }
        return item;
      }),
    };
  let byPath = strengthenCache.get(mty);
  if (!byPath) strengthenCache.set(mty, (byPath = new Map()));
  byPath.set(key, r);
  return r;
}
const strengthenCache = new WeakMap<ModType, Map<string, ModType>>();

function pathKeyOf(p: Path): string {
  switch (p.kind) {
    case 'pident':
      return `${p.id.name}/${p.id.stamp}`;
    case 'pdot':
      return `${pathKeyOf(p.base)}.${p.name}`;
    case 'papply':
      return `${pathKeyOf(p.fn)}(${pathKeyOf(p.arg)})`;
  }
}

export function clearCaches(): void {
  moduleTypeCache.clear();
}

// ---------------------------------------------------------------------------
// Lookup by name

function findInLayers<T>(env: Env, get: (e: Env) => ReadonlyMap<string, T> | undefined, name: string): T | null {
  for (let e: Env | null = env; e; e = e.parent) {
    const m = get(e);
    if (m) {
      const v = m.get(name);
      if (v !== undefined) return v;
    }
  }
  return null;
}

function namesInLayers(env: Env, get: (e: Env) => ReadonlyMap<string, unknown> | undefined): string[] {
  const out: string[] = [];
  for (let e: Env | null = env; e; e = e.parent) {
    const m = get(e);
    if (m) out.push(...m.keys());
  }
  return out;
}

export function lookupModule(env: Env, mp: ModPath): ModuleEntry {
  switch (mp.kind) {
    case 'mident': {
      const m = findInLayers(env, (e) => e.modules, mp.name);
      if (!m) {
        const hint = didYouMean([...namesInLayers(env, (e) => e.modules), ...knownUnitNames(env)], mp.name);
        failUnbound(env, 'module', { path: null, name: mp.name, span: mp.span }, `Unbound module ${mp.name}`, hint);
      }
      return m;
    }
    case 'mdot': {
      const base = lookupModule(env, mp.base);
      const sig = sigOfEntry(base, mp.base.span, mp.base);
      const found = findComponent(sig, 'module', mp.name);
      if (!found) {
        const names = sig.filter((i) => i.kind === 'module').map((i) => i.id.name);
        const li = { path: mp.base, name: mp.name, span: mp.span };
        failUnbound(env, 'module', li, `Unbound module ${modPathText(mp)}`, qualifiedHint(names, mp.base, mp.name), base.path);
      }
      const { item, pos } = found;
      return {
        path: pdot(base.path, mp.name),
        runtime: base.runtime ? { kind: 'mdot', base: base.runtime, name: mp.name, pos } : null,
        mty: (item as SigItem & { kind: 'module' }).mty,
      };
    }
    case 'mapply': {
      const fn = lookupModule(env, mp.fn);
      const arg = lookupModule(env, mp.arg);
      const path: Path = { kind: 'papply', fn: fn.path, arg: arg.path };
      const mty = findModuleType(path);
      if (!mty) fail(mp.span, `The module ${modPathText(mp.fn)} is not a functor`);
      return { path, runtime: null, mty };
    }
  }
}

export function modPathText(mp: ModPath): string {
  switch (mp.kind) {
    case 'mident':
      return mp.name;
    case 'mdot':
      return `${modPathText(mp.base)}.${mp.name}`;
    case 'mapply':
      return `${modPathText(mp.fn)}(${modPathText(mp.arg)})`;
  }
}

export function longIdentText(li: LongIdent): string {
  return li.path ? `${modPathText(li.path)}.${li.name}` : li.name;
}

/** The signature of a module entry seen from its path. */
export function sigOfEntry(m: ModuleEntry, span: Span, mp?: ModPath): Signature {
  const s = scrapeModType(m.mty);
  if (!s) fail(span, `Unbound module type for this module`);
  if (s.kind === 'functor') {
    const name = mp ? modPathText(mp) : null;
    fail(span, `The module ${name ? `${name} ` : ''}is a functor, it cannot have any components`, functorHint(m, name));
  }
  return prefixSig(m.path, s.items);
}

/** A path as written (printtyp's `pathName`, which env cannot import: predef needs env first). */
function pathText(p: Path): string {
  return p.kind === 'pident' ? p.id.name : p.kind === 'pdot' ? `${pathText(p.base)}.${p.name}` : `${pathText(p.fn)}(${pathText(p.arg)})`;
}

/** `module IntSet = Set.Make (Int)`: how to get a structure out of a functor. */
function functorHint(m: ModuleEntry, name: string | null): string[] {
  const s = scrapeModType(m.mty);
  if (!s || s.kind !== 'functor') return [];
  const functor = m.mty?.kind === 'alias' ? pathText(m.mty.path) : name;
  if (!functor) return [];
  const param = s.paramType.kind === 'ident' ? pathText(s.paramType.path) : null;
  const example = param && /OrderedType|HashedType/.test(param) ? 'Int' : 'M';
  const bound = name && name !== functor && !name.includes('.') ? name : 'N';
  const of = param ? ` of type ${param}` : '';
  return [
    ...(name && name !== functor ? [`\`${name}\` is the functor \`${functor}\` itself, not a module made by applying it.`] : []),
    `Hint: apply it to a module${of}: \`module ${bound} = ${functor} (${example})\`.`,
  ];
}

function findComponent(sig: Signature, kind: SigItem['kind'], name: string): { item: SigItem; pos: number } | null {
  const positions = runtimePositions(sig);
  for (let i = sig.length - 1; i >= 0; i--) {
    const it = sig[i]!;
    if (it.kind === kind && it.id.name === name) return { item: it, pos: positions[i]! };
  }
  return null;
}

/** `Hint: Did you mean List.length?` for a qualified name. */
function qualifiedHint(names: string[], path: ModPath, name: string): string[] {
  const near = didYouMean(names, name).map((h) => h.replace('Did you mean ', `Did you mean ${modPathText(path)}.`));
  if (near.length > 0 || names.length === 0) return near;
  // no near miss: what the module does define, those sharing a word with the name first
  const words = name.toLowerCase().split('_').filter((w) => w.length > 2);
  const related = (n: string): boolean => words.some((w) => n.toLowerCase().includes(w));
  const sorted = [...new Set(names)].sort((a, b) => Number(related(b)) - Number(related(a)));
  const shown = sorted.slice(0, 8);
  const more = sorted.length > shown.length ? `, ... (${sorted.length - shown.length} more)` : '';
  return [`${modPathText(path)} defines: ${shown.join(', ')}${more}.`];
}

export function lookupValue(env: Env, li: LongIdent): ValueEntry {
  if (!li.path) {
    const v = findInLayers(env, (e) => e.values, li.name);
    if (!v) {
      const hint = didYouMean(namesInLayers(env, (e) => e.values), li.name);
      const notYet = notYetDefinedHints(li.name);
      failUnbound(env, 'value', li, `Unbound value ${li.name}`, [...notYet, ...(hint.length || notYet.length ? hint : inModules(env, 'value', li.name))]);
    }
    return v;
  }
  const m = lookupModule(env, li.path);
  const sig = sigOfEntry(m, { ...li.path.span, end: Math.max(li.path.span.end, li.span.end) }, li.path);
  const found = findComponent(sig, 'value', li.name);
  if (!found) {
    const names = sig.filter((i) => i.kind === 'value').map((i) => i.id.name);
    failUnbound(env, 'value', li, `Unbound value ${longIdentText(li)}`, qualifiedHint(names, li.path, li.name), m.path);
  }
  const item = found.item as SigItem & { kind: 'value' };
  const path: ValuePath = item.desc.prim
    ? { kind: 'prim', ...item.desc.prim }
    : m.runtime
      ? { kind: 'dot', module: m.runtime, name: li.name, pos: found.pos }
      : fail(li.span, `Cannot access ${longIdentText(li)} in a functor application`);
  return { type: item.desc.type, path, prim: item.desc.prim };
}

export function lookupType(env: Env, li: LongIdent): TypeEntry {
  if (!li.path) {
    const t = findInLayers(env, (e) => e.types, li.name);
    if (!t) {
      const hint = didYouMean(namesInLayers(env, (e) => e.types), li.name);
      failUnbound(env, 'type', li, `Unbound type constructor ${li.name}`, hint.length ? hint : inModules(env, 'type', li.name));
    }
    return t;
  }
  const m = lookupModule(env, li.path);
  const sig = sigOfEntry(m, { ...li.path.span, end: Math.max(li.path.span.end, li.span.end) }, li.path);
  const found = findComponent(sig, 'type', li.name);
  if (!found) {
    const names = sig.filter((i) => i.kind === 'type').map((i) => i.id.name);
    failUnbound(env, 'type', li, `Unbound type constructor ${longIdentText(li)}`, qualifiedHint(names, li.path, li.name), m.path);
  }
  return { path: pdot(m.path, li.name), decl: (found.item as SigItem & { kind: 'type' }).decl };
}

export function lookupModtype(env: Env, li: LongIdent): ModTypeEntry {
  if (!li.path) {
    const t = findInLayers(env, (e) => e.modtypes, li.name);
    if (!t) {
      const hint = didYouMean(namesInLayers(env, (e) => e.modtypes), li.name);
      failUnbound(env, 'modtype', li, `Unbound module type ${li.name}`, hint.length ? hint : inModules(env, 'modtype', li.name));
    }
    return t;
  }
  const m = lookupModule(env, li.path);
  const sig = sigOfEntry(m, { ...li.path.span, end: Math.max(li.path.span.end, li.span.end) }, li.path);
  const found = findComponent(sig, 'modtype', li.name);
  if (!found) {
    const names = sig.filter((i) => i.kind === 'modtype').map((i) => i.id.name);
    failUnbound(env, 'modtype', li, `Unbound module type ${longIdentText(li)}`, qualifiedHint(names, li.path, li.name), m.path);
  }
  return { path: pdot(m.path, li.name), mty: (found.item as SigItem & { kind: 'modtype' }).mty };
}

/** A constructor by name (latest in scope), or null. */
export function findCtor(env: Env, li: LongIdent): CtorInfo | null {
  if (!li.path) return findInLayers(env, (e) => e.ctors, li.name);
  const m = lookupModule(env, li.path);
  const sig = sigOfEntry(m, { ...li.path.span, end: Math.max(li.path.span.end, li.span.end) }, li.path);
  const positions = runtimePositions(sig);
  for (let i = sig.length - 1; i >= 0; i--) {
    const it = sig[i]!;
    if (it.kind === 'exception' && it.id.name === li.name) {
      const rt: ValuePath = m.runtime
        ? { kind: 'dot', module: m.runtime, name: li.name, pos: positions[i]! }
        : { kind: 'prim', name: `unreachable:${li.name}`, arity: 0 };
      return exnCtorInfo(li.name, it, rt);
    }
    if (it.kind === 'type') {
      const c = ctorInfosOf(pdot(m.path, it.id.name), it.decl).find((x) => x.name === li.name);
      if (c) return c;
    }
  }
  return null;
}

/**
 * `Hint: length is defined in modules List, String and Array (e.g. List.length).`
 * for an unqualified name with no near miss in scope but an exact match in a module.
 */
function inModules(env: Env, kind: SigItem['kind'], name: string): string[] {
  const found: string[] = [];
  const seen = new Set<string>();
  for (let e: Env | null = env; e; e = e.parent) {
    if (!e.modules) continue;
    for (const [mname, m] of e.modules) {
      if (seen.has(mname)) continue;
      seen.add(mname);
      const s = scrapeModType(m.mty);
      if (s?.kind === 'sig' && s.items.some((i) => i.kind === kind && i.id.name === name)) found.push(mname);
    }
  }
  if (found.length === 0) return [];
  const shown = found.slice(0, 4).map((m) => `${m}.${name}`);
  const list = shown.length === 1 ? shown[0]! : `${shown.slice(0, -1).join(', ')} or ${shown[shown.length - 1]!}`;
  return [`Hint: Did you mean ${list}?`];
}

export function ctorNames(env: Env): string[] {
  return namesInLayers(env, (e) => e.ctors);
}

/** The near misses of an unbound constructor or label: `M.Alpha` for `M.Alph`. */
export function componentHint(env: Env, kind: 'ctor' | 'label', li: LongIdent): string[] {
  if (!li.path) return didYouMean(kind === 'ctor' ? ctorNames(env) : labelNames(env), li.name);
  let sig: Signature;
  try {
    sig = sigOfEntry(lookupModule(env, li.path), { ...li.path.span, end: Math.max(li.path.span.end, li.span.end) }, li.path);
  } catch {
    return [];
  }
  const names: string[] = [];
  for (const it of sig) {
    if (kind === 'ctor' && it.kind === 'exception') names.push(it.id.name);
    if (it.kind !== 'type') continue;
    const k = it.decl.kind;
    if (kind === 'ctor' && k.kind === 'variant') names.push(...k.ctors.map((c) => c.name));
    if (kind === 'label' && k.kind === 'record') names.push(...k.fields.map((f) => f.name));
  }
  return qualifiedHint(names, li.path, li.name);
}

export function findLabel(env: Env, li: LongIdent): LabelInfo | null {
  if (!li.path) return findInLayers(env, (e) => e.labels, li.name);
  return findQualifiedLabels(env, li)[0] ?? null;
}

/** Every label `M.name` of module `M`, latest declaration first. */
export function findQualifiedLabels(env: Env, li: LongIdent): LabelInfo[] {
  if (!li.path) return findAllLabels(env, li.name);
  const m = lookupModule(env, li.path);
  const sig = sigOfEntry(m, { ...li.path.span, end: Math.max(li.path.span.end, li.span.end) }, li.path);
  const out: LabelInfo[] = [];
  for (let i = sig.length - 1; i >= 0; i--) {
    const it = sig[i]!;
    if (it.kind === 'type') {
      const l = labelInfosOf(pdot(m.path, it.id.name), it.decl).find((x) => x.name === li.name);
      if (l) out.push(l);
    }
  }
  return out;
}

/** Every label of that name in scope, latest first (for disambiguation by the other labels). */
export function findAllLabels(env: Env, name: string): LabelInfo[] {
  const out: LabelInfo[] = [];
  for (let e: Env | null = env; e; e = e.parent) {
    const l = e.labels?.get(name);
    if (l) out.push(l);
  }
  return out;
}

export function labelNames(env: Env): string[] {
  return namesInLayers(env, (e) => e.labels);
}

export function findValueByName(env: Env, name: string): ValueEntry | null {
  return findInLayers(env, (e) => e.values, name);
}
export function findModuleByName(env: Env, name: string): ModuleEntry | null {
  return findInLayers(env, (e) => e.modules, name);
}
export function findTypeByName(env: Env, name: string): TypeEntry | null {
  return findInLayers(env, (e) => e.types, name);
}
