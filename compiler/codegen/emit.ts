// Code generation: Lambda -> WebAssembly text (with the GC, tail-call and
// exception-handling proposals), which binaryen.ts parses, optimises and encodes.
//
// - Every value is an `eqref` (rts.ts describes the representation). Inside one
//   expression, operands of integer, float and boolean primitives are kept
//   unboxed (`i64`, `f64`, `i32`) and boxed only where a value escapes. A
//   variable of known int or float type (`Program.reprs`) lives in an `i64` or
//   `f64` local when its value is produced unboxed or it is assigned (a local
//   reference); otherwise an unboxed copy is made once where it is first needed.
// - Each `LFun` becomes a Wasm function `(self, a1 .. aN) -> eqref` of type
//   `$FnN`. Its free variables are copied out of the closure into locals on entry.
//   A function without free variables gets a static closure (a constant global),
//   so it allocates nothing; a call to a known function with enough arguments is
//   a direct `call`, and a call in tail position is a `return_call`.
// - Static exits (`catch`/`exit`) are Wasm blocks and branches; OCaml exceptions
//   are `throw $ocaml` and `try_table`.

import type { Ident } from '../typing/typedtree.ts';
import { type Const, type Lam, type LFun, type Program, type Repr, subterms } from '../lowering/lambda.ts';
import { MAX_ARITY, predefinedExceptions, runtimeFunctions, runtimeStrings, runtimeTypes } from './rts.ts';
import { hostMath1, hostMath2, prims, type Form } from './prims.ts';
import { FLOAT_RECORD_TAG } from '../lowering/layout.ts';

interface FunInfo {
  readonly wasmName: string;
  readonly arity: number;
}

/** The Wasm type of a local: a uniform value, or an unboxed int or float. */
type LocalType = 'eqref' | 'i64' | 'f64';

/** Where a variable lives while compiling one function. */
type VarHome = { kind: 'local'; name: string; type: LocalType } | { kind: 'static'; global: string };

function sanitize(name: string): string {
  return name.replace(/[^A-Za-z0-9_.]/g, (c) => `_${c.charCodeAt(0).toString(16)}`);
}

function local(id: Ident): string {
  return `$v${id.stamp}_${sanitize(id.name)}`;
}

function floatLiteral(x: number): string {
  if (Number.isNaN(x)) return 'nan';
  if (x === Infinity) return 'inf';
  if (x === -Infinity) return '-inf';
  if (Object.is(x, -0)) return '-0.0';
  return String(x);
}

const UNIT = '(ref.i31 (i32.const 0))';

/** Free variables of a function: referenced, not bound inside (nor in nested functions). */
class FreeVars {
  private readonly memo = new WeakMap<LFun, Ident[]>();

  of(fun: LFun): Ident[] {
    const cached = this.memo.get(fun);
    if (cached) return cached;
    const refs = new Map<number, Ident>();
    const bound = new Set<number>(fun.params.map((p) => p.stamp));
    this.walk(fun.body, refs, bound);
    const result = [...refs.values()].filter((id) => !bound.has(id.stamp));
    this.memo.set(fun, result);
    return result;
  }

  private walk(l: Lam, refs: Map<number, Ident>, bound: Set<number>): void {
    const w = (x: Lam): void => this.walk(x, refs, bound);
    switch (l.k) {
      case 'var':
        refs.set(l.id.stamp, l.id);
        return;
      case 'let':
        bound.add(l.id.stamp);
        w(l.value);
        w(l.body);
        return;
      case 'assign':
        bound.add(l.id.stamp);
        w(l.value);
        return;
      case 'letrec':
        for (const b of l.binds) bound.add(b.id.stamp);
        for (const b of l.binds) for (const id of this.of(b.fun)) refs.set(id.stamp, id);
        w(l.body);
        return;
      case 'fun':
        for (const id of this.of(l.fun)) refs.set(id.stamp, id);
        return;
      case 'for':
        bound.add(l.id.stamp);
        w(l.from);
        w(l.to);
        w(l.body);
        return;
      case 'try':
        bound.add(l.id.stamp);
        w(l.body);
        w(l.handler);
        return;
      default:
        for (const c of subterms(l, false)) w(c);
    }
  }
}


/** Per-function state: its locals and where each variable lives. */
class FunctionScope {
  readonly locals = new Map<string, string>(); // name -> wasm type
  readonly homes = new Map<number, VarHome>();
  /** Immutable `eqref` variables of known int or float type that may get an unboxed copy. */
  readonly shadowable = new Set<number>();
  /** The unboxed copies asked for, by stamp; set where the variable is bound. */
  readonly shadows = new Map<number, { name: string; type: 'i64' | 'f64' }>();
  private counter = 0;

  temp(type: string): string {
    const name = `$t${this.counter++}`;
    this.locals.set(name, type);
    return name;
  }

  /** A local for a value used twice right after it is computed (boxing, unboxing). */
  scratch(type: 'i64' | 'eqref'): string {
    const name = type === 'i64' ? '$scratch_i' : '$scratch_v';
    this.locals.set(name, type);
    return name;
  }

  /** The local holding `id`, declared on first use (parameters are already homed). */
  declare(id: Ident): string {
    const home = this.homes.get(id.stamp);
    if (home?.kind === 'local') return home.name;
    return this.declareTyped(id, 'eqref');
  }

  declareTyped(id: Ident, type: LocalType): string {
    const name = type === 'eqref' ? local(id) : `${local(id)}_${type}`;
    this.homes.set(id.stamp, { kind: 'local', name, type });
    this.locals.set(name, type);
    return name;
  }

