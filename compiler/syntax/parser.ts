// The parser: a recursive-descent parser for mlc's OCaml subset, producing the
// tree of ast.ts. Expressions use precedence climbing over the operator levels
// of tokens.ts; levels and associativities are those of the OCaml 4.13 manual,
// except unary minus, which binds tighter than `**` as in OCaml's own parser.
// Constructs with no closing keyword (`let`, `match`, `fun`, `function`, `try`,
// `if`) extend as far right as possible. test/syntax/ocaml.test.ts checks the
// trees against ocamlc's own parenthesisation.
//
// Invariants:
// - A node's span runs from the start of its first token to the end of its
//   last token (`prevEnd`). Parentheses add no node: `(e)` is `e` itself, with
//   its span widened to cover them (as OCaml's locations are).
// - Desugared nodes (list sugar, operator applications' function identifiers,
//   `let f x = e` turned into `fun`) carry `ghost: true`.
// - Integer literals are range-checked here, after `-` has been folded in.
// - The first syntax error throws a CompileError with phase 'parse'.

import type {
  Arg, ArgLabel, Binding, Case, Constant, CtorArgs, CtorDecl, ExceptionDecl, Expr,
  ExprField, ExternalDecl, FieldDecl, FunctorParam, Implementation, Interface, LetOpBinding,
  LongIdent, ModExpr, ModPath, ModType, Param, PatField, Pattern, SigItem, Span, StructItem,
  TypeDecl, TypeDeclBody, TypeExpr, WithConstraint,
} from './ast.ts';
import type { SourceFile } from '../diagnostics/source.ts';
import { CompileError, type Diagnostic } from '../diagnostics/diagnostic.ts';
import { tokenize } from './lexer.ts';
import {
  binaryLevel, isHashOp, isPrefixOp, isRightAssoc, type Token,
} from './tokens.ts';

/** Parses a `.ml` file. */
export function parseImplementation(file: SourceFile): Implementation {
  const p = new Parser(file);
  const items = p.parseStructure(null);
  return { kind: 'implementation', file: file.path, items };
}

/** Parses a `.mli` file. */
export function parseInterface(file: SourceFile): Interface {
  const p = new Parser(file);
  const items = p.parseSignature(null);
  return { kind: 'interface', file: file.path, items };
}

/** Parses a single expression (the whole file); for tests and tools. */
export function parseExpression(file: SourceFile): Expr {
  const p = new Parser(file);
  const e = p.parseSeqExpr();
  p.expectEof();
  return e;
}

/** Parses a single type expression (the whole file); for tests and tools. */
export function parseTypeExpr(file: SourceFile): TypeExpr {
  const p = new Parser(file);
  const t = p.parseType();
  p.expectEof();
  return t;
}

const MAX_INT = (1n << 62n) - 1n;
const INT_RANGE_MSG = 'Integer literal exceeds the range of representable integers of type int';
const INT_RANGE_NOTES = [
  `OCaml's ints are 63-bit: max_int = ${MAX_INT}, min_int = ${-MAX_INT - 1n}.`,
  "Int64 literals (with the 'L' suffix) are not supported by mlc yet.",
];
const INT_RANGE_NOTES_RADIX = [
  "OCaml's ints are 63-bit: a hexadecimal, octal or binary literal has at most 63 bits (0x7fffffffffffffff is -1).",
  "Int64 literals (with the 'L' suffix) are not supported by mlc yet.",
];

const NOT_SUPPORTED = (what: string): string => `${what} not supported by mlc`;

const KEYWORD_RENAMES: Record<string, string> = {
  type: 'typ', val: 'value', method: 'meth', class: 'cls', to: 'target', of: 'source', or: 'either', end: 'stop',
  done: 'finished', new: 'fresh', object: 'obj', module: 'modul', exception: 'exn', include: 'incl', open: 'is_open',
};

const IF_SHAPE = "A conditional is written 'if CONDITION then A else B'.";

/**
 * `| 0 -> a | 1 -> b |` and nothing after: whether the missing case or the
 * removal of the `|` is the likelier fix. Without a catch-all case, cases on
 * numbers, strings or characters leave the match incomplete once the `|` is
 * removed; an exception handler need not be complete.
 */
function strayBarNote(cases: readonly Case[], handlers: boolean): string {
  const shape = "Each '|' is followed by a case 'PATTERN -> EXPR'";
  const catchAll = cases.some((c) => c.guard === null && isCatchAll(c.pat));
  if (handlers || catchAll) return `${shape}: remove the extra '|', or write the missing case.`;
  const constants = cases.length > 0 && cases.every((c) => isConstantPattern(c.pat));
  if (constants) {
    return `${shape}: write the missing case, e.g. '| _ -> ...' for the values not listed; ` +
      "removing the '|' alone would leave the match incomplete.";
  }
  return `${shape}: write the missing case, or remove the extra '|'.`;
}

function isCatchAll(p: Pattern): boolean {
  switch (p.kind) {
    case 'pany': case 'pvar': return true;
    case 'palias': case 'pconstraint': return isCatchAll(p.pat);
    case 'por': return isCatchAll(p.left) || isCatchAll(p.right);
    default: return false;
  }
}

function isConstantPattern(p: Pattern): boolean {
  switch (p.kind) {
    case 'pconst': case 'prange': return true;
    case 'palias': case 'pconstraint': return isConstantPattern(p.pat);
    case 'por': return isConstantPattern(p.left) && isConstantPattern(p.right);
    default: return false;
  }
}

/** Keywords that start a top-level item: where a `struct` left open probably ended. */
const TOPLEVEL_ITEM_KEYWORDS = new Set(['let', 'type', 'module', 'open', 'exception', 'external', 'include', 'class']);

const SIGNATURE_ITEM_KEYWORDS = new Set(['val', 'external', 'type', 'exception', 'open', 'include', 'module', 'class']);

/** Keywords a learner may reach for as a variable name (`let type = ...`, `val`, `method`). */
const NAME_LIKE_KEYWORDS = new Set([
  'type', 'val', 'method', 'class', 'open', 'include', 'sig', 'struct', 'functor', 'external', 'exception',
  'constraint', 'virtual', 'private', 'inherit', 'initializer', 'mutable', 'nonrec', 'module', 'to', 'of', 'or', 'downto',
]);

class Parser {
  readonly file: SourceFile;
  readonly path: string;
  readonly toks: Token[];
  i = 0;
  tok: Token;
  prevEnd = 0;
  /** The last `if` without `else` whose `then` branch was followed by `;`, for the `else` hint. */
  ifEndedBySemicolon: Token | null = null;

  constructor(file: SourceFile) {
    this.file = file;
    this.path = file.path;
    this.toks = dropAttributes(tokenize(file));
    this.tok = this.toks[0]!;
  }

  // -------------------------------------------------------------------------
  // Token helpers

  peek(k = 1): Token {
    return this.toks[Math.min(this.i + k, this.toks.length - 1)]!;
  }

  advance(): Token {
    const t = this.tok;
    if (t.kind !== 'eof') {
      this.prevEnd = t.end;
      this.i++;
      this.tok = this.toks[this.i]!;
    }
    return t;
  }

  is(text: string): boolean {
    const t = this.tok;
    return t.text === text && (t.kind === 'sym' || t.kind === 'kw');
  }

  isAt(t: Token, text: string): boolean {
    return t.text === text && (t.kind === 'sym' || t.kind === 'kw');
  }

  accept(text: string): boolean {
    if (!this.is(text)) return false;
    this.advance();
    return true;
  }

  span(start: number, end = this.prevEnd): Span {
    return { file: this.path, start, end };
  }

  ghost(start: number, end = this.prevEnd): Span {
    return { file: this.path, start, end, ghost: true };
  }

  tokSpan(t: Token): Span {
    return { file: this.path, start: t.start, end: t.end };
  }

  describe(t: Token): string {
    return t.kind === 'eof' ? 'end of file' : `'${t.text}'`;
  }

  fail(at: Token | Span, message: string, related?: Diagnostic['related'], notes?: string[]): never {
    const span = 'kind' in at ? this.tokSpan(at) : at;
    if ('kind' in at && at.kind === 'sym') {
      // Whatever was expected, the real problem is a construct outside the subset.
      if (at.text.startsWith('[@')) message = NOT_SUPPORTED('attributes are');
      else if (at.text.startsWith('[%')) message = NOT_SUPPORTED('extension nodes are');
    }
    let d: Diagnostic = { severity: 'error', phase: 'parse', span, message };
    if (notes && notes.length > 0) d = { ...d, notes };
    throw new CompileError([related && related.length > 0 ? { ...d, related } : d]);
  }

  /** A keyword where a name was expected (`let type = 1`): say so, rather than "pattern expected". */
  failKeywordAsName(t: Token): void {
    if (t.kind !== 'kw' || t.text === 'true' || t.text === 'false') return;
    this.fail(t, `Syntax error: '${t.text}' is a keyword, it cannot be used as a name`, undefined, [
      `Rename it, for example to '${t.text}_'${KEYWORD_RENAMES[t.text] ? ` or '${KEYWORD_RENAMES[t.text]}'` : ''}.`,
    ]);
  }

  /** `'hello'` lexes as a type variable; the writer meant a string. */
  failSingleQuotedString(t: Token): void {
    if (t.kind !== 'tyvar' || !t.text.endsWith("'") || t.text.length < 4) return;
    this.fail(t, 'Syntax error: a string is written between double quotes', undefined, [
      `Write "${t.text.slice(1, -1)}"; single quotes hold one character, as in 'a'.`,
    ]);
  }

  /**
   * A closing or continuing keyword with nothing open to take it (`then` with
   * no `if`, an `else` after `if c then a; b`): an explanation, or null.
   */
  strayKeyword(t: Token): { message: string; notes: string[]; related?: Diagnostic['related'] } | null {
    if (t.kind !== 'kw' && t.kind !== 'sym') return null;
    switch (t.text) {
      case 'then':
        return { message: "Syntax error: 'then' without 'if'", notes: [IF_SHAPE] };
      case 'else': {
        const ifTok = this.ifEndedBySemicolon;
        if (ifTok && ifTok.end <= t.start) {
          return {
            message: "Syntax error: 'else' without 'if'",
            notes: [
              "The 'then' branch of this 'if' ended at the ';', so the 'else' has no 'if' to belong to.",
              "Group the expressions of a branch: 'if c then (a; b) else d', or 'begin a; b end'.",
            ],
            related: [{ span: this.tokSpan(ifTok), message: "This 'if' has no 'else': its 'then' branch stopped at the ';'" }],
          };
        }
        return { message: "Syntax error: 'else' without 'if'", notes: [IF_SHAPE] };
      }
      case 'in':
      case 'and':
        return { message: `Syntax error: unexpected '${t.text}' (no 'let' is waiting for it)`, notes: [] };
      case 'with':
        return {
          message: "Syntax error: 'with' without 'match' or 'try'",
          notes: ["A match is written 'match EXPR with | PATTERN -> ...'."],
        };
      case 'done':
        return {
          message: "Syntax error: 'done' without 'do'",
          notes: ["Loops are written 'while COND do ... done' and 'for i = A to B do ... done'."],
        };
      case '->':
        return {
          message: "Syntax error: unexpected '->'",
          notes: ["'->' follows the parameters of 'fun' or the pattern of a match case."],
        };
    }
    return null;
  }

  unsupported(at: Token | Span, what: string): never {
    return this.fail(at, NOT_SUPPORTED(what));
  }

  /** `` `Red ``: what to write instead, with the tags the file uses. */
  unsupportedPolymorphicVariant(at: Token): never {
    const tags: string[] = [];
    for (let j = 0; j + 1 < this.toks.length && tags.length < 4; j++) {
      const b = this.toks[j]!;
      const n = this.toks[j + 1]!;
      if (this.isAt(b, '`') && n.kind === 'uident' && n.start === b.end && !tags.includes(n.text)) tags.push(n.text);
    }
    const example = tags.length > 0 ? `type t = ${tags.join(' | ')}` : 'type color = Red | Green';
    const drop = tags.length > 0 ? `: '${tags[0]}', not '\`${tags[0]}'` : '';
    return this.fail(at, NOT_SUPPORTED('polymorphic variants are'), undefined, [
      `Declare a variant type, e.g. '${example}', and drop the backquotes${drop}.`,
    ]);
  }

