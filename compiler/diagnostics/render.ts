// The one printer for diagnostics. Every phase reports `Diagnostic` values; this
// module turns them into OCaml-style text:
//
//   File "f.ml", line 3, characters 8-15:
//   3 |   let x = 1 + "a"
//                   ^^^
//   Error: This expression has type string but an expression was expected of type
//            int
//
// or into JSON lines for editors. Colour only when writing to a terminal.

import type { Diagnostic } from './diagnostic.ts';
import { sourceOf } from './source.ts';

export interface RenderOptions {
  readonly color: boolean;
}

const latin1ToUtf8 = (s: string): string => {
  const bytes = Uint8Array.from(s, (c) => c.charCodeAt(0) & 0xff);
  return new TextDecoder('utf-8').decode(bytes);
};

function paint(on: boolean, code: string, s: string): string {
  return on ? `\x1b[${code}m${s}\x1b[0m` : s;
}

export function location(d: Diagnostic): { file: string; line: number; startCol: number; endLine: number; endCol: number } | null {
  if (!d.span) return null;
  const src = sourceOf(d.span.file);
  if (!src) return { file: d.span.file, line: 1, startCol: 0, endLine: 1, endCol: 0 };
  const a = src.position(d.span.start);
  const b = src.position(d.span.end);
  return { file: d.span.file, line: a.line, startCol: a.col, endLine: b.line, endCol: b.col };
}

export function renderDiagnostic(d: Diagnostic, opts: RenderOptions): string {
  const out: string[] = [];
  const loc = location(d);
  if (loc) {
    const lines = loc.endLine > loc.line ? `lines ${loc.line}-${loc.endLine}` : `line ${loc.line}`;
    // OCaml counts characters from the start of the first line, even across lines
    const src = sourceOf(loc.file);
    const endChars = src && d.span ? d.span.end - src.lineStarts[loc.line - 1]! : loc.endCol;
    out.push(paint(opts.color, '1', `File "${loc.file}", ${lines}, characters ${loc.startCol}-${endChars}:`));
    if (src) out.push(...excerpt(src.line(loc.line), loc.line, loc.startCol, loc.endLine > loc.line ? undefined : loc.endCol, opts));
  }
  const head =
    d.severity === 'error'
      ? paint(opts.color, '1;31', 'Error')
      : paint(opts.color, '1;35', `Warning ${d.warning ?? ''}`.trimEnd());
  out.push(`${head}: ${d.message}`);
  for (const n of d.notes ?? []) out.push(n);
  for (const r of d.related ?? []) {
    const rl = location({ ...d, span: r.span });
    if (rl) out.push(`  ${r.message} (${rl.file}:${rl.line}:${rl.startCol})`);
  }
  return out.join('\n');
}

function excerpt(text: string, line: number, start: number, end: number | undefined, opts: RenderOptions): string[] {
  const gutter = `${line} | `;
  const stop = end === undefined ? text.length : Math.max(end, start + 1);
  const marker = ' '.repeat(gutter.length + start) + '^'.repeat(Math.max(1, Math.min(stop, Math.max(text.length, start + 1)) - start));
  return [gutter + latin1ToUtf8(text), paint(opts.color, '1;31', marker)];
}

export function renderJson(d: Diagnostic): string {
  const loc = location(d);
  return JSON.stringify({
    severity: d.severity,
    warning: d.warning ?? null,
    phase: d.phase,
    file: loc?.file ?? null,
    line: loc?.line ?? null,
    column: loc?.startCol ?? null,
    endLine: loc?.endLine ?? null,
    endColumn: loc?.endCol ?? null,
    message: d.message,
    notes: d.notes ?? [],
  });
}
