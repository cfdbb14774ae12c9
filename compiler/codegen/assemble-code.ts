// Encodes the instructions of function bodies and constant expressions for
// assemble.ts: folded or plain instructions, named locals and labels, and the
// index spaces names are looked up in.

import type { Assembler } from './assemble.ts';
import { gcSimple, gcTyped, knownOps, memOps, simpleOps } from './opcodes.ts';
import { Bytes, floatText, head, i32Text, intText, isName, type Sx, Unsupported } from './wat.ts';

export interface Space {
  readonly index: Map<string, number>;
  count: number;
}
export const space = (): Space => ({ index: new Map(), count: 0 });

export function define(s: Space, name: Sx | undefined): number {
  const i = s.count++;
  if (isName(name)) {
    if (s.index.has(name)) throw new Unsupported(`duplicate name ${name}`);
    s.index.set(name, i);
  }
  return i;
}

export function lookup(s: Space, x: Sx | undefined, what: string): number {
  if (typeof x !== 'string') throw new Unsupported(`${what} expected`);
  if (x.startsWith('$')) {
    const i = s.index.get(x);
    if (i === undefined) throw new Unsupported(`unknown ${what} ${x}`);
    return i;
  }
  if (/^[0-9]+$/.test(x) && Number(x) < s.count) return Number(x);
  throw new Unsupported(`${what} ${x}`);
}

/** Encodes one function body. */
export class CodeWriter {
  readonly labels: (string | null)[] = [];
  readonly a: Assembler;
  readonly locals: Map<string, number>;
  readonly out: Bytes;
  constructor(a: Assembler, locals: Map<string, number>, out: Bytes) {
    this.a = a;
    this.locals = locals;
    this.out = out;
  }

  local(x: Sx | undefined): number {
    if (typeof x === 'string' && x.startsWith('$')) {
      const i = this.locals.get(x);
      if (i === undefined) throw new Unsupported(`unknown local ${x}`);
      return i;
    }
    if (typeof x === 'string' && /^[0-9]+$/.test(x)) return Number(x);
    throw new Unsupported('local');
  }

  label(x: Sx | undefined): number {
    if (typeof x === 'string' && x.startsWith('$')) {
      const i = this.labels.lastIndexOf(x);
      if (i < 0) throw new Unsupported(`unknown label ${x}`);
      return this.labels.length - 1 - i;
    }
    if (typeof x === 'string' && /^[0-9]+$/.test(x)) return Number(x);
    throw new Unsupported('label');
  }

  /** A sequence of instructions, folded or plain. */
  seq(items: Sx[], from: number): void {
    let i = from;
    while (i < items.length) {
      const it = items[i]!;
      if (Array.isArray(it)) {
        this.folded(it);
        i++;
      } else if (typeof it === 'string') {
        i = this.plain(items, i);
      } else throw new Unsupported('string in code');
    }
  }

