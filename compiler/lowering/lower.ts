// Lowering: typed tree -> Lambda.
//
// - Toplevel structures whose shape is known at build time become globals: a
//   reference `List.length` is a `global`, not a field load. A toplevel functor
//   application whose functor and argument are known is instantiated at build
//   time (the functor's body lowered again as a toplevel structure); other
//   functor applications and `let module` build structure blocks at run time.
// - Variables whose type is int-like or float are recorded (`Program.reprs`), so
//   that codegen can keep them unboxed; local references become variables
//   (refs.ts); matches on variants dispatch on the constructor first.
// - Patterns become tests (matchcomp.ts); `try`, `match ... with exception`,
//   `assert`, `let`-patterns that can fail raise OCaml's exceptions with OCaml's
//   locations.
// - `external`s applied to all their arguments become `prim` nodes; a primitive
//   used as a value is eta-expanded into a function.

import { MAX_ARITY } from '../codegen/rts.ts';
import { sourceOf } from '../diagnostics/source.ts';
import type { Span } from '../syntax/ast.ts';
import type {
  Coercion,
  Ident,
  ModulePath,
  TCase,
  TExpr,
  TImplementation,
  TModExpr,
  TPattern,
  TStructItem,
  ValuePath,
} from '../typing/typedtree.ts';
import type { Const, Lam, LFun, Program, Repr } from './lambda.ts';
import { int, unit } from './lambda.ts';
import { irrefutable, patternVars, testArguments, testPattern, type MatchContext } from './matchcomp.ts';
import { primArity, primitiveProblem } from './prims.ts';
import { CompileError, error } from '../diagnostics/diagnostic.ts';
import { eliminateRefs } from './refs.ts';
import { FLOAT_RECORD_TAG, isFloatRecord } from './layout.ts';
import { expandHead } from '../typing/ctype.ts';
import { idBool, idChar, idFloat, idInt, idUnit } from '../typing/predef.ts';
import type { Type } from '../typing/types.ts';

/** What a module path denotes during lowering. */
type ModInfo =
  | { kind: 'static'; exports: Binding[] } // components known one by one
  | { kind: 'dynamic'; lam: Lam } // a structure block at run time
  | FunctorInfo;

/**
 * A functor defined at toplevel, which an application known at build time
 * instantiates: its body is lowered again with the parameter bound to the
 * argument's (static) components, so that calls through the parameter are direct.
 * `bound`: parameters already applied (curried functors); `coercions`: signatures
 * it was seen through, innermost first. `lam` is its run-time value.
 */
interface FunctorInfo {
  readonly kind: 'functor';
  readonly param: Ident;
  readonly body: TModExpr;
  readonly lam: Lam;
  readonly bound: readonly [number, Binding][];
  readonly coercions: readonly (Coercion & { kind: 'functor' })[];
}

type Binding = { kind: 'value'; lam: Lam } | { kind: 'module'; info: ModInfo };

let stampCounter = 1_000_000_000;
function fresh(name: string): Ident {
  return { name, stamp: stampCounter++ };
}

export class Lowering implements MatchContext {
  private readonly env = new Map<number, Binding>();
  private readonly globals: string[] = [];
  /** Variables of type int-like or float (see `Program.reprs`). */
  private readonly reprs = new Map<number, Repr>();
  private labels = 0;
  /** Functor bodies being instantiated: functors defined inside them are not reused. */
  private instantiating = 0;
  private instances = 0;

  freshLabel(): number {
    return ++this.labels;
  }

  exnIdentity(p: TPattern & { kind: 'construct' }): Lam {
    return this.valuePath(p.ctor.exn!, p.span);
  }

  /** Lowers the units of a program, in dependency order. */
  lowerProgram(units: { id: Ident; impl: TImplementation; coercion?: Coercion }[]): Program {
    let init: Lam = unit;
    for (const u of units) {
      const { code, info } = this.lowerToplevelStruct(u.impl.module, u.id.name);
      // a unit with an interface is seen by the others through it
      const seen = u.coercion ? this.coerceStatic(info, u.coercion, u.impl.module.span) : info;
      this.env.set(u.id.stamp, { kind: 'module', info: seen });
      init = seqs(init, code);
    }
    const refs = eliminateRefs(init);
    for (const [stamp, repr] of refs.mutableVars) this.reprs.set(stamp, repr);
    return { globals: this.globals, init: refs.lam, reprs: this.reprs, mutableVars: new Set(refs.mutableVars.keys()) };
  }

  // -------------------------------------------------------------------------
  // Modules

  private newGlobal(prefix: string, id: Ident): string {
    const name = `${prefix}.${id.name}/${id.stamp}`;
    this.globals.push(name);
    return name;
  }

  /** A structure at toplevel: its bindings become globals. */
  private lowerToplevelStruct(m: TModExpr & { kind: 'struct' }, prefix: string): { code: Lam; info: ModInfo } {
    let code: Lam = unit;
    for (const item of m.items) code = seqs(code, this.lowerToplevelItem(item, prefix));
    return { code, info: { kind: 'static', exports: m.exports.map((id) => this.binding(id, m.span)) } };
  }

  private binding(id: Ident, span: Span): Binding {
    const b = this.env.get(id.stamp);
    if (!b) throw internal(`no binding for ${id.name}/${id.stamp}`, span);
    return b;
  }

