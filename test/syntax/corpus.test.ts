// Every shared conformance program, error program and benchmark must parse:
// error programs are wrong only in their types, never in their syntax.

import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { SourceFile } from '../../compiler/diagnostics/source.ts';
import { parseImplementation } from '../../compiler/syntax/parser.ts';
import { sharedDir, sharedRoot } from '../harness/shared.ts';

const shared = sharedRoot;
const dirs = ['conformance', 'conformance/errors', 'bench'].flatMap((d) => sharedDir(d) ?? []);

function mlFiles(dir: string): string[] {
  return readdirSync(dir).filter((f) => f.endsWith('.ml')).sort().map((f) => path.join(dir, f));
}

function load(file: string): SourceFile {
  return new SourceFile(file, readFileSync(file, 'latin1'));
}

// vitest refuses a file with no suite: say what was skipped
if (dirs.length === 0) describe.skip('the shared corpus, not found beside the repository', () => it('parses', () => {}));

for (const dir of dirs) {
  describe(path.relative(shared, dir), () => {
    const files = mlFiles(dir);
    it('is not empty', () => expect(files.length).toBeGreaterThan(0));
    for (const file of files) {
      it(path.basename(file), () => {
        const impl = parseImplementation(load(file));
        expect(impl.items.length).toBeGreaterThan(0);
      });
    }
  });
}
