// The shared conformance corpus (../shared/conformance, read-only): programs
// built with `mlc build` and run as images, their interfaces from `mlc check -i`,
// and the programs of errors/ that must be rejected on OCaml's line with OCaml's
// message. The ratchet list is test/conformance-passing.txt.

import { afterAll, describe } from 'vitest';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { repoRoot, runMlc } from './harness/cli.ts';
import { checkInterface, checkRejected, checkRun } from './harness/compare.ts';
import { sharedDir } from './harness/shared.ts';
import { type Check, ratchetedChecks } from './harness/suite.ts';

const found = sharedDir('conformance');
const dir = found ?? '';
const errDir = path.join(dir, 'errors');
const mlFiles = (d: string) =>
  existsSync(d) ? readdirSync(d).filter((f) => f.endsWith('.ml')).map((f) => f.slice(0, -3)).sort() : [];
const read = (d: string, f: string) => readFileSync(path.join(d, f), 'latin1');
const images = mkdtempSync(path.join(os.tmpdir(), 'mlc-conformance-'));

const programs: Check[] = mlFiles(dir).flatMap((name): Check[] => {
  const wantExit = read(dir, `${name}.ml`).split('\n')[0]!.includes('# exit 2') ? 2 : 0;
  const image = path.join(images, `${name}.wasm`);
  const checks: Check[] = [{
    kind: 'run', name, steps: 2,
    run: async () => {
      const built = await runMlc(['build', `${name}.ml`, '-o', image], dir);
      if (built.code !== 0) return checkRun(built, read(dir, `${name}.expected`), wantExit, null);
      return checkRun(await runMlc(['run', image], dir), read(dir, `${name}.expected`), wantExit, null);
    },
  }];
  if (existsSync(path.join(dir, `${name}.interface`))) {
    checks.push({
      kind: 'interface', name, steps: 1,
      run: async () => checkInterface(await runMlc(['check', '-i', `${name}.ml`], dir), read(dir, `${name}.interface`)),
    });
  }
  return checks;
});

const errors: Check[] = mlFiles(errDir).map((name): Check => {
  const [line, message] = read(errDir, `${name}.expected`).split('\n');
  return {
    kind: 'error', name, steps: 1,
    run: async () =>
      checkRejected(await runMlc(['check', '--error-format', 'json', `${name}.ml`], errDir), Number(line), message ?? ''),
  };
});

describe.skipIf(found === null)('conformance', () => {
  afterAll(() => rmSync(images, { recursive: true, force: true }));
  ratchetedChecks('test/conformance.test.ts', path.join(repoRoot, 'test/conformance-passing.txt'),
    { run: 'conformance', interface: 'interfaces', error: 'errors' }, [...programs, ...errors]);
});
