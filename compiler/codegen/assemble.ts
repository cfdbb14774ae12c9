// Assembles the WebAssembly text that emit.ts writes straight into a binary,
// without binaryen: some ten to thirty times faster than loading binaryen.js
// and running its text parser, which dominated the time of every build.
// wat.ts reads the text, opcodes.ts has the encodings, assemble-code.ts
// encodes instructions; this file lays out the module.
//
// It reads the folded form emit.ts and rts.ts produce — named types, functions,
// globals, locals and labels; rec groups and subtypes of structs, arrays and
// function types; try_table; passive data — and encodes it as the spec's binary
// format (https://webassembly.github.io/spec/core/binary/). Anything else (an
// instruction it does not know, a table, a numeric index where it expects a
// name it can check) raises `Unsupported`, and the caller falls back to
// binaryen, so a new construct in the emitter costs time, never correctness.
// The result is validated by V8 before it is returned (binaryen.ts).

import { CodeWriter, define, lookup, space } from './assemble-code.ts';
import { absHeap, numTypes, refAbbrev } from './opcodes.ts';
import { Bytes, head, isName, parseSx, Str, type Sx, Unsupported } from './wat.ts';

export { Unsupported } from './wat.ts';

interface TypeDef {
  readonly name: string | null;
  readonly def: Sx[]; // (type $n? (sub ...) | (struct ...) | ...)
  fields: Map<string, number>;
  /** For function types: the parameter and result types, as text keys. */
  sig: string | null;
}

/** The module being assembled: its index spaces and the sections written so far. */
export class Assembler {
  readonly types: TypeDef[] = [];
  readonly typeSpace = space();
  readonly funcs = space();
  readonly globals = space();
  readonly tags = space();
  readonly memories = space();
  readonly datas = space();
  /** Function types made for inline signatures, by signature key. */
  readonly implicitTypes = new Map<string, number>();
  /** Functions that `ref.func` names in code: they must be declared. */
  readonly refFuncs = new Set<number>();
  readonly declaredFuncs = new Set<number>();

  // ---- types ----

  valType(x: Sx, out: Bytes): void {
    if (typeof x === 'string') {
      const t = numTypes[x] ?? refAbbrev[x];
      if (t === undefined) throw new Unsupported(`type ${x}`);
      out.byte(t);
      return;
    }
    if (!Array.isArray(x) || head(x) !== 'ref') throw new Unsupported('value type');
    const nullable = x[1] === 'null';
    const ht = x[nullable ? 2 : 1];
    if (x.length !== (nullable ? 3 : 2)) throw new Unsupported('reference type');
    out.byte(nullable ? 0x63 : 0x64);
    this.heapType(ht, out);
  }

  heapType(x: Sx | undefined, out: Bytes): void {
    if (typeof x === 'string' && x in absHeap) out.byte(absHeap[x]!);
    else out.s32(lookup(this.typeSpace, x, 'type'));
  }

  /** `(ref null? ht)` or an abbreviation, as in ref.test and ref.cast: [nullable, heap type]. */
  refType(x: Sx | undefined): [boolean, Sx] {
    if (typeof x === 'string') {
      if (!x.endsWith('ref') || !(x in refAbbrev)) throw new Unsupported(`reference type ${x}`);
      const ht = x === 'nullref' ? 'none' : x === 'nullfuncref' ? 'nofunc' : x === 'nullexternref' ? 'noextern' : x === 'nullexnref' ? 'noexn' : x.slice(0, -3);
      return [true, ht];
    }
    if (head(x!) !== 'ref') throw new Unsupported('reference type');
    const l = x as Sx[];
    return l[1] === 'null' ? [true, l[2]!] : [false, l[1]!];
  }

  typeKey(x: Sx): string {
    const b = new Bytes();
    this.valType(x, b);
    return Array.from(b.done()).join(',');
  }

  /** The params and results of a `(param ...) (result ...)` list, with the names of the params. */
  signature(items: Sx[]): { params: Sx[]; paramNames: (string | null)[]; results: Sx[]; rest: number } {
    const params: Sx[] = [];
    const paramNames: (string | null)[] = [];
    const results: Sx[] = [];
    let i = 0;
    for (; i < items.length; i++) {
      const it = items[i]!;
      const h = head(it);
      if (h === 'param') {
        const l = it as Sx[];
        if (isName(l[1])) {
          params.push(l[2]!);
          paramNames.push(l[1]);
        } else for (const t of l.slice(1)) (params.push(t), paramNames.push(null));
      } else if (h === 'result') {
        results.push(...(it as Sx[]).slice(1));
      } else break;
    }
    return { params, paramNames, results, rest: i };
  }

