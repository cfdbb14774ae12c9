// Every example program that has an `.expected` file beside it is built and run
// as a user would run it, so the examples in the README cannot rot.

import { describe, expect, it } from 'vitest';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { programTimeoutMs, repoRoot, runMlc } from './harness/cli.ts';
import { checkRun } from './harness/compare.ts';

const examples = path.join(repoRoot, 'examples');
const programs = readdirSync(examples, { withFileTypes: true })
  .filter((d) => d.isDirectory())
  .flatMap((d) =>
    readdirSync(path.join(examples, d.name))
      .filter((f) => f.endsWith('.expected') && existsSync(path.join(examples, d.name, f.replace(/\.expected$/, '.ml'))))
      .map((f) => path.join(d.name, f.replace(/\.expected$/, '.ml'))),
  );

describe('examples', () => {
  for (const program of programs) {
    it(program, async () => {
      const expected = readFileSync(path.join(examples, program.replace(/\.ml$/, '.expected')), 'latin1');
      const outcome = await runMlc(['run', path.join('examples', program)], repoRoot);
      expect(checkRun(outcome, expected, 0, null)).toBeNull();
    }, 2 * programTimeoutMs);
  }
});
