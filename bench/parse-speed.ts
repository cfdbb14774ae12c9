// Parser throughput: the shared corpus concatenated 20 times, best of 5.
// Run with `node bench/parse-speed.ts` (a benchmark, not a test: timings flake).

import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { SourceFile } from '../compiler/diagnostics/source.ts';
import { parseImplementation } from '../compiler/syntax/parser.ts';

const shared = path.resolve(import.meta.dirname, '../../shared');
const dirs = ['conformance', 'conformance/errors', 'bench'].map((d) => path.join(shared, d));
const all = dirs
  .flatMap((d) => readdirSync(d).filter((f) => f.endsWith('.ml')).map((f) => path.join(d, f)))
  .map((f) => readFileSync(f, 'latin1'))
  .join('\n;;\n');
const text = Array(20).fill(all).join('\n;;\n');
const lines = text.split('\n').length;
let best = Infinity;
for (let round = 0; round < 5; round++) {
  const t0 = performance.now();
  parseImplementation(new SourceFile('big.ml', text));
  best = Math.min(best, performance.now() - t0);
}
console.log(`parse: ${lines} lines in ${best.toFixed(0)} ms = ${Math.round(lines / (best / 1000) / 1000)}k lines/s`);
