// Type errors as data, and the near-miss suggestions OCaml gives for unbound names.
//
// A `TypingError` is thrown by the checker at the point of failure and caught at
// the nearest recovery point (a structure item), where it becomes a Diagnostic.
// The message is OCaml's whole message (without `Error: `), laid out on lines
// as OCaml prints it; notes carry only mlc's additions: WHY a type was
// expected, hints.

import type { Diagnostic } from '../diagnostics/diagnostic.ts';
import type { Span } from '../syntax/ast.ts';
import { sourceOf } from '../diagnostics/source.ts';

export class TypingError extends Error {
  readonly diagnostic: Diagnostic;
  /** A consequence of an error already reported (a name whose definition failed): not shown. */
  readonly silent: boolean;
  constructor(diagnostic: Diagnostic, silent = false) {
    super(diagnostic.message);
    this.diagnostic = diagnostic;
    this.silent = silent;
  }
}

/** Abandons the current structure item without a new diagnostic (see `TypingError.silent`). */
export function failSilently(span: Span | null, message: string): never {
  throw new TypingError({ severity: 'error', phase: 'type', span, message }, true);
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

/**
 * Fails with a message laid out by Format after `Error: ` (further lines
 * indented by 7 columns), kept whole, as lines relative to the message's start.
 */
export function failLines(
  span: Span | null,
  text: string,
  extraNotes: string[] = [],
  phase: Diagnostic['phase'] = 'type',
  related?: { span: Span; message: string }[],
): never {
  const lines = text.split('\n').map((l, i) => (i > 0 && l.startsWith('       ') ? l.slice(7) : l));
  return fail(span, lines.join('\n'), extraNotes, phase, related);
}

function editDistance(a: string, b: string, cutoff: number): number {
  if (Math.abs(a.length - b.length) > cutoff) return cutoff + 1;
  let before: number[] = [];
  let prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + cost);
      // transposition, as OCaml's spellchecker counts it as one edit
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, before[j - 2]! + 1);
      cur.push(v);
    }
    before = prev;
    prev = cur;
  }
  return prev[b.length]!;
}

/** OCaml's spellcheck: names within 0 to 3 edits (by the name's length), the closest. */
export function spellcheck(names: Iterable<string>, target: string): string[] {
  const n = target.length;
  const cutoff = n <= 2 ? 0 : n <= 4 ? 1 : n <= 6 ? 2 : 3;
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

// ---------------------------------------------------------------------------
// Unbound values that are defined, but not yet: `let f x = f x`, forward uses

const defining: { name: string; span: Span }[] = [];
const laterStack: ((name: string) => Span | null)[] = [];

/** Runs `f` while the (non-recursive) `let` binding `names` is being defined. */
export function whileDefining<T>(names: readonly { name: string; span: Span }[], f: () => T): T {
  defining.push(...names);
  try {
    return f();
  } finally {
    defining.length -= names.length;
  }
}

/** Runs `f` with `later` telling where a name is defined further down the structure. */
export function withLaterDefinitions<T>(later: (name: string) => Span | null, f: () => T): T {
  laterStack.push(later);
  try {
    return f();
  } finally {
    laterStack.pop();
  }
}

function lineOfSpan(span: Span): string {
  const src = sourceOf(span.file);
  return src ? `line ${src.position(span.start).line}` : span.file;
}

/** Hints for an unbound value that is being defined without `rec`, or defined later. */
export function notYetDefinedHints(name: string): string[] {
  for (let i = defining.length - 1; i >= 0; i--) {
    const d = defining[i]!;
    if (d.name === name) return [`Hint: \`${name}\` is being defined here; to use it recursively, write \`let rec\` on ${lineOfSpan(d.span)}.`];
  }
  for (let i = laterStack.length - 1; i >= 0; i--) {
    const s = laterStack[i]!(name);
    if (s) return [`Hint: \`${name}\` is defined later, on ${lineOfSpan(s)}; a definition can only use the names above it.`];
  }
  return [];
}

export function didYouMean(names: Iterable<string>, target: string): string[] {
  const s = spellcheck(names, target);
  if (s.length === 0) return [];
  const list = s.length === 1 ? s[0]! : `${s.slice(0, -1).join(', ')} or ${s[s.length - 1]!}`;
  return [`Hint: Did you mean ${list}?`];
}
