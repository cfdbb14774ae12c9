// The only module that talks to binaryen. It takes the WebAssembly text that
// emit.ts produced, validates it, optimises it and encodes the binary, adding
// the image's custom sections.
//
// Loading binaryen costs about a third of a second per process, so it is loaded
// lazily: `mlc check` never pays for it.

import type { default as Binaryen } from 'binaryen';

let binaryenPromise: Promise<typeof Binaryen> | null = null;

async function load(): Promise<typeof Binaryen> {
  binaryenPromise ??= import('binaryen').then((m) => m.default);
  return binaryenPromise;
}

export interface AssembleOptions {
  /** binaryen optimisation level: 0 for none, 2 by default. */
  readonly optimize: number;
  /** Custom sections to append (the device manifest, for instance). */
  readonly customSections?: { name: string; data: Uint8Array }[];
}

export class AssembleError extends Error {}

export async function assemble(wat: string, opts: AssembleOptions): Promise<Uint8Array> {
  const binaryen = await load();
  let module: Binaryen.Module;
  try {
    module = binaryen.parseText(wat);
  } catch (e) {
    const detail = e instanceof Error ? e.message : String((e as { message?: string }).message ?? e);
    throw new AssembleError(`internal error: generated WebAssembly text does not parse: ${detail}`);
  }
  try {
    // What Node 22+ runs by default; in particular not custom descriptors, whose
    // exact reference types V8 still keeps behind a flag.
    const F = binaryen.Features;
    module.setFeatures(
      F.MutableGlobals | F.NontrappingFPToInt | F.BulkMemory | F.SignExt | F.ExceptionHandling |
        F.TailCall | F.ReferenceTypes | F.Multivalue | F.GC | F.BulkMemoryOpt | F.ExtendedConst,
    );
    if (!module.validate()) {
      throw new AssembleError('internal error: generated WebAssembly does not validate (see the validator output above)');
    }
    if (opts.optimize > 0) {
      binaryen.setOptimizeLevel(opts.optimize);
      binaryen.setShrinkLevel(1);
      // The image is a closed world: nothing outside sees its GC types.
      binaryen.setClosedWorld(true);
      module.optimize();
    }
    for (const s of opts.customSections ?? []) module.addCustomSection(s.name, s.data);
    return module.emitBinary();
  } finally {
    module.dispose();
  }
}
