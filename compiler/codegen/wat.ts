// Reading WebAssembly text and writing the binary format's primitives, for
// assemble.ts: S-expressions with string literals decoded to bytes, integer and
// float literals as the text format writes them, LEB128 and little-endian
// numbers. What it does not read raises `Unsupported`.

export class Unsupported extends Error {}

// ---- S-expressions ----

/** A string literal's bytes (text atoms are plain strings). */
export class Str {
  readonly bytes: Uint8Array;
  constructor(bytes: Uint8Array) {
    this.bytes = bytes;
  }
}
export type Sx = string | Str | Sx[];

const utf8 = new TextEncoder();

function readString(src: string, from: number): { bytes: Uint8Array; end: number } {
  const out: number[] = [];
  let i = from + 1;
  for (;;) {
    if (i >= src.length) throw new Unsupported('unterminated string');
    const c = src.charCodeAt(i);
    if (c === 0x22) return { bytes: Uint8Array.from(out), end: i + 1 };
    if (c === 0x5c) {
      const d = src[i + 1]!;
      const simple: Record<string, number> = { n: 10, t: 9, r: 13, '"': 0x22, "'": 0x27, '\\': 0x5c };
      if (d in simple) {
        out.push(simple[d]!);
        i += 2;
      } else if (/[0-9a-fA-F]/.test(d)) {
        out.push(parseInt(src.slice(i + 1, i + 3), 16));
        i += 3;
      } else throw new Unsupported(`string escape \\${d}`);
    } else if (c < 0x80) {
      out.push(c);
      i++;
    } else {
      const cp = src.codePointAt(i)!;
      out.push(...utf8.encode(String.fromCodePoint(cp)));
      i += cp > 0xffff ? 2 : 1;
    }
  }
}

export function parseSx(src: string): Sx[] {
  const stack: Sx[][] = [[]];
  const n = src.length;
  let i = 0;
  while (i < n) {
    const c = src.charCodeAt(i);
    if (c === 0x28) {
      if (src.charCodeAt(i + 1) === 0x3b) throw new Unsupported('block comment');
      const list: Sx[] = [];
      stack[stack.length - 1]!.push(list);
      stack.push(list);
      i++;
    } else if (c === 0x29) {
      if (stack.length < 2) throw new Unsupported('unbalanced parenthesis');
      stack.pop();
      i++;
    } else if (c === 0x20 || c === 0x0a || c === 0x09 || c === 0x0d) {
      i++;
    } else if (c === 0x3b && src.charCodeAt(i + 1) === 0x3b) {
      while (i < n && src.charCodeAt(i) !== 0x0a) i++;
    } else if (c === 0x22) {
      const s = readString(src, i);
      stack[stack.length - 1]!.push(new Str(s.bytes));
      i = s.end;
    } else {
      let j = i + 1;
      for (; j < n; j++) {
        const d = src.charCodeAt(j);
        if (d === 0x28 || d === 0x29 || d === 0x20 || d === 0x0a || d === 0x09 || d === 0x0d || d === 0x22) break;
      }
      stack[stack.length - 1]!.push(src.slice(i, j));
      i = j;
    }
  }
  if (stack.length !== 1) throw new Unsupported('unbalanced parenthesis');
  return stack[0]!;
}

export const head = (x: Sx): string | null => (Array.isArray(x) && typeof x[0] === 'string' ? x[0] : null);
export const isName = (x: Sx | undefined): x is string => typeof x === 'string' && x.startsWith('$');

// ---- Bytes ----

export class Bytes {
  buf = new Uint8Array(1024);
  len = 0;
  private room(n: number): void {
    if (this.len + n <= this.buf.length) return;
    const b = new Uint8Array(Math.max(this.buf.length * 2, this.len + n));
    b.set(this.buf.subarray(0, this.len));
    this.buf = b;
  }
  byte(b: number): void {
    this.room(1);
    this.buf[this.len++] = b;
  }
  bytes(bs: Uint8Array): void {
    this.room(bs.length);
    this.buf.set(bs, this.len);
    this.len += bs.length;
  }
  u32(v: number): void {
    do {
      let b = v & 0x7f;
      v >>>= 7;
      if (v !== 0) b |= 0x80;
      this.byte(b);
    } while (v !== 0);
  }
  s32(v: number): void {
    v |= 0;
    for (;;) {
      const b = v & 0x7f;
      v >>= 7;
      if ((v === 0 && (b & 0x40) === 0) || (v === -1 && (b & 0x40) !== 0)) return this.byte(b);
      this.byte(b | 0x80);
    }
  }
  s64(v: bigint): void {
    for (;;) {
      const b = Number(v & 0x7fn);
      v >>= 7n;
      if ((v === 0n && (b & 0x40) === 0) || (v === -1n && (b & 0x40) !== 0)) return this.byte(b);
      this.byte(b | 0x80);
    }
  }
  f64(v: number): void {
    const b = new Uint8Array(8);
    new DataView(b.buffer).setFloat64(0, v, true);
    this.bytes(b);
  }
  f32(v: number): void {
    const b = new Uint8Array(4);
    new DataView(b.buffer).setFloat32(0, v, true);
    this.bytes(b);
  }
  name(s: string | Uint8Array): void {
    const b = typeof s === 'string' ? utf8.encode(s) : s;
    this.u32(b.length);
    this.bytes(b);
  }
  sized(inner: Bytes): void {
    this.u32(inner.len);
    this.bytes(inner.buf.subarray(0, inner.len));
  }
  done(): Uint8Array {
    return this.buf.slice(0, this.len);
  }
}

// ---- Numbers ----

export function intText(t: string): bigint {
  let s = t.replace(/_/g, '');
  let neg = false;
  if (s[0] === '-' || s[0] === '+') {
    neg = s[0] === '-';
    s = s.slice(1);
  }
  if (!/^(0x[0-9a-fA-F]+|[0-9]+)$/.test(s)) throw new Unsupported(`integer ${t}`);
  const v = BigInt(s);
  return neg ? -v : v;
}

export function i32Text(t: string): number {
  if (/^-?[0-9]{1,9}$/.test(t)) return Number(t);
  return Number(BigInt.asIntN(32, intText(t)));
}

export function floatText(t: string): number {
  let s = t.replace(/_/g, '');
  let sign = 1;
  if (s[0] === '-' || s[0] === '+') {
    if (s[0] === '-') sign = -1;
    s = s.slice(1);
  }
  if (s === 'inf') return sign * Infinity;
  if (s === 'nan') return sign * NaN;
  if (s.startsWith('nan:')) throw new Unsupported('NaN payload');
  if (s.startsWith('0x')) {
    const m = /^0x([0-9a-fA-F]*)(?:\.([0-9a-fA-F]*))?(?:[pP]([+-]?[0-9]+))?$/.exec(s);
    if (!m) throw new Unsupported(`float ${t}`);
    const digits = (m[1] ?? '') + (m[2] ?? '');
    if (digits.length > 13) throw new Unsupported(`float ${t}`); // would need exact rounding
    const mant = digits === '' ? 0 : parseInt(digits, 16);
    return sign * mant * 2 ** (Number(m[3] ?? 0) - 4 * (m[2]?.length ?? 0));
  }
  if (!/^[0-9]+(\.[0-9]*)?([eE][+-]?[0-9]+)?$/.test(s)) throw new Unsupported(`float ${t}`);
  return sign * Number(s);
}