  /** Consumes `text` or fails with "'text' expected", pointing back at an opener. */
  expect(text: string, opener?: Token): Token {
    if (this.is(text)) return this.advance();
    // brackets may be unmatched; a keyword such as `if` or `match` is missing its partner
    const keyword = opener?.kind === 'kw' && !['begin', 'struct', 'sig', 'object'].includes(opener.text);
    const message = keyword ? `This '${opener!.text}' has no '${text}'` : `This '${opener?.text}' might be unmatched`;
    const related = opener ? [{ span: this.tokSpan(opener), message }] : [];
    if (this.tok.kind === 'eof' && opener && text === 'end' && ['begin', 'struct', 'sig'].includes(opener.text)) {
      this.failUnclosedAtEof(opener, related);
    }
    // `if c then a; b else d` closes the `if` at the `;`: the `else` is the news, not what was expected
    const stray = this.tok.text === 'else' && text !== 'then' && this.ifEndedBySemicolon ? this.strayKeyword(this.tok) : null;
    if (stray) return this.fail(this.tok, stray.message, [...related, ...(stray.related ?? [])], stray.notes);
    return this.fail(this.tok, `Syntax error: '${text}' expected, found ${this.describe(this.tok)}`, related);
  }

  /**
   * A `struct`, `sig` or `begin` still open at the end of the file, with a
   * guess from indentation at where its `end` belongs, shown as a related place.
   */
  failUnclosedAtEof(opener: Token, related: NonNullable<Diagnostic['related']>): never {
    const k = this.toks.indexOf(opener);
    const indentOf = (line: number): number => {
      const raw = this.file.line(line);
      return raw.length - raw.trimStart().length;
    };
    const openerLine = this.file.position(opener.start).line;
    const indent = indentOf(openerLine);
    let guess: Token | null = null;
    let prevLine = openerLine;
    for (let j = k + 1; j < this.toks.length - 1; j++) {
      const t = this.toks[j]!;
      const { line, col } = this.file.position(t.start);
      const first = line > prevLine;
      prevLine = this.file.position(t.end).line;
      if (first && col <= indent && t.kind === 'kw' && TOPLEVEL_ITEM_KEYWORDS.has(t.text)) {
        guess = t;
        break;
      }
    }
    const notes: string[] = [];
    if (guess) {
      const { line, col } = this.file.position(guess.start);
      const raw = this.file.line(line).trim();
      const shown = raw.length > 30 ? `${raw.slice(0, 27)}...` : raw;
      notes.push(`The ${opener.text} probably ends before line ${line} ('${shown}' at column ${col}); put 'end' there.`);
      related.push({ span: this.tokSpan(guess), message: `The '${opener.text}' probably ends before this line` });
    } else {
      notes.push(`Each '${opener.text}' needs an 'end': add it after the last line that belongs to the ${opener.text}.`);
    }
    // at the end of the file, where OCaml reports it (test/syntax/error-lines.test.ts)
    return this.fail(this.tok, "Syntax error: 'end' expected, found end of file", related, notes);
  }

  expectEof(): void {
    if (this.tok.kind !== 'eof') this.fail(this.tok, `Syntax error: unexpected ${this.describe(this.tok)}`);
  }

  lident(what: string): Token {
    if (this.tok.kind === 'lident') return this.advance();
    this.failKeywordAsName(this.tok);
    return this.fail(this.tok, `Syntax error: ${what} expected, found ${this.describe(this.tok)}`);
  }

  uident(what: string): Token {
    if (this.tok.kind === 'uident') return this.advance();
    return this.fail(this.tok, `Syntax error: ${what} expected, found ${this.describe(this.tok)}`);
  }

  /** Attributes and extension nodes are not part of the subset. */
  rejectAttribute(): void {
    const t = this.tok;
    if (t.kind !== 'sym') return;
    if (t.text === '[@' || t.text === '[@@' || t.text === '[@@@') this.unsupported(t, 'attributes are');
    if (t.text === '[%' || t.text === '[%%') this.unsupported(t, 'extension nodes are');
  }

  // -------------------------------------------------------------------------
  // Names

  /** A token usable as an operator name inside parentheses: `( + )`, `( mod )`, `( let* )`. */
  isOperatorName(t: Token): boolean {
    if (t.kind === 'kw') return binaryLevel(t.text) > 0;
    if (t.kind !== 'sym') return false;
    const s = t.text;
    if (s === ':=' || s === '-' || s === '-.' || s === '!' || s === '::') return true;
    if (s.startsWith('let') || s.startsWith('and')) return true;
    return binaryLevel(s) > 0 || isPrefixOp(s) || isHashOp(s);
  }

  /** `( op )` at the current token, consumed; returns the operator's name. */
  parenOperator(): string | null {
    if (this.is('(') && this.isOperatorName(this.peek()) && this.isAt(this.peek(2), ')')) {
      this.advance();
      const name = this.advance().text;
      this.advance();
      return name;
    }
    return null;
  }

  /** A value name: `x` or `( op )`. */
  valueName(what: string): { name: string; span: Span } {
    const start = this.tok.start;
    if (this.tok.kind === 'lident') return { name: this.advance().text, span: this.span(start) };
    const op = this.parenOperator();
    if (op !== null) return { name: op, span: this.span(start) };
    this.failKeywordAsName(this.tok);
    return this.fail(this.tok, `Syntax error: ${what} expected, found ${this.describe(this.tok)}`);
  }

  /** `A.B.C` as a module path (no applications). */
  modPath(): ModPath {
    const first = this.uident('a module name');
    let path: ModPath = { kind: 'mident', name: first.text, span: this.tokSpan(first) };
    while (this.is('.') && this.peek().kind === 'uident') {
      this.advance();
      const n = this.advance();
      path = { kind: 'mdot', base: path, name: n.text, span: this.span(first.start) };
    }
    return path;
  }

  /** `M.N.` prefix followed by a final name accepted by `last`: `M.x`, `M.C`, `x`. */
  longIdent(kindOfLast: 'lident' | 'uident' | 'any', what: string): LongIdent {
    const start = this.tok.start;
    let path: ModPath | null = null;
    while (this.tok.kind === 'uident' && this.isAt(this.peek(), '.')) {
      const nextKind = this.peek(2).kind;
      if (nextKind !== 'uident' && !(nextKind === 'lident' && kindOfLast !== 'uident')) break;
      const n = this.advance();
      path = path
        ? { kind: 'mdot', base: path, name: n.text, span: this.span(start) }
        : { kind: 'mident', name: n.text, span: this.span(start) };
      this.advance(); // .
    }
    const t = this.tok;
    if ((kindOfLast === 'any' && (t.kind === 'lident' || t.kind === 'uident')) || t.kind === kindOfLast) {
      this.advance();
      return { path, name: t.text, span: this.span(start) };
    }
    return this.fail(t, `Syntax error: ${what} expected, found ${this.describe(t)}`);
  }

  /** A type constructor path: `t`, `M.t`, `F(X).t`. */
  typeLongIdent(): LongIdent {
    const start = this.tok.start;
    if (this.tok.kind === 'lident') {
      const t = this.advance();
      return { path: null, name: t.text, span: this.tokSpan(t) };
    }
    const first = this.uident('a type name');
    let path: ModPath = { kind: 'mident', name: first.text, span: this.tokSpan(first) };
    while (true) {
      if (this.is('(')) {
        const open = this.advance();
        const arg = this.extendedModPath();
        this.expect(')', open);
        path = { kind: 'mapply', fn: path, arg, span: this.span(start) };
      } else if (this.is('.')) {
        this.advance();
        if (this.peek(0).kind === 'lident') {
          const n = this.advance();
          return { path, name: n.text, span: this.span(start) };
        }
        const n = this.uident('a type name');
        path = { kind: 'mdot', base: path, name: n.text, span: this.span(start) };
      } else {
        return this.fail(this.tok, `Syntax error: '.' expected after module path in a type name`);
      }
    }
  }

  /** A module path with applications, `F(X).M`, as found inside type paths. */
  extendedModPath(): ModPath {
    const start = this.tok.start;
    let path: ModPath = this.modPath();
    while (this.is('(')) {
      const open = this.advance();
      const arg = this.extendedModPath();
      this.expect(')', open);
      path = { kind: 'mapply', fn: path, arg, span: this.span(start) };
      while (this.is('.') && this.peek().kind === 'uident') {
        this.advance();
        const n = this.advance();
        path = { kind: 'mdot', base: path, name: n.text, span: this.span(start) };
      }
    }
    return path;
  }

  // -------------------------------------------------------------------------
  // Constants

  /** Builds an int constant; `negate` folds a leading minus in before the range check. */
  intConst(t: Token, negate: boolean): Constant {
    let v = t.int!;
    const text = negate ? '-' + t.text : t.text;
    if (t.radix === 10) {
      if (v > (negate ? MAX_INT + 1n : MAX_INT)) this.fail(t, INT_RANGE_MSG, undefined, INT_RANGE_NOTES);
      return { kind: 'int', value: negate ? -v : v, text };
    }
    // Hexadecimal, octal and binary literals may use the sign bit, as in OCaml.
    if (v >= 1n << 63n) this.fail(t, INT_RANGE_MSG, undefined, INT_RANGE_NOTES_RADIX);
    v = BigInt.asIntN(63, v);
    return { kind: 'int', value: BigInt.asIntN(63, negate ? -v : v), text };
  }

  constOf(t: Token): Constant {
    switch (t.kind) {
      case 'int':
        return this.intConst(t, false);
      case 'float':
        return { kind: 'float', value: t.num!, text: t.text };
      case 'char':
        return { kind: 'char', value: t.num! };
      case 'string':
        return { kind: 'string', value: t.bytes!, text: t.text };
      default:
        return this.fail(t, 'Syntax error: a constant expected');
    }
  }

  isConstTok(t: Token): boolean {
    return t.kind === 'int' || t.kind === 'float' || t.kind === 'char' || t.kind === 'string';
  }

  /** `-1`, `-1.5`, `+1` (patterns): a signed number; `tok` is the sign. */
  signedConst(): Constant | null {
    const sign = this.tok;
    const num = this.peek();
    if (!(this.is('-') || this.is('+')) || (num.kind !== 'int' && num.kind !== 'float')) return null;
    this.advance();
    this.advance();
    const neg = sign.text === '-';
    if (num.kind === 'int') return this.intConst(num, neg);
    return { kind: 'float', value: neg ? -num.num! : num.num!, text: neg ? '-' + num.text : num.text };
  }

  // -------------------------------------------------------------------------
  // Expressions

  /** Can the current token begin an expression? */
  startsExpr(t: Token = this.tok): boolean {
    switch (t.kind) {
      case 'int': case 'float': case 'char': case 'string': case 'lident': case 'uident':
        return true;
      case 'kw':
        switch (t.text) {
          case 'let': case 'match': case 'fun': case 'function': case 'try': case 'if':
          case 'while': case 'for': case 'begin': case 'assert': case 'lazy': case 'true':
          case 'false': case 'new': case 'object':
            return true;
        }
        return false;
      case 'sym':
        switch (t.text) {
          case '(': case '[': case '[|': case '{': case '-': case '-.': case '+': case '+.':
          case '!': case '`': case '[%':
            return true;
        }
        return isPrefixOp(t.text) || t.text.startsWith('let');
    }
    return false;
  }

  /** Can the current token begin an argument of an application? */
  startsArg(t: Token): boolean {
    switch (t.kind) {
      case 'int': case 'float': case 'char': case 'string': case 'lident': case 'uident':
      case 'label': case 'optlabel':
        return true;
      case 'kw':
        return t.text === 'begin' || t.text === 'true' || t.text === 'false' || t.text === 'new' || t.text === 'object';
      case 'sym':
        switch (t.text) {
          case '(': case '[': case '[|': case '{': case '!': case '~': case '?': case '`': case '[%':
            return true;
        }
        return isPrefixOp(t.text);
    }
    return false;
  }

  /** Fails with "expected an expression after 'x'" unless an expression starts here. */
  needExpr(after: Token): void {
    if (!this.startsExpr()) {
      const t = this.tok;
      if (t.kind === 'kw' && NAME_LIKE_KEYWORDS.has(t.text)) this.failKeywordAsName(t);
      this.failSingleQuotedString(t);
      const stray = this.strayKeyword(t);
      this.fail(t, `Syntax error: expected an expression after '${after.text}', found ${this.describe(t)}`, stray?.related, stray?.notes);
    }
  }