  private lowerToplevelItem(item: TStructItem, prefix: string): Lam {
    switch (item.kind) {
      case 'let': {
        // Bind every variable of every pattern to a global, then assign them.
        const vars: Ident[] = [];
        for (const b of item.bindings) collectVars(b.pat, vars);
        for (const v of vars) this.env.set(v.stamp, { kind: 'value', lam: { k: 'global', name: this.newGlobal(prefix, v) } });
        if (item.rec) return this.toplevelLetRec(item.bindings, vars);
        let code: Lam = unit;
        for (const b of item.bindings) {
          if (b.pat.kind === 'var' && b.expr.kind === 'const' && b.expr.value.kind !== 'string') {
            // a toplevel constant is used in place: no global to load and unbox
            this.env.set(b.pat.id.stamp, { kind: 'value', lam: constant(b.expr.value) });
            continue;
          }
          const value = this.expr(b.expr);
          code = seqs(code, this.bindPatternGlobal(b.pat, value, b.expr.span));
        }
        return code;
      }
      case 'eval':
        return { k: 'prim', op: 'ignore', args: [this.expr(item.expr)] };
      case 'exception': {
        const g = this.newGlobal(prefix, item.id);
        this.env.set(item.id.stamp, { kind: 'value', lam: { k: 'global', name: g } });
        // OCaml names an exception by its full path: `Stdlib.Exit`, `Main.Parse_error`
        // (one in a functor body by its bare name, however the functor is applied)
        const name = this.instantiating > 0 ? item.name : `${prefix}.${item.name}`;
        return { k: 'setglobal', name: g, value: this.newExnIdentity(name) };
      }
      case 'exceptionalias':
        this.env.set(item.id.stamp, { kind: 'value', lam: this.valuePath(item.path, item.span) });
        return unit;
      case 'external':
        this.env.set(item.id.stamp, { kind: 'value', lam: this.primValue(item.prim, item.arity, item.span) });
        return unit;
      case 'module': {
        if (item.module.kind === 'struct') {
          const { code, info } = this.lowerToplevelStruct(item.module, `${prefix}.${item.id.name}`);
          this.env.set(item.id.stamp, { kind: 'module', info });
          return code;
        }
        if (item.module.kind === 'coerce' && item.module.module.kind === 'struct') {
          // `module M : S = struct ... end`: its components stay globals, seen through S
          const { code, info } = this.lowerToplevelStruct(item.module.module, `${prefix}.${item.id.name}`);
          this.env.set(item.id.stamp, { kind: 'module', info: this.coerceInfo(info, item.module.coercion, item.span) });
          return code;
        }
        const info = this.staticModule(item.module);
        if (info) {
          this.env.set(item.id.stamp, { kind: 'module', info });
          return unit;
        }
        const applied = this.staticApply(item.module, `${prefix}.${item.id.name}`);
        if (applied) {
          this.env.set(item.id.stamp, { kind: 'module', info: applied.info });
          return applied.code;
        }
        const g = this.newGlobal(prefix, item.id);
        const lam: Lam = { k: 'global', name: g };
        const m = item.module;
        const fun: ModInfo =
          m.kind === 'functor' && this.instantiating === 0
            ? { kind: 'functor', param: m.param, body: m.body, lam, bound: [], coercions: [] }
            : { kind: 'dynamic', lam };
        this.env.set(item.id.stamp, { kind: 'module', info: fun });
        return { k: 'setglobal', name: g, value: this.moduleExpr(item.module) };
      }
      case 'include': {
        const info = this.staticModule(item.module);
        if (info) {
          this.bindIncluded(item.ids, info, item.span);
          return unit;
        }
        const g = this.newGlobal(prefix, fresh('include'));
        const lam: Lam = { k: 'global', name: g };
        this.bindIncluded(item.ids, { kind: 'dynamic', lam }, item.span);
        return { k: 'setglobal', name: g, value: this.moduleExpr(item.module) };
      }
    }
  }

  private bindIncluded(ids: Ident[], info: ModInfo, span: Span): void {
    ids.forEach((id, pos) => this.env.set(id.stamp, this.component(info, pos, span)));
  }

  private toplevelLetRec(bindings: { pat: TPattern; expr: TExpr }[], vars: Ident[]): Lam {
    // `let rec f = fun ... and g = fun ...` at toplevel: each function is closed
    // over globals only, so assigning the globals in order is enough.
    let code: Lam = unit;
    bindings.forEach((b, i) => {
      const g = this.env.get(vars[i]!.stamp) as { kind: 'value'; lam: Lam & { k: 'global' } };
      code = seqs(code, { k: 'setglobal', name: g.lam.name, value: this.expr(b.expr) });
    });
    return code;
  }

  private bindPatternGlobal(pat: TPattern, value: Lam, span: Span): Lam {
    if (pat.kind === 'var') {
      const g = this.env.get(pat.id.stamp) as { kind: 'value'; lam: Lam & { k: 'global' } };
      return { k: 'setglobal', name: g.lam.name, value };
    }
    // Destructure through a temporary; variables are assigned as locals, then copied.
    const tmp = fresh('toplevel');
    const vars: Ident[] = [];
    collectVars(pat, vars);
    const locals = new Map<number, Ident>();
    for (const v of vars) locals.set(v.stamp, fresh(v.name));
    const renamed = renamePattern(pat, locals);
    const test = this.matchOrFail(renamed, { k: 'var', id: tmp }, span);
    let copy: Lam = unit;
    for (const v of vars) {
      const g = this.env.get(v.stamp) as { kind: 'value'; lam: Lam & { k: 'global' } };
      copy = seqs(copy, { k: 'setglobal', name: g.lam.name, value: { k: 'var', id: locals.get(v.stamp)! } });
    }
    return { k: 'let', id: tmp, value, body: seqs(test, copy) };
  }

