// Turns an mlc outcome and the expected files into a verdict: null when the
// check passes, else a short explanation (first differing line, exit status,
// the head of stderr) that is enough to start debugging from.

import type { Outcome } from './cli.ts';

const clip = (s: string, n = 600): string => (s.length > n ? s.slice(0, n) + ' ...' : s);

/** `exit 2: Error: ...` on one line (the part a skipped test shows), then the head of stderr. */
function describeProcess(o: Outcome): string {
  const status = o.timedOut ? 'timed out' : o.code === null ? 'killed' : `exit ${o.code}`;
  const lines = o.stderr.trim().split('\n').filter((l) => l.trim());
  if (lines.length === 0) return status;
  const key = lines.find((l) => /^(Error|Fatal error|mlc:)/.test(l)) ?? lines[0]!;
  return `${status}: ${clip(key, 200)}\nstderr:\n${clip(lines.join('\n'))}`;
}

/** The first line where two texts differ, or null when they are equal. */
export function firstDifference(expected: string, actual: string): string | null {
  if (expected === actual) return null;
  const want = expected.split('\n');
  const got = actual.split('\n');
  for (let i = 0; ; i++) {
    if (want[i] !== got[i]) {
      const show = (s: string | undefined) => (s === undefined ? '<end of output>' : JSON.stringify(s));
      return `line ${i + 1}: expected ${show(want[i])}, got ${show(got[i])} ` +
        `(${want.length} lines expected, ${got.length} got)`;
    }
  }
}

/** A program run: stdout exactly, the exit status, and for `# exit 2` programs the Fatal error line. */
export function checkRun(o: Outcome, expectedStdout: string, wantExit: number, fatalLine: string | null): string | null {
  const diff = firstDifference(expectedStdout, o.stdout);
  if (diff) return `stdout differs at ${diff}; ${describeProcess(o)}`;
  if (o.code !== wantExit) return `stdout matches, but expected exit ${wantExit}, got ${describeProcess(o)}`;
  if (fatalLine !== null && !o.stderr.split('\n').some((l) => l.trimEnd() === fatalLine)) {
    return `stderr lacks ${JSON.stringify(fatalLine)}; ${describeProcess(o)}`;
  }
  return null;
}

/** `check -i` output against `ocamlc -i`, line for line. */
export function checkInterface(o: Outcome, expected: string): string | null {
  if (o.code !== 0) return `check -i failed, ${describeProcess(o)}`;
  const diff = firstDifference(expected, o.stdout);
  return diff ? `interface differs at ${diff}` : null;
}

const squash = (s: string): string => s.replace(/\s+/g, ' ').trim();

/**
 * A rejected program, from `--error-format json` output: exit 2, the first error
 * on OCaml's line, and its text (message and notes) containing OCaml's first
 * message line. OCaml wraps at 80 columns, so whitespace is compared loosely.
 */
export function checkRejected(o: Outcome, wantLine: number, wantMessage: string): string | null {
  if (o.code !== 2) return `expected exit 2 (compile error), got ${describeProcess(o)}`;
  const errors: { line: number | null; text: string }[] = [];
  for (const l of o.stderr.split('\n')) {
    if (!l.startsWith('{')) continue;
    try {
      const d = JSON.parse(l) as { severity?: string; line?: number | null; message?: string; notes?: string[] };
      if (d.severity === 'error') errors.push({ line: d.line ?? null, text: [d.message ?? '', ...(d.notes ?? [])].join(' ') });
    } catch {
      // not a diagnostic line
    }
  }
  const first = errors[0];
  if (!first) return `no JSON error diagnostic on stderr; ${describeProcess(o)}`;
  const msg = squash(wantMessage.replace(/^Error: /, ''));
  if (first.line !== wantLine) return `first error on line ${first.line}, expected ${wantLine}: ${clip(first.text, 200)}`;
  if (!squash(first.text).includes(msg)) return `message ${JSON.stringify(clip(first.text, 300))} lacks ${JSON.stringify(msg)}`;
  return null;
}
