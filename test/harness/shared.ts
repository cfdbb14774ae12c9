// The shared corpora (../shared: conformance programs, error programs,
// benchmarks) live beside the repository, not in it. CI has them; a
// contributor's clone may not. Without them their suites are skipped with a
// note, except under CI, where a missing corpus fails the run: the number of
// conformance programs passing may only go up, never silently drop to zero.

import { existsSync } from 'node:fs';
import path from 'node:path';
import { repoRoot } from './cli.ts';

export const sharedRoot = path.resolve(repoRoot, '../shared');

/** `../shared/SUB`, or null (with a note) when it is absent outside CI. */
export function sharedDir(sub: string): string | null {
  const dir = path.join(sharedRoot, sub);
  if (existsSync(dir)) return dir;
  if (process.env.CI) throw new Error(`${dir} is missing: CI runs with the shared corpus beside the repository`);
  process.stderr.write(`note: ${dir} not found; its tests are skipped (it sits beside the repository in CI)\n`);
  return null;
}
