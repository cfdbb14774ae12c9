// Files as modules: how `mlc` finds a program's other files, and what it says
// when they cannot be put in an order.

import { describe, expect, it } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { programTimeoutMs, runMlc } from './harness/cli.ts';

function project(files: Record<string, string>): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'mlc-units-'));
  for (const [name, text] of Object.entries(files)) writeFileSync(path.join(dir, name), text);
  return dir;
}

describe('files as modules', () => {
  it('a cycle between files is located at each use that closes it', async () => {
    const dir = project({
      'a.ml': 'let x = 1\nlet y = B.z + x\n',
      'b.ml': 'let z = 2\nlet w () = C.v\n',
      'c.ml': 'let v = A.x\n',
    });
    const r = await runMlc(['check', 'a.ml'], dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(
      [
        'File "a.ml", line 2, characters 8-9:',
        '2 | let y = B.z + x',
        '            ^',
        'Error: Circular dependency between modules: A -> B -> C -> A',
        '       Each file may only use modules defined before it; break the cycle by moving the shared part',
        '       into its own file.',
        'File "b.ml", line 2, characters 11-12:',
        '2 | let w () = C.v',
        '               ^',
        '  B uses C here',
        'File "c.ml", line 1, characters 8-9:',
        '1 | let v = A.x',
        '            ^',
        '  C uses A here',
        '',
      ].join('\n'),
    );
  }, programTimeoutMs);

  it('files used in a chain are linked in dependency order', async () => {
    const dir = project({
      'main.ml': 'let () = print_endline (Greeting.text ^ "!")\n',
      'greeting.ml': 'let text = "hello, " ^ Name.name\n',
      'name.ml': 'let () = print_endline "name first"\nlet name = "world"\n',
    });
    const r = await runMlc(['run', 'main.ml'], dir);
    expect(r.stdout).toBe('name first\nhello, world!\n');
    expect(r.code).toBe(0);
  }, programTimeoutMs);

  it("the main file is checked against its own .mli, and -i still prints what it defines", async () => {
    const dir = project({ 'main.ml': 'let x = 1\nlet y = "a"\n', 'main.mli': 'val x : int\nval y : int\n' });
    const r = await runMlc(['check', 'main.ml'], dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('Error: The implementation main.ml does not match the interface main.mli:');
    expect(r.stderr).toContain('File "main.mli", line 2, characters 0-11:');
    const i = await runMlc(['check', '-i', 'main.ml'], dir);
    expect(i.stdout).toBe('val x : int\nval y : string\n');
  }, programTimeoutMs);
});
