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
   * The message, e.g. `This expression has type int but ...`. It may span
   * several lines (a type laid out on its own line); the printer indents them.
   */
  readonly message: string;
  /** Further remarks, a line each: the why, hints, "Did you mean ...?". */
  readonly notes?: string[];
  /** Other places that explain the error (where a type was fixed, a declaration). */
  readonly related?: { span: Span; message: string }[];
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
