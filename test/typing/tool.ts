// Prints the inferred interface of a file, checked with the test Stdlib opened:
//   node test/typing/tool.ts file.ml
import { readFileSync } from 'node:fs';
import { CompileError } from '../../compiler/diagnostics/diagnostic.ts';
import { checkWithStdlib } from './helpers.ts';

const file = process.argv[2]!;
try {
  const r = checkWithStdlib(readFileSync(file, 'latin1'), file);
  process.stdout.write(r.text);
  for (const w of r.warnings) console.error(`warning ${w.warning}: ${w.message} ${(w.notes ?? []).join(" | ")}`);
} catch (e) {
  if (e instanceof CompileError) {
    for (const d of e.diagnostics) console.log(`ERROR ${d.span ? `@${d.span.start}` : ''}: ${d.message}${d.notes ? '\n  ' + d.notes.join('\n  ') : ''}`);
  } else throw e;
}
