// The standard library's own tests (test/stdlib): ML programs exercising each
// module, with the stdout real OCaml 4.13 gives. These are mlc's library, so
// every one must pass (no ratchet).

import { describe, it, expect } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { limiter, poolSize, programTimeoutMs, repoRoot, runMlc } from './harness/cli.ts';
import { checkRun } from './harness/compare.ts';

const dir = path.join(repoRoot, 'test/stdlib');
const names = readdirSync(dir).filter((f) => f.endsWith('.ml')).map((f) => f.slice(0, -3)).sort();
const pooled = limiter(poolSize);

describe('standard library', () => {
  for (const name of names) {
    it.concurrent(name, async () => {
      const expected = readFileSync(path.join(dir, `${name}.expected`), 'latin1');
      const failure = await pooled(() => runMlc(['run', `${name}.ml`], dir).then((r) => checkRun(r, expected, 0, null)));
      expect(failure).toBeNull();
    }, 5 * programTimeoutMs);
  }
});