  /** A module whose components are all known at build time (or a toplevel functor), or null. */
  private staticModule(m: TModExpr): ModInfo | null {
    switch (m.kind) {
      case 'path': {
        const info = this.modulePath(m.path, m.span);
        return info.kind === 'dynamic' ? null : info;
      }
      case 'coerce': {
        const inner = this.staticModule(m.module);
        if (!inner) return null;
        const coerced = this.coerceInfo(inner, m.coercion, m.span);
        return coerced.kind === 'dynamic' ? null : coerced;
      }
      default:
        return null;
    }
  }

  private coerceStatic(info: ModInfo, c: Coercion, span: Span): ModInfo {
    if (c.kind !== 'struct') return info;
    return {
      kind: 'static',
      exports: c.fields.map((f) => {
        const b = this.component(info, f.pos, span);
        if (f.coercion.kind === 'identity') return b;
        if (b.kind === 'module') return { kind: 'module', info: this.coerceInfo(b.info, f.coercion, span) };
        return b;
      }),
    };
  }

  /** A module seen through a signature: static stays static where it can. */
  private coerceInfo(info: ModInfo, c: Coercion, span: Span): ModInfo {
    if (c.kind === 'identity') return info;
    if (c.kind === 'struct' && info.kind === 'static') return this.coerceStatic(info, c, span);
    if (c.kind === 'functor' && info.kind === 'functor') {
      return { ...info, lam: this.coerceLam(info.lam, c), coercions: [...info.coercions, c] };
    }
    return { kind: 'dynamic', lam: this.coerceLam(this.moduleLam(info), c) };
  }

  /**
   * A functor application whose functor and argument are known at build time,
   * instantiated as a toplevel structure under `prefix`; null when it is not.
   */
  private staticApply(m: TModExpr, prefix: string): { code: Lam; info: ModInfo } | null {
    if (m.kind === 'coerce') {
      const inner = this.staticApply(m.module, prefix);
      return inner && { code: inner.code, info: this.coerceInfo(inner.info, m.coercion, m.span) };
    }
    if (m.kind !== 'apply') return null;
    // the argument's initialisation runs before the functor's, as for a run-time application
    let fnCode: Lam = unit;
    let argCode: Lam = unit;
    let fnInfo = this.staticModule(m.fn);
    if (!fnInfo) {
      const f = this.staticApply(m.fn, `${prefix}$fn`);
      if (!f) return null;
      fnCode = f.code;
      fnInfo = f.info;
    }
    if (fnInfo.kind !== 'functor') return null;
    let arg = this.staticModule(m.arg);
    if (!arg) {
      const a = this.staticApply(m.arg, `${prefix}$arg${this.instances++}`);
      if (!a) return null;
      argCode = a.code;
      arg = a.info;
    }
    const code = seqs(argCode, fnCode);
    // the coercions the functor was seen through, outermost first for the argument
    for (const c of [...fnInfo.coercions].reverse()) arg = this.coerceInfo(arg, c.arg, m.span);
    if (arg.kind === 'dynamic') return null;
    for (const [stamp, b] of fnInfo.bound) this.env.set(stamp, b);
    this.env.set(fnInfo.param.stamp, { kind: 'module', info: arg });
    const bound: [number, Binding][] = [...fnInfo.bound, [fnInfo.param.stamp, { kind: 'module', info: arg }]];
    const body = this.instantiate(fnInfo.body, bound, `${prefix}$${this.instances++}`);
    if (!body) return null;
    let info = body.info;
    for (const c of fnInfo.coercions) info = this.coerceInfo(info, c.result, m.span);
    return { code: seqs(code, body.code), info };
  }

  /** The body of a functor with its parameters bound (in `env` and in `bound`). */
  private instantiate(body: TModExpr, bound: [number, Binding][], prefix: string): { code: Lam; info: ModInfo } | null {
    switch (body.kind) {
      case 'struct': {
        this.instantiating++;
        try {
          return this.lowerToplevelStruct(body, prefix);
        } finally {
          this.instantiating--;
        }
      }
      case 'functor': {
        const lam = this.moduleExpr(body); // its run-time value, if it is ever needed as one
        return { code: unit, info: { kind: 'functor', param: body.param, body: body.body, lam, bound, coercions: [] } };
      }
      case 'coerce': {
        const inner = this.instantiate(body.module, bound, prefix);
        return inner && { code: inner.code, info: this.coerceInfo(inner.info, body.coercion, body.span) };
      }
      default:
        return null;
    }
  }

  private component(info: ModInfo, pos: number, span: Span): Binding {
    if (info.kind === 'static') {
      const b = info.exports[pos];
      if (!b) throw internal(`structure has no component ${pos}`, span);
      return b;
    }
    // A component of a run-time structure: could be a value or a module; both are
    // reached by a field load, and a module used as a path stays dynamic.
    return { kind: 'module', info: { kind: 'dynamic', lam: { k: 'field', obj: info.lam, index: pos } } };
  }