  sigKey(params: Sx[], results: Sx[]): string {
    return params.map((t) => this.typeKey(t)).join(';') + '->' + results.map((t) => this.typeKey(t)).join(';');
  }

  /** The index of a plain function type with this signature, made if there is none. */
  funcTypeFor(params: Sx[], results: Sx[]): number {
    const key = this.sigKey(params, results);
    let i = this.implicitTypes.get(key);
    if (i === undefined) {
      i = this.typeSpace.count++;
      this.types.push({ name: null, def: ['type', ['func', ['param', ...params], ['result', ...results]]], fields: new Map(), sig: key });
      this.implicitTypes.set(key, i);
    }
    return i;
  }

  /** A type use: `(type $t)` and/or inline params and results. Returns the index and where the rest starts. */
  typeUse(items: Sx[], from: number): { type: number; paramNames: (string | null)[]; rest: number } {
    let i = from;
    let type = -1;
    if (head(items[i] ?? '') === 'type') {
      type = lookup(this.typeSpace, (items[i] as Sx[])[1], 'type');
      i++;
    }
    const sig = this.signature(items.slice(i));
    if (type < 0) type = this.funcTypeFor(sig.params, sig.results);
    else if (sig.params.length > 0 || sig.results.length > 0) {
      if (this.declaredSig(type) !== this.sigKey(sig.params, sig.results)) throw new Unsupported('type use does not match');
    }
    const paramNames = sig.params.length > 0 ? sig.paramNames : this.paramCount(type);
    return { type, paramNames, rest: i + sig.rest };
  }

  /** The signature key of a function type (computed when first asked: types may refer forward). */
  declaredSig(type: number): string {
    const t = this.types[type]!;
    if (t.sig === null) {
      const comp = this.compType(t.def);
      if (head(comp) !== 'func') throw new Unsupported('not a function type');
      const sig = this.signature((comp as Sx[]).slice(1));
      t.sig = this.sigKey(sig.params, sig.results);
    }
    return t.sig;
  }

  paramCount(type: number): null[] {
    const def = this.types[type]!.def;
    const comp = this.compType(def);
    if (head(comp) !== 'func') throw new Unsupported('not a function type');
    return this.signature((comp as Sx[]).slice(1)).params.map(() => null);
  }

  compType(def: Sx[]): Sx {
    const body = def[isName(def[1]) ? 2 : 1]!;
    if (head(body) === 'sub') {
      const l = body as Sx[];
      return l[l.length - 1]!;
    }
    return body;
  }

  registerType(def: Sx[]): void {
    const name = isName(def[1]) ? def[1] : null;
    define(this.typeSpace, name ?? undefined);
    const comp = this.compType(def);
    const fields = new Map<string, number>();
    if (head(comp) === 'struct') {
      let k = 0;
      for (const f of (comp as Sx[]).slice(1)) {
        if (head(f) !== 'field') throw new Unsupported('struct field');
        const l = f as Sx[];
        if (isName(l[1])) fields.set(l[1], k++);
        else k += l.length - 1;
      }
    }
    const t: TypeDef = { name, def, fields, sig: null };
    this.types.push(t);
  }

  writeField(f: Sx, out: Bytes): void {
    if (head(f) === 'mut') {
      this.valType((f as Sx[])[1]!, out);
      out.byte(1);
    } else {
      this.valType(f, out);
      out.byte(0);
    }
  }

  writeSubType(t: TypeDef, out: Bytes): void {
    const body = t.def[t.name ? 2 : 1]!;
    let comp = body;
    if (head(body) === 'sub') {
      const l = body as Sx[];
      const final = l[1] === 'final';
      const supers = l.slice(final ? 2 : 1, -1);
      out.byte(final ? 0x4f : 0x50);
      out.u32(supers.length);
      for (const s of supers) out.u32(lookup(this.typeSpace, s, 'type'));
      comp = l[l.length - 1]!;
    }
    const c = comp as Sx[];
    switch (head(comp)) {
      case 'func': {
        const sig = this.signature(c.slice(1));
        if (sig.rest !== c.length - 1) throw new Unsupported('function type');
        out.byte(0x60);
        out.u32(sig.params.length);
        for (const p of sig.params) this.valType(p, out);
        out.u32(sig.results.length);
        for (const r of sig.results) this.valType(r, out);
        t.sig = this.sigKey(sig.params, sig.results);
        break;
      }
      case 'struct': {
        const fs: Sx[] = [];
        for (const f of c.slice(1)) {
          const l = f as Sx[];
          fs.push(...l.slice(isName(l[1]) ? 2 : 1));
        }
        out.byte(0x5f);
        out.u32(fs.length);
        for (const f of fs) this.writeField(f, out);
        break;
      }
      case 'array': {
        const f = c[1]!;
        out.byte(0x5e);
        this.writeField(head(f) === 'field' ? (f as Sx[])[(f as Sx[]).length - 1]! : f, out);
        break;
      }
      default:
        throw new Unsupported('composite type');
    }
  }

