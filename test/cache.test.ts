// The compiler's on-disk cache (compiler/driver/cache.ts): keys change with
// what an entry depends on, damaged entries are ignored, and a build with a
// damaged cache still gives the right image.

import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { cacheKey, hashSources, readCache, writeCache } from '../compiler/driver/cache.ts';
import { repoRoot, runMlc } from './harness/cli.ts';

const tmp = mkdtempSync(path.join(os.tmpdir(), 'mlc-cache-test-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));
const isNumbers = (v: unknown): v is number[] => Array.isArray(v) && v.every((x) => typeof x === 'number');

describe('cache', () => {
  test('a key changes with any input text, and with the compiler sources', () => {
    const k = cacheKey('t', ['let x = 1', 'abc']);
    expect(cacheKey('t', ['let x = 1', 'abc'])).toBe(k);
    expect(cacheKey('t', ['let x = 2', 'abc'])).not.toBe(k);
    expect(cacheKey('t', ['let x = 1a', 'bc'])).not.toBe(k);
    expect(cacheKey('u', ['let x = 1', 'abc'])).not.toBe(k);
    const src = path.join(tmp, 'compiler');
    mkdirSync(path.join(src, 'typing'), { recursive: true });
    writeFileSync(path.join(src, 'typing/a.ts'), 'export const a = 1;\n');
    const before = hashSources(src);
    writeFileSync(path.join(src, 'typing/a.ts'), 'export const a = 2;\n');
    expect(hashSources(src)).not.toBe(before);
  });

  test('entries round-trip; damaged or ill-shaped ones are ignored', () => {
    const dir = path.join(tmp, 'store');
    process.env.MLC_CACHE_DIR = dir;
    try {
      const key = cacheKey('t', ['x']);
      expect(readCache(key, isNumbers)).toBeNull();
      writeCache(key, [1, 2, 3]);
      expect(readCache(key, isNumbers)).toEqual([1, 2, 3]);
      const file = path.join(dir, `${key}.json`);
      writeFileSync(file, readFileSync(file, 'utf8').slice(0, 3)); // truncated
      expect(readCache(key, isNumbers)).toBeNull();
      writeFileSync(file, '{"not": "numbers"}');
      expect(readCache(key, isNumbers)).toBeNull();
      writeFileSync(file, Buffer.from([0xff, 0x00, 0xfe]));
      expect(readCache(key, isNumbers)).toBeNull();
      // a newer entry of the same kind replaces the stale one; no temporary files stay behind
      const key2 = cacheKey('t', ['y']);
      writeCache(key2, [4]);
      expect(readdirSync(dir)).toEqual([`${key2}.json`]);
    } finally {
      delete process.env.MLC_CACHE_DIR;
    }
  });

  test('a build with damaged cache entries gives the right program', async () => {
    const dir = path.join(tmp, 'build-cache');
    const prog = path.join(tmp, 'prog.ml');
    writeFileSync(prog, 'let () = print_endline (String.concat "," (List.map string_of_int [1; 2; 3]))\n');
    // runMlc's subprocess inherits the environment
    const run = async () => {
      const saved = process.env.MLC_CACHE_DIR;
      process.env.MLC_CACHE_DIR = dir;
      try {
        return await runMlc(['run', prog], repoRoot);
      } finally {
        if (saved === undefined) delete process.env.MLC_CACHE_DIR;
        else process.env.MLC_CACHE_DIR = saved;
      }
    };
    expect((await run()).stdout).toBe('1,2,3\n');
    const entries = readdirSync(dir).filter((f) => f.endsWith('.json'));
    expect(entries.length).toBeGreaterThan(0);
    for (const f of entries) writeFileSync(path.join(dir, f), '{"Stdlib": ["Li'); // truncated
    expect((await run()).stdout).toBe('1,2,3\n');
    for (const f of entries) writeFileSync(path.join(dir, f), '{"Stdlib": []}'); // wrong: units missing
    expect((await run()).stdout).toBe('1,2,3\n');
    for (const f of entries) writeFileSync(path.join(dir, f), 'null');
    const again = await run();
    expect(again.stdout).toBe('1,2,3\n');
    expect(again.code).toBe(0);
  }, 300_000);
});