  private modulePath(p: ModulePath, span: Span): ModInfo {
    if (p.kind === 'mlocal') {
      const b = this.binding(p.id, span);
      if (b.kind !== 'module') throw internal(`${p.id.name} is not a module`, span);
      return b.info;
    }
    const base = this.modulePath(p.base, span);
    const b = this.component(base, p.pos, span);
    return b.kind === 'module' ? b.info : { kind: 'dynamic', lam: b.lam };
  }

  /** The run-time value of a module. */
  private moduleLam(info: ModInfo): Lam {
    if (info.kind !== 'static') return info.lam;
    return { k: 'block', tag: 0, fields: info.exports.map((b) => (b.kind === 'value' ? b.lam : this.moduleLam(b.info))) };
  }

  private moduleExpr(m: TModExpr): Lam {
    switch (m.kind) {
      case 'path':
        return this.moduleLam(this.modulePath(m.path, m.span));
      case 'struct':
        return this.localStruct(m.items, 0, m.exports, m.span);
      case 'functor': {
        const param = m.param;
        this.env.set(param.stamp, { kind: 'module', info: { kind: 'dynamic', lam: { k: 'var', id: param } } });
        return { k: 'fun', fun: { name: `functor_${param.name}`, params: [param], body: this.moduleExpr(m.body), span: m.span } };
      }
      case 'apply':
        return { k: 'apply', fn: this.moduleExpr(m.fn), args: [this.moduleExpr(m.arg)] };
      case 'coerce':
        return this.coerceLam(this.moduleExpr(m.module), m.coercion);
    }
  }

  private coerceLam(value: Lam, c: Coercion): Lam {
    switch (c.kind) {
      case 'identity':
        return value;
      case 'struct': {
        const tmp = fresh('coerced');
        const src: Lam = { k: 'var', id: tmp };
        const fields = c.fields.map((f) => this.coerceLam({ k: 'field', obj: src, index: f.pos }, f.coercion));
        return { k: 'let', id: tmp, value, body: { k: 'block', tag: 0, fields } };
      }
      case 'functor': {
        const f = fresh('functor');
        const x = fresh('arg');
        const body: Lam = this.coerceLam({ k: 'apply', fn: { k: 'var', id: f }, args: [this.coerceLam({ k: 'var', id: x }, c.arg)] }, c.result);
        return { k: 'let', id: f, value, body: { k: 'fun', fun: { name: 'coerced_functor', params: [x], body, span: ghostSpan } } };
      }
    }
  }

  /** A structure inside a functor or `let module`: a chain of lets ending in its block. */
  private localStruct(items: TStructItem[], i: number, exports: Ident[], span: Span): Lam {
    if (i === items.length) {
      return {
        k: 'block',
        tag: 0,
        fields: exports.map((id) => {
          // let-bound values of a local structure are plain variables
          const b = this.env.get(id.stamp);
          if (!b) return { k: 'var', id } as Lam;
          return b.kind === 'value' ? b.lam : this.moduleLam(b.info);
        }),
      };
    }
    const item = items[i]!;
    const rest = (): Lam => this.localStruct(items, i + 1, exports, span);
    switch (item.kind) {
      case 'let':
        return this.letBindings(item.rec, item.bindings, rest);
      case 'eval':
        return seqs({ k: 'prim', op: 'ignore', args: [this.expr(item.expr)] }, rest());
      case 'exception':
        this.env.set(item.id.stamp, { kind: 'value', lam: { k: 'var', id: item.id } });
        return { k: 'let', id: item.id, value: this.newExnIdentity(item.name), body: rest() };
      case 'exceptionalias':
        this.env.set(item.id.stamp, { kind: 'value', lam: this.valuePath(item.path, item.span) });
        return rest();
      case 'external':
        this.env.set(item.id.stamp, { kind: 'value', lam: this.primValue(item.prim, item.arity, item.span) });
        return rest();
      case 'module': {
        const info = this.staticModule(item.module);
        if (info) {
          this.env.set(item.id.stamp, { kind: 'module', info });
          return rest();
        }
        const value = this.moduleExpr(item.module);
        this.env.set(item.id.stamp, { kind: 'module', info: { kind: 'dynamic', lam: { k: 'var', id: item.id } } });
        return { k: 'let', id: item.id, value, body: rest() };
      }
      case 'include': {
        const info = this.staticModule(item.module);
        if (info) {
          this.bindIncluded(item.ids, info, item.span);
          return rest();
        }
        const tmp = fresh('include');
        const value = this.moduleExpr(item.module);
        this.bindIncluded(item.ids, { kind: 'dynamic', lam: { k: 'var', id: tmp } }, item.span);
        return { k: 'let', id: tmp, value, body: rest() };
      }
    }
  }

  private newExnIdentity(name: string): Lam {
    return { k: 'prim', op: 'new_exn_id', args: [stringConst(name)] };
  }

  // -------------------------------------------------------------------------
  // Values

  private valuePath(p: ValuePath, span: Span): Lam {
    switch (p.kind) {
      case 'local': {
        const b = this.env.get(p.id.stamp);
        if (!b) return { k: 'var', id: p.id };
        if (b.kind === 'value') return b.lam;
        // a component of a run-time structure (brought in by `include`): its field load
        if (b.info.kind !== 'static') return b.info.lam;
        throw internal(`${p.id.name} is a module, not a value`, span);
      }
      case 'dot': {
        const info = this.modulePath(p.module, span);
        const b = this.component(info, p.pos, span);
        if (b.kind === 'value') return b.lam;
        // dynamic component: the field load is the value
        return this.moduleLam(b.info);
      }
      case 'prim':
        return this.primValue(p.name, p.arity, span);
    }
  }

