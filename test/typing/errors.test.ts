// The conformance error programs: each is rejected at OCaml's line with OCaml's
// first message line.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CompileError } from '../../compiler/diagnostics/diagnostic.ts';
import { sharedDir } from '../harness/shared.ts';
import { checkWithStdlib, lineOf } from './helpers.ts';

const dir = sharedDir('conformance/errors') ?? '';
const files = (() => {
  try {
    return readdirSync(dir).filter((f) => f.endsWith('.ml'));
  } catch {
    return [];
  }
})();

describe.skipIf(files.length === 0)('conformance errors', () => {
  for (const f of files) {
    it(f, () => {
      const text = readFileSync(join(dir, f), 'latin1');
      const [line, message] = readFileSync(join(dir, f.replace(/\.ml$/, '.expected')), 'latin1').split('\n');
      let err: unknown = null;
      try {
        checkWithStdlib(text, f);
      } catch (e) {
        err = e;
      }
      expect(err).toBeInstanceOf(CompileError);
      const d = (err as CompileError).diagnostics[0]!;
      expect(`Error: ${d.message.split('\n')[0]}`.trimEnd()).toBe(message!.trimEnd());
      expect(lineOf(text, d)).toBe(Number(line));
    });
  }
});
