// The ratchet: a list of checks that passed once and must keep passing.
//
// The compiler is being written while this corpus exists, so most checks fail
// at first. A listed check that fails fails the suite (a regression); an
// unlisted check is only counted. `MLC_UPDATE_PASSING=1` rewrites the list to
// the checks passing now, and names every check it drops, so the list only
// shrinks in plain sight.
//
// File format: `[kind]` section headers, one name per line, `#` comments.

import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

export const updating = process.env.MLC_UPDATE_PASSING === '1';

export function readRatchet(file: string): Map<string, Set<string>> {
  const lists = new Map<string, Set<string>>();
  if (!existsSync(file)) return lists;
  let section = '';
  for (const raw of readFileSync(file, 'utf8').split('\n')) {
    const line = raw.replace(/#.*/, '').trim();
    if (!line) continue;
    const header = /^\[(.+)\]$/.exec(line);
    if (header) section = header[1]!;
    else {
      if (!lists.has(section)) lists.set(section, new Set());
      lists.get(section)!.add(line);
    }
  }
  return lists;
}

function writeRatchet(file: string, suite: string, lists: Map<string, string[]>): void {
  const out = [
    `# Ratchet for ${suite}: every check listed here passed once and must keep passing.`,
    `# Checks that start passing are reported, not added; to add them (and drop failing ones, which`,
    `# are printed) run: MLC_UPDATE_PASSING=1 npx vitest run ${suite}`,
  ];
  for (const [kind, names] of lists) out.push('', `[${kind}]`, ...[...names].sort());
  writeFileSync(file, out.join('\n') + '\n');
}

/** Collects verdicts for one suite and, at the end, reports and optionally rewrites the list. */
export class Ratchet {
  readonly file: string;
  readonly suite: string;
  readonly listed: Map<string, Set<string>>;
  /** kind -> name -> passed */
  readonly results = new Map<string, Map<string, boolean>>();
  readonly expectedCount: number;

  constructor(file: string, suite: string, expectedCount: number) {
    this.file = file;
    this.suite = suite;
    this.listed = readRatchet(file);
    this.expectedCount = expectedCount;
  }

  isListed(kind: string, name: string): boolean {
    return this.listed.get(kind)?.has(name) ?? false;
  }

  record(kind: string, name: string, passed: boolean): void {
    if (!this.results.has(kind)) this.results.set(kind, new Map());
    this.results.get(kind)!.set(name, passed);
  }

  /** One summary line per kind, then the update when asked for. */
  finish(labels: Record<string, string>): string[] {
    const lines: string[] = [];
    const next = new Map<string, string[]>();
    let recorded = 0;
    for (const [kind, label] of Object.entries(labels)) {
      const res = this.results.get(kind) ?? new Map<string, boolean>();
      recorded += res.size;
      const passing = [...res].filter(([, ok]) => ok).map(([n]) => n);
      const fresh = passing.filter((n) => !this.isListed(kind, n));
      const regressed = [...res].filter(([n, ok]) => !ok && this.isListed(kind, n)).map(([n]) => n);
      lines.push(`${label}: ${passing.length}/${res.size} passed`);
      const file = path.basename(this.file);
      if (fresh.length) lines.push(`  ${updating ? `added to ${file}` : `newly passing, not in ${file} yet`}: ${fresh.join(' ')}`);
      if (regressed.length) lines.push(`  REGRESSED (listed, now failing): ${regressed.join(' ')}`);
      next.set(kind, passing);
      if (updating && regressed.length) lines.push(`  dropping from the list: ${regressed.join(' ')}`);
    }
    if (updating) {
      if (recorded === this.expectedCount) {
        writeRatchet(this.file, this.suite, next);
        lines.push(`rewrote ${path.relative(process.cwd(), this.file)}`);
      } else {
        lines.push(`not rewriting ${path.basename(this.file)}: only ${recorded}/${this.expectedCount} checks ran`);
      }
    }
    return lines;
  }
}
