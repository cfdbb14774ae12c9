// The type checker's entry points, used by the driver.
//
// A unit is checked against an environment; its signature can then be added to
// another environment as a module (`addUnit`) and opened (`openUnit`), as the
// driver does with Stdlib. Errors are collected per structure item and thrown
// together as one CompileError.

import { CompileError, type Diagnostic } from '../diagnostics/diagnostic.ts';
import type { Implementation, Interface } from '../syntax/ast.ts';
import { type Env, addModule, openSignature, findModuleByName, scrapeModType } from './env.ts';
import { initialEnv as predefEnv, tOption } from './predef.ts';
import { hidePathRoot, printSignature as printSig } from './printtyp.ts';
import type { Ident, TImplementation } from './typedtree.ts';
import { setOptionBuilder } from './typetexp.ts';
import { MAX_ERRORS, translSig, truncatedErrors, typeStructure } from './typemod.ts';
import { TypingError } from './errors.ts';
import type { Signature } from './types.ts';

export type { Env } from './env.ts';
export type { Signature } from './types.ts';

setOptionBuilder(tOption);

/**
 * OCaml's predefined types and exceptions. `knownUnits` names the units the
 * driver can load (the standard library's): a misspelt module name is checked
 * against them too, as they may not be loaded (`Strng` suggests `String`).
 */
export function initialEnv(knownUnits: readonly string[] = []): Env {
  return knownUnits.length ? { parent: predefEnv(), knownUnits } : predefEnv();
}

export interface CheckedUnit {
  readonly tree: TImplementation;
  readonly signature: Signature;
  readonly warnings: Diagnostic[];
}

export function typeImplementation(env: Env, ast: Implementation, _moduleName: string): CheckedUnit {
  const ctx = { errors: [] as Diagnostic[], warnings: [] as Diagnostic[] };
  const r = typeStructure(env, ast.items, ctx);
  if (ctx.errors.length) {
    if (truncatedErrors.has(ctx.errors)) {
      const last = ctx.errors[ctx.errors.length - 1]!;
      const note = `mlc stops after ${MAX_ERRORS} errors; the rest of the file was not checked.`;
      ctx.errors[ctx.errors.length - 1] = { ...last, notes: [...(last.notes ?? []), note] };
    }
    throw new CompileError(ctx.errors);
  }
  const span = { file: ast.file, start: 0, end: 0 };
  return {
    tree: { file: ast.file, module: { kind: 'struct', items: r.items, exports: r.exports, span } },
    signature: r.sig,
    warnings: ctx.warnings,
  };
}

/** Checks an interface (`.mli`) and returns its signature. */
export function typeInterface(env: Env, ast: Interface): Signature {
  try {
    return translSig(env, ast.items);
  } catch (e) {
    if (e instanceof TypingError) throw new CompileError([e.diagnostic]);
    throw e;
  }
}

/** Makes a checked unit visible as module `moduleName`. */
export function addUnit(env: Env, _moduleName: string, signature: Signature, id: Ident): Env {
  return addModule(env, id, { kind: 'sig', items: signature }, { kind: 'mlocal', id });
}

/** Opens a unit added with `addUnit` (as OCaml opens Stdlib); its prefix is not printed. */
export function openUnit(env: Env, moduleName: string): Env {
  const m = findModuleByName(env, moduleName);
  if (!m) throw new Error(`openUnit: no unit ${moduleName}`);
  const s = scrapeModType(m.mty);
  if (!s || s.kind !== 'sig') throw new Error(`openUnit: ${moduleName} is not a structure`);
  if (m.path.kind === 'pident') hidePathRoot(m.path.id.stamp);
  return openSignature(env, m.path, m.runtime, s.items);
}

/** The inferred interface, exactly as `ocamlc -i` prints it. */
export function printSignature(signature: Signature): string {
  return printSig(signature);
}
