// The benchmark harness: builds and runs each ../shared/bench program with mlc
// and, where installed, with ocamlopt and ocamlc; reports medians, ratios,
// compile time and image size; checks every output; writes BENCHMARKS.md.
//
//   npm run bench                 full: 5 runs each, the programs' own sizes
//   npm run bench -- --quick      one run, sizes divided by 10, no BENCHMARKS.md
//                                 (outputs then checked against ocamlopt's, if any)

import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const repo = path.resolve(import.meta.dirname, '..');
const benchDir = path.resolve(repo, '../shared/bench');
const quick = process.argv.includes('--quick');
const runs = quick ? 1 : 5;
const work = mkdtempSync(path.join(os.tmpdir(), 'mlc-bench-'));

function has(tool: string): boolean {
  return spawnSync('sh', ['-c', `command -v ${tool}`]).status === 0;
}

/** Wall time of a command in seconds, and its stdout. */
function timed(cmd: string, args: string[]): { seconds: number; stdout: string; ok: boolean } {
  const t0 = performance.now();
  const r = spawnSync(cmd, args, { encoding: 'latin1', maxBuffer: 1 << 26 });
  return { seconds: (performance.now() - t0) / 1000, stdout: r.stdout ?? '', ok: r.status === 0 };
}

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
};

/** In quick mode, the problem size constants are divided by 10. */
function source(name: string): string {
  const text = readFileSync(path.join(benchDir, `${name}.ml`), 'latin1');
  if (!quick) return text;
  return text.replace(/^let (n|rounds) = (\d[\d_]*)/gm, (_m, v: string, n: string) => {
    const value = Math.max(1, Math.floor(Number(n.replace(/_/g, '')) / 10));
    return `let ${v} = ${value}`;
  });
}

interface Row {
  name: string;
  ok: boolean;
  note: string;
  compile: number;
  size: number;
  mlc: number;
  opt: number | null;
  byte: number | null;
}

const names = readdirSync(benchDir)
  .filter((f) => f.endsWith('.ml'))
  .map((f) => f.slice(0, -3))
  .sort();
const withOcaml = has('ocamlopt') && has('ocamlc');
const rows: Row[] = [];

for (const name of names) {
  const dir = path.join(work, name);
  execFileSync('mkdir', ['-p', dir]);
  const ml = path.join(dir, `${name}.ml`);
  writeFileSync(ml, source(name), 'latin1');
  const image = path.join(dir, `${name}.wasm`);
  const build = timed(process.execPath, [path.join(repo, 'bin/mlc.js'), 'build', ml, '-o', image]);
  if (!build.ok) {
    rows.push({ name, ok: false, note: 'build failed', compile: build.seconds, size: 0, mlc: 0, opt: null, byte: null });
    continue;
  }
  const mlcRuns = Array.from({ length: runs }, () => timed(process.execPath, [path.join(repo, 'bin/mlc.js'), 'run', image]));
  const out = mlcRuns[0]!.stdout;
  let expected: string | null = quick ? null : readFileSync(path.join(benchDir, `${name}.expected`), 'latin1');
  let opt: number | null = null;
  let byte: number | null = null;
  if (withOcaml) {
    execFileSync('ocamlopt', ['-o', path.join(dir, 'native'), ml], { cwd: dir, stdio: 'ignore' });
    execFileSync('ocamlc', ['-o', path.join(dir, 'byte'), ml], { cwd: dir, stdio: 'ignore' });
    const nat = Array.from({ length: runs }, () => timed(path.join(dir, 'native'), []));
    const byt = Array.from({ length: runs }, () => timed(path.join(dir, 'byte'), []));
    expected ??= nat[0]!.stdout;
    opt = median(nat.map((r) => r.seconds));
    byte = median(byt.map((r) => r.seconds));
  }
  const ok = mlcRuns.every((r) => r.ok) && (expected === null || out === expected);
  rows.push({
    name,
    ok,
    note: ok ? '' : 'WRONG OUTPUT',
    compile: build.seconds,
    size: statSync(image).size,
    mlc: median(mlcRuns.map((r) => r.seconds)),
    opt,
    byte,
  });
  process.stderr.write(`${name}: ${ok ? 'ok' : 'FAILED'}\n`);
}

const f = (x: number | null, d = 2): string => (x === null ? '—' : x.toFixed(d));
const ratio = (a: number, b: number | null): number | null => (b === null || b === 0 ? null : a / b);
const geomean = (xs: number[]): number | null =>
  xs.length === 0 ? null : Math.exp(xs.reduce((s, x) => s + Math.log(x), 0) / xs.length);

const lines = [
  `| program | output | mlc s | ocamlopt s | ocamlc s | mlc/ocamlopt | mlc/ocamlc | compile s | image KB |`,
  `|---|---|---|---|---|---|---|---|---|`,
  ...rows.map(
    (r) =>
      `| ${r.name} | ${r.ok ? 'ok' : r.note} | ${f(r.mlc)} | ${f(r.opt)} | ${f(r.byte)} | ${f(ratio(r.mlc, r.opt))} | ${f(ratio(r.mlc, r.byte))} | ${f(r.compile)} | ${(r.size / 1024).toFixed(1)} |`,
  ),
];
const gOpt = geomean(rows.filter((r) => r.opt).map((r) => r.mlc / r.opt!));
const gByte = geomean(rows.filter((r) => r.byte).map((r) => r.mlc / r.byte!));
lines.push('', `Geometric mean: mlc/ocamlopt ${f(gOpt)}, mlc/ocamlc ${f(gByte)}.`);
const table = lines.join('\n');
console.log(table);

if (!quick) {
  writeFileSync(
    path.join(repo, 'BENCHMARKS.md'),
    `# Benchmarks\n\nWhole-process wall time, median of ${runs} runs, on ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'} (${new Date().toISOString().slice(0, 10)}), Node ${process.versions.node}. mlc times include starting Node and compiling the image's Wasm; compile time is \`mlc build\` (parse to binary). Written by \`npm run bench\`.\n\n${table}\n`,
  );
}
if (rows.some((r) => !r.ok)) process.exit(1);
if (!existsSync(benchDir)) process.exit(1);
