// The documentation cannot rot: every fenced block of docs/*.md and README.md
// that is a program is built, and run where the docs show what it prints; every
// diagnostic the docs show is mlc's exact text. The conventions are explained
// for writers in docs/README.md; in short, the info string after the fence
// says what a block is:
//
//   ```ocaml                  a whole program. If the next block is
//                             ```text output, it is run and must print that.
//                             A program with a `module Main` is a service:
//                             built with `mlc build` (or run with `mlc run`).
//   ```ocaml service FLAGS    a service built with these build flags
//   ```ocaml fragment         part of a program: not built
//   ```ocaml error: KEY       a program that fails, at compile time or at run
//                             time, with KEY on stderr. KEY may be pieces of
//                             the message: `A ... B`
//   ```ocaml file=PATH        must be the file PATH of the repository, as is
//   ```sh run                 commands run by bash from a scratch directory
//                             that has the repository's docs/ and examples/,
//                             with `npx mlc` being this checkout's mlc; the
//                             blocks of a document share the directory, in
//                             order, except that a `## Step ...` section (of
//                             the tutorial) starts with a fresh one
//   ```sh serve               the first line boots a service with --port N;
//                             the others are curl commands sent to it
//   ```text output            what the block before printed: lines starting
//                             with "mlc: " are looked for on stderr, the
//                             others are stdout, exactly (but "NNN bytes"
//                             stands for any size: images change size)
//   ```text stderr            all that the program before (an ```ocaml block,
//                             after its ```text output if it has one, or an
//                             ```ocaml error: block) printed on stderr,
//                             exactly. Such a program is built on its own,
//                             as the file example.ml. After a ```sh serve
//                             block (and its output): all the service's
//                             stderr, once its clients are done
//   ```text error: KEY        the block before (a ```sh run block, or a
//                             service) failed with KEY on stderr, and the
//                             block is all of its stderr, exactly
//
// A ```text block right after an ```ocaml error: block must be ```text stderr,
// so that no diagnostic is shown unchecked. Any other fence (```sh, ```text,
// ...) is prose. Plain programs with output (and no stderr block) are compiled
// together, as units of one program, to keep builds few; they must print
// nothing on stderr.
//
// MLC_UPDATE_DOCS=1 npx vitest run test/docs.test.ts rewrites the ```text
// stderr and ```text error: blocks in place from mlc's real stderr (the rest
// is still checked); read the diff of the docs, and their prose, afterwards.

