// The pipeline, one step per phase: parse, check, lower, emit, assemble.
// Each step can be stopped after (`stopAfter`) and its result dumped (`dump`).

import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { assemble } from '../codegen/binaryen.ts';
import { emitProgram } from '../codegen/emit.ts';
import { CompileError, type Diagnostic } from '../diagnostics/diagnostic.ts';
import { registerSource, SourceFile } from '../diagnostics/source.ts';
import { Lowering } from '../lowering/lower.ts';
import type { Implementation } from '../syntax/ast.ts';
import { parseImplementation } from '../syntax/parser.ts';
import { addUnit, initialEnv, openUnit, printSignature, typeImplementation } from '../typing/check.ts';
import type { Ident, TImplementation } from '../typing/typedtree.ts';

export type Stage = 'parse' | 'typing' | 'lambda' | 'wat' | 'wasm';

export interface BuildOptions {
  readonly optimize: number;
  readonly stopAfter?: Stage;
  /** Called with a readable form of each stage's output that was asked for. */
  readonly dump?: (stage: Stage, text: string) => void;
  readonly dumpStages?: readonly Stage[];
  /** Print the inferred interface of the main file (`mlc check -i`). */
  readonly wantInterface?: boolean;
}

export interface BuildResult {
  readonly wasm: Uint8Array | null;
  readonly warnings: Diagnostic[];
  readonly interfaceText: string | null;
  readonly timings: { stage: string; ms: number }[];
}

const here = dirname(fileURLToPath(import.meta.url));
export const stdlibDir = resolve(here, '../../stdlib');

/** Reads a source file as latin1, so that one character is one byte (OCaml counts bytes). */
export function loadSource(path: string): SourceFile {
  const text = readFileSync(path, 'latin1');
  const file = new SourceFile(path, text);
  registerSource(file);
  return file;
}

function moduleNameOf(path: string): string {
  const base = path.split('/').pop()!.replace(/\.ml$/, '');
  return base.charAt(0).toUpperCase() + base.slice(1);
}

let stampOfUnit = 1;

/** The standard library's units in dependency order, one name per line. */
function stdlibUnits(): string[] {
  return readFileSync(join(stdlibDir, 'units'), 'utf8')
    .split('\n')
    .map((l) => l.replace(/#.*/, '').trim())
    .filter((l) => l !== '');
}

export async function build(path: string, opts: BuildOptions): Promise<BuildResult> {
  const timings: { stage: string; ms: number }[] = [];
  const timed = <T>(stage: string, f: () => T): T => {
    const t0 = performance.now();
    const r = f();
    timings.push({ stage, ms: performance.now() - t0 });
    return r;
  };
  const want = (s: Stage): boolean => opts.dumpStages?.includes(s) ?? false;

  const mainSrc = loadSource(path);
  const mainAst: Implementation = timed('parse', () => parseImplementation(mainSrc));
  if (want('parse')) opts.dump?.('parse', JSON.stringify(mainAst, (_k, v) => (typeof v === 'bigint' ? v.toString() : v), 2));
  if (opts.stopAfter === 'parse') return { wasm: null, warnings: [], interfaceText: null, timings };

  // The standard library is checked first: `Stdlib`, opened in every later unit,
  // then its other modules in the order `stdlib/units` gives.
  const units: { id: Ident; impl: TImplementation }[] = [];
  const warnings: Diagnostic[] = [];
  let env = initialEnv();
  for (const unitName of stdlibUnits()) {
    const ast = timed('parse stdlib', () => parseImplementation(loadSource(join(stdlibDir, `${unitName}.ml`))));
    const modName = moduleNameOf(unitName);
    const id: Ident = { name: modName, stamp: -stampOfUnit++ };
    const checked = timed('typing stdlib', () => typeImplementation(env, ast, modName));
    units.push({ id, impl: checked.tree });
    env = addUnit(env, modName, checked.signature, id);
    if (modName === 'Stdlib') env = openUnit(env, 'Stdlib');
  }

  const name = moduleNameOf(path);
  const checked = timed('typing', () => typeImplementation(env, mainAst, name));
  warnings.push(...checked.warnings);
  const mainId: Ident = { name, stamp: -stampOfUnit++ };
  units.push({ id: mainId, impl: checked.tree });
  const interfaceText = opts.wantInterface ? printSignature(checked.signature) : null;
  if (opts.stopAfter === 'typing') return { wasm: null, warnings, interfaceText, timings };

  const program = timed('lower', () => new Lowering().lowerProgram(units));
  if (want('lambda')) opts.dump?.('lambda', JSON.stringify(program, (_k, v) => (typeof v === 'bigint' ? v.toString() : v instanceof Uint8Array ? new TextDecoder().decode(v) : v), 1));
  if (opts.stopAfter === 'lambda') return { wasm: null, warnings, interfaceText, timings };

  const wat = timed('emit', () => emitProgram(program));
  if (want('wat')) opts.dump?.('wat', wat);
  if (opts.stopAfter === 'wat') return { wasm: null, warnings, interfaceText, timings };

  const t0 = performance.now();
  const wasm = await assemble(wat, { optimize: opts.optimize });
  timings.push({ stage: 'assemble', ms: performance.now() - t0 });
  return { wasm, warnings, interfaceText, timings };
}

export { CompileError };
