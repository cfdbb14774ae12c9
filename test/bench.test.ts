// The benchmark harness in its quick mode (bench/run.ts --quick): every
// ../shared/bench program built and run once at a small size, its output
// checked against bench/quick/*.expected, so the harness cannot rot unnoticed.
// No time is checked here; the tables go to a temporary folder.

import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, expect, test } from 'vitest';
import { repoRoot } from './harness/cli.ts';
import { sharedDir } from './harness/shared.ts';

const tmp = mkdtempSync(path.join(os.tmpdir(), 'mlc-bench-test-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

interface Result {
  rows: { name: string; ok: boolean; note: string; size: number }[];
  hello: { size: number; bootMs: number; ok: boolean };
}

test.skipIf(sharedDir('bench') === null)('bench --quick builds and runs every program with the right output', async () => {
  const table = path.join(tmp, 'BENCHMARKS.md');
  const json = path.join(tmp, 'bench.json');
  const run = await new Promise<{ code: number | null; stderr: string }>((resolve) => {
    execFile(
      process.execPath,
      [path.join(repoRoot, 'bench/run.ts'), '--quick', '--out', table, '--json', json],
      { cwd: repoRoot, timeout: 600_000, maxBuffer: 1 << 24 },
      (err, _stdout, stderr) => resolve({ code: err ? ((err as { code?: number }).code ?? null) : 0, stderr }),
    );
  });
  expect(existsSync(json), `bench/run.ts wrote no results:\n${run.stderr}`).toBe(true);
  const result = JSON.parse(readFileSync(json, 'utf8')) as Result;
  const failures = result.rows.filter((r) => !r.ok).map((r) => `${r.name}: ${r.note}`);
  expect(failures, run.stderr).toEqual([]);
  expect(result.rows.length).toBeGreaterThan(0);
  expect(result.hello.ok).toBe(true);
  // the budget for the hello-world image; the time it boots in is reported, not checked
  expect(result.hello.size).toBeLessThan(16 * 1024);
  expect(readFileSync(table, 'utf8')).toContain('| program |');
  expect(run.code).toBe(0);
}, 900_000);
