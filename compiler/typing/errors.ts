// Type errors as data, and the near-miss suggestions OCaml gives for unbound names.
//
// A `TypingError` is thrown by the checker at the point of failure and caught at
// the nearest recovery point (a structure item), where it becomes a Diagnostic.
// The message is OCaml's first line (without `Error: `); notes carry the rest:
// the expected type, WHY it was expected, hints.

import type { Diagnostic } from '../diagnostics/diagnostic.ts';
import type { Span } from '../syntax/ast.ts';

export class TypingError extends Error {
  readonly diagnostic: Diagnostic;
  constructor(diagnostic: Diagnostic) {
    super(diagnostic.message);
    this.diagnostic = diagnostic;
  }
}

export function fail(
  span: Span | null,
  message: string,
  notes: string[] = [],
  phase: Diagnostic['phase'] = 'type',
  related?: { span: Span; message: string }[],
): never {
  const d: Diagnostic = {
    severity: 'error',
    phase,
    span,
    message,
    ...(notes.length ? { notes } : {}),
    ...(related && related.length ? { related } : {}),
  };
  throw new TypingError(d);
}

/** Splits a multi-line message (as OCaml's Format lays it out after `Error: `). */
export function failLines(span: Span | null, text: string, extraNotes: string[] = [], phase: Diagnostic['phase'] = 'type'): never {
  const lines = text.split('\n');
  const first = lines[0]!;
  const rest = lines.slice(1).map((l) => (l.startsWith('       ') ? l.slice(7) : l));
  return fail(span, first, [...rest, ...extraNotes], phase);
}

function editDistance(a: string, b: string, cutoff: number): number {
  if (Math.abs(a.length - b.length) > cutoff) return cutoff + 1;
  let prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + cost);
      // transposition, as OCaml's spellchecker counts it as one edit
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, (prev[j - 2] ?? 0) + 1);
      cur.push(v);
    }
    prev = cur;
  }
  return prev[b.length]!;
}

/** OCaml's spellcheck: names within 1 edit (short names) or 2 edits, closest first. */
export function spellcheck(names: Iterable<string>, target: string): string[] {
  const cutoff = target.length <= 1 ? 0 : target.length <= 4 ? 1 : 2;
  let best = cutoff + 1;
  let found: string[] = [];
  for (const n of new Set(names)) {
    if (n === target) continue;
    const d = editDistance(n, target, cutoff);
    if (d > cutoff) continue;
    if (d < best) {
      best = d;
      found = [n];
    } else if (d === best) found.push(n);
  }
  return found;
}

export function didYouMean(names: Iterable<string>, target: string): string[] {
  const s = spellcheck(names, target);
  if (s.length === 0) return [];
  const list = s.length === 1 ? s[0]! : `${s.slice(0, -1).join(', ')} or ${s[s.length - 1]!}`;
  return [`Hint: Did you mean ${list}?`];
}
