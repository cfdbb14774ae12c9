// The `mlc` command line: build, run, check. Exit status 0 on success, 2 on a
// compile error or an uncaught exception (as OCaml), and a one-line message for
// a missing file or a bad flag.

import { Command, CommanderError, Option } from 'commander';
import { existsSync, readFileSync, realpathSync, statSync, writeFileSync } from 'node:fs';
import { isIP } from 'node:net';
import { readManifest, type RunFlags } from '../../runtime/attach.ts';
import { bootImage, DEFAULT_MEMORY_MB } from '../../runtime/boot.ts';
import { CompileError, type Diagnostic } from '../diagnostics/diagnostic.ts';
import { renderDiagnostic, renderJson, wantColor } from '../diagnostics/render.ts';
import { compileOnWorker, isStackOverflow } from './compile-worker.ts';
import { build, type BuildOptions, type Stage } from './pipeline.ts';
import type { ServiceFlags } from './service.ts';

const stages: Stage[] = ['parse', 'typing', 'lambda', 'wat', 'wasm'];

interface CommonFlags {
  errorFormat: 'text' | 'json';
  verbose?: boolean;
  dump?: Stage[];
  stopAfter?: Stage;
  O: string;
}

function report(diags: Diagnostic[], flags: CommonFlags): void {
  const color = flags.errorFormat === 'text' && wantColor(process.stderr);
  for (const d of diags) {
    process.stderr.write((flags.errorFormat === 'json' ? renderJson(d) : renderDiagnostic(d, { color })) + '\n');
  }
}

/** How the current command prints diagnostics; set before its action runs. */
let errorFormat: 'text' | 'json' = 'text';

/** A driver error (a flag, a file): one line, or one JSON diagnostic for editors. */
function fail(message: string): never {
  if (errorFormat === 'json') process.stderr.write(`${renderJson({ severity: 'error', phase: 'driver', span: null, message })}\n`);
  else process.stderr.write(`mlc: ${message}\n`);
  process.exit(2);
}

function requireFile(path: string, exts: string[]): void {
  if (!exts.some((e) => path.endsWith(e))) fail(`${path}: expected a file ending in ${exts.join(' or ')}`);
  if (!existsSync(path)) fail(`${path}: no such file`);
  if (!statSync(path).isFile()) fail(`${path}: not a file`);
}

// A closed pipe (`mlc build --dump wat | head`) is the reader's choice, not an error.
process.stdout.on('error', (e: NodeJS.ErrnoException) => {
  if (e.code === 'EPIPE') process.exit(0);
  throw e;
});

/** Builds `path`; prints diagnostics; returns the image or exits with status 2. */
async function compile(path: string, flags: CommonFlags, extra: Partial<BuildOptions> = {}) {
  const options = {
    optimize: Number(flags.O),
    dumpStages: flags.dump ?? [],
    ...(flags.stopAfter ? { stopAfter: flags.stopAfter } : {}),
    ...extra,
  };
  // dumps wait for the end, so that a retry on the worker does not print them twice
  const dumps: string[] = [];
  const done = (r: { timings: { stage: string; ms: number }[] }): void => {
    for (const text of dumps) process.stdout.write(text + '\n');
    if (flags.verbose) {
      for (const t of r.timings) process.stderr.write(`mlc: ${t.stage}: ${t.ms.toFixed(1)} ms\n`);
    }
  };
  try {
    const result = await build(path, { ...options, dump: (_stage, text) => dumps.push(text) });
    report(result.warnings, flags);
    done(result);
    return result;
  } catch (e) {
    if (!isStackOverflow(e)) {
      // what was dumped before the failure is what one debugs it with
      for (const text of dumps) process.stdout.write(text + '\n');
      if (!(e instanceof CompileError)) throw e;
      report(e.diagnostics, flags);
      process.exit(2);
    }
  }
  // Too deep for the main thread's stack: again, on a thread with a large one.
  const color = flags.errorFormat === 'text' && wantColor(process.stderr);
  const reply = await compileOnWorker({ path, options, errorFormat: flags.errorFormat, color });
  if (reply.kind === 'too-deep') {
    fail(`${path}: this program is nested too deeply for mlc (tens of thousands of levels of one construct); split it into smaller definitions`);
  }
  if (reply.kind === 'rejected') {
    for (const text of reply.diagnostics) process.stderr.write(text + '\n');
    process.exit(2);
  }
  for (const text of reply.warnings) process.stderr.write(text + '\n');
  dumps.length = 0;
  for (const [, text] of reply.dumps) dumps.push(text);
  done(reply);
  return { wasm: reply.wasm, interfaceText: reply.interfaceText };
}

