// The command line's own errors (files, flags), in both error formats.

import { describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { programTimeoutMs, runMlc } from './harness/cli.ts';

const tmp = mkdtempSync(path.join(os.tmpdir(), 'mlc-cli-'));

describe('driver errors', () => {
  it('a missing file is one line of text, or one JSON diagnostic with --error-format json', async () => {
    const text = await runMlc(['check', 'nonexist.ml'], tmp);
    expect(text.code).toBe(2);
    expect(text.stderr).toBe('mlc: nonexist.ml: no such file\n');
    const json = await runMlc(['check', '--error-format', 'json', 'nonexist.ml'], tmp);
    expect(json.code).toBe(2);
    const d = JSON.parse(json.stderr) as { severity: string; phase: string; message: string; file: string | null };
    expect(d).toMatchObject({ severity: 'error', phase: 'driver', message: 'nonexist.ml: no such file', file: null });
  }, programTimeoutMs);

  it('-o never puts an image over a source file', async () => {
    const src = path.join(tmp, 'keep.ml');
    writeFileSync(src, 'let () = print_endline "kept"\n');
    for (const out of ['keep.ml', './keep.ml', 'other.mli']) {
      const r = await runMlc(['build', 'keep.ml', '-o', out], tmp);
      expect(r.code).toBe(2);
      expect(r.stderr).toBe(`mlc: -o ${out}: that is a source file; the image goes in a .wasm file\n`);
    }
    expect(readFileSync(src, 'utf8')).toBe('let () = print_endline "kept"\n');
  }, programTimeoutMs);
});
