// The run corpus (test/run): small programs, one feature each, with the stdout,
// interface and uncaught-exception line that real OCaml 4.13 gives
// (test/harness/gen-expected.sh). Each program is run with `mlc run` and
// type-checked with `mlc check -i`. See test/harness/ratchet.ts for the
// run-passing.txt list.

import { describe } from 'vitest';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { repoRoot, runMlc } from './harness/cli.ts';
import { checkInterface, checkRun } from './harness/compare.ts';
import { type Check, ratchetedChecks } from './harness/suite.ts';

const dir = path.join(repoRoot, 'test/run');
const read = (f: string) => readFileSync(path.join(dir, f), 'latin1');
const names = readdirSync(dir).filter((f) => f.endsWith('.ml')).map((f) => f.slice(0, -3)).sort();

const checks: Check[] = names.flatMap((name): Check[] => {
  const source = `${name}.ml`;
  // Programs that end in an uncaught exception say so on their first line.
  const wantExit = read(source).split('\n')[0]!.includes('# exit 2') ? 2 : 0;
  const fatal = existsSync(path.join(dir, `${name}.stderr`)) ? read(`${name}.stderr`).trim() : null;
  return [
    {
      kind: 'run', name, steps: 1,
      // run in the program's folder so Match_failure locations read "NAME.ml", as in OCaml
      run: async () => checkRun(await runMlc(['run', source], dir), read(`${name}.expected`), wantExit, fatal),
    },
    {
      kind: 'interface', name, steps: 1,
      run: async () => checkInterface(await runMlc(['check', '-i', source], dir), read(`${name}.interface`)),
    },
  ];
});

describe('run corpus', () => {
  ratchetedChecks('test/run.test.ts', path.join(repoRoot, 'test/run-passing.txt'),
    { run: 'run', interface: 'interfaces' }, checks);
});
