// Turns the WebAssembly text that emit.ts produced into the image's binary,
// adding its custom sections. The only module that talks to binaryen.
//
// Where the time went: binaryen.js is a 15 MB emscripten build whose C++
// exceptions bounce through JavaScript. Loading it took about 0.2 s of CPU, its
// text parser read about 2 MB/s, and its -O2 pipeline took one to two seconds
// on a small program — while the image's run time hardly depends on it, because
// V8's optimising tier inlines and simplifies the code itself (BENCHMARKS.md
// has the numbers). So by default the text is pruned of what the program cannot
// reach (prune.ts) and assembled directly (assemble.ts), then checked by V8;
// binaryen is loaded only for -O3, which runs its whole pipeline for the
// smallest image, and when the direct assembler does not read the text.

import type { default as Binaryen } from 'binaryen';
import { assembleText, Unsupported } from './assemble.ts';
import { pruneUnreachable } from './prune.ts';

let binaryenPromise: Promise<typeof Binaryen> | null = null;

async function load(): Promise<typeof Binaryen> {
  binaryenPromise ??= import('binaryen').then((m) => m.default);
  return binaryenPromise;
}

export interface AssembleOptions {
  /**
   * 0: the text as it is; 1 and 2 (the default): without what is unreachable;
   * 3: binaryen's whole -O3 pipeline as well, for the smallest image.
   */
  readonly optimize: number;
  /** Custom sections to append (the device manifest, for instance). */
  readonly customSections?: { name: string; data: Uint8Array }[];
  /** For tests: at -O3, binaryen parses the text itself rather than reading the direct assembler's binary. */
  readonly viaText?: boolean;
  /** Told how long each step took, for `--verbose`. */
  readonly onStep?: (step: string, ms: number) => void;
}

export class AssembleError extends Error {}

export async function assemble(wat: string, opts: AssembleOptions): Promise<Uint8Array> {
  let t = performance.now();
  const step = (name: string): void => {
    const now = performance.now();
    opts.onStep?.(name, now - t);
    t = now;
  };
  const text = opts.optimize > 0 ? pruneUnreachable(wat) : wat;
  if (opts.optimize > 0) step('prune text');
  if (opts.optimize < 3) {
    const binary = assembleDirectly(text, opts.customSections ?? []);
    step('assemble');
    if (binary) return binary;
    return withBinaryen(text, null, opts, step);
  }
  // -O3: binaryen reads the binary when the direct assembler makes one (its
  // text parser is slower, and fails on large programs: "__next_prime
  // overflow" with 16,000 functions); the custom sections are added after.
  const binary = opts.viaText ? null : assembleDirectly(text, []);
  step('assemble');
  return withBinaryen(text, binary, opts, step);
}

/**
 * The image, assembled without binaryen and checked by V8; null if the text has
 * something assemble.ts does not read, or if the result does not validate (then
 * binaryen, slower, says what is wrong).
 */
function assembleDirectly(text: string, customSections: readonly { name: string; data: Uint8Array }[]): Uint8Array | null {
  try {
    const binary = assembleText(text, customSections);
    new WebAssembly.Module(binary as Uint8Array<ArrayBuffer>);
    return binary;
  } catch (e) {
    if (e instanceof Unsupported || e instanceof WebAssembly.CompileError) {
      if (process.env.MLC_DEBUG_ASSEMBLE) process.stderr.write(`mlc: assembling with binaryen: ${e.message}\n`);
      return null;
    }
    throw e;
  }
}

async function withBinaryen(
  text: string,
  binary: Uint8Array | null,
  opts: AssembleOptions,
  step: (name: string) => void,
): Promise<Uint8Array> {
  const binaryen = await load();
  step('load binaryen');
  // What Node 22+ runs by default; in particular not custom descriptors, whose
  // exact reference types V8 still keeps behind a flag.
  const F = binaryen.Features;
  const features =
    F.MutableGlobals | F.NontrappingFPToInt | F.BulkMemory | F.SignExt | F.ExceptionHandling |
    F.TailCall | F.ReferenceTypes | F.Multivalue | F.GC | F.BulkMemoryOpt | F.ExtendedConst;
  let module: Binaryen.Module;
  try {
    // binaryen.js's readBinary takes the features as a second argument (its
    // declared readBinaryWithFeatures is missing at run time)
    const readBinary = binaryen.readBinary as (data: Uint8Array, features?: number) => Binaryen.Module;
    module = binary ? readBinary(binary, features) : binaryen.parseText(text);
  } catch (e) {
    const detail = e instanceof Error ? e.message : String((e as { message?: string }).message ?? e);
    throw new AssembleError(
      binary
        ? `internal error: binaryen cannot read the assembled image: ${detail}`
        : `internal error: generated WebAssembly text does not parse: ${detail}`,
    );
  }
  step(binary ? 'binaryen read binary' : 'binaryen parse text');
  try {
    module.setFeatures(features);
    if (!module.validate()) {
      throw new AssembleError('internal error: generated WebAssembly does not validate (see the validator output above)');
    }
    step('binaryen validate');
    if (opts.optimize > 0) {
      binaryen.setOptimizeLevel(Math.min(opts.optimize, 3));
      binaryen.setShrinkLevel(1);
      // The image is a closed world: nothing outside sees its GC types.
      binaryen.setClosedWorld(true);
      if (opts.optimize >= 3) module.optimize();
      else module.runPasses(['remove-unused-module-elements']);
      step('binaryen optimize');
    }
    for (const s of opts.customSections ?? []) module.addCustomSection(s.name, s.data);
    const binary = module.emitBinary();
    step('binaryen emit binary');
    return binary;
  } finally {
    module.dispose();
  }
}
