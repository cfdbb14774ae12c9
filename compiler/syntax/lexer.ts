// The lexer: OCaml 4.13's lexical syntax, turned into an array of tokens.
//
// Invariants:
// - The source text was decoded as latin1, so one JS char is one byte and every
//   offset is a byte offset; string literal values are byte arrays.
// - Comments nest, and string, quoted-string and char literals inside a comment
//   are skipped as literals, so `(* "*)" *)` is one comment (as in OCaml).
// - Integer literals are not range-checked here: `-4611686018427387904` is only
//   valid once the parser has folded the minus into the literal.
// - Errors throw a CompileError (phase 'lex') located at the start of the
//   offending literal or comment.

import type { Span } from './ast.ts';
import type { SourceFile } from '../diagnostics/source.ts';
import { CompileError, type Diagnostic } from '../diagnostics/diagnostic.ts';
import { KEYWORDS, type Token, type TokenKind } from './tokens.ts';

const enc = new TextEncoder();

// Character classes, indexed by char code (0..255).
const IDENT = new Uint8Array(256); // [A-Za-z0-9_']
const SYMBOL = new Uint8Array(256); // OCaml's symbolchar
for (let c = 0; c < 256; c++) {
  const ch = String.fromCharCode(c);
  if (/[A-Za-z0-9_']/.test(ch)) IDENT[c] = 1;
  if ('!$%&*+-./:<=>?@^|~'.includes(ch)) SYMBOL[c] = 1;
}
const HASH = 0x23;

function isDigit(c: number): boolean {
  return c >= 0x30 && c <= 0x39;
}
function isLower(c: number): boolean {
  return (c >= 0x61 && c <= 0x7a) || c === 0x5f;
}
function isUpper(c: number): boolean {
  return c >= 0x41 && c <= 0x5a;
}
function hexValue(c: number): number {
  if (c >= 0x30 && c <= 0x39) return c - 0x30;
  if (c >= 0x61 && c <= 0x66) return c - 0x61 + 10;
  if (c >= 0x41 && c <= 0x46) return c - 0x41 + 10;
  return -1;
}

/** Tokenizes a whole file; the last token is always `eof`. */
export function tokenize(file: SourceFile): Token[] {
  return new Lexer(file).run();
}

class Lexer {
  readonly file: SourceFile;
  readonly text: string;
  pos = 0;
  readonly tokens: Token[] = [];

  constructor(file: SourceFile) {
    this.file = file;
    this.text = file.text;
  }

  span(start: number, end: number): Span {
    return { file: this.file.path, start, end };
  }

  fail(start: number, end: number, message: string, related?: Diagnostic['related'], notes?: string[]): never {
    let d: Diagnostic = { severity: 'error', phase: 'lex', span: this.span(start, end), message };
    if (notes && notes.length > 0) d = { ...d, notes };
    throw new CompileError([related ? { ...d, related } : d]);
  }

  push(kind: TokenKind, start: number, extra?: Partial<Token>): void {
    // Every token gets the same fields in the same order, so that they share
    // one hidden class: the parser reads millions of them.
    this.tokens.push({
      kind,
      text: this.text.slice(start, this.pos),
      start,
      end: this.pos,
      int: extra?.int,
      radix: extra?.radix,
      num: extra?.num,
      bytes: extra?.bytes,
      name: extra?.name,
    });
  }

  run(): Token[] {
    const text = this.text;
    const n = text.length;
    while (true) {
      // Skip blanks and comments.
      let c = 0;
      while (this.pos < n) {
        c = text.charCodeAt(this.pos);
        if (c === 0x20 || c === 0x0a || c === 0x09 || c === 0x0d || c === 0x0c) this.pos++;
        else if (c === 0x28 && text.charCodeAt(this.pos + 1) === 0x2a) this.skipComment();
        else break;
      }
      if (this.pos >= n) break;
      this.token(c);
    }
    this.pos = n;
    this.push('eof', n);
    return this.tokens;
  }

  token(c: number): void {
    const text = this.text;
    const start = this.pos;
    const next = text.charCodeAt(start + 1);
    if (isLower(c) || isUpper(c)) {
      let p = start + 1;
      while (p < text.length && IDENT[text.charCodeAt(p)]) p++;
      const word = text.slice(start, p);
      this.pos = p;
      if (word === '_') return this.push('sym', start);
      if (KEYWORDS.has(word)) {
        // Binding operators `let*`, `and+`: the keyword glued to operator chars.
        if ((word === 'let' || word === 'and') && this.isBindingOpChar(text.charCodeAt(p))) {
          this.pos++;
          while (SYMBOL[text.charCodeAt(this.pos)]) this.pos++;
          return this.push('sym', start);
        }
        return this.push('kw', start);
      }
      return this.push(isUpper(c) ? 'uident' : 'lident', start);
    }
    if (isDigit(c)) return this.number(start);
    switch (c) {
      case 0x22: // "
        return this.stringLiteral(start);
      case 0x27: // '
        return this.quote(start);
      case 0x28: // (
      case 0x29: // )
      case 0x5d: // ]
      case 0x7d: // }
      case 0x2c: // ,
      case 0x60: // `
        this.pos++;
        return this.push('sym', start);
      case 0x5b: // [
        this.pos++;
        if (next === 0x7c) this.pos++; // [|
        else if (next === 0x40 || next === 0x25) {
          // Attributes and extension nodes: `[@`, `[@@`, `[@@@`, `[%`, `[%%`.
          while (text.charCodeAt(this.pos) === next) this.pos++;
        }
        return this.push('sym', start);
      case 0x7b: // {
        if (this.quotedString(start)) return;
        this.pos++;
        return this.push('sym', start);
      case 0x3b: // ;
        this.pos += next === 0x3b ? 2 : 1;
        return this.push('sym', start);
      case 0x7c: // |
        if (next === 0x5d) {
          this.pos += 2;
          return this.push('sym', start);
        }
        return this.operator(start, false);
      case 0x3a: // :  only `:`, `::`, `:=`, `:>` begin with a colon
        this.pos += next === 0x3a || next === 0x3d || next === 0x3e ? 2 : 1;
        return this.push('sym', start);
      case 0x2e: // .
        this.pos += next === 0x2e ? 2 : 1;
        return this.push('sym', start);
      case 0x7e: // ~
      case 0x3f: // ?
        if (isLower(next)) {
          let p = start + 2;
          while (IDENT[text.charCodeAt(p)]) p++;
          if (text.charCodeAt(p) === 0x3a && text.charCodeAt(p + 1) !== 0x3a) {
            const name = text.slice(start + 1, p);
            if (KEYWORDS.has(name)) this.fail(start, p, `Syntax error: '${name}' is a keyword and cannot be a label`);
            this.pos = p + 1;
            return this.push(c === 0x7e ? 'label' : 'optlabel', start, { name });
          }
        }
        return this.operator(start, true);
      case 0x21: // !
        return this.operator(start, true);
      case HASH:
        return this.operator(start, true);
    }
    if (SYMBOL[c]) return this.operator(start, false);
    this.fail(start, start + 1, `Illegal character (${c < 0x20 || c > 0x7e ? '\\' + c.toString().padStart(3, '0') : text[start]})`, undefined, this.illegalCharacterNotes(start));
  }

  isBindingOpChar(c: number): boolean {
    // `$ & * + - / < = > @ ^ |` may follow `let`/`and` to form a binding operator.
    return c === 0x24 || c === 0x26 || c === 0x2a || c === 0x2b || c === 0x2d || c === 0x2f ||
      c === 0x3c || c === 0x3d || c === 0x3e || c === 0x40 || c === 0x5e || c === 0x7c;
  }

  /** A maximal run of operator characters; prefix/hash operators may contain `#`. */
  operator(start: number, withHash: boolean): void {
    const text = this.text;
    let p = start + 1;
    while (p < text.length) {
      const c = text.charCodeAt(p);
      if (SYMBOL[c] || (withHash && c === HASH)) p++;
      else break;
    }
    this.pos = p;
    this.push('sym', start);
  }

  /** Why a byte outside OCaml's syntax is there: most often a typographic quote or dash pasted from a document. */
  illegalCharacterNotes(start: number): string[] {
    const t = this.text;
    const c = t.charCodeAt(start);
    if (c < 0x80) return [];
    const seq = t.slice(start, start + 3);
    const typographic: Record<string, string> = {
      '\xe2\x80\x9c': 'a typographic double quote; strings are written between plain double quotes: "..."',
      '\xe2\x80\x9d': 'a typographic double quote; strings are written between plain double quotes: "..."',
      '\xe2\x80\x98': "a typographic single quote; characters are written between plain quotes: 'a'",
      '\xe2\x80\x99': "a typographic single quote; characters are written between plain quotes: 'a'",
      '\xe2\x80\x93': "a dash; subtraction is written with a plain '-'",
      '\xe2\x80\x94': "a dash; subtraction is written with a plain '-'",
      '\xc2\xa0': 'a non-breaking space; use a plain space',
    };
    const which = typographic[seq] ?? typographic[seq.slice(0, 2)];
    if (which) return [`This is ${which}.`];
    return ['Outside strings and comments, OCaml source is ASCII: names cannot use accented or other non-ASCII letters.'];
  }

  skipComment(): void {
    const text = this.text;
    const n = text.length;
    const opened = this.pos;
    const stack: number[] = [opened]; // starts of the open comments, for the error
    // the last `*)` that closed a nested comment, and the depth it left: for the error
    let innerOpen = -1;
    let innerClose = -1;
    let innerDepth = 0;
    this.pos += 2;
    while (this.pos < n) {
      const c = text.charCodeAt(this.pos);
      if (c === 0x28 && text.charCodeAt(this.pos + 1) === 0x2a) {
        stack.push(this.pos);
        this.pos += 2;
      } else if (c === 0x2a && text.charCodeAt(this.pos + 1) === 0x29) {
        const inner = stack.pop()!;
        if (stack.length === 0) {
          this.pos += 2;
          return;
        }
        innerOpen = inner;
        innerClose = this.pos;
        innerDepth = stack.length;
        this.pos += 2;
      } else if (c === 0x22) {
        const s = this.pos;
        try {
          this.stringBody(s);
        } catch {
          this.fail(s, s + 1, 'This comment contains an unterminated string literal', [
            { span: this.span(stack[stack.length - 1]!, stack[stack.length - 1]! + 2), message: 'the comment begins here' },
          ]);
        }
      } else if (c === 0x7b) {
        const s = this.pos;
        if (!this.quotedString(s, true)) this.pos++;
      } else if (c === 0x27) {
        this.pos += this.charInComment();
      } else this.pos++;
    }
    const s = stack[stack.length - 1]!;
    const related: NonNullable<Diagnostic['related']> = [];
    const notes = ["This '(*' is never closed by '*)', so the rest of the file is part of the comment."];
    if (innerDepth === stack.length) {
      // `(* a (* b *)`: the `*)` meant for this comment closed the nested one.
      const closeLine = this.file.position(innerClose).line;
      const openLine = this.file.position(innerOpen).line;
      notes.push(
        `The '*)' on line ${closeLine} closes the '(*' opened on line ${openLine} (comments nest), leaving this one open: ` +
          "close the inner comment too, or remove its '(*'.",
      );
      related.push({ span: this.span(innerOpen, innerOpen + 2), message: `This '(*' takes the '*)' on line ${closeLine}` });
    } else if (s !== opened) {
      notes.push("Comments nest: each '(*' inside a comment needs its own '*)'.");
    }
    if (s !== opened) related.push({ span: this.span(opened, opened + 2), message: 'inside the comment that begins here' });
    this.fail(s, s + 2, 'Comment not terminated', related.length > 0 ? related : undefined, notes);
  }

  /** Length to skip for a quote inside a comment: a whole char literal, or just `'`. */
  charInComment(): number {
    const t = this.text;
    const p = this.pos;
    if (t.charCodeAt(p + 1) !== 0x5c) return t.charCodeAt(p + 2) === 0x27 ? 3 : 1;
    for (const len of [4, 6, 7]) if (t.charCodeAt(p + len - 1) === 0x27) return len;
    return 1;
  }

  stringLiteral(start: number): void {
    const bytes = this.stringBody(start);
    this.push('string', start, { bytes });
  }

  /** Reads `"..."` starting at the quote; leaves pos after the closing quote. */
  stringBody(start: number): Uint8Array {
    const text = this.text;
    const n = text.length;
    const out: number[] = [];
    let p = start + 1;
    while (true) {
      if (p >= n) {
        this.fail(start, start + 1, 'String literal not terminated', undefined, [
          'This \'"\' is never closed: a string may span several lines, so everything after it, to the end of the file, is inside the string.',
        ]);
      }
      const c = text.charCodeAt(p);
      if (c === 0x22) break;
      if (c !== 0x5c) {
        out.push(c);
        p++;
        continue;
      }
      const e = text.charCodeAt(p + 1);
      if (e === 0x0a || (e === 0x0d && text.charCodeAt(p + 2) === 0x0a)) {
        // Backslash-newline: the line break and the next line's indentation vanish.
        p += e === 0x0a ? 2 : 3;
        while (text.charCodeAt(p) === 0x20 || text.charCodeAt(p) === 0x09) p++;
        continue;
      }
      const r = this.escape(p, true);
      for (const b of r.bytes) out.push(b);
      p = r.end;
    }
    this.pos = p + 1;
    return Uint8Array.from(out);
  }

  /**
   * The escape sequence starting at the backslash at `p`. In strings an unknown
   * escape is kept verbatim (OCaml only warns); in char literals it is an error.
   */
  escape(p: number, inString: boolean): { bytes: number[]; end: number } {
    const text = this.text;
    const e = text.charCodeAt(p + 1);
    switch (e) {
      case 0x5c: return { bytes: [0x5c], end: p + 2 };
      case 0x22: return { bytes: [0x22], end: p + 2 };
      case 0x27: return { bytes: [0x27], end: p + 2 };
      case 0x6e: return { bytes: [0x0a], end: p + 2 };
      case 0x74: return { bytes: [0x09], end: p + 2 };
      case 0x62: return { bytes: [0x08], end: p + 2 };
      case 0x72: return { bytes: [0x0d], end: p + 2 };
      case 0x20: return { bytes: [0x20], end: p + 2 };
    }
    if (isDigit(e)) {
      const d2 = text.charCodeAt(p + 2);
      const d3 = text.charCodeAt(p + 3);
      if (isDigit(d2) && isDigit(d3)) {
        const v = (e - 0x30) * 100 + (d2 - 0x30) * 10 + (d3 - 0x30);
        if (v > 255) this.fail(p, p + 4, `Illegal backslash escape in string or character (${text.slice(p, p + 4)}): ${v} is outside the range 0..255`);
        return { bytes: [v], end: p + 4 };
      }
    } else if (e === 0x78) {
      const h1 = hexValue(text.charCodeAt(p + 2));
      const h2 = hexValue(text.charCodeAt(p + 3));
      if (h1 >= 0 && h2 >= 0) return { bytes: [h1 * 16 + h2], end: p + 4 };
    } else if (e === 0x6f) {
      const o = [2, 3, 4].map((k) => text.charCodeAt(p + k) - 0x30);
      if (o.every((d) => d >= 0 && d <= 7)) {
        const v = o[0]! * 64 + o[1]! * 8 + o[2]!;
        if (v > 255) this.fail(p, p + 5, `Illegal backslash escape in string or character (${text.slice(p, p + 5)}): ${v} is outside the range 0..255`);
        return { bytes: [v], end: p + 5 };
      }
    } else if (e === 0x75 && text.charCodeAt(p + 2) === 0x7b) {
      const close = text.indexOf('}', p + 3);
      const hex = close < 0 ? '' : text.slice(p + 3, close);
      if (/^[0-9a-fA-F]{1,6}$/.test(hex)) {
        const cp = parseInt(hex, 16);
        if (cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) {
          this.fail(p, close + 1, `Illegal backslash escape in string or character (${text.slice(p, close + 1)}): not a Unicode scalar value`);
        }
        return { bytes: Array.from(enc.encode(String.fromCodePoint(cp))), end: close + 1 };
      }
    }
    if (inString) return { bytes: [0x5c], end: p + 1 };
    return this.fail(p, p + 2, `Illegal backslash escape in string or character (${text.slice(p, p + 2)})`);
  }

  /** `{|...|}` or `{id|...|id}` at `start`; returns false if `{` does not open one. */
  quotedString(start: number, inComment = false): boolean {
    const text = this.text;
    let p = start + 1;
    while (isLower(text.charCodeAt(p))) p++;
    if (text.charCodeAt(p) !== 0x7c) return false;
    const id = text.slice(start + 1, p);
    const close = text.indexOf('|' + id + '}', p + 1);
    if (close < 0) {
      if (inComment) this.fail(start, p + 1, 'This comment contains an unterminated string literal');
      this.fail(start, p + 1, 'String literal not terminated');
    }
    this.pos = close + id.length + 2;
    if (!inComment) this.push('string', start, { bytes: Uint8Array.from(text.slice(p + 1, close), (ch) => ch.charCodeAt(0)) });
    return true;
  }

  /** `'` begins a char literal (`'a'`, `'\n'`) or a type variable (`'a`). */
  quote(start: number): void {
    const text = this.text;
    const c1 = text.charCodeAt(start + 1);
    if (c1 === 0x5c) {
      const r = this.escape(start + 1, false);
      if (r.bytes.length !== 1 || text.charCodeAt(r.end) !== 0x27) {
        this.fail(start, r.end, 'Syntax error: this character literal is not terminated by a quote');
      }
      this.pos = r.end + 1;
      return this.push('char', start, { num: r.bytes[0]! });
    }
    if (start + 2 < text.length && text.charCodeAt(start + 2) === 0x27 && c1 !== 0x27) {
      this.pos = start + 3;
      return this.push('char', start, { num: c1 });
    }
    if (isLower(c1) || isUpper(c1)) {
      let p = start + 2;
      while (IDENT[text.charCodeAt(p)]) p++;
      this.pos = p;
      return this.push('tyvar', start, { name: text.slice(start + 1, p) });
    }
    this.pos = start + 1;
    this.push('sym', start);
  }

  number(start: number): void {
    const text = this.text;
    let p = start;
    let radix = 10;
    let isFloat = false;
    const c1 = text.charCodeAt(start + 1) | 0x20;
    const digitsFrom = (q: number, ok: (c: number) => boolean): number => {
      while (q < text.length && (ok(text.charCodeAt(q)) || text.charCodeAt(q) === 0x5f)) q++;
      return q;
    };
    if (text.charCodeAt(start) === 0x30 && (c1 === 0x78 || c1 === 0x6f || c1 === 0x62)) {
      radix = c1 === 0x78 ? 16 : c1 === 0x6f ? 8 : 2;
      const ok =
        radix === 16 ? (c: number) => hexValue(c) >= 0 : radix === 8 ? (c: number) => c >= 0x30 && c <= 0x37 : (c: number) => c === 0x30 || c === 0x31;
      const q = start + 2;
      if (!ok(text.charCodeAt(q))) return this.badLiteral(start);
      p = digitsFrom(q, ok);
      if (radix === 16) {
        if (text.charCodeAt(p) === 0x2e) {
          isFloat = true;
          p = digitsFrom(p + 1, (c) => hexValue(c) >= 0);
        }
        if ((text.charCodeAt(p) | 0x20) === 0x70) {
          isFloat = true;
          p = this.exponent(start, p);
        }
      }
    } else {
      p = digitsFrom(start, isDigit);
      if (text.charCodeAt(p) === 0x2e && text.charCodeAt(p + 1) !== 0x2e) {
        isFloat = true;
        p = digitsFrom(p + 1, isDigit);
      }
      if ((text.charCodeAt(p) | 0x20) === 0x65) {
        isFloat = true;
        p = this.exponent(start, p);
      }
    }
    const suffix = text.charCodeAt(p);
    if (!isFloat && (suffix === 0x6c || suffix === 0x4c || suffix === 0x6e) && !IDENT[text.charCodeAt(p + 1)]) {
      const kind = suffix === 0x6c ? 'int32' : suffix === 0x4c ? 'int64' : 'nativeint';
      this.fail(start, p + 1, `Integer literal suffix '${text[p]}' (${kind}) is not supported by mlc`);
    }
    if (IDENT[suffix]) {
      let q = p;
      while (IDENT[text.charCodeAt(q)]) q++;
      this.pos = q;
      this.fail(start, q, `Invalid literal ${text.slice(start, q)}`);
    }
    this.pos = p;
    const clean = text.slice(start, p).replace(/_/g, '');
    if (isFloat) {
      const num = radix === 16 ? hexFloat(clean) : Number(clean);
      return this.push('float', start, { num });
    }
    const digits = radix === 10 ? clean : clean.slice(2);
    let int = 0n;
    const r = BigInt(radix);
    for (let i = 0; i < digits.length; i++) int = int * r + BigInt(hexValue(digits.charCodeAt(i)));
    this.push('int', start, { int, radix });
  }

  exponent(start: number, p: number): number {
    const text = this.text;
    let q = p + 1;
    if (text.charCodeAt(q) === 0x2b || text.charCodeAt(q) === 0x2d) q++;
    if (!isDigit(text.charCodeAt(q))) this.badLiteral(start);
    while (isDigit(text.charCodeAt(q)) || text.charCodeAt(q) === 0x5f) q++;
    return q;
  }

  badLiteral(start: number): never {
    let q = start;
    while (IDENT[this.text.charCodeAt(q)] || this.text.charCodeAt(q) === 0x2e) q++;
    return this.fail(start, q, `Invalid literal ${this.text.slice(start, q)}`);
  }
}

/** `0x1.8p3` (underscores already removed). */
function hexFloat(s: string): number {
  const m = /^0[xX]([0-9a-fA-F]*)(?:\.([0-9a-fA-F]*))?(?:[pP]([+-]?\d+))?$/.exec(s)!;
  const intPart = m[1] ?? '';
  const frac = m[2] ?? '';
  const exp = m[3] ? parseInt(m[3], 10) : 0;
  const digits = intPart + frac;
  if (digits === '') return 0;
  const mant = BigInt('0x' + digits);
  return Number(mant) * Math.pow(2, exp - 4 * frac.length);
}
