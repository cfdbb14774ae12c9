// The pipeline, one step per phase: parse, check, lower, emit, assemble.
// Each step can be stopped after (`stopAfter`) and its result dumped (`dump`).

import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { assemble } from '../codegen/binaryen.ts';
import { emitProgram } from '../codegen/emit.ts';
import { CompileError, type Diagnostic } from '../diagnostics/diagnostic.ts';
import { registerSource, SourceFile } from '../diagnostics/source.ts';
import { Lowering } from '../lowering/lower.ts';
import type { Implementation, Interface } from '../syntax/ast.ts';
import { parseImplementation, parseInterface } from '../syntax/parser.ts';
import { addUnit, initialEnv, openUnit, printSignature, typeImplementation, typeInterface, type Signature } from '../typing/check.ts';
import { TypingError } from '../typing/errors.ts';
import { checkImplementation } from '../typing/includemod.ts';
import type { Coercion, Ident, TImplementation } from '../typing/typedtree.ts';
import { cacheKey, readCache, writeCache } from './cache.ts';
import {
  explainWiringError, findMain, type ManifestDevice, preflightService, serviceModules, type ServiceFlags, wireService,
} from './service.ts';
import { discoverUnits, mentionedModules, moduleNameOf, type UnitFile } from './units.ts';

export type Stage = 'parse' | 'typing' | 'lambda' | 'wat' | 'wasm';

export interface BuildOptions {
  readonly optimize: number;
  readonly stopAfter?: Stage;
  /** Called with a readable form of each stage's output that was asked for. */
  readonly dump?: (stage: Stage, text: string) => void;
  readonly dumpStages?: readonly Stage[];
  /** Print the inferred interface of the main file (`mlc check -i`). */
  readonly wantInterface?: boolean;
  /** How a service's devices are provided (`--kv`, `--kv-host`). */
  readonly service?: ServiceFlags;
}

