// Diagnostics are data. Each phase reports values of `Diagnostic`; only
// `render.ts` turns them into text (or JSON). A phase never formats its own message
// beyond the `message` line and optional `notes`.

import type { Span } from '../syntax/ast.ts';

export type Severity = 'error' | 'warning';

export interface Diagnostic {
  readonly severity: Severity;
  /** OCaml's warning number, for warnings (8 = non-exhaustive match, 11 = unused case). */
  readonly warning?: number;
  /** Which phase produced it: for tests and the JSON form. */
  readonly phase: 'lex' | 'parse' | 'type' | 'pattern' | 'module' | 'wiring' | 'driver';
  readonly span: Span | null;
  /**
   * The whole message, e.g. `This expression has type int but ...`, laid out
   * on lines as OCaml prints it (a type on a line of its own, two signatures
   * around `is not included in`); the printer indents the further lines.
   */
  readonly message: string;
  /** mlc's further remarks, a line each: the why, hints, "Did you mean ...?"; never part of the message. */
  readonly notes?: string[];
  /** Other places that explain the error (where a type was fixed, a declaration). */
  readonly related?: { span: Span; message: string }[];
}

/** OCaml 4.13's names of the warnings mlc gives (`ocamlc -warn-help`). */
const warningNames: Record<number, string> = {
  5: 'ignored-partial-application',
  8: 'partial-match',
  10: 'non-unit-statement',
  11: 'redundant-case',
  26: 'unused-var',
  27: 'unused-var-strict',
};

/** `Warning 8 [partial-match]`, as OCaml 4.13 labels a warning. */
export function warningLabel(n: number | undefined): string {
  if (n === undefined) return 'Warning';
  const name = warningNames[n];
  return name ? `Warning ${n} [${name}]` : `Warning ${n}`;
}

/** Thrown by a phase that cannot continue; carries every diagnostic collected so far. */
export class CompileError extends Error {
  readonly diagnostics: Diagnostic[];
  constructor(diagnostics: Diagnostic[]) {
    super(diagnostics.map((d) => d.message).join('\n'));
    this.diagnostics = diagnostics;
  }
}

export function error(
  phase: Diagnostic['phase'],
  span: Span | null,
  message: string,
  notes?: string[],
): Diagnostic {
  return notes ? { severity: 'error', phase, span, message, notes } : { severity: 'error', phase, span, message };
}