  // ---- code ----

  fieldIndex(type: number, x: Sx | undefined): number {
    if (typeof x === 'string' && x.startsWith('$')) {
      const i = this.types[type]!.fields.get(x);
      if (i === undefined) throw new Unsupported(`unknown field ${x}`);
      return i;
    }
    if (typeof x === 'string' && /^[0-9]+$/.test(x)) return Number(x);
    throw new Unsupported('field');
  }

  blockType(items: Sx[], from: number, out: Bytes): number {
    let i = from;
    if (head(items[i] ?? '') === 'type' || head(items[i] ?? '') === 'param') throw new Unsupported('block type use');
    const results: Sx[] = [];
    while (head(items[i] ?? '') === 'result') results.push(...(items[i++] as Sx[]).slice(1));
    if (results.length === 0) out.byte(0x40);
    else if (results.length === 1) this.valType(results[0]!, out);
    else out.s32(this.funcTypeFor([], results));
    return i;
  }
}

/** A binary module from the text of one; throws `Unsupported` for what this assembler does not read. */
export function assembleText(wat: string, customSections: readonly { name: string; data: Uint8Array }[] = []): Uint8Array {
  const top = parseSx(wat);
  if (top.length !== 1 || head(top[0]!) !== 'module') throw new Unsupported('not one module');
  const fields = (top[0] as Sx[]).slice(isName((top[0] as Sx[])[1]) ? 2 : 1) as Sx[][];
  const a = new Assembler();

  // Pass 1: index spaces. Imports come first in each space, as the binary format wants.
  const typeGroups: { start: number; count: number; rec: boolean }[] = [];
  const imports: Sx[][] = [];
  const funcs: Sx[][] = [];
  const globals: Sx[][] = [];
  const tags: Sx[][] = [];
  const memories: Sx[][] = [];
  const datas: Sx[][] = [];
  const exports: { name: Uint8Array; kind: number; ref: Sx }[] = [];
  let start: Sx | null = null;
  let defined = false;
  for (const f of fields) {
    const h = head(f);
    if (!Array.isArray(f) || h === null) throw new Unsupported('module field');
    switch (h) {
      case 'type':
        typeGroups.push({ start: a.types.length, count: 1, rec: false });
        a.registerType(f);
        break;
      case 'rec': {
        const group = { start: a.types.length, count: f.length - 1, rec: true };
        for (const t of f.slice(1)) {
          if (head(t) !== 'type') throw new Unsupported('rec group');
          a.registerType(t as Sx[]);
        }
        typeGroups.push(group);
        break;
      }
      case 'import': {
        if (defined) throw new Unsupported('import after a definition');
        const desc = f[3] as Sx[];
        const kind = head(desc);
        const s = kind === 'func' ? a.funcs : kind === 'global' ? a.globals : kind === 'tag' ? a.tags : kind === 'memory' ? a.memories : null;
        if (!s) throw new Unsupported(`import of ${kind}`);
        define(s, desc[1]);
        imports.push(f);
        break;
      }
      case 'func':
      case 'global':
      case 'tag':
      case 'memory': {
        defined = true;
        const s = h === 'func' ? a.funcs : h === 'global' ? a.globals : h === 'tag' ? a.tags : a.memories;
        const index = define(s, f[1]);
        const list = h === 'func' ? funcs : h === 'global' ? globals : h === 'tag' ? tags : memories;
        list.push(f);
        for (const x of f) {
          if (head(x) === 'export') {
            const name = (x as Sx[])[1];
            if (!(name instanceof Str)) throw new Unsupported('export name');
            exports.push({ name: name.bytes, kind: { func: 0, global: 3, tag: 4, memory: 2 }[h], ref: String(index) });
          }
          if (head(x) === 'import') throw new Unsupported('inline import');
        }
        break;
      }
      case 'data':
        define(a.datas, f[1]);
        datas.push(f);
        break;
      case 'export': {
        const name = f[1];
        const desc = f[2] as Sx[];
        const kind = { func: 0, table: 1, memory: 2, global: 3, tag: 4 }[head(desc) ?? ''];
        if (!(name instanceof Str) || kind === undefined || kind === 1) throw new Unsupported('export');
        exports.push({ name: name.bytes, kind, ref: desc[1]! });
        break;
      }
      case 'start':
        start = f[1]!;
        break;
      case 'elem': {
        // only `(elem declare func $f ...)`
        if (f[1] !== 'declare' || f[2] !== 'func') throw new Unsupported('element segment');
        for (const x of f.slice(3)) a.declaredFuncs.add(lookup(a.funcs, x, 'function'));
        break;
      }
      default:
        throw new Unsupported(`module field ${h}`);
    }
  }
  // elem declarations named functions that had not been seen yet: look them up again now
  // (lookup above threw for those), so require elem after funcs — emit.ts writes none.

  // Pass 2: sections.
  const module = new Bytes();
  module.bytes(Uint8Array.of(0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00));
  const section = (id: number, write: (b: Bytes) => void): void => {
    const b = new Bytes();
    write(b);
    module.byte(id);
    module.sized(b);
  };

  // Function signatures first: they may add implicit types, which go in the type section.
  const funcTypes: number[] = [];
  const funcParams: (string | null)[][] = [];
  const funcRest: number[] = [];
  const importTypes = imports.map((imp) => {
    const desc = imp[3] as Sx[];
    const h = head(desc);
    const from = isName(desc[1]) ? 2 : 1;
    if (h === 'func' || h === 'tag') return a.typeUse(desc, from).type;
    return -1;
  });
  for (const f of funcs) {
    let i = isName(f[1]) ? 2 : 1;
    while (head(f[i] ?? '') === 'export') i++;
    const use = a.typeUse(f, i);
    funcTypes.push(use.type);
    funcParams.push(use.paramNames);
    funcRest.push(use.rest);
  }
  const tagTypes = tags.map((t) => {
    let i = isName(t[1]) ? 2 : 1;
    while (head(t[i] ?? '') === 'export') i++;
    return a.typeUse(t, i).type;
  });

  // Encode the code now (it may add implicit block types), and the globals (ref.func declarations).
  const globalSection = new Bytes();
  globalSection.u32(globals.length);
  for (const g of globals) {
    let i = isName(g[1]) ? 2 : 1;
    while (head(g[i] ?? '') === 'export') i++;
    const t = g[i]!;
    if (head(t) === 'mut') {
      a.valType((t as Sx[])[1]!, globalSection);
      globalSection.byte(1);
    } else {
      a.valType(t, globalSection);
      globalSection.byte(0);
    }
    const w = new CodeWriter(a, new Map(), globalSection);
    w.seq(g, i + 1);
    globalSection.byte(0x0b);
  }
  const fromGlobals = new Set(a.refFuncs);
  a.refFuncs.clear();

  const code = new Bytes();
  code.u32(funcs.length);
  funcs.forEach((f, n) => {
    const locals = new Map<string, number>();
    funcParams[n]!.forEach((name, k) => {
      if (name) locals.set(name, k);
    });
    let index = funcParams[n]!.length;
    let i = funcRest[n]!;
    const localTypes: Sx[] = [];
    while (head(f[i] ?? '') === 'local') {
      const l = f[i] as Sx[];
      if (isName(l[1])) {
        if (locals.has(l[1])) throw new Unsupported(`duplicate local ${l[1]}`);
        locals.set(l[1], index++);
        localTypes.push(l[2]!);
      } else for (const t of l.slice(1)) (localTypes.push(t), index++);
      i++;
    }
    const body = new Bytes();
    // locals, run-length encoded by type
    const runs: [number, Sx][] = [];
    let lastKey = '';
    for (const t of localTypes) {
      const key = a.typeKey(t);
      if (runs.length > 0 && key === lastKey) runs[runs.length - 1]![0]++;
      else runs.push([1, t]);
      lastKey = key;
    }
    body.u32(runs.length);
    for (const [count, t] of runs) {
      body.u32(count);
      a.valType(t, body);
    }
    new CodeWriter(a, locals, body).seq(f, i);
    body.byte(0x0b);
    code.sized(body);
  });

  // type section, by groups; implicit function types each in their own group
  section(1, (b) => {
    const implicitStart = typeGroups.reduce((s, g) => s + g.count, 0);
    const groups = [...typeGroups];
    for (let k = implicitStart; k < a.types.length; k++) groups.push({ start: k, count: 1, rec: false });
    b.u32(groups.length);
    for (const g of groups) {
      if (g.rec) {
        b.byte(0x4e);
        b.u32(g.count);
      }
      for (let k = g.start; k < g.start + g.count; k++) a.writeSubType(a.types[k]!, b);
    }
  });
  section(2, (b) => {
    b.u32(imports.length);
    imports.forEach((imp, k) => {
      const [m, n, desc] = [imp[1], imp[2], imp[3] as Sx[]];
      if (!(m instanceof Str) || !(n instanceof Str)) throw new Unsupported('import names');
      b.name(m.bytes);
      b.name(n.bytes);
      const h = head(desc)!;
      const from = isName(desc[1]) ? 2 : 1;
      if (h === 'func') {
        b.byte(0x00);
        b.u32(importTypes[k]!);
      } else if (h === 'tag') {
        b.byte(0x04);
        b.byte(0x00);
        b.u32(importTypes[k]!);
      } else if (h === 'global') {
        b.byte(0x03);
        const t = desc[from]!;
        if (head(t) === 'mut') {
          a.valType((t as Sx[])[1]!, b);
          b.byte(1);
        } else {
          a.valType(t, b);
          b.byte(0);
        }
      } else {
        b.byte(0x02);
        writeLimits(desc.slice(from), b);
      }
    });
  });
  section(3, (b) => {
    b.u32(funcs.length);
    for (const t of funcTypes) b.u32(t);
  });
  if (memories.length > 0) {
    section(5, (b) => {
      b.u32(memories.length);
      for (const m of memories) {
        let i = isName(m[1]) ? 2 : 1;
        while (head(m[i] ?? '') === 'export') i++;
        writeLimits(m.slice(i), b);
      }
    });
  }
  if (tags.length > 0) {
    section(13, (b) => {
      b.u32(tags.length);
      for (const t of tagTypes) {
        b.byte(0x00);
        b.u32(t);
      }
    });
  }
  section(6, (b) => b.bytes(globalSection.done()));
  section(7, (b) => {
    b.u32(exports.length);
    for (const e of exports) {
      b.name(e.name);
      b.byte(e.kind);
      const s = [a.funcs, null, a.memories, a.globals, a.tags][e.kind]!;
      b.u32(lookup(s, e.ref, 'export'));
    }
  });
  if (start !== null) section(8, (b) => b.u32(lookup(a.funcs, start!, 'function')));
  // functions that code takes a reference to must be declared: those not already
  // referred to by a global or an export go in a declarative element segment
  const exported = new Set(exports.filter((e) => e.kind === 0).map((e) => lookup(a.funcs, e.ref, 'export')));
  const declare = [...new Set([...a.refFuncs, ...a.declaredFuncs])].filter((f) => !fromGlobals.has(f) && !exported.has(f));
  if (declare.length > 0) {
    section(9, (b) => {
      b.u32(1);
      b.u32(3);
      b.byte(0x00);
      b.u32(declare.length);
      for (const f of declare) b.u32(f);
    });
  }
  if (datas.length > 0) section(12, (b) => b.u32(datas.length));
  module.byte(10);
  module.sized(code);
  if (datas.length > 0) {
    section(11, (b) => {
      b.u32(datas.length);
      for (const d of datas) {
        let i = isName(d[1]) ? 2 : 1;
        if (d[i] instanceof Str || i >= d.length) b.u32(1); // passive
        else {
          if (head(d[i]!) === 'memory') throw new Unsupported('data in another memory');
          b.u32(0);
          const offset = d[i] as Sx[];
          const w = new CodeWriter(a, new Map(), b);
          if (head(offset) === 'offset') w.seq(offset, 1);
          else w.folded(offset);
          b.byte(0x0b);
          i++;
        }
        const parts = d.slice(i);
        let size = 0;
        for (const p of parts) {
          if (!(p instanceof Str)) throw new Unsupported('data');
          size += p.bytes.length;
        }
        b.u32(size);
        for (const p of parts) b.bytes((p as Str).bytes);
      }
    });
  }
  for (const s of customSections) {
    section(0, (b) => {
      b.name(s.name);
      b.bytes(s.data);
    });
  }
  return module.done();
}

function writeLimits(items: Sx[], b: Bytes): void {
  const nums = items.filter((x): x is string => typeof x === 'string' && /^[0-9]+$/.test(x)).map(Number);
  if (nums.length !== items.length || nums.length === 0 || nums.length > 2) throw new Unsupported('limits');
  if (nums.length === 1) {
    b.byte(0x00);
    b.u32(nums[0]!);
  } else {
    b.byte(0x01);
    b.u32(nums[0]!);
    b.u32(nums[1]!);
  }
}