  /** The code that sets the unboxed copy of `id`, if one was asked for. */
  shadowInit(id: Ident): string {
    const sh = this.shadows.get(id.stamp);
    if (!sh) return '';
    const home = this.homes.get(id.stamp) as VarHome & { kind: 'local' };
    const unbox = sh.type === 'i64' ? '$int_of' : '$float_of';
    return `(local.set ${sh.name} (call ${unbox} (local.get ${home.name})))`;
  }
}

export class Emitter {
  private readonly functions: string[] = [];
  private readonly globalsText: string[] = [];
  private readonly initText: string[] = [];
  private readonly dataText: string[] = [];
  private readonly envTypes = new Map<string, string>();
  private readonly strings = new Map<string, string>();
  private readonly freeVars = new FreeVars();
  /** Known functions by variable stamp or global name, for direct calls. */
  private readonly knownVars = new Map<number, FunInfo>();
  private readonly knownGlobals = new Map<string, FunInfo>();
  /** Globals that hold a static closure (immutable, typed). */
  private readonly staticGlobals = new Set<string>();
  private funCounter = 0;
  private labelCounter = 0;
  private scope = new FunctionScope();
  private reprs = new Map<number, Repr>();
  private mutableVars = new Set<number>();

  emitProgram(prog: Program): string {
    this.reprs = prog.reprs;
    this.mutableVars = prog.mutableVars;
    const assignedOnce = this.findStaticFunctionGlobals(prog.init);
    for (const g of prog.globals) {
      if (!assignedOnce.has(g)) this.globalsText.push(`(global $${sanitize(g)} (mut eqref) (ref.null none))`);
    }
    this.scope = new FunctionScope();
    const body = this.compile(prog.init, false);
    const mainLocals = this.localDecls();
    const mainFn = `(func $main (export "main")
  ${mainLocals}
  (call $init)
  (drop ${body}))`;
    for (const [name, text] of Object.entries(runtimeStrings)) this.stringGlobal(new TextEncoder().encode(text), name);
    const exnInit = predefinedExceptions.map(
      (n) => `(global.set $exn_${n} (call $new_exn_id ${this.stringConst(new TextEncoder().encode(n))}))`,
    );
    const exnGlobals = predefinedExceptions.map((n) => `(global $exn_${n} (mut eqref) (ref.null none))`);
    const extra = this.extraRuntime(); // may add string constants: before printing globals
    return `(module
${this.imports()}
${runtimeTypes()}
${[...this.envTypes.values()].join('\n')}
${exnGlobals.join('\n')}
${this.globalsText.join('\n')}
${this.dataText.join('\n')}
${runtimeFunctions()}
${extra}
(func $init
  ${this.initText.join('\n  ')}
  ${exnInit.join('\n  ')})
${this.functions.join('\n')}
${mainFn}
)`;
  }

  private imports(): string {
    const math1 = hostMath1.map((n) => `(import "math" "${n}" (func $math_${n} (param f64) (result f64)))`);
    const math2 = hostMath2.map((n) => `(import "math" "${n}" (func $math_${n} (param f64 f64) (result f64)))`);
    return [
      '(import "mlc" "write" (func $host_write (param i32 i32)))',
      '(import "mlc" "exit" (func $host_exit (param i32)))',
      '(import "mlc" "format_int" (func $host_format_int (param i32 i64) (result i32)))',
      '(import "mlc" "format_float" (func $host_format_float (param i32 f64 i32) (result i32)))',
      '(import "mlc" "int_of_string" (func $host_int_of_string (param i32) (result i32)))',
      '(import "mlc" "float_of_string" (func $host_float_of_string (param i32) (result i32)))',
      '(import "math" "round" (func $math_round (param f64) (result f64)))',
      '(import "mlc" "clock_monotonic" (func $host_clock_monotonic (result i64)))',
      '(import "mlc" "clock_wall" (func $host_clock_wall (result i64)))',
      '(import "mlc" "entropy" (func $host_entropy (param i32)))',
      '(import "mlc" "device_request" (func $host_device_request (param i32 i32 i32 i64 i64 i32) (result i32)))',
      ...math1,
      ...math2,
    ].join('\n');
  }

  /** Runtime pieces that call host imports: conversions through the io memory. */
  private extraRuntime(): string {
    return String.raw`
(func $format_int (param $fmt eqref) (param $n eqref) (result eqref)
  (call $string_of_io (call $host_format_int (call $copy_string_arg (local.get $fmt)) (call $int_of (local.get $n)))))
(func $format_float (param $fmt eqref) (param $x eqref) (result eqref)
  (local $f f64)
  (local.set $f (call $float_of (local.get $x)))
  ;; the sign bit travels apart: a NaN's sign may not survive the trip to JavaScript
  (call $string_of_io (call $host_format_float (call $copy_string_arg (local.get $fmt)) (local.get $f)
    (i32.wrap_i64 (i64.shr_u (i64.reinterpret_f64 (local.get $f)) (i64.const 63))))))
(func $int_of_string (param $s eqref) (result eqref)
  (if (i32.eqz (call $host_int_of_string (call $copy_string_arg (local.get $s))))
    (then (drop (call $failure ${this.stringConst(new TextEncoder().encode('int_of_string'))}))))
  (call $box_int (i64.load (i32.const 0))))
(func $device_request (param $dev eqref) (param $op eqref) (param $id eqref) (param $a eqref) (param $b eqref) (param $payload eqref) (result eqref)
  (ref.i31 (call $host_device_request (call $int32_of (local.get $dev)) (call $int32_of (local.get $op)) (call $int32_of (local.get $id))
    (call $int_of (local.get $a)) (call $int_of (local.get $b)) (call $copy_string_arg (local.get $payload)))))
(func $entropy (param $n eqref) (result eqref)
  (local $len i32)
  (local.set $len (call $int32_of (local.get $n)))
  (call $io_reserve (local.get $len))
  (call $host_entropy (local.get $len))
  (call $string_of_io (local.get $len)))
(func $io_read (param $n eqref) (result eqref)
  (call $string_of_io (call $int32_of (local.get $n))))
(func $float_of_string (param $s eqref) (result eqref)
  (if (i32.eqz (call $host_float_of_string (call $copy_string_arg (local.get $s))))
    (then (drop (call $failure ${this.stringConst(new TextEncoder().encode('float_of_string'))}))))
  (struct.new $Float (f64.load (i32.const 0))))
`;
  }

