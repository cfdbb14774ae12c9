// Inferred interfaces against real `ocamlc -i` outputs: the conformance corpus
// and the run tests, checked with OCaml's own stdlib interfaces (when installed).
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { sharedDir } from '../harness/shared.ts';
import { checkWithStdlib } from './helpers.ts';
import { ocamlStdlibInterface } from './ocaml-stdlib.ts';

const root = join(import.meta.dirname, '../..');
const dirs = [sharedDir('conformance') ?? '', join(root, 'test/run'), join(root, 'test/typing/cases')];
// Known differences, with the reason (each is a TODO).
const KNOWN: Record<string, string> = {};

const cases = dirs.flatMap((d) =>
  existsSync(d)
    ? readdirSync(d)
        .filter((f) => f.endsWith('.ml') && existsSync(join(d, f.replace(/\.ml$/, '.interface'))))
        .map((f) => ({ dir: d, file: f }))
    : [],
);

describe.skipIf(ocamlStdlibInterface() === null)('inferred interfaces match ocamlc -i', () => {
  for (const { dir, file } of cases) {
    const test = KNOWN[file] ? it.skip : it;
    test(file, () => {
      const text = readFileSync(join(dir, file), 'latin1');
      const expected = readFileSync(join(dir, file.replace(/\.ml$/, '.interface')), 'latin1');
      let got: string;
      try {
        got = checkWithStdlib(text, file).text;
      } catch (e) {
        const ds = (e as { diagnostics?: { message: string }[] }).diagnostics;
        if (ds?.some((d) => /not supported by mlc|Syntax error/.test(d.message))) return; // parser's scope
        throw e;
      }
      expect(got).toBe(expected);
    });
  }
});