  /** A primitive used as a first-class value: a function that applies it. */
  private primValue(name: string, arity: number, span: Span): Lam {
    if (name.startsWith('exn:')) return { k: 'prim', op: 'predef_exn', args: [stringConst(name.slice(4))] };
    checkPrimitive(name, arity, span);
    if (arity === 0) return { k: 'prim', op: name, args: [], span };
    const params = Array.from({ length: arity }, (_, i) => fresh(`p${i}`));
    const body = this.prim(name, params.map((id) => ({ k: 'var', id }) as Lam), span);
    return { k: 'fun', fun: { name, params, body, span } };
  }

  private prim(name: string, args: Lam[], span: Span): Lam {
    switch (name) {
      case '%sequand':
        return { k: 'if', cond: args[0]!, then: args[1]!, else: int(0) };
      case '%sequor':
        return { k: 'if', cond: args[0]!, then: int(1), else: args[1]! };
      case '%raise':
      case '%reraise':
      case '%raise_notrace':
        return { k: 'raise', exn: args[0]! };
      case '%identity':
        return args[0]!;
      case '%revapply':
        return { k: 'apply', fn: args[1]!, args: [args[0]!] };
      case '%apply':
        return { k: 'apply', fn: args[0]!, args: [args[1]!] };
      case '%ignore':
        return { k: 'prim', op: 'ignore', args };
      default:
        return { k: 'prim', op: name, args, span };
    }
  }

  private noteRepr(id: Ident, ty: Type): void {
    const r = reprOf(ty);
    if (r !== 'any') this.reprs.set(id.stamp, r);
  }

  expr(e: TExpr): Lam {
    switch (e.kind) {
      case 'const':
        return constant(e.value);
      case 'var':
        return this.valuePath(e.path, e.span);
      case 'let':
        return this.letBindings(e.rec, e.bindings, () => this.expr(e.body));
      case 'fun':
        return { k: 'fun', fun: this.lowerFun(e, 'fun') };
      case 'apply':
        return this.apply(e);
      case 'match':
        return this.match(e);
      case 'try': {
        const exn = fresh('exn');
        const handler = this.cases(e.cases, { k: 'var', id: exn }, { k: 'raise', exn: { k: 'var', id: exn } });
        return { k: 'try', body: this.expr(e.body), id: exn, handler };
      }
      case 'tuple':
        return { k: 'block', tag: 0, fields: e.items.map((x) => this.expr(x)) };
      case 'construct': {
        const c = e.ctor;
        if (c.exn) {
          const id = this.valuePath(c.exn, e.span);
          if (c.constant) return id;
          return { k: 'block', tag: 0, fields: [id, ...e.args.map((x) => this.expr(x))] };
        }
        if (c.constant) return int(c.tag);
        return { k: 'block', tag: c.tag, fields: e.args.map((x) => this.expr(x)) };
      }
      case 'record': {
        const float = isFloatRecord(e.ty);
        const tag = float ? FLOAT_RECORD_TAG : 0;
        if (!e.base) return { k: 'block', tag, fields: e.fields.map((f) => this.expr(f!)) };
        const base = fresh('base');
        const fields = e.fields.map((f, i): Lam => (f ? this.expr(f) : { k: 'field', obj: { k: 'var', id: base }, index: i, float }));
        return { k: 'let', id: base, value: this.expr(e.base), body: { k: 'block', tag, fields } };
      }
      case 'field':
        return { k: 'field', obj: this.expr(e.record), index: e.label.pos, float: isFloatRecord(e.record.ty) };
      case 'setfield': {
        const float = isFloatRecord(e.record.ty);
        return { k: 'setfield', obj: this.expr(e.record), index: e.label.pos, value: this.expr(e.value), float };
      }
      case 'array':
        return { k: 'block', tag: 0, fields: e.items.map((x) => this.expr(x)) };
      case 'if':
        return { k: 'if', cond: this.expr(e.cond), then: this.expr(e.then), else: e.else ? this.expr(e.else) : unit };
      case 'seq':
        return seqs(this.expr(e.first), this.expr(e.second));
      case 'while':
        return { k: 'while', cond: this.expr(e.cond), body: this.expr(e.body) };
      case 'for':
        this.reprs.set(e.id.stamp, 'int');
        return { k: 'for', id: e.id, from: this.expr(e.from), to: this.expr(e.to), down: e.down, body: this.expr(e.body) };
      case 'assert': {
        const fail: Lam = { k: 'raise', exn: this.locatedExn('Assert_failure', e.span) };
        if (e.isFalse) return fail;
        return { k: 'if', cond: this.expr(e.expr), then: unit, else: fail };
      }
      case 'letmodule': {
        const info = this.staticModule(e.module);
        if (info) {
          this.env.set(e.id.stamp, { kind: 'module', info });
          return this.expr(e.body);
        }
        const value = this.moduleExpr(e.module);
        this.env.set(e.id.stamp, { kind: 'module', info: { kind: 'dynamic', lam: { k: 'var', id: e.id } } });
        return { k: 'let', id: e.id, value, body: this.expr(e.body) };
      }
      case 'letexception':
        return { k: 'let', id: e.id, value: this.newExnIdentity(e.name), body: this.expr(e.body) };
    }
  }