  // -------------------------------------------------------------------------
  // Toplevel functions that need no closure allocation

  /**
   * Globals assigned exactly once with a closed function become constant
   * closures, so calls to them are direct and references allocate nothing.
   */
  private findStaticFunctionGlobals(init: Lam): Set<string> {
    const count = new Map<string, number>();
    const funs = new Map<string, LFun>();
    const visit = (l: Lam): void => {
      if (l.k === 'setglobal') {
        count.set(l.name, (count.get(l.name) ?? 0) + 1);
        if (l.value.k === 'fun') funs.set(l.name, l.value.fun);
      }
      if (l.k === 'fun' || l.k === 'letrec') return; // toplevel assignments only
      for (const c of subterms(l, false)) visit(c);
    };
    visit(init);
    const result = new Set<string>();
    for (const [g, fun] of funs) {
      if (count.get(g) !== 1 || this.freeVars.of(fun).length > 0) continue;
      result.add(g);
      const name = this.functionName(fun);
      this.knownGlobals.set(g, { wasmName: name, arity: fun.params.length });
      this.staticGlobals.add(g);
      this.pendingStatic.set(g, { fun, name });
    }
    return result;
  }

  private readonly pendingStatic = new Map<string, { fun: LFun; name: string }>();

  private functionName(fun: LFun): string {
    return `$f${this.funCounter++}_${sanitize(fun.name)}`;
  }

  private closureType(arity: number): string {
    return arity === 1 ? '$Closure' : `$Closure${arity}`;
  }

  /** `struct.new` of a closure for `fun`, with extra field values appended. */
  private closureNew(type: string, arity: number, wasmName: string, fields: string[]): string {
    const code1 = arity === 1 ? `(ref.func ${wasmName})` : '(ref.func $curry)';
    const codeN = arity === 1 ? '' : ` (ref.func ${wasmName})`;
    return `(struct.new ${type} (i32.const ${arity}) ${code1}${codeN}${fields.map((f) => ' ' + f).join('')})`;
  }

  private envType(arity: number, size: number): string {
    if (size === 0) return this.closureType(arity);
    const name = `$Env${arity}_${size}`;
    if (!this.envTypes.has(name)) {
      const base = this.closureType(arity);
      const codeN = arity === 1 ? '' : ` (field (ref $Fn${arity}))`;
      const fields = ' (field (mut eqref))'.repeat(size);
      this.envTypes.set(
        name,
        `(type ${name} (sub final ${base} (struct (field i32) (field (ref $Fn1))${codeN}${fields})))`,
      );
    }
    return name;
  }

  /** Compiles a function body into a Wasm function; `free` are its captured variables. */
  private compileFunction(fun: LFun, wasmName: string, free: Ident[], selfId: Ident | null): void {
    const saved = this.scope;
    this.scope = new FunctionScope();
    const arity = fun.params.length;
    const env = this.envType(arity, free.length);
    const prologue: string[] = [];
    for (const p of fun.params) {
      this.scope.homes.set(p.stamp, { kind: 'local', name: local(p), type: 'eqref' });
      this.scope.shadowable.add(p.stamp);
    }
    free.forEach((id, i) => {
      const home = saved.homes.get(id.stamp);
      if (home?.kind === 'static') {
        this.scope.homes.set(id.stamp, home);
        return;
      }
      const name = this.scope.declare(id);
      this.scope.shadowable.add(id.stamp);
      const index = (arity === 1 ? 2 : 3) + i;
      prologue.push(`(local.set ${name} (struct.get ${env} ${index} (ref.cast (ref ${env}) (local.get $self))))`);
    });
    if (selfId) {
      const name = this.scope.declare(selfId);
      prologue.push(`(local.set ${name} (local.get $self))`);
    }
    // statics visible from the enclosing scope stay visible (they are globals)
    for (const [stamp, home] of saved.homes) {
      if (home.kind === 'static' && !this.scope.homes.has(stamp)) this.scope.homes.set(stamp, home);
    }
    const body = this.compile(fun.body, true);
    for (const p of fun.params) prologue.push(this.scope.shadowInit(p));
    for (const id of free) if (this.scope.homes.get(id.stamp)?.kind === 'local') prologue.push(this.scope.shadowInit(id));
    const params = fun.params.map((p) => `(param ${local(p)} eqref)`).join(' ');
    this.functions.push(`(func ${wasmName} (type $Fn${arity}) (param $self (ref $Closure)) ${params} (result eqref)
  ${this.localDecls()}
  ${prologue.join('\n  ')}
  ${body})`);
    this.scope = saved;
  }

  private localDecls(): string {
    return [...this.scope.locals].map(([name, type]) => `(local ${name} ${type})`).join(' ');
  }

