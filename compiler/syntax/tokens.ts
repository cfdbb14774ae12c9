// Tokens shared by the lexer and the parser.
//
// Invariants:
// - Keywords and symbols (punctuation and operators alike) carry their exact
//   spelling in `text`; no identifier, literal or label token can have a `text`
//   equal to a keyword or symbol, so the parser tests `text` plus a kind check.
// - An operator's precedence class is decided by its leading characters, as in
//   OCaml's lexer, so user-defined operators (`|>`, `>>=`, `**.`) need no table.

export type TokenKind =
  | 'int' // `int` holds the unsigned magnitude; range is checked by the parser
  | 'float'
  | 'char'
  | 'string'
  | 'lident'
  | 'uident'
  | 'tyvar' // 'a: `name` is `a`
  | 'label' // ~x: : `name` is `x`
  | 'optlabel' // ?x: : `name` is `x`
  | 'kw'
  | 'sym'
  | 'eof';

export interface Token {
  readonly kind: TokenKind;
  readonly text: string;
  readonly start: number;
  readonly end: number;
  readonly int?: bigint;
  /** For int tokens: decimal literals are range-checked, others wrap (as OCaml). */
  readonly radix?: number;
  readonly num?: number; // float value, or char code
  readonly bytes?: Uint8Array; // string value
  readonly name?: string; // tyvar and label names
}

export const KEYWORDS: ReadonlySet<string> = new Set([
  'and', 'as', 'assert', 'asr', 'begin', 'class', 'constraint', 'do', 'done', 'downto',
  'else', 'end', 'exception', 'external', 'false', 'for', 'fun', 'function', 'functor',
  'if', 'in', 'include', 'inherit', 'initializer', 'land', 'lazy', 'let', 'lor', 'lsl',
  'lsr', 'lxor', 'match', 'method', 'mod', 'module', 'mutable', 'new', 'nonrec', 'object',
  'of', 'open', 'or', 'private', 'rec', 'sig', 'struct', 'then', 'to', 'true', 'try',
  'type', 'val', 'virtual', 'when', 'while', 'with',
]);

/** Binary operator levels, lowest first; 0 means "not a binary operator". */
export const PREC_OR = 1; // or ||            right
export const PREC_AND = 2; // & &&            right
export const PREC_CMP = 3; // = < > | & $ !=  left
export const PREC_CONCAT = 4; // @ ^          right
export const PREC_CONS = 5; // ::             right
export const PREC_ADD = 6; // + -             left
export const PREC_MUL = 7; // * / % mod land lor lxor   left
export const PREC_POW = 8; // ** lsl lsr asr  right

/** The binary precedence level of a keyword or symbol token's text, or 0. */
export function binaryLevel(text: string): number {
  switch (text) {
    case 'or':
    case '||':
      return PREC_OR;
    case '&':
    case '&&':
      return PREC_AND;
    case '!=':
      return PREC_CMP;
    case '::':
      return PREC_CONS;
    case 'mod':
    case 'land':
    case 'lor':
    case 'lxor':
      return PREC_MUL;
    case 'lsl':
    case 'lsr':
    case 'asr':
      return PREC_POW;
    // Tokens that start like operators but are syntax.
    case '|':
    case '|]':
    case '->':
    case '<-':
    case ':=':
    case '.':
    case '..':
    case '!':
    case '~':
    case '?':
    case '#':
      return 0;
  }
  switch (text.charCodeAt(0)) {
    case 0x3d: // =
    case 0x3c: // <
    case 0x3e: // >
    case 0x7c: // |
    case 0x26: // &
    case 0x24: // $
      return PREC_CMP;
    case 0x40: // @
    case 0x5e: // ^
      return PREC_CONCAT;
    case 0x2b: // +
    case 0x2d: // -
      return PREC_ADD;
    case 0x2a: // *
      return text.charCodeAt(1) === 0x2a ? PREC_POW : PREC_MUL;
    case 0x2f: // /
    case 0x25: // %
      return PREC_MUL;
  }
  return 0;
}

export function isRightAssoc(level: number): boolean {
  return (
    level === PREC_OR ||
    level === PREC_AND ||
    level === PREC_CONCAT ||
    level === PREC_CONS ||
    level === PREC_POW
  );
}

/** `!…`, `~…`, `?…` operators (other than `!=`), which bind tighter than anything. */
export function isPrefixOp(text: string): boolean {
  const c = text.charCodeAt(0);
  if (c === 0x21) return text !== '!=';
  return (c === 0x7e || c === 0x3f) && text.length > 1;
}

/** `#…` operators: left-associative, between application and field access. */
export function isHashOp(text: string): boolean {
  return text.charCodeAt(0) === 0x23 && text.length > 1;
}
