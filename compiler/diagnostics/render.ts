// The one printer for diagnostics. Every phase reports `Diagnostic` values; this
// module turns them into OCaml-style text:
//
//   File "f.ml", line 3, characters 10-13:
//   3 |   let x = 1 + "a"
//                     ^^^
//   Error: This expression has type string but an expression was expected of type
//            int
//
// (a warning is labelled `Warning 8 [partial-match]:`), or into JSON lines for
// editors. Conventions:
// - `characters A-B` count bytes from the start of the first line, as OCaml does
//   (so B may exceed the first line's length when the span covers several lines);
// - the excerpt shows every line of the span (at most five, with `...` between
//   the first two and the last two), with a gutter of right-aligned line numbers,
//   and underlines the span; tabs are expanded so the underline stays aligned;
// - everything after `Error: ` is indented to the column where the message starts
//   (a warning's further lines start at the margin, as in OCaml 4.13);
// - a related location is printed like the main one, followed by its message;
// - colour only when asked for (the CLI asks on a terminal without NO_COLOR).

import type { Span } from '../syntax/ast.ts';
import { type Diagnostic, warningLabel } from './diagnostic.ts';
import { sourceOf, type SourceFile } from './source.ts';

export interface RenderOptions {
  readonly color: boolean;
}

/** Colour for a stream: only a terminal, and never when NO_COLOR is set (no-color.org) or TERM=dumb. */
export function wantColor(stream: { isTTY?: boolean }, env: NodeJS.ProcessEnv = process.env): boolean {
  if (stream.isTTY !== true) return false;
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return false;
  return env.TERM !== 'dumb';
}

const utf8 = new TextDecoder('utf-8');
const latin1ToUtf8 = (s: string): string => utf8.decode(Uint8Array.from(s, (c) => c.charCodeAt(0) & 0xff));

function paint(on: boolean, code: string, s: string): string {
  return on && s !== '' ? `\x1b[${code}m${s}\x1b[0m` : s;
}

const TAB = 8;

/**
 * A source line as displayed (UTF-8 decoded, tabs expanded), and the display
 * column of each byte offset in it, so that underlines line up under the text.
 */
function displayLine(raw: string): { text: string; column: (byteCol: number) => number } {
  const cols: number[] = [0];
  let text = '';
  let i = 0;
  while (i < raw.length) {
    const c = raw.charCodeAt(i);
    // a UTF-8 sequence is one display column, whatever its length in bytes
    const len = c < 0x80 ? 1 : c >= 0xf0 ? 4 : c >= 0xe0 ? 3 : c >= 0xc0 ? 2 : 1;
    const chunk = raw.slice(i, i + len);
    if (c === 9) text += ' '.repeat(TAB - (cols[i]! % TAB));
    else text += len === 1 && c < 0x80 ? chunk : latin1ToUtf8(chunk);
    const next = c === 9 ? cols[i]! + (TAB - (cols[i]! % TAB)) : cols[i]! + 1;
    for (let k = 1; k < len; k++) cols[i + k] = cols[i]!;
    i += len;
    cols[i] = next;
  }
  const last = cols[raw.length]!;
  return { text, column: (b) => (b <= raw.length ? cols[Math.max(0, b)]! : last + (b - raw.length)) };
}

export interface Location {
  readonly file: string;
  /** 1-based lines; 0-based byte columns within their own line. */
  readonly line: number;
  readonly startCol: number;
  readonly endLine: number;
  readonly endCol: number;
  /** Byte offsets in the file. */
  readonly startOffset: number;
  readonly endOffset: number;
}

export function locationOf(span: Span): Location {
  const src = sourceOf(span.file);
  if (!src) return { file: span.file, line: 1, startCol: 0, endLine: 1, endCol: 0, startOffset: span.start, endOffset: span.end };
  const a = src.position(span.start);
  const b = src.position(Math.max(span.start, span.end));
  return { file: span.file, line: a.line, startCol: a.col, endLine: b.line, endCol: b.col, startOffset: span.start, endOffset: span.end };
}

/** The location of a diagnostic's main span, or null when it has none. */
export function location(d: Diagnostic): Location | null {
  return d.span ? locationOf(d.span) : null;
}

/** `File "f.ml", line 3, characters 8-15:` (OCaml's first line). */
function header(span: Span): string {
  const loc = locationOf(span);
  const src = sourceOf(span.file);
  const lines = loc.endLine > loc.line ? `lines ${loc.line}-${loc.endLine}` : `line ${loc.line}`;
  const endChars = src ? Math.max(span.start, span.end) - src.lineStarts[loc.line - 1]! : loc.endCol;
  return `File "${loc.file}", ${lines}, characters ${loc.startCol}-${endChars}:`;
}