  /** `e1; e2; ...` (right-nested); a trailing `;` is allowed. */
  parseSeqExpr(): Expr {
    const first = this.parseExpr();
    if (!this.is(';')) return first;
    const items = [first];
    while (this.is(';')) {
      this.advance();
      if (!this.startsExpr()) break;
      items.push(this.parseExpr());
    }
    let e = items[items.length - 1]!;
    for (let k = items.length - 2; k >= 0; k--) {
      const a = items[k]!;
      e = { kind: 'seq', first: a, second: e, span: this.span(a.span.start, e.span.end) };
    }
    return e;
  }

  /** An expression without a top-level `;`: assignments, tuples and everything tighter. */
  parseExpr(): Expr {
    const left = this.parseTuple();
    if (this.is(':=')) {
      const op = this.advance();
      this.needExpr(op);
      const right = this.parseExpr();
      return this.binary(op, left, right);
    }
    if (this.is('<-')) {
      const op = this.advance();
      this.needExpr(op);
      const value = this.parseExpr();
      const span = this.span(left.span.start);
      if (left.kind === 'field') return { kind: 'setfield', record: left.record, field: left.field, value, span };
      if (left.kind === 'index') {
        return { kind: 'setindex', container: left.container, target: left.target, index: left.index, value, span };
      }
      this.fail(op, "Syntax error: '<-' can only assign to a record field (r.f <- v) or an element (a.(i) <- v)");
    }
    return left;
  }

  parseTuple(): Expr {
    const first = this.parseBinary(1);
    if (!this.is(',')) return first;
    const items = [first];
    while (this.is(',')) {
      const comma = this.advance();
      this.needExpr(comma);
      items.push(this.parseBinary(1));
    }
    return { kind: 'tuple', items, span: this.span(first.span.start) };
  }

  opIdent(op: Token, name = op.text): Expr {
    const span = this.ghost(op.start, op.end);
    return { kind: 'ident', name: { path: null, name, span }, span };
  }

  binary(op: Token, left: Expr, right: Expr): Expr {
    const span = this.span(left.span.start, right.span.end);
    if (op.text === '::') {
      const arg: Expr = { kind: 'tuple', items: [left, right], span: this.ghost(left.span.start, right.span.end) };
      return { kind: 'construct', ctor: { path: null, name: '::', span: this.ghost(op.start, op.end) }, arg, span };
    }
    const args: Arg[] = [
      { label: { kind: 'nolabel' }, expr: left, span: left.span },
      { label: { kind: 'nolabel' }, expr: right, span: right.span },
    ];
    return { kind: 'apply', fn: this.opIdent(op), args, span };
  }

  /** Precedence climbing over binary operators of level >= `min`. */
  parseBinary(min: number): Expr {
    let left = this.parseUnary();
    while (true) {
      const t = this.tok;
      if (t.kind !== 'sym' && t.kind !== 'kw') return left;
      const level = binaryLevel(t.text);
      if (level === 0 || level < min) return left;
      this.advance();
      this.needExpr(t);
      const right = this.parseBinary(isRightAssoc(level) ? level : level + 1);
      left = this.binary(t, left, right);
    }
  }

  /**
   * Unary minus/plus, and the open-ended constructs. The manual's table puts
   * unary minus below `**`, but OCaml 4.13's parser gives it the higher
   * precedence (`-a ** b` is `(-a) ** b`, `-x lsl 2` is `(-x) lsl 2`); we follow
   * the parser, since programs' results depend on it.
   */
  parseUnary(): Expr {
    const t = this.tok;
    if (t.kind === 'kw') {
      switch (t.text) {
        case 'let': return this.parseLet();
        case 'match': return this.parseMatch();
        case 'try': return this.parseTry();
        case 'fun': return this.parseFun();
        case 'function': return this.parseFunction();
        case 'if': return this.parseIf();
      }
    } else if (t.kind === 'sym') {
      if (t.text.startsWith('let')) return this.parseLetOp();
      if (t.text === '-' || t.text === '-.' || t.text === '+' || t.text === '+.') {
        this.advance();
        this.needExpr(t);
        const folded = this.foldSign(t);
        if (folded) return folded;
        const operand = this.parseUnary();
        if (operand.kind === 'const') {
          // `-(1)`, `- -1`: OCaml folds a sign into any constant operand.
          const c = operand.value;
          const span = this.span(t.start);
          const minus = t.text === '-' || t.text === '-.';
          const negText = (text: string) => (!minus ? text : text.startsWith('-') ? text.slice(1) : '-' + text);
          if (c.kind === 'int' && (t.text === '-' || t.text === '+')) {
            const value = minus ? -c.value : c.value;
            if (value > MAX_INT || value < -MAX_INT - 1n) this.fail(span, INT_RANGE_MSG, undefined, INT_RANGE_NOTES);
            return { kind: 'const', value: { kind: 'int', value, text: negText(c.text) }, span };
          }
          if (c.kind === 'float') {
            const value: Constant = { kind: 'float', value: minus ? -c.value : c.value, text: negText(c.text) };
            return { kind: 'const', value, span };
          }
        }
        const name = t.text === '-' ? '~-' : t.text === '-.' ? '~-.' : t.text === '+' ? '~+' : '~+.';
        const arg: Arg = { label: { kind: 'nolabel' }, expr: operand, span: operand.span };
        return { kind: 'apply', fn: this.opIdent(t, name), args: [arg], span: this.span(t.start) };
      }
    }
    return this.parseApp();
  }

  /**
   * `-1`, `-1.5`, `+1`: when the operand of a sign is a bare literal, the sign
   * belongs to the constant (so `-4611686018427387904` is in range). As in OCaml,
   * `-1 x` is not folded: the literal is not the whole operand.
   */
  foldSign(sign: Token): Expr | null {
    const lit = this.tok;
    if (lit.kind !== 'int' && lit.kind !== 'float') return null;
    const after = this.peek();
    if (this.startsArg(after) || this.isAt(after, '.') || this.isAt(after, '#')) return null;
    if (after.kind === 'sym' && isHashOp(after.text)) return null;
    const minus = sign.text === '-' || sign.text === '-.';
    if (lit.kind === 'int') {
      if (sign.text === '-.' || sign.text === '+.') return null;
      this.advance();
      return { kind: 'const', value: this.intConst(lit, minus), span: this.span(sign.start) };
    }
    this.advance();
    const value: Constant = { kind: 'float', value: minus ? -lit.num! : lit.num!, text: minus ? '-' + lit.text : lit.text };
    return { kind: 'const', value, span: this.span(sign.start) };
  }

  /** Application, constructor application, `assert`. */
  parseApp(): Expr {
    const t = this.tok;
    if (t.kind === 'kw' && t.text === 'assert') {
      this.advance();
      if (!this.startsArg(this.tok)) this.fail(this.tok, "Syntax error: expected an expression after 'assert'");
      const expr = this.parseSimpleExpr();
      if (this.startsArg(this.tok)) this.fail(this.tok, "Syntax error: the argument of 'assert' must be parenthesized, as in 'assert (f x)'");
      return { kind: 'assert', expr, span: this.span(t.start) };
    }
    if (t.kind === 'kw' && t.text === 'lazy') this.unsupported(t, '"lazy" is');
    const head = this.parseSimpleExpr();
    if (!this.startsArg(this.tok)) return head;
    const args: Arg[] = [];
    while (this.startsArg(this.tok)) args.push(this.parseArg());
    const first = args[0]!;
    const bareCtor = head.kind === 'construct' && head.arg === null &&
      (t.kind === 'uident' || head.ctor.name === '::') && head.span.end === head.ctor.span.end;
    if (bareCtor) {
      // As in OCaml, `C a b` and `C ~x` are syntax errors: a constructor takes one argument.
      const extra = first.label.kind !== 'nolabel' ? first : args[1];
      if (extra) {
        this.fail(extra.span, `Syntax error: a constructor takes a single argument; write ${head.ctor.name} (x, y) to give it several`);
      }
      return { kind: 'construct', ctor: head.ctor, arg: first.expr, span: this.span(head.span.start) };
    }
    return { kind: 'apply', fn: head, args, span: this.span(head.span.start) };
  }

  /** One argument: `e`, `~x`, `~x:e`, `?x`, `?x:e`. */
  parseArg(): Arg {
    const t = this.tok;
    const start = t.start;
    if (t.kind === 'label' || t.kind === 'optlabel') {
      this.advance();
      const label: ArgLabel = t.kind === 'label' ? { kind: 'labelled', name: t.name! } : { kind: 'optional', name: t.name! };
      if (!this.startsArg(this.tok) || this.tok.kind === 'label' || this.tok.kind === 'optlabel') {
        this.fail(this.tok, `Syntax error: expected an argument after '${t.text}'`);
      }
      const expr = this.parseSimpleExpr();
      return { label, expr, span: this.span(start) };
    }
    if (this.is('~') || this.is('?')) {
      this.advance();
      const optional = t.text === '?';
      if (this.is('(') && !optional) {
        // `~(x : t)`: a punned label with a type constraint.
        const open = this.advance();
        const n = this.lident('a label name');
        let expr: Expr = this.identExpr(n);
        if (this.accept(':')) {
          const type = this.parseType();
          expr = { kind: 'constraint', expr, type, span: this.span(n.start) };
        }
        this.expect(')', open);
        return { label: { kind: 'labelled', name: n.text }, expr, span: this.span(start) };
      }
      const n = this.lident('a label name');
      const expr = this.identExpr(n);
      return { label: optional ? { kind: 'optional', name: n.text } : { kind: 'labelled', name: n.text }, expr, span: this.span(start) };
    }
    const expr = this.parseSimpleExpr();
    return { label: { kind: 'nolabel' }, expr, span: expr.span };
  }

  identExpr(n: Token): Expr {
    const span = this.tokSpan(n);
    return { kind: 'ident', name: { path: null, name: n.text, span }, span };
  }

  /** A simple expression with `.f`, `.(i)`, `.[i]` suffixes and `#…` operators. */
  parseSimpleExpr(): Expr {
    let e = this.parseDotted();
    while (this.tok.kind === 'sym' && isHashOp(this.tok.text)) {
      const op = this.advance();
      const right = this.parseDotted();
      e = this.binary(op, e, right);
    }
    if (this.is('#')) this.unsupported(this.tok, 'method calls (objects) are');
    return e;
  }

  parseDotted(): Expr {
    let e = this.parseAtom();
    while (this.is('.')) {
      const dot = this.advance();
      const start = e.span.start;
      if (this.is('(') || this.is('[')) {
        const open = this.advance();
        const index = this.parseSeqExpr();
        this.expect(open.text === '(' ? ')' : ']', open);
        e = { kind: 'index', container: open.text === '(' ? 'array' : 'string', target: e, index, span: this.span(start) };
      } else if (this.is('{')) {
        this.unsupported(this.tok, 'Bigarray indexing (.{ }) is');
      } else if (this.tok.kind === 'lident' || this.tok.kind === 'uident') {
        const field = this.longIdent('lident', 'a field name');
        e = { kind: 'field', record: e, field, span: this.span(start) };
      } else {
        this.fail(this.tok, `Syntax error: a field name expected after '.', found ${this.describe(this.tok)}`, [
          { span: this.tokSpan(dot), message: 'after this dot' },
        ]);
      }
    }
    return e;
  }

  ctorExpr(name: string, span: Span, arg: Expr | null = null): Expr {
    return { kind: 'construct', ctor: { path: null, name, span }, arg, span };
  }

