// Services end to end: each example is built with its device flags, booted by
// the tender with host resources attached, and checked as a user would see it.
// Timing is checked loosely (a lower bound only), never as a benchmark.

import { describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { programTimeoutMs, repoRoot, runMlc } from './harness/cli.ts';

const tmp = mkdtempSync(path.join(os.tmpdir(), 'mlc-services-'));
const example = (p: string) => path.join('examples', p);
const expected = (p: string) => readFileSync(path.join(repoRoot, 'examples', p), 'latin1');
const mlc = (...args: string[]) => runMlc(args, repoRoot);
const T = 4 * programTimeoutMs;

describe('services', () => {
  it('hello prints four times, a second apart', async () => {
    const t0 = Date.now();
    const r = await mlc('run', example('hello/service.ml'));
    expect(r.stdout).toBe(expected('hello/service.expected'));
    expect(r.code).toBe(0);
    expect(Date.now() - t0).toBeGreaterThanOrEqual(3000);
  }, T);

  it('kv reads a baked file and a host file; inspect shows the manifest', async () => {
    const image = path.join(tmp, 'kv.wasm');
    const built = await mlc('build', example('kv/service.ml'), '--kv', 'baked=examples/kv/baked', '--kv-host', 'disk', '-o', image);
    expect(built.stderr).toBe('');
    const inspected = await mlc('inspect', image);
    expect(inspected.stdout).toMatch(/a service\ndevices:\n  console +c\n  kv +disk\n/);
    const r = await mlc('run', image, '--kv-host', 'disk=examples/kv/disk');
    expect(r.stdout).toBe(expected('kv/service.stdout'));
    expect(r.stderr).toContain('attached key-value store "disk"');
  }, T);

  it('an image refuses to boot without a device its manifest declares', async () => {
    const image = path.join(tmp, 'kv2.wasm');
    await mlc('build', example('kv/service.ml'), '--kv', 'baked=examples/kv/baked', '--kv-host', 'disk', '-o', image);
    const r = await mlc('run', image);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('refusing to boot: the image needs key-value store "disk": give --kv-host disk=DIR');
  }, T);

  it('block keeps its state across restarts', async () => {
    const image = path.join(tmp, 'block.wasm');
    const disk = path.join(tmp, 'disk.img');
    await mlc('build', example('block/service.ml'), '-o', image);
    const outputs: string[] = [];
    for (let i = 0; i < 3; i++) outputs.push((await mlc('run', image, '--block', `store=${disk}`)).stdout);
    expect(outputs).toEqual([
      'boot number 1; log: boot 1\n',
      'boot number 2; log: boot 1, boot 2\n',
      'boot number 3; log: boot 1, boot 2, boot 3\n',
    ]);
  }, T);

  it('a Main whose store has no build flag is a located wiring error', async () => {
    const r = await mlc('build', example('kv/service.ml'), '-o', path.join(tmp, 'x.wasm'));
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('File "examples/kv/service.ml", line 8, characters 37-42:');
    expect(r.stderr).toContain(
      "Error: Main's 2nd parameter (Baked : Kv.RO) is a Kv.RO store, and no flag says which one\n" +
        '       Give --kv baked=DIR to bake the files of DIR into the image, or --kv-host baked to attach a\n' +
        '       host directory at run time.',
    );
  }, T);

  it('a parameter no device provides is a located wiring error', async () => {
    const dir = mkdtempSync(path.join(tmp, 'nodev-'));
    const file = path.join(dir, 'service.ml');
    writeFileSync(file, 'module type FOO = sig end\nmodule Main (F : FOO) = struct let start () = Promise.return () end\n');
    const r = await runMlc(['build', 'service.ml'], dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('line 2, characters 17-20');
    expect(r.stderr).toContain("Error: Main's 1st parameter (F : FOO) does not have a device signature\n");
    expect(r.stderr).toContain('chosen by its signature: Console.S, Time.S');
  }, T);
});

describe('guest faults', () => {
  it('Ctrl-C on a guest that never yields still writes what it printed, and exits 130', async () => {
    const file = path.join(tmp, 'spin.ml');
    writeFileSync(file, 'let () = print_endline "before loop"; while true do () done\n');
    const proc = spawn(process.execPath, [path.join(repoRoot, 'bin/mlc.js'), 'run', '-v', file], { cwd: tmp });
    let out = '';
    let err = '';
    proc.stdout!.on('data', (d: Buffer) => (out += d.toString()));
    const exited = new Promise<number | null>((resolve) => proc.on('exit', (code) => resolve(code)));
    await new Promise<void>((resolve) =>
      proc.stderr!.on('data', (d: Buffer) => {
        err += d.toString();
        if (err.includes('booted in')) setTimeout(resolve, 500); // then it is in its loop
      }),
    );
    proc.kill('SIGINT');
    expect(await exited).toBe(130);
    expect(out).toBe('before loop\n');
  }, T);

  it('an image whose manifest was edited to hold terminal escapes is refused, and the escapes are not echoed', async () => {
    const image = path.join(tmp, 'forged.wasm');
    await mlc('build', example('block/service.ml'), '-o', image);
    const bytes = readFileSync(image);
    const at = bytes.indexOf(Buffer.from('"name":"store"'));
    expect(at).toBeGreaterThan(0);
    bytes[at + 8] = 0x1b; // same length, so the section stays well formed
    writeFileSync(image, bytes);
    for (const r of [await mlc('inspect', image), await mlc('run', image, '--block', `store=${path.join(tmp, 'forged.img')}`)]) {
      expect(r.code).not.toBe(0);
      expect(r.stderr).toMatch(/manifest is damaged/);
      expect(r.stdout + r.stderr).not.toContain('\x1b');
    }
  }, T);

  it('a guest that outgrows --memory stops with Out_of_memory, keeps its output, and the tender says how to raise it', async () => {
    const file = path.join(tmp, 'grow.ml');
    writeFileSync(file, 'let rec grow acc n = if n = 0 then acc else grow (n :: acc) (n - 1)\nlet () = print_endline "start"; let l = ref [] in while true do l := grow !l 100000 done\n');
    const r = await runMlc(['run', '--memory', '32', file], tmp);
    expect(r.stdout).toBe('start\n'); // what it printed before is not lost
    expect(r.stderr).toBe('Fatal error: exception Out_of_memory\nmlc: the guest needed more than 32 MiB of heap (raise the limit with --memory)\n');
    expect(r.code).toBe(2);
  }, T);
});

describe('network services', () => {
  it('echo answers many concurrent clients over loopback, with half-close', async () => {
    const { spawn } = await import('node:child_process');
    const net = await import('node:net');
    const image = path.join(tmp, 'echo.wasm');
    expect((await mlc('build', example('echo/service.ml'), '-o', image)).code).toBe(0);
    const server = spawn(process.execPath, ['bin/mlc.js', 'run', image, '--port', '0'], { cwd: repoRoot });
    try {
      const port = await new Promise<number>((resolve, reject) => {
        let err = '';
        server.stderr.on('data', (d: Buffer) => {
          err += d.toString();
          const m = /listening on 127\.0\.0\.1:(\d+)/.exec(err);
          if (m) resolve(Number(m[1]));
        });
        server.on('exit', () => reject(new Error(`server exited: ${err}`)));
      });
      const client = (i: number) =>
        new Promise<string>((resolve, reject) => {
          const s = net.connect(port, '127.0.0.1', () => {
            s.write(`client ${i} `);
            s.end('x'.repeat(100_000)); // more than one read's worth, then half-close
          });
          let got = '';
          s.on('data', (d) => (got += d.toString()));
          s.on('close', () => resolve(got));
          s.on('error', reject);
        });
      const replies = await Promise.all(Array.from({ length: 50 }, (_, i) => client(i)));
      replies.forEach((r, i) => expect(r).toBe(`client ${i} ` + 'x'.repeat(100_000)));
    } finally {
      server.kill();
    }
  }, T);
});