  folded(l: Sx[]): void {
    const op = l[0];
    if (typeof op !== 'string') throw new Unsupported('instruction');
    const out = this.out;
    const a = this.a;
    if (op === 'block' || op === 'loop') {
      let i = 1;
      const label = isName(l[1]) ? l[1] : null;
      if (label) i++;
      out.byte(op === 'block' ? 0x02 : 0x03);
      i = a.blockType(l, i, out);
      this.labels.push(label);
      this.seq(l, i);
      this.labels.pop();
      out.byte(0x0b);
      return;
    }
    if (op === 'if') {
      let i = 1;
      const label = isName(l[1]) ? l[1] : null;
      if (label) i++;
      const bt = new Bytes();
      i = a.blockType(l, i, bt);
      // the condition: folded instructions before (then ...)
      while (i < l.length && head(l[i]!) !== 'then') this.folded(l[i++] as Sx[]);
      const thenArm = l[i] as Sx[] | undefined;
      const elseArm = l[i + 1] as Sx[] | undefined;
      if (!thenArm || head(thenArm) !== 'then' || (elseArm && head(elseArm) !== 'else') || i + 2 < l.length) {
        throw new Unsupported('if');
      }
      out.byte(0x04);
      out.bytes(bt.done());
      this.labels.push(label);
      this.seq(thenArm, 1);
      if (elseArm && elseArm.length > 1) {
        out.byte(0x05);
        this.seq(elseArm, 1);
      }
      this.labels.pop();
      out.byte(0x0b);
      return;
    }
    if (op === 'try_table') {
      let i = 1;
      const label = isName(l[1]) ? l[1] : null;
      if (label) i++;
      const bt = new Bytes();
      i = a.blockType(l, i, bt);
      const catches: Sx[][] = [];
      while (i < l.length && /^catch/.test(head(l[i]!) ?? '')) catches.push(l[i++] as Sx[]);
      out.byte(0x1f);
      out.bytes(bt.done());
      out.u32(catches.length);
      // catch labels are relative to the enclosing blocks, not to the try_table itself
      for (const c of catches) {
        const kind = ['catch', 'catch_ref', 'catch_all', 'catch_all_ref'].indexOf(c[0] as string);
        if (kind < 0) throw new Unsupported('catch clause');
        out.byte(kind);
        if (kind < 2) {
          out.u32(lookup(a.tags, c[1], 'tag'));
          out.u32(this.label(c[2]));
        } else out.u32(this.label(c[1]));
      }
      this.labels.push(label);
      this.seq(l, i);
      this.labels.pop();
      out.byte(0x0b);
      return;
    }
    // Operands first, then the instruction with its immediates.
    const firstOperand = this.operandStart(op, l);
    for (let j = firstOperand; j < l.length; j++) {
      const x = l[j]!;
      if (!Array.isArray(x)) throw new Unsupported(`operand of ${op}`);
      this.folded(x);
    }
    const end = this.instr(l, 0, firstOperand);
    if (end !== firstOperand) throw new Unsupported(`immediates of ${op}`);
  }

  /** Where the operands of a folded instruction start: after its immediates. */
  operandStart(op: string, l: Sx[]): number {
    let k = 1;
    const listImmediate = op === 'ref.test' || op === 'ref.cast' || op === 'select' || op.startsWith('br_on_cast');
    if (listImmediate) {
      // (ref ...) immediates, or (result ...) for select
      while (k < l.length) {
        const x = l[k]!;
        if (typeof x === 'string') k++;
        else if (head(x) === 'ref' || head(x) === 'result') k++;
        else break;
      }
      return k;
    }
    while (k < l.length && typeof l[k] === 'string') k++;
    return k;
  }

  /** A plain instruction at items[i]; returns the index after its immediates. */
  plain(items: Sx[], i: number): number {
    const op = items[i] as string;
    if (op === 'block' || op === 'loop' || op === 'if' || op === 'try_table' || op === 'end' || op === 'else') {
      throw new Unsupported(`plain ${op}`);
    }
    let end = i + 1;
    while (end < items.length && typeof items[end] === 'string' && !knownOps.has(items[end] as string)) end++;
    const stop = this.instr(items, i, end);
    if (stop !== end) throw new Unsupported(`immediates of ${op}`);
    return end;
  }

