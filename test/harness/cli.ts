// Runs the mlc command line as a subprocess, the way a user does, with a time
// limit, and runs many such jobs through a small pool (the test machine has two
// cores, and each job is a whole Node process).

import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const mlcScript = path.join(repoRoot, 'bin/mlc.js');

/** Per-subprocess limit: generous, since a slow compiler should fail, not hang the suite. */
export const programTimeoutMs = Number(process.env.MLC_TEST_TIMEOUT_MS ?? 180_000);
/** How many subprocesses a test file runs at once. */
export const poolSize = Number(process.env.MLC_TEST_JOBS ?? 2);

export interface Outcome {
  /** Exit status; null when the process was killed (timeout or signal). */
  readonly code: number | null;
  readonly timedOut: boolean;
  /** Output decoded as latin1, so it compares byte for byte with the expected files. */
  readonly stdout: string;
  readonly stderr: string;
}

/** `node bin/mlc.js ARGS` in `cwd`, using the Node that runs the tests (Node 24). */
export function runMlc(args: readonly string[], cwd: string): Promise<Outcome> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [mlcScript, ...args],
      { cwd, timeout: programTimeoutMs, killSignal: 'SIGKILL', encoding: 'latin1', maxBuffer: 256 << 20 },
      (err, stdout, stderr) => {
        const e = err as (NodeJS.ErrnoException & { code?: unknown; killed?: boolean }) | null;
        const code = e === null ? 0 : typeof e.code === 'number' ? e.code : null;
        resolve({ code, timedOut: e?.killed === true && code === null, stdout, stderr });
      },
    );
  });
}

/** Wraps jobs so that at most `limit` of them run at once; the rest wait their turn in order. */
export function limiter(limit: number): <T>(job: () => Promise<T>) => Promise<T> {
  let running = 0;
  const waiting: (() => void)[] = [];
  return async (job) => {
    if (running >= limit) await new Promise<void>((r) => waiting.push(r));
    else running++;
    try {
      return await job();
    } finally {
      // hand the slot straight to the next job, or free it
      const next = waiting.shift();
      if (next) next();
      else running--;
    }
  };
}