import { afterAll, describe, expect, it } from 'vitest';
import { execFile, spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { limiter, poolSize, programTimeoutMs, repoRoot, runMlc } from './harness/cli.ts';

interface Block {
  readonly doc: string; // path relative to the repository
  readonly line: number; // of the opening fence
  readonly end: number; // of the closing fence
  readonly lang: string;
  readonly attrs: string;
  readonly body: string;
  readonly section: string;
  next: Block | null;
}

const where = (b: Block): string => `${b.doc}:${b.line}`;

function parseBlocks(doc: string): Block[] {
  const lines = readFileSync(path.join(repoRoot, doc), 'utf8').split('\n');
  const blocks: Block[] = [];
  let section = '';
  for (let i = 0; i < lines.length; i++) {
    const heading = /^## (.*)/.exec(lines[i]!);
    if (heading) section = heading[1]!;
    const fence = /^```(\S*)\s*(.*)$/.exec(lines[i]!);
    if (!fence) continue;
    const start = i;
    const body: string[] = [];
    for (i++; i < lines.length && lines[i] !== '```'; i++) body.push(lines[i]!);
    const block: Block = {
      doc, line: start + 1, end: i + 1, lang: fence[1]!, attrs: fence[2]!.trim(), body: body.join('\n') + '\n', section, next: null,
    };
    if (blocks.length > 0) blocks[blocks.length - 1]!.next = block;
    blocks.push(block);
  }
  return blocks;
}

const docs = ['README.md', ...readdirSync(path.join(repoRoot, 'docs')).filter((f) => f.endsWith('.md')).map((f) => `docs/${f}`)];
const blocks = docs.flatMap(parseBlocks);
const tmp = mkdtempSync(path.join(os.tmpdir(), 'mlc-docs-'));
const update = process.env.MLC_UPDATE_DOCS === '1';
const pooled = limiter(poolSize);
let scratchCount = 0;
const scratch = (): string => {
  const dir = path.join(tmp, `s${++scratchCount}`);
  mkdirSync(dir);
  return dir;
};

const outputOf = (b: Block): string | null => (b.next?.lang === 'text' && b.next.attrs === 'output' ? b.next.body : null);
const errorKey = (attrs: string): string | null => /^error:\s*(.+)$/.exec(attrs)?.[1] ?? null;
const isService = (b: Block): boolean => b.attrs.startsWith('service') || (b.attrs === '' && /^module Main\b/m.test(b.body));
const isText = (b: Block | null, attrs: string): boolean => b?.lang === 'text' && b.attrs === attrs;
/** The ```text stderr block that shows what a program (or a `sh serve` service) printed on stderr: right after it, or after its output. */
const stderrBlockOf = (b: Block): Block | null =>
  isText(b.next, 'stderr') ? b.next : isText(b.next, 'output') && isText(b.next!.next, 'stderr') ? b.next!.next : null;
/** The ```text error: KEY block right after a block, if any. */
const errorBlockOf = (b: Block): Block | null => (b.next?.lang === 'text' && errorKey(b.next.attrs) !== null ? b.next : null);

/** Output is read as latin1 (byte for byte); the docs are UTF-8. */
const utf8 = (s: string): string => Buffer.from(s, 'latin1').toString('utf8');
// an image's size changes with the compiler: `NNN bytes` matches any size
const sizes = (s: string): string => s.replace(/\b\d+ bytes\b/g, 'N bytes');

/** Checks what a command printed against a ```text output block; null if it matches. */
function compareOutput(expected: string, stdout: string, stderr: string): string | null {
  stdout = sizes(utf8(stdout));
  stderr = utf8(stderr);
  const lines = sizes(expected).split('\n');
  const wantOut = lines.filter((l) => !l.startsWith('mlc: ')).join('\n');
  const wantErr = lines.filter((l) => l.startsWith('mlc: '));
  const problems: string[] = [];
  if (stdout !== wantOut) problems.push(`stdout was:\n${stdout}\nexpected:\n${wantOut}`);
  for (const l of wantErr) if (!stderr.includes(l)) problems.push(`stderr lacks: ${l}\nstderr was:\n${stderr}`);
  return problems.length === 0 ? null : problems.join('\n');
}

/** Checks a failure against a `text error: KEY` block or an `ocaml error: KEY` block. */
function compareError(key: string, code: number | null, stderr: string): string | null {
  stderr = utf8(stderr);
  if (code === 0) return `expected a failure with "${key}", but it succeeded`;
  const missing = keyParts(key).filter((k) => !stderr.includes(k));
  if (missing.length > 0) return `expected "${missing.join('", "')}" on stderr, got (status ${code}):\n${stderr}`;
  return null;
}

/** A key may be several pieces of the message: `A ... B`. */
const keyParts = (key: string): string[] => key.split(' ... ');

/** The new bodies of ```text stderr and ```text error: blocks, written back by the update mode. */
const rewrites: { block: Block; body: string }[] = [];

/**
 * Checks that a block shows all of stderr, exactly; null if it does. In the
 * update mode the block is rewritten instead.
 */
function compareStderr(shown: Block, stderr: string): string | null {
  stderr = utf8(stderr);
  const body = stderr === '' || stderr.endsWith('\n') ? stderr : stderr + '\n';
  if (sizes(body) === sizes(shown.body)) return null;
  if (update) {
    rewrites.push({ block: shown, body });
    return null;
  }
  return `${where(shown)} shows:\n${shown.body}but stderr was:\n${stderr}` +
    `(MLC_UPDATE_DOCS=1 npx vitest run test/docs.test.ts rewrites the block)`;
}

afterAll(() => {
  rmSync(tmp, { recursive: true, force: true });
  const byDoc = new Map<string, { block: Block; body: string }[]>();
  for (const r of rewrites) byDoc.set(r.block.doc, [...(byDoc.get(r.block.doc) ?? []), r]);
  for (const [doc, rs] of byDoc) {
    const file = path.join(repoRoot, doc);
    const lines = readFileSync(file, 'utf8').split('\n');
    // from the end, so that the line numbers of the blocks before stay right
    for (const { block, body } of rs.sort((a, b) => b.block.line - a.block.line)) {
      lines.splice(block.line, block.end - block.line - 1, ...body.replace(/\n$/, '').split('\n'));
    }
    writeFileSync(file, lines.join('\n'));
    console.log(`docs test: rewrote ${rs.length} block(s) of ${doc}: ${rs.map((r) => r.block.line).join(', ')}`);
  }
});

/** bash with `npx mlc` meaning this checkout's mlc, run by the Node that runs the tests. */
function bash(script: string, cwd: string): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const prelude = [
    'set -e -o pipefail',
    `npx() { if [ "$1" = mlc ]; then shift; "${process.execPath}" "${path.join(repoRoot, 'bin/mlc.js')}" "$@"; else echo "docs test: only npx mlc is available" >&2; return 127; fi; }`,
  ].join('\n');
  return new Promise((resolve) => {
    execFile('bash', ['-c', `${prelude}\n${script}`], { cwd, timeout: programTimeoutMs * 4, killSignal: 'SIGKILL', encoding: 'latin1' }, (err, stdout, stderr) => {
      const e = err as (NodeJS.ErrnoException & { code?: unknown }) | null;
      resolve({ code: e === null ? 0 : typeof e.code === 'number' ? e.code : null, stdout, stderr });
    });
  });
}