  /** Merges a nest of one-parameter `fun`s into one function of up to MAX_ARITY. */
  private lowerFun(e: TExpr & { kind: 'fun' }, name: string): LFun {
    const params: Ident[] = [];
    // `fun (a, b) (c, d) -> ..`: a parameter taken apart by an irrefutable
    // pattern before the next `fun` is destructured on entry instead, so that
    // the function still takes all its parameters at once
    const destructured: { pat: TPattern; param: Ident }[] = [];
    let body: TExpr = e;
    while (params.length < MAX_ARITY) {
      if (body.kind === 'fun') {
        const t = expandHead(body.ty);
        if (t.kind === 'arrow') this.noteRepr(body.param, t.param);
        params.push(body.param);
        body = body.body;
        continue;
      }
      const last = params[params.length - 1];
      const only = body.kind === 'match' && body.exnCases.length === 0 && body.cases.length === 1 ? body.cases[0]! : null;
      if (
        only && last && !only.guard && irrefutable(only.pat) && readsNoMutable(only.pat) && only.body.kind === 'fun' &&
        body.kind === 'match' && body.scrutinee.kind === 'var' && body.scrutinee.path.kind === 'local' &&
        body.scrutinee.path.id.stamp === last.stamp
      ) {
        destructured.push({ pat: only.pat, param: last });
        body = only.body;
        continue;
      }
      break;
    }
    let lam = this.expr(body);
    for (const d of destructured.reverse()) lam = seqs(testPattern(this, d.pat, { k: 'var', id: d.param }, unit), lam);
    return { name, params, body: lam, span: e.span };
  }

  private letBindings(rec: boolean, bindings: { pat: TPattern; expr: TExpr }[], body: () => Lam): Lam {
    if (rec) {
      const funs: { id: Ident; fun: LFun }[] = [];
      for (const b of bindings) {
        const id = b.pat.kind === 'var' ? b.pat.id : b.pat.kind === 'alias' ? b.pat.id : null;
        if (!id) throw internal('let rec binds a non-variable pattern', b.pat.span);
        this.env.delete(id.stamp);
      }
      const others: { id: Ident; value: Lam }[] = [];
      for (const b of bindings) {
        const id = (b.pat as { id: Ident }).id;
        if (b.expr.kind === 'fun') funs.push({ id, fun: this.lowerFun(b.expr, id.name) });
        // `let rec x = 1 :: x` style values are outside the subset's needs; keep
        // them correct when they do not refer to themselves.
        else others.push({ id, value: this.expr(b.expr) });
      }
      let result: Lam = funs.length > 0 ? { k: 'letrec', binds: funs, body: body() } : body();
      for (const o of others.reverse()) result = { k: 'let', id: o.id, value: o.value, body: result };
      return result;
    }
    // Evaluate all right-hand sides before binding (`let x = .. and y = ..`).
    const values = bindings.map((b) => ({ pat: b.pat, value: this.expr(b.expr), span: b.expr.span }));
    const bindOne = (i: number): Lam => {
      if (i === values.length) return body();
      const { pat, value, span } = values[i]!;
      if (pat.kind === 'var') {
        this.noteRepr(pat.id, pat.ty);
        const rest = bindOne(i + 1);
        return { k: 'let', id: pat.id, value, body: rest };
      }
      const tmp = fresh('let');
      const test = this.matchOrFail(pat, { k: 'var', id: tmp }, span);
      return { k: 'let', id: tmp, value, body: seqs(test, bindOne(i + 1)) };
    };
    if (values.length > 1 && values.some((v) => v.pat.kind !== 'var')) {
      // bind all values first so later patterns cannot see earlier variables
      const tmps = values.map(() => fresh('and'));
      let inner = body();
      for (let i = values.length - 1; i >= 0; i--) {
        const { pat, span } = values[i]!;
        inner = seqs(this.matchOrFail(pat, { k: 'var', id: tmps[i]! }, span), inner);
      }
      for (let i = values.length - 1; i >= 0; i--) inner = { k: 'let', id: tmps[i]!, value: values[i]!.value, body: inner };
      return inner;
    }
    return bindOne(0);
  }

  /** Tests an irrefutable-in-practice pattern, raising Match_failure if it fails. */
  private matchOrFail(pat: TPattern, v: Lam, span: Span): Lam {
    if (pat.kind === 'var') return { k: 'assign', id: pat.id, value: v };
    const fail: Lam = { k: 'raise', exn: this.locatedExn('Match_failure', span) };
    if (irrefutable(pat)) return testPattern(this, pat, v, fail);
    const label = this.freshLabel();
    return { k: 'catch', label, body: testPattern(this, pat, v, { k: 'exit', label }), handler: fail };
  }

  /** `Match_failure ("file.ml", line, col)`, OCaml's located exceptions. */
  private locatedExn(name: string, span: Span): Lam {
    const src = sourceOf(span.file);
    const pos = src ? src.position(span.start) : { line: 0, col: 0 };
    const file = span.file.split('/').pop() ?? span.file;
    const loc: Lam = { k: 'block', tag: 0, fields: [stringConst(file), int(pos.line), int(pos.col)] };
    return { k: 'block', tag: 0, fields: [{ k: 'prim', op: 'predef_exn', args: [stringConst(name)] }, loc] };
  }