  parseAtom(): Expr {
    const t = this.tok;
    const start = t.start;
    switch (t.kind) {
      case 'int': case 'float': case 'char': case 'string':
        this.advance();
        return { kind: 'const', value: this.constOf(t), span: this.tokSpan(t) };
      case 'lident':
        this.advance();
        return this.identExpr(t);
      case 'uident':
        return this.parseUpperExpr();
      case 'label': case 'optlabel':
        return this.fail(t, `Syntax error: a labelled argument ('${t.text}') is only allowed in a function application`);
      case 'eof':
        return this.fail(t, 'Syntax error: expected an expression, found end of file');
      case 'kw':
        switch (t.text) {
          case 'true': case 'false':
            this.advance();
            return this.ctorExpr(t.text, this.tokSpan(t));
          case 'begin': {
            this.advance();
            if (this.accept('end')) return this.ctorExpr('()', this.span(start));
            const e = this.parseSeqExpr();
            this.expect('end', t);
            return this.withParens(e, start);
          }
          case 'while':
            return this.parseWhile();
          case 'for':
            return this.parseFor();
          case 'new': case 'object':
            return this.unsupported(t, 'objects are');
          case 'lazy':
            return this.unsupported(t, '"lazy" is');
        }
        break;
      case 'sym':
        switch (t.text) {
          case '(':
            return this.parseParenExpr();
          case '[':
            return this.parseListExpr();
          case '[|':
            return this.parseArrayExpr();
          case '{':
            return this.parseRecordExpr();
          case '`':
            return this.unsupportedPolymorphicVariant(t);
          case '[%':
          case '[%%':
            return this.unsupported(t, 'extension nodes are');
        }
        if (isPrefixOp(t.text)) {
          this.advance();
          const operand = this.parseAtom();
          const arg: Arg = { label: { kind: 'nolabel' }, expr: operand, span: operand.span };
          return { kind: 'apply', fn: this.opIdent(t), args: [arg], span: this.span(start) };
        }
        break;
    }
    const stray = this.strayKeyword(t);
    if (stray) return this.fail(t, stray.message, stray.related, stray.notes);
    if (t.kind === 'kw' && NAME_LIKE_KEYWORDS.has(t.text)) this.failKeywordAsName(t);
    this.failSingleQuotedString(t);
    return this.fail(t, `Syntax error: expected an expression, found ${this.describe(t)}`);
  }

  /** `M.x`, `M.C`, `C`, `M.(e)`, `M.(+)`, `M.[l]`, `M.{r}`, `M.[|a|]`. */
  parseUpperExpr(): Expr {
    const start = this.tok.start;
    const names: Token[] = [this.advance()];
    while (this.is('.') && this.peek().kind === 'uident') {
      this.advance();
      names.push(this.advance());
    }
    const pathOf = (k: number): ModPath | null => {
      let p: ModPath | null = null;
      for (let j = 0; j < k; j++) {
        const n = names[j]!;
        p = p ? { kind: 'mdot', base: p, name: n.text, span: this.span(start, n.end) } : { kind: 'mident', name: n.text, span: this.tokSpan(n) };
      }
      return p;
    };
    if (this.is('.')) {
      const next = this.peek();
      const path = pathOf(names.length)!;
      if (next.kind === 'lident') {
        this.advance();
        this.advance();
        const name: LongIdent = { path, name: next.text, span: this.span(start) };
        return { kind: 'ident', name, span: name.span };
      }
      if (this.isAt(next, '(') && this.isOperatorName(this.peek(2)) && this.isAt(this.peek(3), ')')) {
        this.advance();
        this.advance();
        const op = this.advance();
        this.advance();
        const name: LongIdent = { path, name: op.text, span: this.span(start) };
        return { kind: 'ident', name, span: name.span };
      }
      if (this.isAt(next, '(') || this.isAt(next, '[') || this.isAt(next, '{') || this.isAt(next, '[|')) {
        this.advance();
        let body: Expr;
        if (this.is('(')) {
          const open = this.advance();
          if (this.is(')')) {
            this.advance();
            body = this.ctorExpr('()', this.span(open.start));
          } else {
            body = this.parseSeqExpr();
            if (this.is(':')) {
              this.advance();
              const type = this.parseType();
              body = { kind: 'constraint', expr: body, type, span: this.span(body.span.start) };
            }
            this.expect(')', open);
          }
        } else body = this.parseAtom();
        return { kind: 'open', module: path, body, span: this.span(start) };
      }
      this.fail(next, `Syntax error: an identifier expected after '${names.map((n) => n.text).join('.')}.', found ${this.describe(next)}`);
    }
    const last = names[names.length - 1]!;
    const ctor: LongIdent = { path: pathOf(names.length - 1), name: last.text, span: this.span(start) };
    return { kind: 'construct', ctor, arg: null, span: ctor.span };
  }

  parseParenExpr(): Expr {
    const open = this.advance();
    const start = open.start;
    if (this.is(')')) {
      this.advance();
      return this.ctorExpr('()', this.span(start));
    }
    if (this.isOperatorName(this.tok) && this.isAt(this.peek(), ')')) {
      const op = this.advance();
      this.advance();
      if (op.text === '::') return this.ctorExpr('::', this.span(start));
      const span = this.span(start);
      return { kind: 'ident', name: { path: null, name: op.text, span }, span };
    }
    if (this.is('module')) this.unsupported(this.tok, 'first-class modules are');
    if (!this.startsExpr()) this.fail(this.tok, `Syntax error: expected an expression after '(', found ${this.describe(this.tok)}`);
    let e = this.parseSeqExpr();
    if (this.is(':')) {
      this.advance();
      const type = this.parseType();
      if (this.is(':>')) this.unsupported(this.tok, 'coercions (:>) are');
      e = { kind: 'constraint', expr: e, type, span: this.span(start) };
    } else if (this.is(':>')) this.unsupported(this.tok, 'coercions (:>) are');
    this.expect(')', open);
    return this.withParens(e, start);
  }

  /** `(e)` is `e`, but its span covers the parentheses, as OCaml's locations do. */
  withParens<T extends { span: Span }>(node: T, start: number): T {
    const span = node.span.ghost ? this.ghost(start) : this.span(start);
    return { ...node, span };
  }

  /** `[a; b; c]` becomes `a :: b :: c :: []`, all ghost. */
  parseListExpr(): Expr {
    const open = this.advance();
    const items: Expr[] = [];
    while (!this.is(']')) {
      if (!this.startsExpr()) this.expect(']', open);
      items.push(this.parseExpr());
      if (!this.accept(';')) break;
    }
    const close = this.expect(']', open);
    let e = this.ctorExpr('[]', this.ghost(close.start, close.end));
    if (items.length === 0) return this.ctorExpr('[]', this.span(open.start));
    for (let k = items.length - 1; k >= 0; k--) {
      const item = items[k]!;
      const span = this.ghost(k === 0 ? open.start : item.span.start, close.end);
      const arg: Expr = { kind: 'tuple', items: [item, e], span };
      e = { kind: 'construct', ctor: { path: null, name: '::', span }, arg, span };
    }
    return e;
  }

  parseArrayExpr(): Expr {
    const open = this.advance();
    const items: Expr[] = [];
    while (!this.is('|]')) {
      if (!this.startsExpr()) this.expect('|]', open);
      items.push(this.parseExpr());
      if (!this.accept(';')) break;
    }
    this.expect('|]', open);
    return { kind: 'array', items, span: this.span(open.start) };
  }

  /** Does a record field list (rather than `e with ...`) start at the current token? */
  startsFieldList(): boolean {
    let k = 0;
    while (this.peek(k).kind === 'uident' && this.isAt(this.peek(k + 1), '.')) k += 2;
    if (this.peek(k).kind !== 'lident') return false;
    const after = this.peek(k + 1);
    return this.isAt(after, '=') || this.isAt(after, ';') || this.isAt(after, '}') || this.isAt(after, ':');
  }

  parseRecordExpr(): Expr {
    const open = this.advance();
    let base: Expr | null = null;
    if (this.is('}')) this.fail(this.tok, 'Syntax error: a record needs at least one field');
    if (this.is('<')) this.unsupported(this.tok, 'objects are');
    if (!this.startsFieldList()) {
      base = this.parseSimpleExpr();
      this.expect('with');
    }
    const fields: ExprField[] = [];
    while (!this.is('}')) {
      const fstart = this.tok.start;
      const field = this.longIdent('lident', 'a field name');
      let type: TypeExpr | null = null;
      if (this.accept(':')) type = this.parseType();
      let expr: Expr;
      if (this.is('=')) {
        const eq = this.advance();
        this.needExpr(eq);
        expr = this.parseExpr();
      } else {
        const span = this.ghost(field.span.start, field.span.end);
        expr = { kind: 'ident', name: { path: null, name: field.name, span }, span };
      }
      if (type) expr = { kind: 'constraint', expr, type, span: this.ghost(fstart) };
      fields.push({ field, expr, span: this.span(fstart) });
      if (!this.accept(';')) break;
    }
    this.expect('}', open);
    return { kind: 'record', fields, base, span: this.span(open.start) };
  }

  // --- open-ended constructs ---

  parseIf(): Expr {
    const kw = this.advance();
    this.needExpr(kw);
    const cond = this.parseSeqExpr();
    const thenTok = this.expect('then', kw);
    this.needExpr(thenTok);
    const then = this.parseExpr();
    let els: Expr | null = null;
    if (this.is('else')) {
      const elseTok = this.advance();
      this.needExpr(elseTok);
      els = this.parseExpr();
    } else if (this.is(';')) this.ifEndedBySemicolon = kw;
    return { kind: 'if', cond, then, else: els, span: this.span(kw.start) };
  }

  parseWhile(): Expr {
    const kw = this.advance();
    this.needExpr(kw);
    const cond = this.parseSeqExpr();
    const doTok = this.expect('do', kw);
    this.needExpr(doTok);
    const body = this.parseSeqExpr();
    this.expect('done', doTok);
    return { kind: 'while', cond, body, span: this.span(kw.start) };
  }

  parseFor(): Expr {
    const kw = this.advance();
    const v = this.tok;
    let pat: Pattern;
    if (v.kind === 'lident') pat = { kind: 'pvar', name: v.text, span: this.tokSpan(v) };
    else if (this.is('_')) pat = { kind: 'pany', span: this.tokSpan(v) };
    else return this.fail(v, `Syntax error: a loop variable expected after 'for', found ${this.describe(v)}`);
    this.advance();
    const eq = this.expect('=');
    this.needExpr(eq);
    const from = this.parseSeqExpr();
    let down = false;
    if (this.accept('downto')) down = true;
    else if (!this.accept('to')) this.fail(this.tok, `Syntax error: 'to' or 'downto' expected, found ${this.describe(this.tok)}`);
    this.needExpr(this.toks[this.i - 1]!);
    const to = this.parseSeqExpr();
    const doTok = this.expect('do', kw);
    this.needExpr(doTok);
    const body = this.parseSeqExpr();
    this.expect('done', doTok);
    return { kind: 'for', var: pat, from, to, down, body, span: this.span(kw.start) };
  }

  parseMatch(): Expr {
    const kw = this.advance();
    this.needExpr(kw);
    const scrutinee = this.parseSeqExpr();
    this.expect('with', kw);
    const cases = this.parseCases(true);
    return { kind: 'match', scrutinee, cases, span: this.span(kw.start) };
  }

  parseTry(): Expr {
    const kw = this.advance();
    this.needExpr(kw);
    const body = this.parseSeqExpr();
    this.expect('with', kw);
    const cases = this.parseCases(false, true);
    return { kind: 'try', body, cases, span: this.span(kw.start) };
  }

  parseFunction(): Expr {
    const kw = this.advance();
    const cases = this.parseCases(false);
    return { kind: 'function', cases, span: this.span(kw.start) };
  }

  parseCases(allowException: boolean, handlers = false): Case[] {
    let bar = this.is('|') ? this.advance() : null;
    const cases: Case[] = [];
    do {
      if (bar && !this.startsSimplePattern() && !this.is('exception') && !this.is('lazy') && !this.is('`')) {
        this.fail(this.tok, `Syntax error: a pattern expected after '|', found ${this.describe(this.tok)}`, [
          { span: this.tokSpan(bar), message: "This '|' starts a case that is not there" },
        ], [strayBarNote(cases, handlers)]);
      }
      const start = this.tok.start;
      const pat = this.parsePattern(allowException);
      let guard: Expr | null = null;
      if (this.is('when')) {
        const w = this.advance();
        this.needExpr(w);
        guard = this.parseSeqExpr();
      }
      if (!this.is('->')) {
        const notes = this.is('=>') || this.is('=') ? ["A case is written '| PATTERN -> EXPR', with '->'."] : [];
        this.fail(this.tok, `Syntax error: '->' expected after the pattern of this case, found ${this.describe(this.tok)}`, undefined, notes);
      }
      const arrow = this.advance();
      if (this.is('.')) this.unsupported(this.tok, 'refutation cases (-> .) are');
      this.needExpr(arrow);
      const body = this.parseSeqExpr();
      cases.push({ pat, guard, body, span: this.span(start) });
      bar = this.is('|') ? this.advance() : null;
    } while (bar);
    return cases;
  }