/** A scratch directory that looks like the repository root to the commands of the docs. */
function sessionDir(): string {
  const dir = scratch();
  for (const d of ['docs', 'examples']) symlinkSync(path.join(repoRoot, d), path.join(dir, d));
  return dir;
}

/** `sh serve`: boots the service of the first line on a free port, runs the other lines against it. */
async function serve(b: Block, cwd: string): Promise<string | null> {
  const [first, ...clients] = b.body.trim().split('\n');
  const m = /^npx mlc (run .*?)--port (\d+)(.*)$/.exec(first!);
  if (!m) return `${where(b)}: a sh serve block starts with "npx mlc run ... --port N"`;
  const docPort = m[2]!;
  const args = `${m[1]}--port 0${m[3]}`.trim().split(/\s+/);
  const proc = spawn(process.execPath, [path.join(repoRoot, 'bin/mlc.js'), ...args], { cwd });
  let stderr = '';
  try {
    const port = await new Promise<string>((resolve, reject) => {
      proc.stderr.on('data', (d: Buffer) => {
        stderr += d.toString('latin1');
        const l = /listening on 127\.0\.0\.1:(\d+)/.exec(stderr);
        if (l) resolve(l[1]!);
      });
      proc.on('exit', () => reject(new Error(`the service exited: ${stderr}`)));
    });
    const r = await bash(clients.join('\n').replaceAll(`127.0.0.1:${docPort}`, `127.0.0.1:${port}`), cwd);
    if (r.code !== 0) return `${where(b)}: the clients failed (status ${r.code}):\n${r.stderr}`;
    const expected = outputOf(b);
    const shown = stderrBlockOf(b);
    const shownErr = (): string => stderr.replaceAll(`127.0.0.1:${port}`, `127.0.0.1:${docPort}`);
    // what the service logs reaches its stderr a moment after the answer
    const wanted = (expected ?? '').split('\n').filter((l) => l.startsWith('mlc: '));
    const arrived = (): boolean =>
      wanted.every((l) => utf8(stderr).includes(l)) && (shown === null || (!update && sizes(utf8(shownErr())) === sizes(shown.body)));
    for (let waited = 0; waited < 2000 && !arrived(); waited += 50) await new Promise((resolve) => setTimeout(resolve, 50));
    const failure = expected === null ? null : compareOutput(expected, r.stdout, shownErr());
    return failure ?? (shown === null ? null : compareStderr(shown, shownErr()));
  } catch (e) {
    return `${where(b)}: ${(e as Error).message}`;
  } finally {
    proc.kill('SIGKILL');
  }
}