  private match(e: TExpr & { kind: 'match' }): Lam {
    const failure: Lam = { k: 'raise', exn: this.locatedExn('Match_failure', e.span) };
    const v = fresh('scrut');
    if (e.exnCases.length === 0) {
      return { k: 'let', id: v, value: this.expr(e.scrutinee), body: this.cases(e.cases, { k: 'var', id: v }, failure) };
    }
    // match e with p -> a | exception q -> b:
    //   catch L { let v = try e with x -> (r := handle x; exit L) in r := cases v } ; r
    const r = fresh('result');
    const exn = fresh('exn');
    const label = this.freshLabel();
    const handled = this.cases(e.exnCases, { k: 'var', id: exn }, { k: 'raise', exn: { k: 'var', id: exn } });
    const tryExpr: Lam = {
      k: 'try',
      body: this.expr(e.scrutinee),
      id: exn,
      handler: { k: 'seq', first: { k: 'assign', id: r, value: handled }, second: { k: 'exit', label } },
    };
    const body: Lam = { k: 'let', id: v, value: tryExpr, body: { k: 'assign', id: r, value: this.cases(e.cases, { k: 'var', id: v }, failure) } };
    return { k: 'let', id: r, value: unit, body: seqs({ k: 'catch', label, body, handler: unit }, { k: 'var', id: r }) };
  }

  /** Tries each case in order; `failure` when none matches. */
  private cases(cases: TCase[], v: Lam, failure: Lam): Lam {
    return this.switchCases(cases, v, failure) ?? this.caseChain(cases, v, failure, false);
  }

  /**
   * Cases that start with constructors of one variant type (then, possibly,
   * catch-all cases) dispatch on the constructor first: a `switch` whose arms try
   * the cases of their constructor in order, falling to the catch-all cases.
   */
  private switchCases(cases: TCase[], v: Lam, failure: Lam): Lam | null {
    if (v.k !== 'var') return null;
    let firstCatchAll = cases.findIndex((c) => c.pat.kind !== 'construct');
    if (firstCatchAll < 0) firstCatchAll = cases.length;
    const heads = cases.slice(0, firstCatchAll) as (TCase & { pat: { kind: 'construct' } })[];
    const rest = cases.slice(firstCatchAll);
    if (rest.some((c) => c.pat.kind !== 'any' && c.pat.kind !== 'var')) return null;
    if (heads.some((c) => c.pat.ctor.exn)) return null;
    const distinct = new Set(heads.map((c) => `${c.pat.ctor.constant}:${c.pat.ctor.tag}`)).size;
    if (distinct < 3) return null;
    const fallback = this.freshLabel();
    const arms = (constant: boolean): { tag: number; body: Lam }[] => {
      const tags = [...new Set(heads.filter((c) => c.pat.ctor.constant === constant).map((c) => c.pat.ctor.tag))];
      return tags.map((tag) => ({ tag, cases: heads.filter((c) => c.pat.ctor.constant === constant && c.pat.ctor.tag === tag) }))
        .map(({ tag, cases: cs }) => ({ tag, body: this.caseChain(cs, v, { k: 'exit', label: fallback }, true) }));
    };
    const sw: Lam = { k: 'switch', arg: v, consts: arms(true), blocks: arms(false), fallback: { k: 'exit', label: fallback } };
    return { k: 'catch', label: fallback, body: sw, handler: this.caseChain(rest, v, failure, false) };
  }

  /** Tries each case in order; `headKnown`: their constructor is known to match. */
  private caseChain(cases: TCase[], v: Lam, failure: Lam, headKnown: boolean): Lam {
    let result = failure;
    for (let i = cases.length - 1; i >= 0; i--) {
      const c = cases[i]!;
      const label = this.freshLabel();
      const next: Lam = { k: 'exit', label };
      const known = headKnown && c.pat.kind === 'construct';
      const test = known ? testArguments(this, c.pat as TPattern & { kind: 'construct' }, v, next) : testPattern(this, c.pat, v, next);
      const body = this.expr(c.body);
      const guarded: Lam = c.guard ? { k: 'if', cond: this.expr(c.guard), then: body, else: next } : body;
      const attempt = seqs(test, guarded);
      const sure = known ? (c.pat as TPattern & { kind: 'construct' }).args.every(irrefutable) : irrefutable(c.pat);
      result = sure && !c.guard ? attempt : { k: 'catch', label, body: attempt, handler: result };
    }
    return result;
  }

  private apply(e: TExpr & { kind: 'apply' }): Lam {
    // Arguments left out (labels applied out of order, partially) become parameters.
    if (e.args.some((a) => a === null)) {
      const lets: { id: Ident; value: Lam }[] = [];
      const params: Ident[] = [];
      const fnId = fresh('f');
      lets.push({ id: fnId, value: this.expr(e.fn) });
      const args: Lam[] = e.args.map((a) => {
        if (a === null) {
          const p = fresh('arg');
          params.push(p);
          return { k: 'var', id: p } as Lam;
        }
        const id = fresh('a');
        lets.push({ id, value: this.expr(a) });
        return { k: 'var', id } as Lam;
      });
      let result: Lam = { k: 'fun', fun: { name: 'partial', params, body: { k: 'apply', fn: { k: 'var', id: fnId }, args }, span: e.span } };
      for (const l of lets.reverse()) result = { k: 'let', id: l.id, value: l.value, body: result };
      return result;
    }
    const args = (e.args as TExpr[]).map((a) => this.expr(a));
    if (e.fn.kind === 'var' && e.fn.path.kind === 'prim') {
      checkPrimitive(e.fn.path.name, e.fn.path.arity, e.fn.span);
      const arity = primArity(e.fn.path.name, e.fn.path.arity);
      if (args.length === arity) {
        const special = args.length === 2 ? specialisedComparison(e.fn.path.name, e.args[0]!.ty) : null;
        const prim = this.prim(special ?? e.fn.path.name, args, e.span);
        if (prim.k === 'prim' && prim.op === '%makemutable') return { ...prim, repr: reprOf(e.args[0]!.ty) };
        return prim;
      }
      if (args.length > arity) {
        const head = this.prim(e.fn.path.name, args.slice(0, arity), e.span);
        return { k: 'apply', fn: head, args: args.slice(arity) };
      }
    }
    return { k: 'apply', fn: this.expr(e.fn), args };
  }
}