/** The lines of a span with a gutter, the span underlined. */
function excerpt(src: SourceFile, span: Span, opts: RenderOptions): string[] {
  const loc = locationOf(span);
  let last = loc.endLine;
  // a span ending at the start of a line (after a newline) does not show that line
  if (last > loc.line && loc.endCol === 0) last--;
  const shown: (number | null)[] = [];
  if (last - loc.line + 1 <= 5) for (let l = loc.line; l <= last; l++) shown.push(l);
  else shown.push(loc.line, loc.line + 1, null, last - 1, last);
  const width = String(last).length;
  const out: string[] = [];
  for (const l of shown) {
    if (l === null) {
      out.push(`${' '.repeat(width)} | ...`);
      continue;
    }
    const raw = src.line(l);
    const shownLine = displayLine(raw);
    const from = l === loc.line ? loc.startCol : raw.length - raw.trimStart().length;
    const to = l === loc.endLine ? loc.endCol : raw.length;
    const gutter = `${String(l).padStart(width)} | `;
    // an empty line at the end of the file, where a missing `end` was expected: nothing to show
    if (raw === '' && shown.length === 1 && l === src.lineStarts.length) return [];
    out.push((gutter + shownLine.text).trimEnd());
    // on a multi-line span, only the first and last lines are underlined
    if (shown.length > 1 && l !== loc.line && l !== last) continue;
    const a = shownLine.column(from);
    const b = Math.max(a + 1, shownLine.column(Math.max(from, to)));
    out.push(' '.repeat(gutter.length + a) + paint(opts.color, '1;31', '^'.repeat(b - a)));
  }
  return out;
}

/** The location header and excerpt of a span (no excerpt when the file's text is unknown). */
function located(span: Span, opts: RenderOptions): string[] {
  const src = sourceOf(span.file);
  return [paint(opts.color, '1', header(span)), ...(src ? excerpt(src, span, opts) : [])];
}

export function renderDiagnostic(d: Diagnostic, opts: RenderOptions): string {
  const out: string[] = [];
  if (d.span) out.push(...located(d.span, opts));
  const label = d.severity === 'error' ? 'Error' : warningLabel(d.warning);
  // OCaml indents an error's further lines under its message, and starts a warning's at the margin
  const indent = d.severity === 'error' ? ' '.repeat(label.length + 2) : '';
  const head = paint(opts.color, d.severity === 'error' ? '1;31' : '1;35', label);
  const message = d.message.split('\n');
  out.push(`${head}: ${message[0]}`);
  for (const line of message.slice(1)) out.push(line === '' ? '' : indent + line);
  for (const note of d.notes ?? []) {
    for (const line of note.split('\n')) {
      for (const part of wrapProse(line, WIDTH - indent.length)) out.push(part === '' ? '' : indent + part);
    }
  }
  for (const r of d.related ?? []) {
    out.push(...located(r.span, opts));
    for (const line of r.message.split('\n')) out.push(`  ${line}`);
  }
  return out.join('\n');
}

/** Notes are wrapped at this width; the message and indented lines (types, code) are left as they are. */
const WIDTH = 100;

/** Breaks a long line of prose at spaces, never inside a quoted piece of code ('let x = e', `f ()`). */
function wrapProse(line: string, width: number): string[] {
  if (line.length <= width || /^\s/.test(line)) return [line];
  // words, where a quoted code fragment counts as one word
  const words = line.match(/(?:^|(?<=\s))(?:'[^']*'|`[^`]*`)[^\s]*|[^\s]+/g) ?? [line];
  const out: string[] = [];
  let current = '';
  for (const w of words) {
    if (current !== '' && current.length + 1 + w.length > width) {
      out.push(current);
      current = w;
    } else current = current === '' ? w : `${current} ${w}`;
  }
  out.push(current);
  return out;
}

function jsonLocation(span: Span): Record<string, unknown> {
  const loc = locationOf(span);
  return {
    file: loc.file,
    line: loc.line,
    column: loc.startCol,
    endLine: loc.endLine,
    endColumn: loc.endCol,
    startOffset: loc.startOffset,
    endOffset: loc.endOffset,
  };
}

/**
 * One diagnostic as one line of JSON. Lines are 1-based, columns 0-based bytes
 * within their line (as OCaml counts), offsets 0-based bytes in the file; a
 * diagnostic without a location has `file: null`.
 */
export function renderJson(d: Diagnostic): string {
  const none = { file: null, line: null, column: null, endLine: null, endColumn: null, startOffset: null, endOffset: null };
  return JSON.stringify({
    severity: d.severity,
    warning: d.warning ?? null,
    phase: d.phase,
    ...(d.span ? jsonLocation(d.span) : none),
    message: d.message,
    notes: d.notes ?? [],
    related: (d.related ?? []).map((r) => ({ ...jsonLocation(r.span), message: r.message })),
  });
}