  /**
   * A block too long for `array.new_fixed` (engines take at most 10,000
   * operands; an array literal can be longer): allocated, then filled field by
   * field, last first, as OCaml evaluates them (and with one local, where
   * `operands` would take one per field with effects).
   */
  private bigBlock(l: Lam & { k: 'block' }): string {
    const float = l.tag === FLOAT_RECORD_TAG;
    const type = float ? '$FloatRecord' : '$Block';
    const tmp = this.scope.temp(`(ref null ${type})`);
    const first = float ? 0 : 1;
    const alloc = float
      ? `(array.new ${type} (f64.const 0) (i32.const ${l.fields.length}))`
      : `(array.new ${type} (ref.i31 (i32.const ${l.tag})) (i32.const ${l.fields.length + 1}))`;
    const sets: string[] = [];
    for (let i = l.fields.length - 1; i >= 0; i--) {
      sets.push(`(array.set ${type} (local.get ${tmp}) (i32.const ${i + first}) ${this.inForm(l.fields[i]!, float ? 'f' : 'v')})`);
    }
    return `(block (result eqref) (local.set ${tmp} ${alloc}) ${sets.join(' ')} (local.get ${tmp}))`;
  }

  // -------------------------------------------------------------------------
  // Constants

  private stringConst(bytes: Uint8Array): string {
    return `(global.get ${this.stringGlobal(bytes)})`;
  }

  private stringGlobal(bytes: Uint8Array, fixedName?: string): string {
    const key = fixedName ?? Array.from(bytes).join(',');
    const existing = this.strings.get(key);
    if (existing) return existing;
    const name = `$${fixedName ?? `str${this.strings.size}`}`;
    this.strings.set(key, name);
    if (bytes.length <= 64) {
      const items = Array.from(bytes, (b) => `(i32.const ${b})`).join(' ');
      this.globalsText.push(`(global ${name} (ref $String) (array.new_fixed $String ${bytes.length} ${items}))`);
    } else {
      const data = `$d_${name.slice(1)}`;
      const escaped = Array.from(bytes, (b) => '\\' + b.toString(16).padStart(2, '0')).join('');
      this.dataText.push(`(data ${data} "${escaped}")`);
      this.globalsText.push(`(global ${name} (mut (ref null $String)) (ref.null none))`);
      this.initText.push(`(global.set ${name} (array.new_data $String ${data} (i32.const 0) (i32.const ${bytes.length})))`);
    }
    return name;
  }

  private constant(c: Const): string {
    switch (c.kind) {
      case 'int':
        return c.value >= -(2n ** 30n) && c.value < 2n ** 30n
          ? `(ref.i31 (i32.const ${c.value}))`
          : `(struct.new $Int64 (i64.const ${c.value}))`;
      case 'float':
        return `(struct.new $Float (f64.const ${floatLiteral(c.value)}))`;
      case 'string':
        return this.stringConst(c.value);
    }
  }

  // -------------------------------------------------------------------------
  // Expressions

  private compile(l: Lam, tail: boolean): string {
    switch (l.k) {
      case 'const':
        return this.constant(l.c);
      case 'var':
        return this.varRef(l.id);
      case 'global':
        return `(global.get $${sanitize(l.name)})`;
      case 'let':
        if (l.value.k === 'fun') return this.letFun(l.id, l.value.fun, l.body, tail);
        return this.letValue(l, 'v', (body) => this.compile(body, tail));
      case 'assign':
        return `(block (result eqref) ${this.assign(l)} ${UNIT})`;
      case 'letrec':
        return this.letRec(l.binds, l.body, tail);
      case 'fun':
        return this.closure(l.fun, null);
      case 'apply':
        return this.apply(l.fn, l.args, tail);
      case 'prim':
        return this.primValue(l);
      case 'if':
        return `(if (result eqref) ${this.bool(l.cond)} (then ${this.compile(l.then, tail)}) (else ${this.compile(l.else, tail)}))`;
      case 'seq':
        return `(block (result eqref) ${this.effect(l.first)} ${this.compile(l.second, tail)})`;
      case 'while': {
        const n = this.labelCounter++;
        return `(block (result eqref) (block $brk${n} (loop $cont${n} (br_if $brk${n} (i32.eqz ${this.bool(l.cond)})) ${this.effect(l.body)} (br $cont${n}))) ${UNIT})`;
      }
      case 'for':
        return this.forLoop(l);
      case 'catch': {
        const n = this.labelCounter++;
        return `(block $done${n} (result eqref) (block $exit${l.label} (br $done${n} ${this.compile(l.body, tail)})) ${this.compile(l.handler, tail)})`;
      }
      case 'exit':
        return `(br $exit${l.label})`;
      case 'switch':
        return this.switch(l, 'v', (x) => this.compile(x, tail));
      case 'try': {
        const n = this.labelCounter++;
        const name = this.scope.declare(l.id);
        // the body is not in tail position: the handler must stay on the stack
        return `(block $tdone${n} (result eqref)
  (local.set ${name} (block $caught${n} (result eqref)
    (br $tdone${n} (try_table (result eqref) (catch $ocaml $caught${n}) ${this.compile(l.body, false)}))))
  ${this.compile(l.handler, tail)})`;
      }
      case 'raise':
        return `(throw $ocaml ${this.compile(l.exn, false)})`;
      case 'block': {
        if (l.fields.length + 1 > MAX_NEW_FIXED) return this.bigBlock(l);
        if (l.tag === FLOAT_RECORD_TAG) {
          const { pre, vals } = this.operands(l.fields.map((lam) => ({ lam, form: 'f' as Form })));
          return withPre(pre, 'eqref', `(array.new_fixed $FloatRecord ${vals.length} ${vals.join(' ')})`);
        }
        const { pre, vals } = this.operands(l.fields.map((lam) => ({ lam, form: 'v' as Form })));
        return withPre(pre, 'eqref', `(array.new_fixed $Block ${vals.length + 1} (ref.i31 (i32.const ${l.tag})) ${vals.join(' ')})`);
      }
      case 'field':
        if (l.float) return `(struct.new $Float ${this.float(l)})`;
        return `(array.get $Block (ref.cast (ref $Block) ${this.compile(l.obj, false)}) (i32.const ${l.index + 1}))`;
      case 'setfield':
        if (l.float) {
          const obj = `(ref.cast (ref $FloatRecord) ${this.compile(l.obj, false)})`;
          return `(block (result eqref) (array.set $FloatRecord ${obj} (i32.const ${l.index}) ${this.float(l.value)}) ${UNIT})`;
        }
        return `(block (result eqref) (array.set $Block (ref.cast (ref $Block) ${this.compile(l.obj, false)}) (i32.const ${l.index + 1}) ${this.compile(l.value, false)}) ${UNIT})`;
      case 'setglobal': {
        const st = this.pendingStatic.get(l.name);
        if (st) {
          this.emitStaticClosure(l.name, st.fun, st.name);
          return UNIT;
        }
        return `(block (result eqref) (global.set $${sanitize(l.name)} ${this.compile(l.value, false)}) ${UNIT})`;
      }
    }
  }