  parseFun(): Expr {
    const kw = this.advance();
    const params = this.parseParams();
    if (params.length === 0) {
      const notes = this.is('|') ? ["To match on the argument, write 'function | PATTERN -> ... | ...' instead of 'fun'."] : [];
      this.fail(this.tok, `Syntax error: a parameter expected after 'fun', found ${this.describe(this.tok)}`, undefined, notes);
    }
    let ret: TypeExpr | null = null;
    if (this.accept(':')) ret = this.parseAppLevelType();
    if (!this.is('->')) {
      const t = this.tok;
      const notes =
        t.text === '=>' ? ["An anonymous function is written 'fun x -> e', with '->' (not '=>')."]
        : t.text === '=' ? ["An anonymous function is written 'fun x -> e'; '=' is for named functions: 'let f x = e'."]
        : ["An anonymous function is written 'fun x y -> e': its parameters, '->', then its body."];
      this.fail(t, `Syntax error: '->' expected after the parameters of 'fun', found ${this.describe(t)}`, [
        { span: this.tokSpan(kw), message: "This 'fun' needs '->' before its body" },
      ], notes);
    }
    const arrow = this.expect('->');
    this.needExpr(arrow);
    let body = this.parseSeqExpr();
    if (ret) body = { kind: 'constraint', expr: body, type: ret, span: this.ghost(body.span.start) };
    return { kind: 'fun', params, body, span: this.span(kw.start) };
  }

  startsParam(t: Token): boolean {
    switch (t.kind) {
      case 'lident': case 'uident': case 'label': case 'optlabel': case 'int': case 'float':
      case 'char': case 'string':
        return true;
      case 'kw':
        return t.text === 'true' || t.text === 'false';
      case 'sym':
        return t.text === '_' || t.text === '(' || t.text === '[' || t.text === '[|' || t.text === '{' ||
          t.text === '~' || t.text === '?' || t.text === '#' || t.text === '`';
    }
    return false;
  }

  parseParams(): Param[] {
    const params: Param[] = [];
    while (this.startsParam(this.tok)) params.push(this.parseParam());
    return params;
  }

  /** `p`, `~x`, `~x:p`, `~(x : t)`, `?x`, `?x:p`, `?(x : t = e)`, `?x:(p = e)`. */
  parseParam(): Param {
    const t = this.tok;
    const start = t.start;
    const nolabel: ArgLabel = { kind: 'nolabel' };
    if (t.kind === 'label') {
      this.advance();
      const pat = this.parseSimplePattern();
      return { label: { kind: 'labelled', name: t.name! }, pat, default: null, span: this.span(start) };
    }
    if (t.kind === 'optlabel') {
      this.advance();
      const label: ArgLabel = { kind: 'optional', name: t.name! };
      if (this.is('(')) {
        const open = this.advance();
        let pat = this.parsePattern(false);
        if (this.accept(':')) {
          const type = this.parseType();
          pat = { kind: 'pconstraint', pat, type, span: this.span(pat.span.start) };
        }
        let def: Expr | null = null;
        if (this.is('=')) {
          const eq = this.advance();
          this.needExpr(eq);
          def = this.parseSeqExpr();
        }
        this.expect(')', open);
        return { label, pat, default: def, span: this.span(start) };
      }
      const pat = this.parseSimplePattern();
      return { label, pat, default: null, span: this.span(start) };
    }
    if (this.is('~') || this.is('?')) {
      this.advance();
      const optional = t.text === '?';
      if (this.is('(')) {
        const open = this.advance();
        const n = this.lident('a label name');
        let pat: Pattern = { kind: 'pvar', name: n.text, span: this.tokSpan(n) };
        if (this.accept(':')) {
          const type = this.parseType();
          pat = { kind: 'pconstraint', pat, type, span: this.span(n.start) };
        }
        let def: Expr | null = null;
        if (this.is('=')) {
          if (!optional) this.fail(this.tok, 'Syntax error: only optional (?) parameters can have a default value');
          const eq = this.advance();
          this.needExpr(eq);
          def = this.parseSeqExpr();
        }
        this.expect(')', open);
        const label: ArgLabel = optional ? { kind: 'optional', name: n.text } : { kind: 'labelled', name: n.text };
        return { label, pat, default: def, span: this.span(start) };
      }
      const n = this.lident('a label name');
      const pat: Pattern = { kind: 'pvar', name: n.text, span: this.tokSpan(n) };
      const label: ArgLabel = optional ? { kind: 'optional', name: n.text } : { kind: 'labelled', name: n.text };
      return { label, pat, default: null, span: this.span(start) };
    }
    if (this.is('(') && this.isAt(this.peek(), 'type')) this.unsupported(this.tok, 'locally abstract types (type a) are');
    const pat = this.parseSimplePattern();
    return { label: nolabel, pat, default: null, span: pat.span };
  }

  parseLet(): Expr {
    const kw = this.advance();
    if (this.is('open')) {
      this.advance();
      this.accept('!');
      const module = this.modPath();
      this.expectIn(kw);
      const body = this.parseSeqExpr();
      return { kind: 'open', module, body, span: this.span(kw.start) };
    }
    if (this.is('module')) {
      this.advance();
      const name = this.uident('a module name');
      const module = this.parseModuleBinding();
      this.expectIn(kw);
      const body = this.parseSeqExpr();
      return { kind: 'letmodule', name: name.text, module, body, span: this.span(kw.start) };
    }
    if (this.is('exception')) {
      this.advance();
      const decl = this.parseExceptionDecl(this.toks[this.i - 1]!.start);
      this.expectIn(kw);
      const body = this.parseSeqExpr();
      return { kind: 'letexception', decl, body, span: this.span(kw.start) };
    }
    const rec = this.accept('rec');
    const bindings = this.parseBindings();
    this.expectIn(kw);
    const body = this.parseSeqExpr();
    return { kind: 'let', rec, bindings, body, span: this.span(kw.start) };
  }

  expectIn(letTok: Token): void {
    if (this.is('in')) {
      const t = this.advance();
      this.needExpr(t);
      return;
    }
    // Located where the `in` was due, as OCaml does; the `let` is the related place.
    const notes = [
      `Inside an expression, '${letTok.text} x = e' must be followed by 'in' and the expression that uses x; ` +
        'only top-level definitions stand alone.',
    ];
    const k = this.toks.indexOf(letTok);
    const related: NonNullable<Diagnostic['related']> = [];
    if (k > 0 && this.isAt(this.toks[k - 1]!, ';') && this.followsDefinition(k)) {
      // `let a = 1;` then `let b = 2` at the start of the next line: the `;`
      // made the second definition part of the first one's expression.
      const semi = this.toks[k - 1]!;
      const semiLine = this.file.position(semi.start).line;
      const letLine = this.file.position(letTok.start).line;
      const where = letLine > semiLine ? `at the end of line ${semiLine}` : `on line ${semiLine}`;
      notes.push(
        `Definitions are not separated by ';': the ';' ${where} makes the '${letTok.text}' on line ${letLine} ` +
          `part of the expression before it, so that '${letTok.text}' needs an 'in'. Remove the ';' (or use ';;').`,
      );
      related.push({
        span: this.tokSpan(semi),
        message: `This ';' joins the definition on line ${letLine} to the expression before it; remove it`,
      });
    }
    // a stray `then` or `else` is the better explanation (`and` and `in` are what a `let` expects)
    const stray = this.tok.text === 'and' || this.tok.text === 'in' ? null : this.strayKeyword(this.tok);
    related.push({ span: this.tokSpan(letTok), message: `This '${letTok.text}' has no matching 'in'` });
    if (stray) this.fail(this.tok, stray.message, [...related, ...(stray.related ?? [])], stray.notes);
    this.fail(this.tok, `Syntax error: 'in' expected, found ${this.describe(this.tok)}`, related, notes);
  }

  /**
   * Whether the `let` at `toks[k]` starts its line at the column of an earlier
   * line that starts with `let`, with nothing less indented between: a
   * definition after a definition (`let a = 1;` / `let b = 2`), rather than a
   * `let` inside a function body after a statement.
   */
  followsDefinition(k: number): boolean {
    const pos = (t: Token) => this.file.position(t.start);
    const at = pos(this.toks[k]!);
    if (k > 0 && pos(this.toks[k - 1]!).line === at.line) return false;
    let previous: Token | null = null; // the nearest line start at the same column
    let first = -1; // the earliest line start at that column, in this block
    for (let j = k - 1; j >= 0; j--) {
      const t = this.toks[j]!;
      const p = pos(t);
      if (j > 0 && pos(this.toks[j - 1]!).line === p.line) continue; // not the first on its line
      if (p.col < at.col) break;
      if (p.col === at.col) {
        previous ??= t;
        first = j;
      }
    }
    if (!previous || !this.isAt(previous, 'let')) return false;
    // the block is the file's top level, or a struct's items (not a function's body)
    const before = first > 0 ? this.toks[first - 1]! : null;
    return before === null || this.isAt(before, 'struct') || this.isAt(before, ';;');
  }

  parseBindings(): Binding[] {
    const bindings = [this.parseBinding()];
    while (this.is('and')) {
      const and = this.advance();
      if (this.is('let')) {
        this.fail(this.tok, "Syntax error: a definition expected after 'and', found 'let'", [
          { span: this.tokSpan(and), message: "This 'and' joins the next definition to the previous one" },
        ], ["Write 'let x = 1 and y = 2', without a second 'let', or remove the 'and' to make two separate definitions."]);
      }
      bindings.push(this.parseBinding());
    }
    return bindings;
  }

  /** `p = e`, `f x y = e`, `f (x : t) : r = e`, `x : t = e`. */
  parseBinding(): Binding {
    const start = this.tok.start;
    const isName = this.tok.kind === 'lident' || (this.is('(') && this.isOperatorName(this.peek()) && this.isAt(this.peek(2), ')'));
    const afterName = this.tok.kind === 'lident' ? this.peek() : this.peek(3);
    if (isName && this.startsParam(afterName)) {
      const { name, span } = this.valueName('a value name');
      const pat: Pattern = { kind: 'pvar', name, span };
      const funStart = this.tok.start;
      const params = this.parseParams();
      let ret: TypeExpr | null = null;
      if (this.accept(':')) ret = this.parseType();
      const eq = this.expectEquals();
      let body = this.parseSeqExpr();
      if (ret) body = { kind: 'constraint', expr: body, type: ret, span: this.ghost(eq.end, body.span.end) };
      const expr: Expr = { kind: 'fun', params, body, span: this.ghost(funStart) };
      return { pat, expr, span: this.span(start) };
    }
    let pat = this.parsePattern(false);
    if (this.is(':')) {
      this.advance();
      const type = this.parseType();
      pat = { kind: 'pconstraint', pat, type, span: this.ghost(start) };
    }
    this.expectEquals();
    const expr = this.parseSeqExpr();
    return { pat, expr, span: this.span(start) };
  }

  expectEquals(): Token {
    if (this.is('==') || this.is(':=')) {
      this.fail(this.tok, `Syntax error: '=' expected, found ${this.describe(this.tok)}`, undefined, [
        this.is('==')
          ? "A definition is written with a single '=': 'let x = e'. ('==' compares physical identity; '=' compares values.)"
          : "A definition is written 'let x = e'; ':=' assigns a new value to a reference ('r := e').",
      ]);
    }
    if (!this.is('=')) this.fail(this.tok, `Syntax error: '=' expected, found ${this.describe(this.tok)}`);
    const eq = this.advance();
    this.needExpr(eq);
    return eq;
  }

  /** `let* p = e and* q = e in body`. */
  parseLetOp(): Expr {
    const start = this.tok.start;
    const binding = (): LetOpBinding => {
      const op = this.advance();
      const opId: LongIdent = { path: null, name: op.text, span: this.tokSpan(op) };
      const pat = this.parsePattern(false);
      let expr: Expr;
      if (pat.kind === 'pvar' && !this.is('=')) {
        expr = { kind: 'ident', name: { path: null, name: pat.name, span: pat.span }, span: pat.span }; // `let* x in`
      } else {
        this.expectEquals();
        expr = this.parseSeqExpr();
      }
      return { op: opId, pat, expr, span: this.span(op.start) };
    };
    const letTok = this.tok;
    const let_ = binding();
    const ands: LetOpBinding[] = [];
    while (this.tok.kind === 'sym' && this.tok.text.startsWith('and')) ands.push(binding());
    this.expectIn(letTok);
    const body = this.parseSeqExpr();
    return { kind: 'letop', let_, ands, body, span: this.span(start) };
  }