export interface BuildResult {
  readonly wasm: Uint8Array | null;
  readonly warnings: Diagnostic[];
  readonly interfaceText: string | null;
  readonly timings: { stage: string; ms: number }[];
  /** The devices a service needs (empty for a plain program), as in its manifest. */
  readonly manifest: ManifestDevice[] | null;
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

/** Checks an implementation's signature against its interface (`foo.ml` against `foo.mli`). */
function matchInterface(unit: UnitFile, impl: Signature, intf: Signature): Coercion {
  try {
    return checkImplementation(unit.ml, unit.mli!, impl, intf);
  } catch (e) {
    if (e instanceof TypingError) throw new CompileError([e.diagnostic]);
    throw e;
  }
}

let stampOfUnit = 1;

/** The standard library's units in dependency order, one name per line. */
function stdlibUnits(): string[] {
  return readFileSync(join(stdlibDir, 'units'), 'utf8')
    .split('\n')
    .map((l) => l.replace(/#.*/, '').trim())
    .filter((l) => l !== '');
}

interface LibraryUnit {
  readonly unit: UnitFile;
  /** The modules it mentions, in its implementation or interface. */
  readonly uses: ReadonlySet<string>;
  /** Its implementation, parsed when first asked for. */
  readonly ast: () => Implementation;
}

const isUsesTable = (v: unknown): v is Record<string, string[]> =>
  typeof v === 'object' && v !== null && !Array.isArray(v) &&
  Object.values(v).every((u) => Array.isArray(u) && u.every((m) => typeof m === 'string'));

/**
 * The standard library's units and the modules each mentions. Finding what a
 * unit mentions takes parsing it, so the answer is cached (cache.ts), keyed on
 * the compiler and the library's sources; a build then parses only the units
 * it needs.
 */
function loadLibrary(): LibraryUnit[] {
  const files = stdlibUnits().map((unitName) => {
    const ml = join(stdlibDir, `${unitName}.ml`);
    const mli = join(stdlibDir, `${unitName}.mli`);
    const unit: UnitFile = { name: moduleNameOf(unitName), ml, mli: existsSync(mli) ? mli : null };
    return { unit, mlText: readFileSync(ml, 'latin1'), mliText: unit.mli ? readFileSync(unit.mli, 'latin1') : null };
  });
  const parsed = new Map<string, Implementation>();
  const astOf = (f: (typeof files)[number]): Implementation => {
    let ast = parsed.get(f.unit.name);
    if (!ast) {
      const file = new SourceFile(f.unit.ml, f.mlText);
      registerSource(file);
      ast = parseImplementation(file);
      parsed.set(f.unit.name, ast);
    }
    return ast;
  };
  const key = cacheKey('stdlib-uses', files.flatMap((f) => [f.unit.ml, f.mlText, f.unit.mli ?? '', f.mliText ?? '']));
  let uses = readCache(key, isUsesTable);
  if (uses === null || files.some((f) => !(f.unit.name in uses!))) {
    uses = {};
    for (const f of files) {
      const mentioned = mentionedModules(astOf(f).items);
      if (f.unit.mli && f.mliText !== null) {
        const file = new SourceFile(f.unit.mli, f.mliText);
        registerSource(file);
        for (const m of mentionedModules(parseInterface(file).items)) mentioned.add(m);
      }
      uses[f.unit.name] = [...mentioned].sort();
    }
    writeCache(key, uses);
  }
  const table = uses;
  return files.map((f) => ({ unit: f.unit, uses: new Set(table[f.unit.name]), ast: () => astOf(f) }));
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

  const userUnits = timed('parse', () => discoverUnits(path, (p) => parseImplementation(loadSource(p))));
  const mainAst: Implementation = userUnits[userUnits.length - 1]!.ast;
  if (want('parse')) opts.dump?.('parse', JSON.stringify(mainAst, (_k, v) => (typeof v === 'bigint' ? v.toString() : v), 2));
  if (opts.stopAfter === 'parse') return { wasm: null, warnings: [], interfaceText: null, timings, manifest: null };
  if (opts.stopAfter !== 'typing') preflightService(mainAst, opts.service ?? { kvBaked: new Map(), kvHost: new Set() });

  // The standard library is checked first: `Stdlib`, opened in every later unit,
  // then its other modules in the order `stdlib/units` gives.
  const units: { id: Ident; impl: TImplementation; coercion?: Coercion }[] = [];
  const warnings: Diagnostic[] = [];
  let env = initialEnv(stdlibUnits().map(moduleNameOf));
  // an .mli is read once: for the library modules it names, then to check against
  const interfaces = new Map<string, Interface>();
  const interfaceOf = (mli: string): Interface => {
    let ast = interfaces.get(mli);
    if (!ast) interfaces.set(mli, (ast = parseInterface(loadSource(mli))));
    return ast;
  };
  const checkUnit = (unit: UnitFile, ast: Implementation, stage: string): Signature => {
    const id: Ident = { name: unit.name, stamp: -stampOfUnit++ };
    const checked = timed(stage, () => typeImplementation(env, ast, unit.name));
    warnings.push(...checked.warnings);
    let signature = checked.signature;
    let coercion: Coercion | undefined;
    if (unit.mli) {
      const mli = unit.mli;
      const intf = timed(stage, () => typeInterface(env, interfaceOf(mli)));
      coercion = matchInterface(unit, signature, intf);
      signature = intf;
    }
    units.push(coercion ? { id, impl: checked.tree, coercion } : { id, impl: checked.tree });
    env = addUnit(env, unit.name, signature, id);
    return checked.signature;
  };
  // Only the standard library units the program needs, directly or not, are
  // parsed, checked and linked: a program that uses only Stdlib pays for nothing else.
  const library = timed('parse stdlib', () => loadLibrary());
  const needed = new Set<string>(['Stdlib']);
  for (const { unit, ast } of userUnits) {
    for (const m of mentionedModules(ast.items)) needed.add(m);
    // an interface may name a library module its implementation does not
    if (unit.mli) for (const m of mentionedModules(interfaceOf(unit.mli).items)) needed.add(m);
  }
  if (opts.stopAfter !== 'typing' && findMain(userUnits[userUnits.length - 1]!.ast)) {
    for (const m of serviceModules) needed.add(m);
  }
  for (let i = library.length - 1; i >= 0; i--) {
    // units come in dependency order, so one backward pass closes the set
    const { unit, uses } = library[i]!;
    if (needed.has(unit.name)) for (const m of uses) needed.add(m);
  }
  for (const { unit, ast } of library) {
    if (!needed.has(unit.name)) continue;
    checkUnit(unit, timed('parse stdlib', ast), 'typing stdlib');
    if (unit.name === 'Stdlib') env = openUnit(env, 'Stdlib');
  }
  let mainSignature: Signature | null = null;
  const mainFile = userUnits[userUnits.length - 1]!.unit;
  for (const { unit, ast } of userUnits) {
    // `-i` prints what the main file defines, whatever its .mli says, as ocamlc -i does
    mainSignature = checkUnit(opts.wantInterface && unit === mainFile ? { ...unit, mli: null } : unit, ast, 'typing');
  }
  const interfaceText = opts.wantInterface ? printSignature(mainSignature!) : null;

  // A unit with a Main is a service: wire its devices with generated units.
  const mainUnit = userUnits[userUnits.length - 1]!;
  const service = opts.stopAfter === 'typing' ? null : findMain(mainUnit.ast);
  let manifest: ManifestDevice[] | null = null;
  if (service) {
    const wiring = wireService(mainUnit.unit.name, service, opts.service ?? { kvBaked: new Map(), kvHost: new Set() });
    for (const u of wiring.units) {
      const file = new SourceFile(`<mlc build: ${u.name}.ml>`, u.source);
      registerSource(file);
      const ast = parseImplementation(file);
      try {
        checkUnit({ name: moduleNameOf(u.name), ml: file.path, mli: null }, ast, 'typing');
      } catch (e) {
        if (e instanceof CompileError) throw new CompileError(e.diagnostics.map((d) => explainWiringError(d, service)));
        throw e;
      }
    }
    manifest = wiring.manifest;
  }
  if (opts.stopAfter === 'typing') return { wasm: null, warnings, interfaceText, timings, manifest: null };

  const program = timed('lower', () => new Lowering().lowerProgram(units));
  if (want('lambda')) opts.dump?.('lambda', JSON.stringify(program, (_k, v) => (typeof v === 'bigint' ? v.toString() : v instanceof Uint8Array ? new TextDecoder().decode(v) : v), 1));
  if (opts.stopAfter === 'lambda') return { wasm: null, warnings, interfaceText, timings, manifest: null };

  const wat = timed('emit', () => emitProgram(program));
  if (want('wat')) opts.dump?.('wat', wat);
  if (opts.stopAfter === 'wat') return { wasm: null, warnings, interfaceText, timings, manifest: null };

  const customSections = manifest
    ? [{ name: 'mlc.manifest', data: new TextEncoder().encode(JSON.stringify({ devices: manifest })) }]
    : [];
  const onStep = (stage: string, ms: number): void => void timings.push({ stage: `assemble: ${stage}`, ms });
  const wasm = await assemble(wat, { optimize: opts.optimize, customSections, onStep });
  return { wasm, warnings, interfaceText, timings, manifest };
}

export { CompileError };
