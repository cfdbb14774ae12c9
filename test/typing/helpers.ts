// Shared helpers for the type checker's tests: check a source text with a Stdlib
// opened (the real one when present, else a small fixture), print its interface.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Diagnostic } from '../../compiler/diagnostics/diagnostic.ts';
import { SourceFile, registerSource } from '../../compiler/diagnostics/source.ts';
import { parseImplementation, parseInterface } from '../../compiler/syntax/parser.ts';
import { ocamlStdlibInterface } from './ocaml-stdlib.ts';
import { type Env, addUnit, initialEnv, openUnit, printSignature, typeImplementation, typeInterface } from '../../compiler/typing/check.ts';

const here = dirname(fileURLToPath(import.meta.url));
const fixtureStdlib = join(here, 'fixtures/stdlib.ml');
const realStdlib = join(here, '../../stdlib/stdlib.ml');

let stdlibEnv: Env | null = null;

export function stdlibPath(): string {
  return process.env.MLC_TEST_REAL_STDLIB && existsSync(realStdlib) ? realStdlib : fixtureStdlib;
}

/** Stdlib as OCaml 4.13's own interfaces describe it (when OCaml is installed). */
export function envWithStdlib(): Env {
  if (stdlibEnv) return stdlibEnv;
  const mli = process.env.MLC_TEST_FIXTURE_STDLIB ? null : ocamlStdlibInterface();
  if (mli) {
    const src = new SourceFile('stdlib.mli', mli);
    registerSource(src);
    const sig = typeInterface(initialEnv(), parseInterface(src));
    stdlibEnv = openUnit(addUnit(initialEnv(), 'Stdlib', sig, { name: 'Stdlib', stamp: -1000 }), 'Stdlib');
    return stdlibEnv;
  }
  const path = stdlibPath();
  const src = new SourceFile(path, readFileSync(path, 'latin1'));
  registerSource(src);
  const r = typeImplementation(initialEnv(), parseImplementation(src), 'Stdlib');
  const id = { name: 'Stdlib', stamp: -1000 };
  stdlibEnv = openUnit(addUnit(initialEnv(), 'Stdlib', r.signature, id), 'Stdlib');
  return stdlibEnv;
}

export function checkWithStdlib(text: string, path = 'test.ml'): { text: string; warnings: Diagnostic[] } {
  const src = new SourceFile(path, text);
  registerSource(src);
  const r = typeImplementation(envWithStdlib(), parseImplementation(src), 'Test');
  return { text: printSignature(r.signature), warnings: r.warnings };
}

/** Line (1-based) of a diagnostic. */
export function lineOf(text: string, d: Diagnostic): number {
  if (!d.span) return 0;
  return text.slice(0, d.span.start).split('\n').length;
}
