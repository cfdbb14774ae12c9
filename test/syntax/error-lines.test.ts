// Syntax errors on OCaml's line, checked against the real parser when `ocamlc`
// is installed: programs of test/run are broken in small ways (a token deleted,
// a keyword or bracket inserted, a token doubled), with a fixed seed, and both
// parsers read each. When OCaml rejects a program, mlc must reject it too, on
// the same line. (When only mlc rejects it, OCaml's grammar was more lenient
// and its type checker reports the mistake instead; that is not compared.)

import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { CompileError } from '../../compiler/diagnostics/diagnostic.ts';
import { SourceFile } from '../../compiler/diagnostics/source.ts';
import { tokenize } from '../../compiler/syntax/lexer.ts';
import { parseImplementation } from '../../compiler/syntax/parser.ts';

const hasOcaml = spawnSync('ocamlc', ['-version']).status === 0;
const dir = path.resolve(import.meta.dirname, '../run');
const MUTATIONS = 150;

/** The line of OCaml's syntax error, or null when it parses the file. */
function ocamlErrorLine(file: string): number | null {
  const r = spawnSync('ocamlc', ['-stop-after', 'parsing', '-c', '-o', file.replace(/\.ml$/, '.cmo'), file], { encoding: 'latin1' });
  if (r.status === 0) return null;
  return Number(/line (\d+)/.exec(r.stderr)?.[1] ?? -1);
}

function mlcErrorLine(text: string): number | null {
  const src = new SourceFile('m.ml', text);
  try {
    parseImplementation(src);
    return null;
  } catch (e) {
    if (!(e instanceof CompileError)) throw e;
    return src.position(e.diagnostics[0]!.span!.start).line;
  }
}

describe.skipIf(!hasOcaml)('syntax errors are on the line OCaml reports', () => {
  it(`holds for ${MUTATIONS} broken programs`, () => {
    const files = readdirSync(dir).filter((f) => f.endsWith('.ml')).sort();
    const tmp = mkdtempSync(path.join(os.tmpdir(), 'mlc-error-lines-'));
    let seed = 20261204;
    const random = (n: number): number => {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff;
      return seed % n;
    };
    const inserts = [' in ', ' then ', ' else ', ' end ', ' ) ', ' ( ', ' | ', ' -> ', ' ; ', ' let ', ' = ', ' with ', ' begin ', ' done ', ' , '];
    const differences: string[] = [];
    try {
      for (let k = 0; k < MUTATIONS; k++) {
        const name = files[random(files.length)]!;
        const text = readFileSync(path.join(dir, name), 'latin1');
        const toks = tokenize(new SourceFile(name, text));
        const t = toks[random(toks.length - 1)]!;
        const how = random(3);
        const broken =
          how === 0 ? text.slice(0, t.start) + text.slice(t.end)
          : how === 1 ? text.slice(0, t.start) + inserts[random(inserts.length)]! + text.slice(t.start)
          : text.slice(0, t.end) + ' ' + text.slice(t.start);
        const file = path.join(tmp, `m${k}.ml`);
        writeFileSync(file, broken, 'latin1');
        const theirs = ocamlErrorLine(file);
        if (theirs === null) continue;
        const ours = mlcErrorLine(broken);
        if (ours !== theirs) differences.push(`${name} changed at offset ${t.start} (${JSON.stringify(t.text)}): mlc line ${ours}, OCaml line ${theirs}`);
      }
    } finally {
      rmSync(tmp, { recursive: true, force: true });
    }
    expect(differences).toEqual([]);
  }, 120_000);
});