  // -------------------------------------------------------------------------
  // Patterns

  /** A full pattern: `as` is lowest, then `|`, then `,`, then `::`. */
  parsePattern(allowException: boolean): Pattern {
    const start = this.tok.start;
    let p = this.parseOrPattern(allowException);
    while (this.is('as')) {
      this.advance();
      const { name, span: nameSpan } = this.valueName('a variable name after "as"');
      p = { kind: 'palias', pat: p, name, nameSpan, span: this.span(start) };
      if (this.is('|')) {
        this.advance();
        const right = this.parseOrPattern(allowException);
        p = { kind: 'por', left: p, right, span: this.span(start) };
      } else if (this.is(',')) {
        // `p as x, q` is the tuple `((p as x), q)`, as in OCaml's grammar
        const items: Pattern[] = [p];
        while (this.accept(',')) items.push(this.parseConsPattern(allowException));
        p = { kind: 'ptuple', items, span: this.span(start) };
      }
    }
    return p;
  }

  parseOrPattern(allowException: boolean): Pattern {
    let left = this.parseTuplePattern(allowException);
    while (this.is('|')) {
      this.advance();
      const right = this.parseTuplePattern(allowException);
      left = { kind: 'por', left, right, span: this.span(left.span.start) };
    }
    return left;
  }

  parseTuplePattern(allowException: boolean): Pattern {
    const first = this.parseConsPattern(allowException);
    if (!this.is(',')) return first;
    const items = [first];
    while (this.accept(',')) items.push(this.parseConsPattern(allowException));
    return { kind: 'ptuple', items, span: this.span(first.span.start) };
  }

  parseConsPattern(allowException: boolean): Pattern {
    const left = this.parseAppPattern(allowException);
    if (!this.is('::')) return left;
    const op = this.advance();
    const right = this.parseConsPattern(allowException);
    const span = this.span(left.span.start);
    const arg: Pattern = { kind: 'ptuple', items: [left, right], span: this.ghost(left.span.start) };
    return { kind: 'pconstruct', ctor: { path: null, name: '::', span: this.ghost(op.start, op.end) }, arg, span };
  }

  parseAppPattern(allowException: boolean): Pattern {
    const t = this.tok;
    if (t.kind === 'kw' && t.text === 'exception') {
      if (!allowException) this.fail(t, "Syntax error: 'exception' patterns are only allowed in the cases of a 'match'");
      this.advance();
      const pat = this.parseAppPattern(false);
      return { kind: 'pexception', pat, span: this.span(t.start) };
    }
    if (t.kind === 'kw' && t.text === 'lazy') this.unsupported(t, '"lazy" is');
    if (t.kind === 'uident') {
      const ctor = this.longIdent('uident', 'a constructor');
      if (this.is('.')) this.unsupported(this.tok, 'local opens in patterns (M.(p)) are');
      let arg: Pattern | null = null;
      if (this.startsSimplePattern()) arg = this.parseSimplePattern();
      return { kind: 'pconstruct', ctor, arg, span: this.span(t.start) };
    }
    if (this.is('`')) this.unsupportedPolymorphicVariant(t);
    return this.parseSimplePattern();
  }

  startsSimplePattern(): boolean {
    const t = this.tok;
    switch (t.kind) {
      case 'lident': case 'uident': case 'int': case 'float': case 'char': case 'string':
        return true;
      case 'kw':
        return t.text === 'true' || t.text === 'false';
      case 'sym':
        if (t.text === '-' || t.text === '+') return this.peek().kind === 'int' || this.peek().kind === 'float';
        return t.text === '_' || t.text === '(' || t.text === '[' || t.text === '[|' || t.text === '{' || t.text === '#' || t.text === '`';
    }
    return false;
  }

  parseSimplePattern(): Pattern {
    const t = this.tok;
    const start = t.start;
    switch (t.kind) {
      case 'lident':
        this.advance();
        return { kind: 'pvar', name: t.text, span: this.tokSpan(t) };
      case 'uident': {
        const ctor = this.longIdent('uident', 'a constructor');
        return { kind: 'pconstruct', ctor, arg: null, span: ctor.span };
      }
      case 'int': case 'float': case 'string':
        this.advance();
        return { kind: 'pconst', value: this.constOf(t), span: this.tokSpan(t) };
      case 'char': {
        this.advance();
        const lo = this.constOf(t);
        if (this.is('..')) {
          this.advance();
          if (this.tok.kind !== 'char') this.fail(this.tok, "Syntax error: a character expected after '..'");
          const hi = this.constOf(this.advance());
          return { kind: 'prange', lo, hi, span: this.span(start) };
        }
        return { kind: 'pconst', value: lo, span: this.tokSpan(t) };
      }
      case 'kw':
        if (t.text === 'true' || t.text === 'false') {
          this.advance();
          const span = this.tokSpan(t);
          return { kind: 'pconstruct', ctor: { path: null, name: t.text, span }, arg: null, span };
        }
        if (t.text === 'lazy') this.unsupported(t, '"lazy" is');
        break;
      case 'sym': {
        const signed = this.signedConst();
        if (signed) return { kind: 'pconst', value: signed, span: this.span(start) };
        switch (t.text) {
          case '_':
            this.advance();
            return { kind: 'pany', span: this.tokSpan(t) };
          case '(':
            return this.parseParenPattern();
          case '[':
            return this.parseListPattern();
          case '[|': {
            this.advance();
            const items: Pattern[] = [];
            while (!this.is('|]')) {
              items.push(this.parsePattern(false));
              if (!this.accept(';')) break;
            }
            this.expect('|]', t);
            return { kind: 'parray', items, span: this.span(start) };
          }
          case '{':
            return this.parseRecordPattern();
          case '#':
            return this.unsupported(t, 'polymorphic variant type patterns (#t) are');
          case '`':
            return this.unsupportedPolymorphicVariant(t);
        }
      }
    }
    this.failKeywordAsName(t);
    return this.fail(t, `Syntax error: a pattern expected, found ${this.describe(t)}`);
  }

  parseParenPattern(): Pattern {
    const open = this.advance();
    const start = open.start;
    if (this.is(')')) {
      this.advance();
      const span = this.span(start);
      return { kind: 'pconstruct', ctor: { path: null, name: '()', span }, arg: null, span };
    }
    if (this.isOperatorName(this.tok) && this.isAt(this.peek(), ')')) {
      const op = this.advance();
      this.advance();
      const span = this.span(start);
      if (op.text === '::') return { kind: 'pconstruct', ctor: { path: null, name: '::', span }, arg: null, span };
      return { kind: 'pvar', name: op.text, span };
    }
    if (this.is('module')) this.unsupported(this.tok, 'first-class modules are');
    if (this.is('type')) this.unsupported(this.tok, 'locally abstract types (type a) are');
    if (this.isOperatorName(this.tok) && !this.startsSimplePattern()) {
      // `( +` with no `)`: an operator name that is not closed, as OCaml reports it
      this.advance();
      this.expect(')', open);
    }
    let p = this.parsePattern(true);
    if (this.accept(':')) {
      const type = this.parseType();
      p = { kind: 'pconstraint', pat: p, type, span: this.span(start) };
    }
    this.expect(')', open);
    return this.withParens(p, start);
  }

  parseListPattern(): Pattern {
    const open = this.advance();
    const items: Pattern[] = [];
    while (!this.is(']')) {
      items.push(this.parsePattern(false));
      if (!this.accept(';')) break;
    }
    const close = this.expect(']', open);
    const nilSpan = items.length === 0 ? this.span(open.start) : this.ghost(close.start, close.end);
    let p: Pattern = { kind: 'pconstruct', ctor: { path: null, name: '[]', span: nilSpan }, arg: null, span: nilSpan };
    for (let k = items.length - 1; k >= 0; k--) {
      const item = items[k]!;
      const span = this.ghost(k === 0 ? open.start : item.span.start, close.end);
      const arg: Pattern = { kind: 'ptuple', items: [item, p], span };
      p = { kind: 'pconstruct', ctor: { path: null, name: '::', span }, arg, span };
    }
    return p;
  }

  parseRecordPattern(): Pattern {
    const open = this.advance();
    const fields: PatField[] = [];
    let isOpen = false;
    while (!this.is('}')) {
      if (this.is('_')) {
        this.advance();
        isOpen = true;
        this.accept(';');
        break;
      }
      const fstart = this.tok.start;
      const field = this.longIdent('lident', 'a field name');
      let type: TypeExpr | null = null;
      if (this.accept(':')) type = this.parseType();
      let pat: Pattern;
      if (this.accept('=')) pat = this.parsePattern(false);
      else pat = { kind: 'pvar', name: field.name, span: this.ghost(field.span.start, field.span.end) };
      if (type) pat = { kind: 'pconstraint', pat, type, span: this.ghost(fstart) };
      fields.push({ field, pat, span: this.span(fstart) });
      if (!this.accept(';')) break;
    }
    this.expect('}', open);
    if (fields.length === 0) this.fail(open, 'Syntax error: a record pattern needs at least one field');
    return { kind: 'precord', fields, open: isOpen, span: this.span(open.start) };
  }

  // -------------------------------------------------------------------------
  // Types

  /** A type: arrows (right-associative, optionally labelled) over tuples. */
  parseType(): TypeExpr {
    const t = this.tok;
    const start = t.start;
    if (t.kind === 'tyvar') {
      let k = 0;
      while (this.peek(k).kind === 'tyvar') k++;
      if (this.isAt(this.peek(k), '.')) this.unsupported(t, "polymorphic type annotations ('a. t) are");
    }
    let label: ArgLabel = { kind: 'nolabel' };
    if (t.kind === 'label' || t.kind === 'optlabel') {
      this.advance();
      label = t.kind === 'label' ? { kind: 'labelled', name: t.name! } : { kind: 'optional', name: t.name! };
    } else if (t.kind === 'lident' && this.isAt(this.peek(), ':')) {
      this.advance();
      this.advance();
      label = { kind: 'labelled', name: t.text };
    } else if (this.is('?') && this.peek().kind === 'lident' && this.isAt(this.peek(2), ':')) {
      this.advance();
      const n = this.advance();
      this.advance();
      label = { kind: 'optional', name: n.text };
    }
    const param = this.parseTupleType();
    if (this.is('->')) {
      this.advance();
      const result = this.parseType();
      return { kind: 'tarrow', label, param, result, span: this.span(start) };
    }
    if (label.kind !== 'nolabel') this.fail(this.tok, "Syntax error: '->' expected after a labelled parameter type");
    return param;
  }

  parseTupleType(): TypeExpr {
    const first = this.parseAppLevelType();
    if (!this.is('*')) return first;
    const items = [first];
    while (this.accept('*')) items.push(this.parseAppLevelType());
    return { kind: 'ttuple', items, span: this.span(first.span.start) };
  }

  /** `int list option`: a simple type followed by postfix type constructors. */
  parseAppLevelType(): TypeExpr {
    const start = this.tok.start;
    let t = this.parseSimpleType();
    while (this.tok.kind === 'lident' || this.tok.kind === 'uident') {
      if (this.tok.kind === 'lident' && this.isAt(this.peek(), ':')) break; // next labelled arrow
      const name = this.typeLongIdent();
      t = { kind: 'tconstr', name, args: [t], span: this.span(start) };
    }
    if (this.is('#')) this.unsupported(this.tok, 'class types (#c) are');
    return t;
  }

