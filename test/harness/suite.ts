// Declares one vitest test per check and applies the ratchet: a listed check
// must pass; an unlisted one that fails is shown as skipped with its reason, so
// the suite stays green while the compiler grows. Tests are concurrent, but
// their subprocesses go through a small pool, so a filtered run (-t) only runs
// the checks it selects.

import { afterAll, it } from 'vitest';
import { limiter, poolSize, programTimeoutMs } from './cli.ts';
import { Ratchet } from './ratchet.ts';

export interface Check {
  readonly kind: string;
  readonly name: string;
  /** How many subprocesses it runs, one after the other (for the time limit). */
  readonly steps: number;
  /** null when the check passes, else why it fails. */
  readonly run: () => Promise<string | null>;
}

export function ratchetedChecks(
  suite: string,
  listFile: string,
  labels: Record<string, string>,
  checks: readonly Check[],
): void {
  const ratchet = new Ratchet(listFile, suite, checks.length);
  const pooled = limiter(poolSize);
  for (const c of checks) {
    // A backstop only: each subprocess has its own limit, but a test may queue
    // behind the other concurrent tests (vitest runs up to 5 at once).
    const timeout = 5 * c.steps * programTimeoutMs + 30_000;
    it.concurrent(`${c.kind} ${c.name}`, async (ctx) => {
      const failure = await pooled(() => c.run().catch((e: unknown) => `harness error: ${String(e)}`));
      ratchet.record(c.kind, c.name, failure === null);
      if (failure === null) return;
      if (ratchet.isListed(c.kind, c.name)) throw new Error(`regression (listed in the ratchet):\n${failure}`);
      ctx.skip(`not yet passing: ${failure.split('\n')[0]}`);
    }, timeout);
  }

  afterAll(() => {
    for (const line of ratchet.finish(labels)) console.log(line);
  });
}