/** Polymorphic comparisons at int-like or float type become direct instructions,
 *  as OCaml's translcore does. (`compare` on floats stays generic: nan ordering.) */
function specialisedComparison(prim: string, argType: Type): string | null {
  const ops: Record<string, string> = {
    '%equal': 'eq', '%notequal': 'ne', '%lessthan': 'lt', '%lessequal': 'le',
    '%greaterthan': 'gt', '%greaterequal': 'ge', '%compare': 'compare', '%eq': 'eq', '%noteq': 'ne',
  };
  const op = ops[prim];
  if (!op) return null;
  const t = expandHead(argType);
  if (t.kind !== 'constr' || t.path.kind !== 'pident') return null;
  const stamp = t.path.id.stamp;
  if ([idInt, idChar, idBool, idUnit].some((id) => id.stamp === stamp)) return `int_${op}`;
  if (stamp === idFloat.stamp && op !== 'compare' && !prim.startsWith('%eq') && prim !== '%noteq') return `float_${op}`;
  return null;
}

/** How values of a type are represented: int-like types and float are known. */
function reprOf(ty: Type): Repr {
  const t = expandHead(ty);
  if (t.kind !== 'constr' || t.path.kind !== 'pident') return 'any';
  const stamp = t.path.id.stamp;
  if ([idInt, idChar, idBool, idUnit].some((id) => id.stamp === stamp)) return 'int';
  return stamp === idFloat.stamp ? 'float' : 'any';
}

const ghostSpan: Span = { file: '', start: 0, end: 0, ghost: true };

function seqs(first: Lam, second: Lam): Lam {
  return first === unit ? second : { k: 'seq', first, second };
}

function stringConst(s: string): Lam {
  return { k: 'const', c: { kind: 'string', value: new TextEncoder().encode(s) } };
}

function constant(c: import('../syntax/ast.ts').Constant): Lam {
  let out: Const;
  switch (c.kind) {
    case 'int':
      out = { kind: 'int', value: c.value };
      break;
    case 'char':
      out = { kind: 'int', value: BigInt(c.value) };
      break;
    case 'float':
      out = { kind: 'float', value: c.value };
      break;
    case 'string':
      out = { kind: 'string', value: c.value };
      break;
  }
  return { k: 'const', c: out };
}

/** True when matching the pattern reads no mutable field (so it can be done later). */
function readsNoMutable(p: TPattern): boolean {
  switch (p.kind) {
    case 'alias':
      return readsNoMutable(p.pat);
    case 'tuple':
    case 'array':
      return p.items.every(readsNoMutable);
    case 'construct':
      return p.args.every(readsNoMutable);
    case 'record':
      return p.fields.every((f) => !f.label.mutable && readsNoMutable(f.pat));
    case 'or':
      return readsNoMutable(p.left) && readsNoMutable(p.right);
    default:
      return true;
  }
}

/** The variables a pattern binds, in order (or-patterns: the left side's). */
function collectVars(p: TPattern, out: Ident[]): void {
  out.push(...patternVars(p).values());
}

/** A copy of a pattern whose variables are replaced (by stamp) with fresh ones. */
function renamePattern(p: TPattern, map: Map<number, Ident>): TPattern {
  const r = (q: TPattern): TPattern => renamePattern(q, map);
  switch (p.kind) {
    case 'var':
      return { ...p, id: map.get(p.id.stamp) ?? p.id };
    case 'alias':
      return { ...p, id: map.get(p.id.stamp) ?? p.id, pat: r(p.pat) };
    case 'tuple':
    case 'array':
      return { ...p, items: p.items.map(r) };
    case 'construct':
      return { ...p, args: p.args.map(r) };
    case 'record':
      return { ...p, fields: p.fields.map((f) => ({ label: f.label, pat: r(f.pat) })) };
    case 'or':
      // the right side binds other stamps under the same names: matchcomp maps
      // them by name to the left side's (renamed) variables
      return { ...p, left: r(p.left), right: r(p.right) };
    default:
      return p;
  }
}

/** A primitive named by an interface's `external` (a functor parameter's, say) that mlc lacks. */
function checkPrimitive(name: string, declared: number, span: Span): void {
  const problem = name.startsWith('exn:') ? null : primitiveProblem(name, declared);
  if (problem) throw new CompileError([error('type', span, problem.message, problem.notes)]);
}

export function internal(message: string, span: Span): Error {
  const where = span.file ? ` at ${span.file}:${span.start}` : '';
  return new Error(`internal error in lowering: ${message}${where}`);
}