  parseSimpleType(): TypeExpr {
    const t = this.tok;
    const start = t.start;
    if (t.kind === 'tyvar') {
      this.advance();
      return { kind: 'tvar', name: t.name!, span: this.tokSpan(t) };
    }
    if (t.kind === 'lident' || t.kind === 'uident') {
      const name = this.typeLongIdent();
      return { kind: 'tconstr', name, args: [], span: name.span };
    }
    if (t.kind === 'sym') {
      switch (t.text) {
        case '_':
          this.advance();
          return { kind: 'tany', span: this.tokSpan(t) };
        case '(': {
          this.advance();
          if (this.is('module')) this.unsupported(this.tok, 'first-class modules are');
          const first = this.parseType();
          if (this.is(',')) {
            const args = [first];
            while (this.accept(',')) args.push(this.parseType());
            this.expect(')', t);
            if (this.tok.kind !== 'lident' && this.tok.kind !== 'uident') {
              this.fail(this.tok, 'Syntax error: a type constructor expected after a parenthesized list of type arguments');
            }
            const name = this.typeLongIdent();
            return { kind: 'tconstr', name, args, span: this.span(start) };
          }
          this.expect(')', t);
          return first;
        }
        case '<':
          return this.unsupported(t, 'object types are');
        case '[': case '[<': case '[>': case '`':
          return this.unsupportedPolymorphicVariant(t);
        case '#':
          return this.unsupported(t, 'class types (#c) are');
      }
    }
    if (t.kind === 'sym' && t.text === "'") this.fail(t, "Syntax error: a type variable name expected after '");
    return this.fail(t, `Syntax error: a type expected, found ${this.describe(t)}`);
  }

  // -------------------------------------------------------------------------
  // Type, exception and external declarations

  parseTypeParams(): { name: string; span: Span }[] {
    const one = (): { name: string; span: Span } => {
      // Variance and injectivity annotations (`+'a`, `-'a`, `!'a`) are accepted and dropped.
      while (this.tok.kind === 'sym' && /^[-+!]+$/.test(this.tok.text)) this.advance();
      const t = this.tok;
      if (t.kind === 'tyvar') {
        this.advance();
        return { name: t.name!, span: this.tokSpan(t) };
      }
      if (this.is('_')) {
        this.advance();
        return { name: '_', span: this.tokSpan(t) };
      }
      return this.fail(t, `Syntax error: a type parameter expected, found ${this.describe(t)}`);
    };
    if (this.tok.kind === 'tyvar' || this.is('_') || (this.tok.kind === 'sym' && /^[-+!]+$/.test(this.tok.text))) return [one()];
    if (this.is('(') && this.peek().kind !== 'lident') {
      const open = this.advance();
      const params = [one()];
      while (this.accept(',')) params.push(one());
      this.expect(')', open);
      return params;
    }
    return [];
  }

  /** After `type` (which starts at `start`): `[nonrec] decl and decl ...`. */
  parseTypeDecls(start: number): { decls: TypeDecl[]; nonrec: boolean } {
    const nonrec = this.accept('nonrec');
    const decls = [this.parseTypeDecl(start)];
    while (this.is('and')) {
      const and = this.advance();
      decls.push(this.parseTypeDecl(and.start));
    }
    return { decls, nonrec };
  }

  parseTypeDecl(declStart: number): TypeDecl {
    const params = this.parseTypeParams();
    const nameTok = this.lident('a type name');
    let manifest: TypeExpr | null = null;
    let body: TypeDeclBody = { kind: 'abstract' };
    let priv = false;
    if (this.is(':=')) this.unsupported(this.tok, 'destructive type substitutions (type t := ...) are');
    if (this.is('+=')) this.unsupported(this.tok, 'extensible variant types are');
    if (this.accept('=')) {
      priv = this.accept('private');
      if (this.startsTypeRepr()) body = this.parseTypeRepr();
      else {
        manifest = this.parseType();
        if (this.is('|') && manifest.kind === 'tconstr') {
          // `type color = red | green`: lowercase constructors read as a type name
          this.fail(this.tok, "Syntax error: unexpected '|' after a type name", undefined, [
            'Constructor names start with a capital letter: write \'type t = Red | Green\', not \'type t = red | green\'.',
          ]);
        }
        if (this.accept('=')) {
          priv = this.accept('private') || priv;
          if (!this.startsTypeRepr()) this.fail(this.tok, 'Syntax error: a variant or record definition expected after the type equation');
          body = this.parseTypeRepr();
        }
      }
    }
    if (this.is('constraint')) this.unsupported(this.tok, 'type constraints (constraint ... = ...) are');
    return { name: nameTok.text, nameSpan: this.tokSpan(nameTok), params, manifest, body, private: priv, span: this.span(declStart) };
  }

  startsTypeRepr(): boolean {
    if (this.is('|') || this.is('{') || this.is('..')) return true;
    if (this.startsBuiltinCtorName()) return true;
    return this.tok.kind === 'uident' && !this.isAt(this.peek(), '.');
  }

  /** `false`, `true`, `[]`, `()` and `(::)`: the predefined constructors, which a
   *  re-exporting definition (`type t = bool = false | true`) may name. */
  startsBuiltinCtorName(): boolean {
    if (this.is('false') || this.is('true')) return true;
    if (this.is('[')) return this.isAt(this.peek(), ']');
    if (this.is('(')) return this.isAt(this.peek(), ')') || (this.isAt(this.peek(), '::') && this.isAt(this.peek(2), ')'));
    return false;
  }

  parseCtorName(): Token {
    if (!this.startsBuiltinCtorName()) return this.uident('a constructor name');
    const first = this.tok;
    if (this.accept('false') || this.accept('true')) return first;
    const open = this.advance().text;
    const cons = this.accept('::');
    this.advance(); // the closing bracket
    return { ...first, text: open === '[' ? '[]' : cons ? '::' : '()' };
  }

  parseTypeRepr(): TypeDeclBody {
    if (this.is('..')) this.unsupported(this.tok, 'extensible variant types are');
    if (this.is('{')) return { kind: 'record', fields: this.parseFieldDecls() };
    this.accept('|');
    const ctors: CtorDecl[] = [];
    let bar: Token | null = null;
    do {
      if (bar && !this.startsBuiltinCtorName() && this.tok.kind !== 'uident') {
        const lower = this.tok.kind === 'lident';
        this.fail(this.tok, `Syntax error: a constructor name expected after '|', found ${this.describe(this.tok)}`, [
          { span: this.tokSpan(bar), message: "This '|' starts a constructor that is not there" },
        ], [lower ? `Constructor names start with a capital letter: '${this.tok.text.charAt(0).toUpperCase() + this.tok.text.slice(1)}'.`
          : "Remove the extra '|', or write the missing constructor."]);
      }
      const n = this.parseCtorName();
      const args = this.parseCtorArgs();
      ctors.push({ name: n.text, args, span: this.span(n.start) });
      bar = this.is('|') ? this.advance() : null;
    } while (bar);
    return { kind: 'variant', ctors };
  }

  parseCtorArgs(): CtorArgs {
    if (this.is(':')) this.unsupported(this.tok, 'GADT constructors (C : t) are');
    if (!this.accept('of')) return { kind: 'tuple', items: [] };
    if (this.is('{')) return { kind: 'record', fields: this.parseFieldDecls() };
    const items = [this.parseAppLevelType()];
    while (this.accept('*')) items.push(this.parseAppLevelType());
    if (this.is('->')) this.fail(this.tok, 'Syntax error: a function type as a constructor argument must be parenthesized');
    return { kind: 'tuple', items };
  }

  parseFieldDecls(): FieldDecl[] {
    const open = this.expect('{');
    const fields: FieldDecl[] = [];
    while (!this.is('}')) {
      const start = this.tok.start;
      const mutable = this.accept('mutable');
      const n = this.lident('a field name');
      this.expect(':');
      const type = this.parseType();
      fields.push({ name: n.text, mutable, type, span: this.span(start) });
      if (this.is(',')) {
        this.fail(this.tok, "Syntax error: '}' or ';' expected, found ','", [
          { span: this.tokSpan(open), message: "This '{' starts the record type" },
        ], ["The fields of a record are separated by ';': '{ x : int; y : int }'."]);
      }
      if (!this.accept(';')) break;
    }
    this.expect('}', open);
    if (fields.length === 0) this.fail(open, 'Syntax error: a record type needs at least one field');
    return fields;
  }

  /** After `exception`: `E`, `E of t`, `E = M.F`; `start` is the keyword's offset. */
  parseExceptionDecl(start: number): ExceptionDecl {
    const n = this.uident('an exception name');
    if (this.accept('=')) {
      const rebind = this.longIdent('uident', 'an exception name');
      return { name: n.text, args: { kind: 'tuple', items: [] }, rebind, span: this.span(start) };
    }
    const args = this.parseCtorArgs();
    return { name: n.text, args, rebind: null, span: this.span(start) };
  }

  parseExternal(start: number): ExternalDecl {
    const { name, span: nameSpan } = this.valueName('a value name');
    this.expect(':');
    const type = this.parseType();
    this.expect('=');
    const prims: string[] = [];
    while (this.tok.kind === 'string') prims.push(String.fromCharCode(...this.advance().bytes!));
    if (prims.length === 0) this.fail(this.tok, 'Syntax error: a primitive name (a string) expected');
    return { name, nameSpan, type, prims, span: this.span(start) };
  }

  // -------------------------------------------------------------------------
  // Module expressions and types

  parseFunctorParams(): FunctorParam[] {
    const params: FunctorParam[] = [];
    while (this.is('(')) {
      const open = this.advance();
      if (this.accept(')')) {
        params.push({ name: null, type: null, span: this.span(open.start) });
        continue;
      }
      let name: string;
      if (this.accept('_')) name = '_';
      else name = this.uident('a functor parameter name').text;
      this.expect(':');
      const type = this.parseModType();
      this.expect(')', open);
      params.push({ name, type, span: this.span(open.start) });
    }
    return params;
  }

  /** After `module M`: `(X : S) ... [: MT] = ME`. */
  parseModuleBinding(): ModExpr {
    const start = this.tok.start;
    const params = this.parseFunctorParams();
    let type: ModType | null = null;
    if (this.accept(':')) type = this.parseModType();
    this.expect('=');
    let module = this.parseModExpr();
    if (type) module = { kind: 'mconstraint', module, type, span: this.ghost(start) };
    if (params.length > 0) module = { kind: 'mfunctor', params, body: module, span: this.ghost(start) };
    return module;
  }

  parseModExpr(): ModExpr {
    const t = this.tok;
    if (this.is('functor')) {
      this.advance();
      const params = this.parseFunctorParams();
      if (params.length === 0) this.fail(this.tok, "Syntax error: a functor parameter '(X : S)' expected");
      this.expect('->');
      const body = this.parseModExpr();
      return { kind: 'mfunctor', params, body, span: this.span(t.start) };
    }
    let e = this.parseSimpleModExpr();
    while (this.is('(')) {
      const open = this.advance();
      if (this.is(')')) {
        // `F ()`: a generative functor applied to the empty structure
        const close = this.advance();
        const arg: ModExpr = { kind: 'mstruct', items: [], span: { ...this.span(open.start, close.end), ghost: true } };
        e = { kind: 'mapply', fn: e, arg, span: this.span(t.start) };
        continue;
      }
      const arg = this.parseModExpr();
      this.expect(')', open);
      e = { kind: 'mapply', fn: e, arg, span: this.span(t.start) };
    }
    return e;
  }

  parseSimpleModExpr(): ModExpr {
    const t = this.tok;
    if (this.is('struct')) {
      this.advance();
      const items = this.parseStructure(t);
      return { kind: 'mstruct', items, span: this.span(t.start) };
    }
    if (t.kind === 'uident') {
      const path = this.modPath();
      return { kind: 'mpath', path, span: path.span };
    }
    if (this.is('(')) {
      this.advance();
      if (this.is('val')) this.unsupported(this.tok, 'first-class modules are');
      let e = this.parseModExpr();
      if (this.accept(':')) {
        const type = this.parseModType();
        e = { kind: 'mconstraint', module: e, type, span: this.span(t.start) };
      }
      this.expect(')', t);
      return e;
    }
    return this.fail(t, `Syntax error: a module expression expected, found ${this.describe(t)}`);
  }

  parseModType(): ModType {
    const t = this.tok;
    if (this.is('functor')) {
      this.advance();
      const params = this.parseFunctorParams();
      this.expect('->');
      const result = this.parseModType();
      return { kind: 'mtfunctor', params, result, span: this.span(t.start) };
    }
    if (this.is('(') && (this.peek().kind === 'uident' || this.isAt(this.peek(), '_')) && this.isAt(this.peek(2), ':')) {
      const params = this.parseFunctorParams();
      this.expect('->');
      const result = this.parseModType();
      return { kind: 'mtfunctor', params, result, span: this.span(t.start) };
    }
    let base = this.parseSimpleModType();
    if (this.is('with')) {
      const constraints: WithConstraint[] = [];
      this.advance();
      do constraints.push(this.parseWithConstraint());
      while (this.accept('and'));
      base = { kind: 'mtwith', base, constraints, span: this.span(t.start) };
    }
    if (this.is('->')) {
      this.advance();
      const result = this.parseModType();
      const param: FunctorParam = { name: null, type: base, span: base.span };
      return { kind: 'mtfunctor', params: [param], result, span: this.span(t.start) };
    }
    return base;
  }