  /** Encodes the instruction items[i] whose immediates run up to `end`; returns where they stopped. */
  instr(items: Sx[], i: number, end: number): number {
    const op = items[i] as string;
    const out = this.out;
    const a = this.a;
    let j = i + 1;
    const imm = (): Sx => {
      if (j >= end) throw new Unsupported(`immediate of ${op}`);
      return items[j++]!;
    };
    const simple = simpleOps[op];
    if (simple !== undefined) {
      if (simple > 0xff) {
        out.byte(0xfc);
        out.u32(simple & 0xff);
      } else out.byte(simple);
      return j;
    }
    const gc = gcSimple[op];
    if (gc !== undefined) {
      out.byte(0xfb);
      out.u32(gc);
      return j;
    }
    const mem = memOps[op];
    if (mem !== undefined) {
      let offset = 0;
      let align = mem[1];
      while (j < end && typeof items[j] === 'string') {
        const m = /^(offset|align)=(\d+)$/.exec(items[j] as string);
        if (!m) break;
        if (m[1] === 'offset') offset = Number(m[2]);
        else align = Math.log2(Number(m[2]));
        j++;
      }
      out.byte(mem[0]);
      out.u32(align);
      out.u32(offset);
      return j;
    }
    switch (op) {
      case 'i32.const':
        out.byte(0x41);
        out.s32(i32Text(imm() as string));
        return j;
      case 'i64.const':
        out.byte(0x42);
        out.s64(BigInt.asIntN(64, intText(imm() as string)));
        return j;
      case 'f64.const':
        out.byte(0x44);
        out.f64(floatText(imm() as string));
        return j;
      case 'f32.const':
        out.byte(0x43);
        out.f32(floatText(imm() as string));
        return j;
      case 'local.get':
      case 'local.set':
      case 'local.tee':
        out.byte(op === 'local.get' ? 0x20 : op === 'local.set' ? 0x21 : 0x22);
        out.u32(this.local(imm()));
        return j;
      case 'global.get':
      case 'global.set':
        out.byte(op === 'global.get' ? 0x23 : 0x24);
        out.u32(lookup(a.globals, imm(), 'global'));
        return j;
      case 'call':
      case 'return_call':
        out.byte(op === 'call' ? 0x10 : 0x12);
        out.u32(lookup(a.funcs, imm(), 'function'));
        return j;
      case 'call_ref':
      case 'return_call_ref':
        out.byte(op === 'call_ref' ? 0x14 : 0x15);
        out.u32(lookup(a.typeSpace, imm(), 'type'));
        return j;
      case 'ref.func': {
        const f = lookup(a.funcs, imm(), 'function');
        a.refFuncs.add(f);
        out.byte(0xd2);
        out.u32(f);
        return j;
      }
      case 'ref.null':
        out.byte(0xd0);
        a.heapType(imm(), out);
        return j;
      case 'br':
      case 'br_if':
      case 'br_on_null':
      case 'br_on_non_null':
        out.byte({ br: 0x0c, br_if: 0x0d, br_on_null: 0xd5, br_on_non_null: 0xd6 }[op]);
        out.u32(this.label(imm()));
        return j;
      case 'br_table': {
        const targets: number[] = [];
        while (j < end) targets.push(this.label(imm()));
        if (targets.length === 0) throw new Unsupported('br_table');
        out.byte(0x0e);
        out.u32(targets.length - 1);
        for (const t of targets) out.u32(t);
        return j;
      }
      case 'throw':
        out.byte(0x08);
        out.u32(lookup(a.tags, imm(), 'tag'));
        return j;
      case 'select': {
        const results: Sx[] = [];
        while (j < end && head(items[j]!) === 'result') results.push(...(items[j++] as Sx[]).slice(1));
        if (results.length === 0) out.byte(0x1b);
        else {
          out.byte(0x1c);
          out.u32(results.length);
          for (const r of results) a.valType(r, out);
        }
        return j;
      }
      case 'ref.test':
      case 'ref.cast': {
        const [nullable, ht] = a.refType(imm());
        out.byte(0xfb);
        out.u32((op === 'ref.test' ? 20 : 22) + (nullable ? 1 : 0));
        a.heapType(ht, out);
        return j;
      }
      case 'br_on_cast':
      case 'br_on_cast_fail': {
        const label = this.label(imm());
        const [n1, h1] = a.refType(imm());
        const [n2, h2] = a.refType(imm());
        out.byte(0xfb);
        out.u32(op === 'br_on_cast' ? 24 : 25);
        out.byte((n1 ? 1 : 0) | (n2 ? 2 : 0));
        out.u32(label);
        a.heapType(h1, out);
        a.heapType(h2, out);
        return j;
      }
      case 'memory.size':
      case 'memory.grow': {
        out.byte(op === 'memory.size' ? 0x3f : 0x40);
        out.u32(j < end && isName(items[j]) ? lookup(a.memories, imm(), 'memory') : 0);
        return j;
      }
      case 'memory.copy':
      case 'memory.fill': {
        out.byte(0xfc);
        out.u32(op === 'memory.copy' ? 10 : 11);
        out.byte(0);
        if (op === 'memory.copy') out.byte(0);
        return j;
      }
    }
    const sub = gcTyped[op];
    if (sub === undefined) throw new Unsupported(`instruction ${op}`);
    out.byte(0xfb);
    out.u32(sub);
    const t = lookup(a.typeSpace, imm(), 'type');
    out.u32(t);
    if (op.startsWith('struct.get') || op === 'struct.set') out.u32(a.fieldIndex(t, imm()));
    else if (op === 'array.new_fixed') out.u32(Number(imm()));
    else if (op === 'array.copy') out.u32(lookup(a.typeSpace, imm(), 'type'));
    else if (op === 'array.new_data' || op === 'array.init_data') out.u32(lookup(a.datas, imm(), 'data segment'));
    return j;
  }
}
