// The diagnostics catalogue (test/errors): one small program per kind of
// mistake, each with the exact text mlc prints for it (NAME.expected: the whole
// stderr, without colour). A program is checked with `mlc check NAME.ml`, or
// with the command its first line gives, `(* mlc: build --kv-host data *)`
// (service wiring is only checked by a build). Exit status 2 when the expected
// text has an error, 0 when it has only warnings.
//
// MLC_UPDATE_ERRORS=1 npx vitest run test/errors.test.ts rewrites the .expected
// files from mlc's output; read the diff before committing it.
//
// The programs share a folder, which is safe: a sibling file only becomes a
// module of a program that names it, and no program names another.

import { afterAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { limiter, poolSize, programTimeoutMs, repoRoot, runMlc } from './harness/cli.ts';
import { firstDifference } from './harness/compare.ts';

const dir = path.join(repoRoot, 'test/errors');
const update = process.env.MLC_UPDATE_ERRORS === '1';
const names = readdirSync(dir).filter((f) => f.endsWith('.ml')).map((f) => f.slice(0, -3)).sort();
const images = mkdtempSync(path.join(os.tmpdir(), 'mlc-errors-'));
const pooled = limiter(poolSize);

/** The command line for a program: `check NAME.ml`, or its first line's `(* mlc: CMD ARGS *)`. */
function commandFor(name: string, firstLine: string): string[] {
  const m = /^\(\* mlc: (.*?) \*\)$/.exec(firstLine.trim());
  const [cmd, ...args] = m ? m[1]!.split(/\s+/) : ['check'];
  const out = cmd === 'build' ? ['-o', path.join(images, `${name}.wasm`)] : [];
  return [cmd!, ...args, ...out, `${name}.ml`];
}

describe('diagnostics catalogue', () => {
  afterAll(() => rmSync(images, { recursive: true, force: true }));

  it('has a program for at least 40 kinds of mistake', () => {
    expect(names.length).toBeGreaterThanOrEqual(40);
  });

  it.concurrent('compiles a list literal of 2000 elements, nested too deeply for the main thread', async () => {
    const file = path.join(images, 'long_list.ml');
    const items = Array.from({ length: 2000 }, (_, i) => String(i)).join('; ');
    writeFileSync(file, `let xs = [${items}]\nlet () = print_int (List.fold_left ( + ) 0 xs)\n`);
    const out = await pooled(() => runMlc(['run', file], images));
    expect(out.stderr).toBe('');
    expect(out.stdout).toBe('1999000');
  }, 3 * programTimeoutMs);

  // `array.new_fixed` takes at most 10,000 operands (V8 refuses the image with more)
  for (const n of [10_001, 50_000]) {
    it.concurrent(`compiles an array literal of ${n} elements`, async () => {
      const file = path.join(images, `long_array_${n}.ml`);
      // elements with effects, to check that they are still evaluated last first
      const items = Array.from({ length: n }, (_, i) => `f ${i}`).join('; ');
      writeFileSync(
        file,
        `let c = ref 0\nlet f i = incr c; i * !c\nlet a = [|${items}|]\n` +
          `let () = Printf.printf "%d %d %d %d" (Array.length a) a.(0) a.(${n - 2}) a.(${n - 1})\n`,
      );
      const out = await pooled(() => runMlc(['run', file], images));
      expect(out.stderr).toBe('');
      expect(out.stdout).toBe(`${n} 0 ${2 * (n - 2)} ${n - 1}`);
    }, 3 * programTimeoutMs);
  }

  it.concurrent('refuses a program nested absurdly deep with a clear message', async () => {
    const file = path.join(images, 'absurd.ml');
    writeFileSync(file, `let x = ${'('.repeat(300_000)}1${')'.repeat(300_000)}\n`);
    const out = await pooled(() => runMlc(['check', file], images));
    expect(out.code).toBe(2);
    expect(out.stderr).toMatch(/^mlc: .*absurd\.ml: this program is nested too deeply for mlc/);
  }, 3 * programTimeoutMs);

  for (const name of names) {
    it.concurrent(name, async () => {
      const source = readFileSync(path.join(dir, `${name}.ml`), 'latin1');
      const args = commandFor(name, source.split('\n')[0]!);
      const out = await pooled(() => runMlc(args, dir));
      const expectedFile = path.join(dir, `${name}.expected`);
      if (update) {
        writeFileSync(expectedFile, out.stderr, 'latin1');
        return;
      }
      expect(existsSync(expectedFile), `${name}.expected is missing (MLC_UPDATE_ERRORS=1 writes it)`).toBe(true);
      const expected = readFileSync(expectedFile, 'latin1');
      const diff = firstDifference(expected, out.stderr);
      expect(diff, `mlc ${args.join(' ')}: stderr differs at ${diff}\n--- got:\n${out.stderr}`).toBeNull();
      const hasError = /^(Error|mlc:)/m.test(expected);
      expect(out.code, `mlc ${args.join(' ')}: exit status`).toBe(hasError ? 2 : 0);
      expect(out.stdout).toBe('');
    }, 3 * programTimeoutMs);
  }
});
