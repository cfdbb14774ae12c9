// Files as modules: `foo.ml` (with an optional `foo.mli`) is module `Foo`.
//
// The driver starts from the main file, finds which capitalised module names
// it mentions, and looks for `name.ml` beside it; it repeats for those files,
// then orders the units so that each comes after the units it uses, reporting a
// cycle as OCaml's linker would refuse it. A unit with an interface is checked
// against it, and other units see only the interface.

import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { CompileError, error } from '../diagnostics/diagnostic.ts';
import type { Implementation, ModPath, SigItem, Span, StructItem } from '../syntax/ast.ts';

export interface UnitFile {
  readonly name: string; // the module name, `Foo`
  readonly ml: string;
  readonly mli: string | null;
}

export function moduleNameOf(path: string): string {
  const base = path.split('/').pop()!.replace(/\.mli?$/, '');
  return base.charAt(0).toUpperCase() + base.slice(1);
}

/** The file that would define module `name` in `dir`, as OCaml looks for it. */
function fileFor(dir: string, name: string): UnitFile | null {
  for (const base of [name.charAt(0).toLowerCase() + name.slice(1), name]) {
    const ml = join(dir, `${base}.ml`);
    if (existsSync(ml)) {
      const mli = join(dir, `${base}.mli`);
      return { name, ml, mli: existsSync(mli) ? mli : null };
    }
  }
  return null;
}

/** The units the main file needs, dependencies first; `parse` reads a unit. */
export function discoverUnits(
  mainPath: string,
  parse: (path: string) => Implementation,
): { unit: UnitFile; ast: Implementation }[] {
  const dir = dirname(mainPath);
  // the main file is checked against its own interface too, as ocamlopt would
  const mainMli = mainPath.replace(/\.ml$/, '.mli');
  const main: UnitFile = { name: moduleNameOf(mainPath), ml: mainPath, mli: mainMli !== mainPath && existsSync(mainMli) ? mainMli : null };
  const found = new Map<string, { unit: UnitFile; ast: Implementation; deps: string[]; mentions: Map<string, Span> }>();
  const visit = (unit: UnitFile): void => {
    if (found.has(unit.name)) return;
    const ast = parse(unit.ml);
    const entry = { unit, ast, deps: [] as string[], mentions: new Map<string, Span>() };
    found.set(unit.name, entry);
    for (const name of mentionedModules(ast.items, entry.mentions)) {
      if (name === unit.name) continue;
      const dep = fileFor(dir, name);
      // a name that is a file beside us wins over a standard library module, as in OCaml
      if (!dep) continue;
      if (dep.ml === mainPath && unit !== main) {
        entry.deps.push(main.name);
        continue;
      }
      entry.deps.push(dep.name);
      visit(dep);
    }
  };
  visit(main);

  // Depth-first topological order; a back edge is a cycle.
  const order: { unit: UnitFile; ast: Implementation }[] = [];
  const state = new Map<string, 'visiting' | 'done'>();
  const stack: string[] = [];
  const walk = (name: string): void => {
    const s = state.get(name);
    if (s === 'done') return;
    if (s === 'visiting') {
      const cycle = [...stack.slice(stack.indexOf(name)), name];
      // located where the first module of the cycle names the second, with
      // each later link of the cycle as a related place
      const use = (i: number) => found.get(cycle[i]!)!.mentions.get(cycle[i + 1]!);
      const related = cycle.slice(1, -1).flatMap((m, k) => {
        const span = use(k + 1);
        return span ? [{ span, message: `${m} uses ${cycle[k + 2]} here` }] : [];
      });
      throw new CompileError([{
        ...error('module', use(0) ?? null, `Circular dependency between modules: ${cycle.join(' -> ')}`, [
          'Each file may only use modules defined before it; break the cycle by moving the shared part into its own file.',
        ]),
        related,
      }]);
    }
    state.set(name, 'visiting');
    stack.push(name);
    const entry = found.get(name)!;
    for (const d of entry.deps) walk(d);
    stack.pop();
    state.set(name, 'done');
    order.push({ unit: entry.unit, ast: entry.ast });
  };
  walk(main.name);
  return order;
}

/** Every capitalised name used as a module (the first component of a path). */
export function mentionedModules(items: readonly (StructItem | SigItem)[], firstMention?: Map<string, Span>): Set<string> {
  const out = new Set<string>();
  const path = (p: ModPath | null): void => {
    if (!p) return;
    if (p.kind === 'mident') {
      out.add(p.name);
      if (firstMention && !firstMention.has(p.name)) firstMention.set(p.name, p.span);
    }
    else if (p.kind === 'mdot') path(p.base);
    else if (p.kind === 'mapply') {
      path(p.fn);
      path(p.arg);
    } else walk(p); // a module expression applying a functor (`F (struct ... end)`)
  };
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) {
      for (const n of node) walk(n);
      return;
    }
    if (node === null || typeof node !== 'object') return;
    const n = node as { kind?: string } & Record<string, unknown>;
    if (n.kind === 'mident' || n.kind === 'mdot' || n.kind === 'mapply') {
      path(n as unknown as ModPath);
      return;
    }
    if ('path' in n && 'name' in n && 'span' in n && !('kind' in n)) {
      path(n.path as ModPath | null); // a LongIdent
    }
    for (const key in n) {
      if (key === 'span' || key === 'nameSpan') continue;
      const v = n[key];
      if (v && typeof v === 'object' && !(v instanceof Uint8Array)) walk(v);
    }
  };
  walk(items);
  return out;
}
