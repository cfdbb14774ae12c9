// Exhaustiveness and redundancy of pattern matching (placeholder until Maranget's
// usefulness algorithm lands): reports nothing and says every match is total.

import type { Diagnostic } from '../diagnostics/diagnostic.ts';
import type { Span } from '../syntax/ast.ts';
import type { Env } from './env.ts';
import type { TCase } from './typedtree.ts';
import type { Type } from './types.ts';

/** Checks a match; returns `partial` (whether some value is not matched). */
export function checkMatch(_env: Env, _cases: TCase[], _ty: Type, _span: Span, _isTry: boolean, _warnings: Diagnostic[]): boolean {
  return true; // conservative until the usefulness check lands: lowering keeps a Match_failure fallback
}