  /** Compiles for effect only. */
  private effect(l: Lam): string {
    if (l.k === 'const') return '';
    if (l.k === 'assign') return this.assign(l);
    return `(drop ${this.compile(l, false)})`;
  }

  /**
   * `let id = value in body`, the body compiled by `body` into `form`. A variable
   * of type int or float lives unboxed when its value is produced unboxed, or when
   * it is a reference made local (so that assignments do not allocate).
   */
  private letValue(l: Lam & { k: 'let' }, form: Form, body: (b: Lam) => string): string {
    const repr = this.reprs.get(l.id.stamp) ?? 'any';
    const mutable = this.mutableVars.has(l.id.stamp);
    const natural = this.naturalForm(l.value);
    let type: LocalType = 'eqref';
    if (repr === 'int' && (mutable || natural === 'i' || natural === 'b')) type = 'i64';
    if (repr === 'float' && (mutable || natural === 'f')) type = 'f64';
    const name = this.scope.declareTyped(l.id, type);
    const value = type === 'i64' ? this.int(l.value) : type === 'f64' ? this.float(l.value) : this.compile(l.value, false);
    if (type === 'eqref' && !mutable && repr !== 'any') this.scope.shadowable.add(l.id.stamp);
    const code = body(l.body);
    return `(block (result ${wasmType(form)}) (local.set ${name} ${value}) ${this.scope.shadowInit(l.id)} ${code})`;
  }

  /** The form in which `l` is computed, without conversion. */
  private naturalForm(l: Lam): Form {
    if (l.k === 'const') return l.c.kind === 'int' ? 'i' : l.c.kind === 'float' ? 'f' : 'v';
    if (l.k === 'prim') return prims[l.op]?.result ?? 'v';
    if (l.k === 'field' && l.float) return 'f';
    if (l.k === 'var') {
      const home = this.scope.homes.get(l.id.stamp);
      if (home?.kind === 'local') return home.type === 'i64' ? 'i' : home.type === 'f64' ? 'f' : 'v';
    }
    return 'v';
  }

  /** `local.set` of an assigned variable (no result). */
  private assign(l: Lam & { k: 'assign' }): string {
    const home = this.scope.homes.get(l.id.stamp);
    const type = home?.kind === 'local' ? home.type : 'eqref';
    const name = type === 'eqref' ? this.scope.declare(l.id) : (home as { name: string }).name;
    const value = type === 'i64' ? this.int(l.value) : type === 'f64' ? this.float(l.value) : this.compile(l.value, false);
    return `(local.set ${name} ${value})`;
  }

  private varRef(id: Ident): string {
    const home = this.scope.homes.get(id.stamp);
    if (home?.kind === 'static') return `(global.get ${home.global})`;
    if (home?.type === 'i64') return this.boxInt(`(local.get ${home.name})`);
    if (home?.type === 'f64') return `(struct.new $Float (local.get ${home.name}))`;
    return `(local.get ${this.scope.declare(id)})`;
  }

  /** A variable in unboxed form `i` or `f` (the unboxed local, or a copy made once). */
  private varUnboxed(id: Ident, form: 'i' | 'f'): string {
    const home = this.scope.homes.get(id.stamp);
    const type = form === 'i' ? 'i64' : 'f64';
    if (home?.kind === 'local' && home.type === type) return `(local.get ${home.name})`;
    if (home?.kind === 'local' && home.type === 'eqref' && this.scope.shadowable.has(id.stamp)) {
      const repr = this.reprs.get(id.stamp);
      if ((repr === 'int' && form === 'i') || (repr === 'float' && form === 'f')) {
        let sh = this.scope.shadows.get(id.stamp);
        if (!sh) {
          sh = { name: `${home.name}_${type}`, type };
          this.scope.shadows.set(id.stamp, sh);
          this.scope.locals.set(sh.name, type);
        }
        return `(local.get ${sh.name})`;
      }
    }
    return form === 'i' ? this.unboxInt(this.varRef(id)) : `(struct.get $Float 0 (ref.cast (ref $Float) ${this.varRef(id)}))`;
  }

  /**
   * `$box_int` and `$int_of`, written out in place: they are on every path
   * between boxed and unboxed ints, and a call costs more than their body.
   */
  private boxInt(code: string): string {
    const t = this.scope.scratch('i64');
    return `(block (result eqref) (local.set ${t} (i64.shr_s (i64.shl ${code} (i64.const 1)) (i64.const 1)))
  (if (result eqref) (i64.lt_u (i64.add (local.get ${t}) (i64.const 0x40000000)) (i64.const 0x80000000))
    (then (ref.i31 (i32.wrap_i64 (local.get ${t})))) (else (struct.new $Int64 (local.get ${t})))))`;
  }

