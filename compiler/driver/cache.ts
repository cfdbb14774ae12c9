// A small on-disk cache of facts the compiler derives from files, so that a
// build does not derive them again: entries are JSON, under
// node_modules/.cache/mlc/ of the project (or $MLC_CACHE_DIR; `MLC_CACHE_DIR=`
// turns caching off).
//
// Safety: an entry is found by a key that hashes everything it depends on —
// the compiler's own sources and the contents of the input files — so an edit
// to either makes a new key and the old entry is never read again. An entry is
// written to a temporary file and renamed into place, so concurrent builds see
// a whole entry or none; an entry that does not parse or has the wrong shape
// is ignored as if absent. A cache that cannot be written is silently unused.

import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const compilerDir = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/** The folder of the cache, or null when caching is off. */
export function cacheDir(): string | null {
  const env = process.env.MLC_CACHE_DIR;
  if (env !== undefined) return env === '' ? null : env;
  return join(compilerDir, '../node_modules/.cache/mlc');
}

/** A hash of the names and contents of the `.ts` files under `dir`. */
export function hashSources(dir: string): string {
  const h = createHash('sha256');
  const files = (readdirSync(dir, { recursive: true }) as string[]).filter((f) => f.endsWith('.ts')).sort();
  for (const f of files) {
    h.update(f);
    h.update('\0');
    h.update(readFileSync(join(dir, f)));
    h.update('\0');
  }
  return h.digest('hex');
}

let compilerHash: string | null = null;

/** A hash of every source file of the compiler: a different compiler never reads another's entries. */
export function compilerVersion(): string {
  compilerHash ??= hashSources(compilerDir);
  return compilerHash;
}

/** A key for an entry derived from these texts by this compiler. */
export function cacheKey(kind: string, texts: readonly string[]): string {
  const h = createHash('sha256');
  h.update(`${kind}\0${compilerVersion()}\0`);
  for (const t of texts) {
    h.update(String(t.length));
    h.update('\0');
    h.update(t);
  }
  return `${kind}-${h.digest('hex').slice(0, 40)}`;
}

/** The entry under `key`, if there is one that `valid` accepts. */
export function readCache<T>(key: string, valid: (v: unknown) => v is T): T | null {
  const dir = cacheDir();
  if (dir === null) return null;
  try {
    const v: unknown = JSON.parse(readFileSync(join(dir, `${key}.json`), 'utf8'));
    return valid(v) ? v : null;
  } catch {
    return null;
  }
}

/** Stores an entry; never fails the build. */
export function writeCache(key: string, value: unknown): void {
  const dir = cacheDir();
  if (dir === null) return;
  try {
    mkdirSync(dir, { recursive: true });
    const tmp = join(dir, `.${key}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`);
    writeFileSync(tmp, JSON.stringify(value));
    renameSync(tmp, join(dir, `${key}.json`));
    // entries of the same kind under other keys are stale (or another checkout's: it makes them again)
    const kind = key.slice(0, key.lastIndexOf('-') + 1);
    for (const f of readdirSync(dir)) {
      if (f.startsWith(kind) && f !== `${key}.json`) rmSync(join(dir, f), { force: true });
    }
  } catch {
    // a read-only or full disk: build without the cache
  }
}
