// Regressions of the type checker: programs run through `mlc run` against the
// output real OCaml 4.13 gives (test/typing/programs, `.expected` from `ocaml`),
// and error messages checked against OCaml's.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CompileError } from '../../compiler/diagnostics/diagnostic.ts';
import { runMlc } from '../harness/cli.ts';
import { checkWithStdlib } from './helpers.ts';

const programs = join(import.meta.dirname, 'programs');

describe('programs run as in OCaml', () => {
  const single = readdirSync(programs).filter((f) => f.endsWith('.ml'));
  for (const f of single) {
    it(f, async () => {
      const r = await runMlc(['run', f], programs);
      expect(r.stderr).toBe('');
      expect(r.stdout).toBe(readFileSync(join(programs, f.replace(/\.ml$/, '.expected')), 'latin1'));
    }, 60_000);
  }
  // a functor in a .ml matched against `module Make (H : HashedType) : S with type key = H.t` in its .mli
  it('functor_mli', async () => {
    const dir = join(programs, 'functor_mli');
    const r = await runMlc(['run', 'main.ml'], dir);
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe(readFileSync(join(dir, 'main.expected'), 'latin1'));
  }, 60_000);
});

function firstError(text: string): string[] {
  try {
    checkWithStdlib(text);
  } catch (e) {
    if (e instanceof CompileError) {
      const d = e.diagnostics[0]!;
      return [...d.message.split('\n'), ...(d.notes ?? [])];
    }
    throw e;
  }
  return [];
}

describe('error messages', () => {
  it('a failed unification prints the types as they were (not int -> int against int -> int)', () => {
    const lines = firstError('let apply (f : int -> int) = f 1\nlet _ = apply string_of_int\n');
    expect(lines.slice(0, 2)).toEqual(['This expression has type int -> string', 'but an expression was expected of type int -> int']);
  });

  const ESCAPE = 'This form is not allowed as the type of the inlined record could escape.';
  const decl = 'type t = Cons of { mutable next : int } | Nil\n';
  for (const body of ['c', 'let d = c in Cons d', 'ignore c; x', '{ c with next = 2 }; x', '(c : int); x']) {
    it(`an inline record may not escape: ${body}`, () => {
      expect(firstError(`${decl}let f x = match x with Cons c -> ${body} | Nil -> x\n`)[0]).toBe(ESCAPE);
    });
  }
  it('a constructor with an inline record needs a record or its own variable', () => {
    expect(firstError(`${decl}let f r = Cons r\n`)[0]).toBe(ESCAPE);
    expect(firstError(`${decl}let f r = Cons (r : int)\n`)[0]).toBe('This constructor expects an inlined record argument.');
  });

  it('generative functors', () => {
    const f = 'module F () = struct type t = A let x = A end\n';
    expect(firstError(`${f}module X = struct end\nmodule A = F (X)\n`)[0]).toBe('This is a generative functor. It can only be applied to ()');
    expect(firstError(`${f}module G (X : sig end) = struct module M = F (struct end) end\n`)[0]).toBe('This expression creates fresh types.');
    expect(firstError(`${f}module A = F (struct end)\nmodule B = F (struct end)\nlet _ = A.x = B.x\n`)[0]).toBe(
      'This expression has type B.t but an expression was expected of type',
    );
    expect(firstError('module G (X : sig end) = struct end\nmodule H : functor () -> sig end = G\n')).toContain(
      'The functor was expected to be generative at this position',
    );
  });
});