  private unboxInt(code: string): string {
    const simple = /^\(local\.get \$[^ ()]+\)$/.test(code);
    const v = simple ? code : `(local.get ${this.scope.scratch('eqref')})`;
    const unbox = `(if (result i64) (ref.test (ref i31) ${v})
    (then (i64.extend_i32_s (i31.get_s (ref.cast (ref i31) ${v})))) (else (struct.get $Int64 0 (ref.cast (ref $Int64) ${v}))))`;
    return simple ? unbox : `(block (result i64) (local.set ${this.scope.scratch('eqref')} ${code}) ${unbox})`;
  }

  private box(code: string, form: Form): string {
    return form === 'i' ? this.boxInt(code) : box(code, form);
  }

  /** A constant global holding the closure of a function without free variables. */
  private staticClosureGlobal(global: string, arity: number, wasmName: string): string {
    const type = this.closureType(arity);
    this.globalsText.push(`(global ${global} (ref ${type}) ${this.closureNew(type, arity, wasmName, [])})`);
    return global;
  }

  private emitStaticClosure(global: string, fun: LFun, wasmName: string): void {
    this.staticClosureGlobal(`$${sanitize(global)}`, fun.params.length, wasmName);
    this.compileFunction(fun, wasmName, [], null);
  }

  /** A closure value for `fun` (allocated unless it has no free variables). */
  private closure(fun: LFun, selfId: Ident | null): string {
    const free = this.freeVars.of(fun).filter((id) => id.stamp !== selfId?.stamp && !this.isStatic(id));
    const wasmName = this.functionName(fun);
    const arity = fun.params.length;
    if (free.length === 0) {
      const g = this.staticClosureGlobal(`$clo_${wasmName.slice(1)}`, arity, wasmName);
      this.compileFunction(fun, wasmName, [], selfId);
      return `(global.get ${g})`;
    }
    this.compileFunction(fun, wasmName, free, selfId);
    return this.closureNew(this.envType(arity, free.length), arity, wasmName, free.map((id) => this.varRef(id)));
  }

  private isStatic(id: Ident): boolean {
    return this.scope.homes.get(id.stamp)?.kind === 'static';
  }

  private letFun(id: Ident, fun: LFun, body: Lam, tail: boolean): string {
    const free = this.freeVars.of(fun).filter((v) => !this.isStatic(v));
    if (free.length === 0) {
      // a closed local function: static closure, direct calls
      const wasmName = this.functionName(fun);
      const arity = fun.params.length;
      const g = this.staticClosureGlobal(`$clo_${wasmName.slice(1)}`, arity, wasmName);
      this.scope.homes.set(id.stamp, { kind: 'static', global: g });
      this.knownVars.set(id.stamp, { wasmName, arity });
      this.compileFunction(fun, wasmName, [], null);
      return this.compile(body, tail);
    }
    const name = this.scope.declare(id);
    const value = this.closure(fun, null);
    return `(block (result eqref) (local.set ${name} ${value}) ${this.compile(body, tail)})`;
  }

  private letRec(binds: { id: Ident; fun: LFun }[], body: Lam, tail: boolean): string {
    const members = new Set(binds.map((b) => b.id.stamp));
    const outside = new Set<number>();
    for (const b of binds) {
      for (const v of this.freeVars.of(b.fun)) if (!members.has(v.stamp) && !this.isStatic(v)) outside.add(v.stamp);
    }
    const names = binds.map((b) => this.functionName(b.fun));
    binds.forEach((b, i) => this.knownVars.set(b.id.stamp, { wasmName: names[i]!, arity: b.fun.params.length }));
    if (outside.size === 0) {
      // the whole group is closed: static closures referring to each other by global
      binds.forEach((b, i) => {
        const g = this.staticClosureGlobal(`$clo_${names[i]!.slice(1)}`, b.fun.params.length, names[i]!);
        this.scope.homes.set(b.id.stamp, { kind: 'static', global: g });
      });
      binds.forEach((b, i) => this.compileFunction(b.fun, names[i]!, [], null));
      return this.compile(body, tail);
    }
    // Allocate every closure with its siblings' slots empty, then patch them.
    const parts: string[] = [];
    const patches: string[] = [];
    binds.forEach((b, i) => {
      const free = this.freeVars.of(b.fun).filter((v) => v.stamp !== b.id.stamp && !this.isStatic(v));
      const arity = b.fun.params.length;
      const env = this.envType(arity, free.length);
      const fields = free.map((v, j) => {
        if (members.has(v.stamp)) {
          patches.push(
            `(struct.set ${env} ${(arity === 1 ? 2 : 3) + j} (ref.cast (ref ${env}) (local.get ${local(b.id)})) (local.get ${local(v)}))`,
          );
          return '(ref.null none)';
        }
        return this.varRef(v);
      });
      this.scope.declare(b.id);
      this.compileFunction(b.fun, names[i]!, free, b.id);
      parts.push(`(local.set ${local(b.id)} ${this.closureNew(env, arity, names[i]!, fields)})`);
    });
    return `(block (result eqref) ${parts.join(' ')} ${patches.join(' ')} ${this.compile(body, tail)})`;
  }

