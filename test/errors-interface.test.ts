// An implementation that does not match its interface (`tally.ml` against
// `tally.mli`): the message names both files and shows only the failing
// components, never the implementation's whole signature (which holds every
// component of `Map.Make (String)` here), each placed at its declaration.
// The catalogue (test/errors) cannot hold these: they need a second unit.

import { afterAll, describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { programTimeoutMs, runMlc } from './harness/cli.ts';

const dir = mkdtempSync(path.join(os.tmpdir(), 'mlc-interface-'));

const tally = `module Pages = Map.Make (String)

type t = { mutable counts : int Pages.t }

let create () = { counts = Pages.empty }

let count t page = Option.value (Pages.find_opt page t.counts) ~default:0
`;

/** `mlc check main.ml` in a folder of its own holding `tally.ml` and `tally.mli`. */
async function check(name: string, mli: string, main: string, json = false): Promise<string> {
  const d = path.join(dir, name);
  const write = (f: string, text: string): void => writeFileSync(path.join(d, f), text);
  mkdirSync(d);
  write('tally.ml', tally);
  write('tally.mli', mli);
  write('main.ml', main);
  const out = await runMlc(['check', ...(json ? ['--error-format=json'] : []), 'main.ml'], d);
  expect(out.code).toBe(2);
  return out.stderr;
}

describe('an implementation against its interface', () => {
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('a value the interface declares and the implementation lacks: at the declaration, with a hint', async () => {
    const mli = 'type t\n\nval create : unit -> t\nval count : t -> string -> int\nval total : t -> int\n';
    const err = await check('missing', mli, 'let () = print_int (Tally.count (Tally.create ()) "index")\n');
    expect(err).toBe(
      [
        'File "tally.mli", line 5, characters 0-20:',
        '5 | val total : t -> int',
        '    ^^^^^^^^^^^^^^^^^^^^',
        'Error: The implementation tally.ml does not match the interface tally.mli:',
        '       The value `total` is required but not provided',
        '       Hint: define `total` in tally.ml, or remove its `val` from tally.mli.',
        '',
      ].join('\n'),
    );
  }, programTimeoutMs);

  it('a value of another type: at the implementation, with the declaration as a related place', async () => {
    const mli = 'type t\n\nval create : unit -> t\nval count : t -> int -> int\n';
    const err = await check('wrong-type', mli, 'let () = print_int (Tally.count (Tally.create ()) 1)\n');
    expect(err).toBe(
      [
        'File "tally.ml", line 7, characters 4-9:',
        '7 | let count t page = Option.value (Pages.find_opt page t.counts) ~default:0',
        '        ^^^^^',
        'Error: The implementation tally.ml does not match the interface tally.mli:',
        '       Values do not match:',
        '         val count : t -> Pages.key -> int',
        '       is not included in',
        '         val count : t -> int -> int',
        '       The types differ in the 2nd argument: Pages.key here, int expected.',
        'File "tally.mli", line 4, characters 0-27:',
        '4 | val count : t -> int -> int',
        '    ^^^^^^^^^^^^^^^^^^^^^^^^^^^',
        '  The interface tally.mli declares value `count` here',
        '',
      ].join('\n'),
    );
  }, programTimeoutMs);

  it('in JSON: the whole message in `message`, only the explanation in `notes`', async () => {
    const mli = 'type t\n\nval create : unit -> t\nval count : t -> int -> int\n';
    const err = await check('json', mli, 'let () = print_int (Tally.count (Tally.create ()) 1)\n', true);
    const d = JSON.parse(err.split('\n')[0]!) as { message: string; notes: string[]; related: { file: string; line: number }[] };
    expect(d.message).toBe(
      'The implementation tally.ml does not match the interface tally.mli:\nValues do not match:\n' +
        '  val count : t -> Pages.key -> int\nis not included in\n  val count : t -> int -> int',
    );
    expect(d.notes).toEqual(['The types differ in the 2nd argument: Pages.key here, int expected.']);
    expect(d.related).toMatchObject([{ file: 'tally.mli', line: 4 }]);
  }, programTimeoutMs);
});