/** Runs the sh blocks of one section in order, in one scratch directory. */
async function runSession(shBlocks: Block[]): Promise<string | null> {
  const cwd = sessionDir();
  for (const b of shBlocks) {
    if (b.attrs === 'serve') {
      const failure = await serve(b, cwd);
      if (failure) return failure;
      continue;
    }
    const r = await bash(b.body, cwd);
    const expected = outputOf(b);
    const shown = errorBlockOf(b);
    let failure: string | null;
    if (shown !== null) failure = compareError(errorKey(shown.attrs)!, r.code, r.stderr) ?? compareStderr(shown, r.stderr);
    else if (r.code !== 0) failure = `status ${r.code}\nstdout:\n${r.stdout}\nstderr:\n${r.stderr}`;
    else failure = expected === null ? null : compareOutput(expected, r.stdout, r.stderr);
    if (failure) return `${where(b)}:\n${b.body}${failure}`;
  }
  return null;
}

const T = 10 * programTimeoutMs;

describe('docs', () => {
  it('every block says what it is; file= blocks match their files', () => {
    const problems: string[] = [];
    for (const b of blocks) {
      if (b.lang === 'text' && b.attrs === 'stderr') {
        const owner = blocks.find((o) => ((o.lang === 'ocaml' && o.attrs === '') || errorKey(o.attrs) !== null || (o.lang === 'sh' && o.attrs === 'serve')) && stderrBlockOf(o) === b);
        if (owner === undefined || (owner.lang === 'ocaml' && errorKey(owner.attrs) === null && isService(owner))) {
          problems.push(`${where(b)}: a text stderr block follows a plain program, an ocaml error: block or a sh serve block (or its text output)`);
        }
      }
      if (b.lang === 'text' && errorKey(b.attrs) !== null) {
        const before = blocks.find((o) => o.next === b);
        if (!(before?.lang === 'sh' && before.attrs === 'run') && !(before?.lang === 'ocaml' && isService(before))) {
          problems.push(`${where(b)}: a text error: block follows a sh run block or a service`);
        }
      }
      if (b.lang !== 'ocaml') continue;
      const file = /^file=(\S+)$/.exec(b.attrs)?.[1];
      if (file !== undefined) {
        let text: string;
        try {
          text = readFileSync(path.join(repoRoot, file), 'utf8');
        } catch {
          problems.push(`${where(b)}: no file ${file}`);
          continue;
        }
        if (text !== b.body) problems.push(`${where(b)}: differs from ${file}`);
      } else if (!['', 'fragment'].includes(b.attrs) && !b.attrs.startsWith('service') && errorKey(b.attrs) === null) {
        problems.push(`${where(b)}: unknown info string "ocaml ${b.attrs}"`);
      }
      if (errorKey(b.attrs) !== null && b.next?.lang === 'text' && b.next.attrs !== 'stderr') {
        problems.push(`${where(b.next)}: the text block after an ocaml error: block shows its diagnostic: make it "text stderr"`);
      }
    }
    expect(problems).toEqual([]);
  });

  it('the tutorial files said to be unchanged from a step before are', () => {
    const read = (f: string) => readFileSync(path.join(repoRoot, 'docs/tutorial', f), 'utf8');
    expect(read('step2/main.ml')).toBe(read('step1/main.ml'));
    expect(read('step2/cheat.ml')).toBe(read('step1/cheat.ml'));
    for (const step of ['step4', 'step5', 'step6']) expect(read(`${step}/tally.ml`), step).toBe(read('step3/tally.ml'));
  });

  const plain = blocks.filter((b) => b.lang === 'ocaml' && b.attrs === '' && !isService(b));
  const programs = plain.filter((b) => stderrBlockOf(b) === null);
  it.concurrent(`plain programs (${programs.length}) print what the docs show`, async () => {
    // One program whose units are the blocks, each after a unit printing a marker.
    const dir = scratch();
    const main: string[] = [];
    programs.forEach((b, i) => {
      const n = String(i + 1).padStart(3, '0');
      writeFileSync(path.join(dir, `m${n}.ml`), `let () = print_string "<<<block ${i + 1}>>>\\n"\n`);
      writeFileSync(path.join(dir, `b${n}.ml`), b.body);
      main.push(`module K${n} = M${n}`, `module C${n} = B${n}`);
    });
    writeFileSync(path.join(dir, 'main.ml'), main.join('\n') + '\n');
    const r = await pooled(() => runMlc(['run', 'main.ml'], dir));
    const blame = (text: string): string =>
      text.replace(/File "b(\d+)\.ml", line (\d+)/g, (_m, n: string, l: string) => {
        const b = programs[Number(n) - 1]!;
        return `${b.doc}, line ${b.line + Number(l)}`;
      });
    expect(r.code, blame(r.stderr)).toBe(0);
    // a warning the docs do not show would surprise a reader who runs the program
    expect(blame(r.stderr), 'stderr').toBe('');
    const segments = r.stdout.split(/<<<block (\d+)>>>\n/);
    const problems: string[] = [];
    programs.forEach((b, i) => {
      const expected = outputOf(b);
      const got = segments[2 * (i + 1)] ?? '';
      if (expected !== null && got !== expected) problems.push(`${where(b)} printed:\n${got}expected:\n${expected}`);
    });
    expect(problems).toEqual([]);
  }, T);

  // programs that succeed but print on stderr (a warning): built alone, as example.ml
  for (const b of plain.filter((x) => stderrBlockOf(x) !== null)) {
    it.concurrent(`${where(b)}: the program prints what the docs show, and its stderr`, async () => {
      const dir = scratch();
      writeFileSync(path.join(dir, 'example.ml'), b.body);
      const r = await pooled(() => runMlc(['run', 'example.ml'], dir));
      expect(r.code, r.stderr).toBe(0);
      const expected = outputOf(b);
      if (expected !== null) expect(compareOutput(expected, r.stdout, '')).toBeNull();
      expect(compareStderr(stderrBlockOf(b)!, r.stderr)).toBeNull();
    }, T);
  }

  for (const b of blocks.filter((x) => x.lang === 'ocaml' && errorKey(x.attrs) !== null)) {
    const key = errorKey(b.attrs)!;
    it.concurrent(`${where(b)} fails with "${key}"`, async () => {
      const dir = scratch();
      writeFileSync(path.join(dir, 'example.ml'), b.body);
      // `run`: a compile error stops it as `build` would, and a program that
      // fails at run time (an uncaught exception) fails it too
      const r = await pooled(() => runMlc(['run', 'example.ml'], dir));
      expect(compareError(key, r.code, r.stderr)).toBeNull();
      const shown = stderrBlockOf(b);
      if (shown !== null) expect(compareStderr(shown, r.stderr)).toBeNull();
    }, T);
  }

  for (const b of blocks.filter((x) => x.lang === 'ocaml' && x.attrs !== 'fragment' && errorKey(x.attrs) === null && isService(x))) {
    const flags = b.attrs.replace(/^service\s*/, '').split(/\s+/).filter((f) => f !== '');
    const expected = outputOf(b);
    const shown = errorBlockOf(b);
    const runs = expected !== null || shown !== null;
    it.concurrent(`${where(b)}: the service ${runs ? 'runs as the docs show' : 'builds'}`, async () => {
      const dir = scratch();
      writeFileSync(path.join(dir, 'service.ml'), b.body);
      const args = runs ? ['run', 'service.ml', ...flags] : ['build', 'service.ml', ...flags, '-o', 'service.wasm'];
      const r = await pooled(() => runMlc(args, dir));
      if (shown !== null) {
        expect(compareError(errorKey(shown.attrs)!, r.code, r.stderr)).toBeNull();
        return expect(compareStderr(shown, r.stderr)).toBeNull();
      }
      expect(r.code, r.stderr).toBe(0);
      if (expected !== null) expect(compareOutput(expected, r.stdout, r.stderr)).toBeNull();
    }, T);
  }

  const sessions = new Map<string, Block[]>();
  for (const b of blocks.filter((x) => x.lang === 'sh' && (x.attrs === 'run' || x.attrs === 'serve'))) {
    // a document is one session, except that each step of a tutorial starts afresh
    const key = b.section.startsWith('Step ') ? `${b.doc} § ${b.section}` : b.doc;
    sessions.set(key, [...(sessions.get(key) ?? []), b]);
  }
  for (const [name, shBlocks] of sessions) {
    it.concurrent(`${name}: the commands print what the docs show`, async () => {
      expect(await pooled(() => runSession(shBlocks))).toBeNull();
    }, T);
  }
});