const collect = (value: string, previous: string[] = []): string[] => [...previous, value];

/** `NAME=VALUE` pairs from repeated flags, or exits with a one-line message. */
function pairs(flag: string, values: string[] | undefined, valueRequired: boolean): Map<string, string> {
  const out = new Map<string, string>();
  for (const v of values ?? []) {
    const eq = v.indexOf('=');
    const name = eq < 0 ? v : v.slice(0, eq);
    if (!/^[a-z_][a-z0-9_']*$/.test(name)) fail(`${flag} ${v}: a device name is a lowercase identifier, like "store"`);
    if (eq < 0 && valueRequired) fail(`${flag} ${v}: expected ${flag} ${name}=${flag === '--block' ? 'FILE' : 'DIR'}`);
    if (out.has(name)) fail(`${flag} ${name} is given twice; give each device once`);
    out.set(name, eq < 0 ? '' : v.slice(eq + 1));
  }
  return out;
}

interface DeviceFlags {
  kv?: string[];
  kvHost?: string[];
  block?: string[];
  port?: string[];
  address?: string;
}

/** `--port 8080` (the first listen) or `--port 80:8080` (guest port 80 on host port 8080). */
function netConfig(flags: DeviceFlags): RunFlags['net'] {
  const ports = new Map<number, number>();
  let defaultPort: number | null = null;
  const portNumber = (s: string, v: string): number => {
    const n = Number(s);
    if (!/^\d+$/.test(s) || n > 65535) fail(`--port ${v}: expected a port number (0-65535), or GUEST:HOST`);
    return n;
  };
  for (const v of flags.port ?? []) {
    const parts = v.split(':');
    if (parts.length > 2) fail(`--port ${v}: expected a port number (0-65535), or GUEST:HOST`);
    const [a, b] = parts;
    if (b === undefined) defaultPort = portNumber(a!, v);
    else ports.set(portNumber(a!, v), portNumber(b, v));
  }
  const address = flags.address ?? '127.0.0.1';
  if (isIP(address) === 0) fail(`--address ${JSON.stringify(address)}: expected an IP address such as 127.0.0.1 or ::1`);
  return { address, ports, defaultPort };
}

function serviceFlags(flags: DeviceFlags): ServiceFlags {
  const kvBaked = pairs('--kv', flags.kv, true);
  const kvHost = new Set(pairs('--kv-host', flags.kvHost, false).keys());
  for (const name of kvHost) {
    if (kvBaked.has(name)) fail(`store ${name} is given both --kv (baked into the image) and --kv-host (read at run time); choose one`);
  }
  return { kvBaked, kvHost };
}

function runFlags(flags: DeviceFlags): RunFlags {
  const kvHost = pairs('--kv-host', flags.kvHost, false);
  for (const [name, dir] of kvHost) if (dir === '') fail(`--kv-host ${name}: at run time, give the directory: --kv-host ${name}=DIR`);
  return { block: pairs('--block', flags.block, true), kvHost, net: netConfig(flags) };
}

function buildDeviceFlags(cmd: Command): Command {
  return cmd
    .addOption(
      new Option('--net <stack>', 'network stack for Net.S parameters: host sockets (a pure-ML TCP/IP stack is not available yet)')
        .choices(['socket'])
        .default('socket'),
    )
    .option('--kv <name=dir>', 'bake directory DIR into the image as key-value store NAME', collect)
    .option('--kv-host <name>', 'key-value store NAME is a host directory attached at run time', collect);
}

function common(cmd: Command): Command {
  return cmd
    .addOption(new Option('--error-format <format>', 'how to print diagnostics').choices(['text', 'json']).default('text'))
    .addOption(new Option('--dump <stage...>', 'print a stage\'s output').choices(stages))
    .addOption(new Option('--stop-after <stage>', 'stop after a stage').choices(stages))
    .addOption(new Option('-O <level>', 'optimisation level').choices(['0', '1', '2', '3']).default('2'))
    .option('-v, --verbose', 'say what the build did and how long each stage took');
}

const program = new Command();
program
  .hook('preAction', (_program, command) => {
    errorFormat = command.opts().errorFormat === 'json' ? 'json' : 'text';
  })
  .name('mlc')
  .description('Compile ML (a subset of OCaml) to WebAssembly images and run them')
  .exitOverride()
  .configureOutput({ writeErr: (s) => process.stderr.write(s) });

buildDeviceFlags(common(program.command('build').description('compile FILE.ml to a WebAssembly image')))
  .argument('<file>', 'the program or service (.ml)')
  .option('-o, --output <out>', 'where to write the image (default: FILE.wasm)')
  .action(async (file: string, flags: CommonFlags & DeviceFlags & { output?: string }) => {
    requireFile(file, ['.ml']);
    const out = flags.output ?? file.replace(/\.ml$/, '.wasm');
    // never put an image where a source was (checked before the work of compiling)
    if (/\.mli?$/i.test(out) || (existsSync(out) && realpathSync(out) === realpathSync(file))) {
      fail(`-o ${out}: that is a source file; the image goes in a .wasm file`);
    }
    const result = await compile(file, flags, { service: serviceFlags(flags) });
    if (!result.wasm) return;
    try {
      writeFileSync(out, result.wasm);
    } catch (e) {
      fail(`cannot write ${out}: ${(e as Error).message}`);
    }
    if (flags.verbose) process.stderr.write(`mlc: wrote ${out} (${result.wasm.length} bytes)\n`);
  });

buildDeviceFlags(common(program.command('run').description('compile and run FILE.ml, or run an image FILE.wasm')))
  .argument('<file>', 'the program (.ml) or image (.wasm)')
  .option('--block <name=file>', 'attach FILE as block device NAME', collect)
  .option('--port <port>', 'host port for the service\'s listener: N, or GUEST:HOST', collect)
  .option('--address <ip>', 'host address the network stack listens on (default 127.0.0.1)')
  .option('--memory <MiB>', `the guest's heap limit in MiB (default ${DEFAULT_MEMORY_MB})`)
  .action(async (file: string, flags: CommonFlags & DeviceFlags & { memory?: string }) => {
    requireFile(file, ['.ml', '.wasm']);
    const attach = runFlags(flags);
    const memory = flags.memory === undefined ? DEFAULT_MEMORY_MB : Number(flags.memory);
    if (!/^\d+$/.test(flags.memory ?? '0') || memory < 16 || memory > 65536)
      fail(`--memory ${flags.memory}: expected a heap size in MiB, from 16 to 65536`);
    let image: Uint8Array;
    if (file.endsWith('.wasm')) image = readFileSync(file);
    else {
      const result = await compile(file, flags, { service: serviceFlags(flags) });
      if (!result.wasm) return;
      image = result.wasm;
    }
    // exit at once: our stdin may still hold data no device will read
    process.exit(await bootImage(image, attach, flags.verbose === true, memory));
  });

program
  .command('inspect')
  .description("print an image's size and the devices its manifest declares")
  .argument('<image>', 'the image (.wasm)')
  .action(async (file: string) => {
    requireFile(file, ['.wasm']);
    const bytes = readFileSync(file);
    let module: WebAssembly.Module;
    try {
      module = await WebAssembly.compile(bytes);
    } catch (e) {
      fail(`${file}: not a valid image (${(e as Error).message})`);
    }
    let manifest;
    try {
      manifest = readManifest(module);
    } catch (e) {
      fail(`${file}: ${(e as Error).message}`);
    }
    const service = WebAssembly.Module.customSections(module, 'mlc.manifest').length > 0;
    process.stdout.write(`${file}: ${bytes.length} bytes, ${service ? 'a service' : 'a program'}\n`);
    if (service) {
      process.stdout.write(manifest.length === 0 ? 'devices: none\n' : 'devices:\n');
      for (const d of manifest) process.stdout.write(`  ${d.kind.padEnd(8)} ${d.name}\n`);
    }
  });

common(program.command('check').description('parse and type-check FILE.ml'))
  .argument('<file>', 'the program (.ml)')
  .option('-i', 'print the inferred interface, as ocamlc -i does')
  .action(async (file: string, flags: CommonFlags & { i?: boolean }) => {
    requireFile(file, ['.ml']);
    const result = await compile(file, flags, {
      stopAfter: flags.stopAfter ?? 'typing',
      wantInterface: flags.i === true,
    });
    if (result.interfaceText !== null) process.stdout.write(result.interfaceText);
  });

try {
  await program.parseAsync(process.argv);
} catch (e) {
  if (e instanceof CommanderError) {
    // --help and --version are not errors; anything else is a bad command line
    process.exit(e.exitCode === 0 ? 0 : 2);
  }
  throw e;
}