  private forLoop(l: Lam & { k: 'for' }): string {
    const n = this.labelCounter++;
    const i = this.scope.temp('i64');
    const hi = this.scope.temp('i64');
    this.scope.homes.set(l.id.stamp, { kind: 'local', name: i, type: 'i64' });
    const [cmp, step] = l.down ? ['i64.ge_s', 'i64.sub'] : ['i64.le_s', 'i64.add'];
    return `(block (result eqref)
  (local.set ${i} ${this.int(l.from)})
  (local.set ${hi} ${this.int(l.to)})
  (if (${cmp} (local.get ${i}) (local.get ${hi}))
    (then (loop $for${n}
      ${this.effect(l.body)}
      (if (i64.ne (local.get ${i}) (local.get ${hi}))
        (then (local.set ${i} (${step} (local.get ${i}) (i64.const 1))) (br $for${n}))))))
  ${UNIT})`;
  }

  // -------------------------------------------------------------------------
  // Calls

  private knownCallee(fn: Lam): { info: FunInfo; closure: string } | null {
    if (fn.k === 'var') {
      const info = this.knownVars.get(fn.id.stamp);
      if (info) return { info, closure: `(ref.cast (ref $Closure) ${this.varRef(fn.id)})` };
    }
    if (fn.k === 'global') {
      const info = this.knownGlobals.get(fn.name);
      if (info) return { info, closure: `(global.get $${sanitize(fn.name)})` };
    }
    return null;
  }

  private apply(fn: Lam, args: Lam[], tail: boolean): string {
    const known = this.knownCallee(fn);
    if (known && args.length >= known.info.arity) {
      const n = known.info.arity;
      const { pre, vals } = this.operands(args.map((lam) => ({ lam, form: 'v' as Form })));
      const rest = vals.slice(n);
      const call = rest.length === 0 && tail ? 'return_call' : 'call';
      const head = `(${call} ${known.info.wasmName} ${known.closure} ${vals.slice(0, n).join(' ')})`;
      return withPre(pre, 'eqref', rest.length === 0 ? head : this.applyUnknown(head, rest, tail));
    }
    // the function is evaluated after its arguments, as in OCaml
    const { pre, vals } = this.operands([fn, ...args].map((lam) => ({ lam, form: 'v' as Form })));
    return withPre(pre, 'eqref', this.applyUnknown(vals[0]!, vals.slice(1), tail));
  }

  private applyUnknown(fn: string, args: string[], tail: boolean): string {
    let f = fn;
    let i = 0;
    while (args.length - i > MAX_ARITY) {
      f = `(call $apply${MAX_ARITY} ${f} ${args.slice(i, i + MAX_ARITY).join(' ')})`;
      i += MAX_ARITY;
    }
    const last = args.slice(i);
    return `(${tail ? 'return_call' : 'call'} $apply${last.length} ${f} ${last.join(' ')})`;
  }

  /**
   * Compiles operands so that they are evaluated right to left, as OCaml does
   * (arguments, tuple and record fields, operands of primitives). Operands that
   * cannot have effects are left in place; the others go through locals.
   */
  private operands(items: { lam: Lam; form: Form }[]): { pre: string; vals: string[] } {
    const effectful = (l: Lam): boolean =>
      !(l.k === 'const' || (l.k === 'var' && !this.mutableVars.has(l.id.stamp)) || l.k === 'global' || l.k === 'fun');
    if (items.filter((x) => effectful(x.lam)).length <= 1) {
      return { pre: '', vals: items.map((x) => this.inForm(x.lam, x.form)) };
    }
    const vals: string[] = new Array(items.length);
    const pre: string[] = [];
    for (let i = items.length - 1; i >= 0; i--) {
      const { lam, form } = items[i]!;
      if (!effectful(lam)) {
        vals[i] = this.inForm(lam, form);
        continue;
      }
      const tmp = this.scope.temp(wasmType(form));
      pre.push(`(local.set ${tmp} ${this.inForm(lam, form)})`);
      vals[i] = `(local.get ${tmp})`;
    }
    return { pre: pre.join(' '), vals };
  }

  // -------------------------------------------------------------------------
  // Primitives and unboxed forms

  private primCode(l: Lam & { k: 'prim' }): { code: string; result: Form } {
    if (l.op === 'predef_exn') {
      const arg = l.args[0]!;
      const name = arg.k === 'const' && arg.c.kind === 'string' ? new TextDecoder().decode(arg.c.value) : '?';
      return { code: `(global.get $exn_${name})`, result: 'v' };
    }
    const p = prims[l.op];
    if (!p) throw new Error(`internal error in codegen: unknown primitive ${l.op}`);
    if (p.args.length !== l.args.length) {
      throw new Error(`internal error in codegen: primitive ${l.op} takes ${p.args.length} arguments, got ${l.args.length}`);
    }
    const { pre, vals } = this.operands(l.args.map((lam, i) => ({ lam, form: p.args[i]! })));
    return { code: withPre(pre, wasmType(p.result), p.code(vals)), result: p.result };
  }

  private primValue(l: Lam & { k: 'prim' }): string {
    const { code, result } = this.primCode(l);
    return this.box(code, result);
  }

  private inForm(l: Lam, form: Form): string {
    switch (form) {
      case 'v':
        return this.compile(l, false);
      case 'i':
        return this.int(l);
      case 'f':
        return this.float(l);
      case 'b':
        return this.bool(l);
    }
  }

  private int(l: Lam): string {
    if (l.k === 'const' && l.c.kind === 'int') return `(i64.const ${l.c.value})`;
    if (l.k === 'prim') {
      const { code, result } = this.primCode(l);
      if (result === 'i') return code;
      if (result === 'b') return `(i64.extend_i32_u ${code})`;
      return this.unboxInt(box(code, result));
    }
    if (l.k === 'var') return this.varUnboxed(l.id, 'i');
    return this.control(l, 'i') ?? this.unboxInt(this.compile(l, false));
  }