  parseSimpleModType(): ModType {
    const t = this.tok;
    if (this.is('sig')) {
      this.advance();
      const items = this.parseSignature(t);
      return { kind: 'mtsig', items, span: this.span(t.start) };
    }
    if (this.is('module')) this.unsupported(t, '"module type of" is');
    if (t.kind === 'uident' || t.kind === 'lident') {
      const name = this.longIdent('any', 'a module type name');
      return { kind: 'mtpath', name, span: name.span };
    }
    if (this.is('(')) {
      this.advance();
      const mt = this.parseModType();
      this.expect(')', t);
      return mt;
    }
    return this.fail(t, `Syntax error: a module type expected, found ${this.describe(t)}`);
  }

  parseWithConstraint(): WithConstraint {
    const start = this.tok.start;
    if (this.accept('type')) {
      const params = this.parseTypeParams();
      const name = this.typeLongIdent();
      let destructive = false;
      if (this.accept(':=')) destructive = true;
      else this.expect('=');
      this.accept('private');
      const type = this.parseType();
      return { kind: 'wtype', name, params, type, destructive, span: this.span(start) };
    }
    if (this.accept('module')) {
      const name = this.longIdent('uident', 'a module name');
      let destructive = false;
      if (this.accept(':=')) destructive = true;
      else this.expect('=');
      const target = this.modPath();
      return { kind: 'wmodule', name, target, destructive, span: this.span(start) };
    }
    return this.fail(this.tok, `Syntax error: 'type' or 'module' expected after 'with', found ${this.describe(this.tok)}`);
  }

  // -------------------------------------------------------------------------
  // Structures and signatures

  /** Items up to `end` (if `opener` is a `struct`) or end of file. */
  parseStructure(opener: Token | null): StructItem[] {
    const items: StructItem[] = [];
    let afterSemis = true; // a toplevel expression may only start a file or follow `;;`
    while (true) {
      while (this.is(';;')) {
        this.advance();
        afterSemis = true;
      }
      if (opener ? this.is('end') : this.tok.kind === 'eof') break;
      if (this.tok.kind === 'eof') this.expect('end', opener!);
      this.rejectAttribute();
      // the `else` hint looks within one definition (a stray `else` is itself the next item)
      if (!this.is('else')) this.ifEndedBySemicolon = null;
      const t = this.tok;
      const isLetExpr = this.is('let') && (this.isAt(this.peek(), 'open') || this.isAt(this.peek(), 'module') || this.isAt(this.peek(), 'exception'));
      if (isLetExpr || (this.startsExpr() && !this.is('let'))) {
        if (!afterSemis && isLetExpr) {
          const what = this.peek();
          this.fail(what, `Syntax error: 'let ${what.text} ... in' is an expression, which cannot follow a top-level definition`, undefined,
            this.toplevelExpressionNotes(t));
        }
        if (!afterSemis && !isLetExpr) {
          this.fail(t, `Syntax error: unexpected ${this.describe(t)}; a toplevel expression must follow ';;'`, undefined, [
            "To run an expression at the top level, write 'let () = EXPR', or put ';;' before it.",
          ]);
        }
        const expr = this.parseSeqExpr();
        items.push({ kind: 'seval', expr, span: this.span(t.start) });
      } else items.push(this.parseStructItem(afterSemis));
      afterSemis = false;
    }
    if (opener) this.advance();
    return items;
  }

  /** Why a `let ... in` cannot start here, and the likelier mistake when the `let` is indented. */
  toplevelExpressionNotes(letTok: Token): string[] {
    const notes = ["A top-level 'let x = e' stands alone. To evaluate an expression here, write 'let () = ...', or put ';;' before it."];
    const k = this.toks.indexOf(letTok);
    const indented = this.file.position(letTok.start).col > 0;
    if (indented && k > 0 && !this.isAt(this.toks[k - 1]!, ';;')) {
      notes.unshift("If this 'let' continues the expression before it, that expression needs a ';' at its end.");
    }
    return notes;
  }

  /** One structure item; `afterSemis` when a toplevel expression may start here (file start, after `;;`). */
  parseStructItem(afterSemis = true): StructItem {
    const t = this.tok;
    const start = t.start;
    switch (t.kind === 'kw' ? t.text : '') {
      case 'let': {
        this.advance();
        const rec = this.accept('rec');
        const bindings = this.parseBindings();
        if (this.is('in')) {
          // `let ... in e` at toplevel is an expression item, allowed where any toplevel expression is
          if (!afterSemis) {
            this.fail(this.tok, "Syntax error: unexpected 'in' after a top-level definition", [
              { span: this.tokSpan(t), message: "This 'let' is a top-level definition, which takes no 'in'" },
            ], this.toplevelExpressionNotes(t));
          }
          this.advance();
          this.needExpr(this.toks[this.i - 1]!);
          const body = this.parseSeqExpr();
          const expr: Expr = { kind: 'let', rec, bindings, body, span: this.span(start) };
          return { kind: 'seval', expr, span: expr.span };
        }
        return { kind: 'slet', rec, bindings, span: this.span(start) };
      }
      case 'type': {
        this.advance();
        const { decls, nonrec } = this.parseTypeDecls(start);
        return { kind: 'stype', decls, nonrec, span: this.span(start) };
      }
      case 'exception':
        this.advance();
        return { kind: 'sexception', decl: this.parseExceptionDecl(start), span: this.span(start) };
      case 'external':
        this.advance();
        return { kind: 'sexternal', decl: this.parseExternal(start), span: this.span(start) };
      case 'open': {
        this.advance();
        this.accept('!');
        const module = this.modPath();
        return { kind: 'sopen', module, span: this.span(start) };
      }
      case 'include': {
        this.advance();
        const module = this.parseModExpr();
        return { kind: 'sinclude', module, span: this.span(start) };
      }
      case 'module': {
        this.advance();
        if (this.accept('type')) {
          const n = this.tok.kind === 'lident' ? this.advance() : this.uident('a module type name');
          const type = this.accept('=') ? this.parseModType() : null;
          return { kind: 'smodtype', name: n.text, nameSpan: this.tokSpan(n), type, span: this.span(start) };
        }
        if (this.accept('rec')) {
          // Parsed in full so the checker can reject it with a clear message.
          do {
            this.uident('a module name');
            this.expect(':');
            this.parseModType();
            this.expect('=');
            this.parseModExpr();
          } while (this.accept('and'));
          return { kind: 'srecmodule', span: this.span(start) };
        }
        const n = this.uident('a module name');
        const module = this.parseModuleBinding();
        return { kind: 'smodule', name: n.text, nameSpan: this.tokSpan(n), module, span: this.span(start) };
      }
      case 'class':
        return this.unsupported(t, 'classes are');
      case 'object':
        return this.unsupported(t, 'objects are');
    }
    const closers: Record<string, string> = { ')': '(', ']': '[', '|]': '[|', '}': '{', end: 'struct/sig/begin', done: 'do' };
    if ((t.kind === 'sym' || t.kind === 'kw') && closers[t.text]) {
      return this.fail(t, `Syntax error: unmatched '${t.text}' (no '${closers[t.text]}' is open here)`);
    }
    const stray = this.strayKeyword(t);
    if (stray) return this.fail(t, stray.message, stray.related, stray.notes);
    return this.fail(t, `Syntax error: a definition expected (let, type, module, ...), found ${this.describe(t)}`);
  }

  parseSignature(opener: Token | null): SigItem[] {
    const items: SigItem[] = [];
    while (true) {
      while (this.accept(';;'));
      if (opener ? this.is('end') : this.tok.kind === 'eof') break;
      if (this.tok.kind === 'eof') this.expect('end', opener!);
      this.rejectAttribute();
      const unmatched = opener ? [{ span: this.tokSpan(opener), message: `This '${opener.text}' might be unmatched` }] : undefined;
      if (this.is('let')) {
        this.fail(this.tok, "Syntax error: 'let' cannot appear in a signature", unmatched, [
          "A signature declares values with 'val name : type'; if the signature should end before this 'let', add its 'end'.",
        ]);
      }
      if (opener && !(this.tok.kind === 'kw' && SIGNATURE_ITEM_KEYWORDS.has(this.tok.text))) {
        this.fail(this.tok, `Syntax error: 'end' expected, found ${this.describe(this.tok)}`, unmatched, [
          "A signature only declares: 'val', 'type', 'exception', 'module M : S'; definitions with '=' belong in a 'struct'.",
        ]);
      }
      items.push(this.parseSigItem());
    }
    if (opener) this.advance();
    return items;
  }

  parseSigItem(): SigItem {
    const t = this.tok;
    const start = t.start;
    switch (t.kind === 'kw' ? t.text : '') {
      case 'val': {
        this.advance();
        const { name, span: nameSpan } = this.valueName('a value name');
        this.expect(':');
        const type = this.parseType();
        return { kind: 'gval', name, nameSpan, type, span: this.span(start) };
      }
      case 'external':
        this.advance();
        return { kind: 'gexternal', decl: this.parseExternal(start), span: this.span(start) };
      case 'type': {
        this.advance();
        const { decls, nonrec } = this.parseTypeDecls(start);
        return { kind: 'gtype', decls, nonrec, span: this.span(start) };
      }
      case 'exception':
        this.advance();
        return { kind: 'gexception', decl: this.parseExceptionDecl(start), span: this.span(start) };
      case 'open': {
        this.advance();
        this.accept('!');
        const module = this.modPath();
        return { kind: 'gopen', module, span: this.span(start) };
      }
      case 'include': {
        this.advance();
        const type = this.parseModType();
        return { kind: 'ginclude', type, span: this.span(start) };
      }
      case 'module': {
        this.advance();
        if (this.accept('type')) {
          const n = this.tok.kind === 'lident' ? this.advance() : this.uident('a module type name');
          const type = this.accept('=') ? this.parseModType() : null;
          return { kind: 'gmodtype', name: n.text, nameSpan: this.tokSpan(n), type, span: this.span(start) };
        }
        if (this.is('rec')) this.unsupported(this.tok, 'recursive modules are');
        const n = this.uident('a module name');
        const tstart = this.tok.start;
        const params = this.parseFunctorParams();
        if (this.is('=')) this.unsupported(this.tok, 'module aliases in signatures are');
        this.expect(':');
        let type = this.parseModType();
        if (params.length > 0) type = { kind: 'mtfunctor', params, result: type, span: this.ghost(tstart) };
        return { kind: 'gmodule', name: n.text, nameSpan: this.tokSpan(n), type, span: this.span(start) };
      }
      case 'class':
        return this.unsupported(t, 'classes are');
    }
    return this.fail(t, `Syntax error: a signature item expected (val, type, module, ...), found ${this.describe(t)}`);
  }
}

/**
 * Attributes (`[@inline]`, `[@@deriving ...]`, `[@@@warning "-8"]`) carry no
 * meaning mlc acts on, so they are removed before parsing, as a compiler that
 * does not know an attribute ignores it. Brackets inside the payload nest.
 */
function dropAttributes(toks: Token[]): Token[] {
  if (!toks.some((t) => t.kind === 'sym' && t.text.startsWith('[@'))) return toks;
  const out: Token[] = [];
  for (let i = 0; i < toks.length; i++) {
    const t = toks[i]!;
    if (!(t.kind === 'sym' && t.text.startsWith('[@'))) {
      out.push(t);
      continue;
    }
    let depth = 1;
    let j = i + 1;
    for (; j < toks.length && depth > 0; j++) {
      const u = toks[j]!;
      if (u.kind === 'eof') break;
      if (u.kind !== 'sym') continue;
      if (u.text.startsWith('[')) depth++;
      else if (u.text === ']' || u.text === '|]') depth--;
    }
    if (depth > 0) {
      out.push(t); // unterminated: let the parser report it
      continue;
    }
    i = j - 1;
  }
  return out;
}