  private float(l: Lam): string {
    if (l.k === 'const' && l.c.kind === 'float') return `(f64.const ${floatLiteral(l.c.value)})`;
    if (l.k === 'prim') {
      const { code, result } = this.primCode(l);
      if (result === 'f') return code;
      return `(struct.get $Float 0 (ref.cast (ref $Float) ${box(code, result)}))`;
    }
    if (l.k === 'var') return this.varUnboxed(l.id, 'f');
    if (l.k === 'field' && l.float) {
      return `(array.get $FloatRecord (ref.cast (ref $FloatRecord) ${this.compile(l.obj, false)}) (i32.const ${l.index}))`;
    }
    return this.control(l, 'f') ?? `(struct.get $Float 0 (ref.cast (ref $Float) ${this.compile(l, false)}))`;
  }

  private bool(l: Lam): string {
    if (l.k === 'const' && l.c.kind === 'int') return `(i32.const ${l.c.value})`;
    if (l.k === 'prim') {
      const { code, result } = this.primCode(l);
      if (result === 'b') return code;
      if (result === 'i') return `(i32.wrap_i64 ${code})`;
      return `(i31.get_s (ref.cast (ref i31) ${box(code, result)}))`;
    }
    if (l.k === 'var') {
      const home = this.scope.homes.get(l.id.stamp);
      if (home?.kind === 'local' && home.type === 'i64') return `(i32.wrap_i64 (local.get ${home.name}))`;
    }
    return this.control(l, 'b') ?? `(i31.get_s (ref.cast (ref i31) ${this.compile(l, false)}))`;
  }

  /**
   * A `br_table` on the constructor of a variant value: constant constructors are
   * i31s numbered from 0, blocks carry their tag in slot 0.
   */
  private switch(l: Lam & { k: 'switch' }, form: Form, arm: (x: Lam) => string): string {
    const n = this.labelCounter++;
    const t = wasmType(form);
    const v = this.compile(l.arg, false);
    const dispatch = (arms: { tag: number; body: Lam }[], index: string, kind: string): string => {
      if (arms.length === 0) return '';
      const size = Math.max(...arms.map((a) => a.tag)) + 1;
      const targets = Array.from({ length: size }, (_, tag) => {
        const i = arms.findIndex((a) => a.tag === tag);
        return i < 0 ? `$default${n}` : `$${kind}${n}_${i}`;
      });
      let code = `(br_table ${targets.join(' ')} $default${n} ${index})`;
      arms.forEach((a, i) => {
        code = `(block $${kind}${n}_${i} ${code}) (br $end${n} ${arm(a.body)})`;
      });
      return code;
    };
    const consts = dispatch(l.consts, `(i31.get_s (ref.cast (ref i31) ${v}))`, 'c');
    const blockTag = `(i31.get_s (ref.cast (ref i31) (array.get $Block (ref.cast (ref $Block) ${v}) (i32.const 0))))`;
    const blocks = dispatch(l.blocks, blockTag, 'b');
    // the type may have constructors of the other kind that no arm lists
    let body: string;
    if (l.consts.length > 0 && l.blocks.length > 0) {
      body = `(if (ref.test (ref i31) ${v}) (then ${consts}) (else ${blocks}))`;
    } else if (l.consts.length > 0) {
      body = `(br_if $default${n} (i32.eqz (ref.test (ref i31) ${v}))) ${consts}`;
    } else {
      body = `(br_if $default${n} (ref.test (ref i31) ${v})) ${blocks}`;
    }
    return `(block $end${n} (result ${t}) (block $default${n} ${body}) ${arm(l.fallback)})`;
  }

  /** Control constructs whose result is wanted unboxed: the form goes to the branches. */
  private control(l: Lam, form: 'i' | 'f' | 'b'): string | null {
    const t = wasmType(form);
    const sub = (x: Lam): string => this.inForm(x, form);
    switch (l.k) {
      case 'if':
        return `(if (result ${t}) ${this.bool(l.cond)} (then ${sub(l.then)}) (else ${sub(l.else)}))`;
      case 'seq':
        return `(block (result ${t}) ${this.effect(l.first)} ${sub(l.second)})`;
      case 'let':
        return l.value.k === 'fun' ? null : this.letValue(l, form, sub);
      case 'catch': {
        const n = this.labelCounter++;
        return `(block $done${n} (result ${t}) (block $exit${l.label} (br $done${n} ${sub(l.body)})) ${sub(l.handler)})`;
      }
      case 'raise':
        return `(throw $ocaml ${this.compile(l.exn, false)})`;
      case 'exit':
        return `(br $exit${l.label})`;
      case 'switch':
        return this.switch(l, form, sub);
      default:
        return null;
    }
  }
}

function wasmType(form: Form): string {
  return form === 'v' ? 'eqref' : form === 'i' ? 'i64' : form === 'f' ? 'f64' : 'i32';
}

/** The most operands `array.new_fixed` may take (V8 refuses more). */
const MAX_NEW_FIXED = 10_000;

/** `code`, preceded by the evaluation of some operands into locals. */
function withPre(pre: string, type: string, code: string): string {
  return pre === '' ? code : `(block (result ${type}) ${pre} ${code})`;
}

function box(code: string, form: Form): string {
  switch (form) {
    case 'v':
      return code;
    case 'i':
      return `(call $box_int ${code})`;
    case 'f':
      return `(struct.new $Float ${code})`;
    case 'b':
      return `(ref.i31 ${code})`;
  }
}

export function emitProgram(prog: Program): string {
  return new Emitter().emitProgram(prog);
}
