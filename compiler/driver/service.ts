// Services: a unit whose `Main` is a functor over devices (or a plain module
// with `start`). The build reads Main's parameters, picks an implementation for
// each from its signature and the build flags, and writes the wiring as one
// more ML unit, which the ordinary pipeline checks and compiles:
//
//   module Dev_store = Block.Host (struct let device = 0 end)
//   module App = Service.Main (Dev_store)
//   let () = Host.run (fun () -> App.start (Dev_store.connect ()))
//
// Devices with host resources (console, block, kv read at run time) are listed
// in the image's manifest, in order; the tender attaches them by name.

import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { CompileError, error, type Diagnostic } from '../diagnostics/diagnostic.ts';
import { sourceOf } from '../diagnostics/source.ts';
import type { Expr, Implementation, ModExpr, ModType, Pattern, Span, StructItem } from '../syntax/ast.ts';
import { moduleNameOf } from './units.ts';

export interface ServiceFlags {
  /** `--kv NAME=DIR`: bake DIR into the image as read-only store NAME. */
  readonly kvBaked: ReadonlyMap<string, string>;
  /** `--kv-host NAME`: store NAME is a directory attached at run time. */
  readonly kvHost: ReadonlySet<string>;
}

export interface ManifestDevice {
  readonly kind: 'console' | 'block' | 'kv' | 'net';
  readonly name: string;
}

export interface Wiring {
  /** Extra ML units to compile after the user's, in order. */
  readonly units: { name: string; source: string }[];
  readonly manifest: ManifestDevice[];
}

/** The library units generated wiring may refer to. */
export const serviceModules = ['Host', 'Promise', 'Console', 'Time', 'Mclock', 'Pclock', 'Entropy', 'Kv', 'Block', 'Net'];

/** What a device signature needs, by the name the user wrote for it. */
const deviceSignatures: Record<string, { kind: string; stateful: boolean }> = {
  'Console.S': { kind: 'console', stateful: true },
  'Time.S': { kind: 'time', stateful: false },
  'Mclock.S': { kind: 'mclock', stateful: false },
  'Pclock.S': { kind: 'pclock', stateful: false },
  'Entropy.S': { kind: 'entropy', stateful: false },
  'Kv.RO': { kind: 'kv-ro', stateful: true },
  'Kv.RW': { kind: 'kv-rw', stateful: true },
  'Block.S': { kind: 'block', stateful: true },
  'Net.S': { kind: 'net', stateful: true },
  'Stack.S': { kind: 'net', stateful: true },
};

interface Param {
  readonly name: string;
  readonly signature: string;
  readonly span: Span;
}

const ordinal = (n: number): string => `${n}${n % 10 === 1 && n !== 11 ? 'st' : n % 10 === 2 && n !== 12 ? 'nd' : n % 10 === 3 && n !== 13 ? 'rd' : 'th'}`;

/** What the source shows of Main's `start`: where it is, and how many parameters it takes. */
interface StartInfo {
  readonly span: Span;
  /** Parameters of a syntactic function (`let start a b = ...`); null when not visible. */
  readonly arity: number | null;
}

export interface MainInfo {
  readonly params: Param[];
  readonly span: Span;
  /**
   * Main's `start`; null when its structure has none, undefined when the body
   * cannot be read (an `include`, a functor application).
   */
  readonly start: StartInfo | null | undefined;
}

/** Main's functor parameters, or null if the unit has no `Main` (a plain program). */
export function findMain(ast: Implementation): MainInfo | null {
  for (const item of ast.items) {
    if (item.kind !== 'smodule' || item.name !== 'Main') continue;
    return { ...functorParams(item.module), span: item.nameSpan };
  }
  return null;
}

function functorParams(module: ModExpr): { params: Param[]; start: StartInfo | null | undefined } {
  const params: Param[] = [];
  let m: ModExpr = module;
  while (m.kind === 'mconstraint') m = m.module;
  while (m.kind === 'mfunctor') {
    for (const p of m.params) {
      params.push({ name: p.name ?? '_', signature: p.type ? signatureName(p.type) : '()', span: p.type?.span ?? p.span });
    }
    m = m.body;
    while (m.kind === 'mconstraint') m = m.module;
  }
  return { params, start: m.kind === 'mstruct' ? findStart(m.items) : undefined };
}

function findStart(items: readonly StructItem[]): StartInfo | null | undefined {
  let found: StartInfo | null = null;
  for (const item of items) {
    if (item.kind === 'sinclude') return undefined;
    if (item.kind !== 'slet') continue;
    for (const b of item.bindings) {
      let pat: Pattern = b.pat;
      while (pat.kind === 'pconstraint') pat = pat.pat;
      if (pat.kind === 'pvar' && pat.name === 'start') found = { span: pat.span, arity: arityOf(b.expr) };
    }
  }
  return found;
}

/** Positional parameters of a syntactic function, or null if they cannot be counted. */
function arityOf(e: Expr): number | null {
  let n = 0;
  while (true) {
    if (e.kind === 'constraint') e = e.expr;
    else if (e.kind === 'fun') {
      if (e.params.some((p) => p.label.kind !== 'nolabel')) return null;
      n += e.params.length;
      e = e.body;
    } else if (e.kind === 'function') return n + 1;
    else return n === 0 ? null : n;
  }
}

const knownSignatures = Object.keys(deviceSignatures);

/** Known signatures close to `name`: the same module's, or a small spelling difference. */
function nearSignatures(name: string): string[] {
  const [mod] = name.split('.');
  const sameModule = knownSignatures.filter((k) => k.split('.')[0] === mod);
  if (sameModule.length > 0) return sameModule;
  const lower = name.toLowerCase();
  return knownSignatures.filter((k) => {
    const a = k.toLowerCase();
    if (Math.abs(a.length - lower.length) > 2) return false;
    let diff = 0;
    for (let i = 0; i < Math.max(a.length, lower.length); i++) if (a[i] !== lower[i]) diff++;
    return diff <= 2;
  });
}

function describeParams(params: readonly Param[], keep: (p: Param) => boolean): string {
  const shown = params.filter(keep).map((p) => `${p.name.toLowerCase()} (${p.name} : ${p.signature})`);
  return shown.length === 0 ? 'none' : shown.join(', ');
}

/** How messages name Main's parameter number i (from 0). */
const parameterAt = (p: Param, i: number): string => `Main's ${ordinal(i + 1)} parameter (${p.name} : ${p.signature})`;
const plural = (n: number, what: string): string => `${n} ${what}${n === 1 ? '' : 's'}`;
const capitalize = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);

/**
 * What can be checked of a service before type checking, from its source and
 * the build flags: Main's parameters name device signatures, the store flags
 * name parameters, and `start` takes one argument per device with state.
 * Throws a CompileError listing every problem found.
 */
export function preflightService(ast: Implementation, flags: ServiceFlags): void {
  const problems: Diagnostic[] = [];
  const main = findMain(ast);
  const storeFlags = [
    ...[...flags.kvBaked].map(([name, dir]) => ({ name, text: `--kv ${name}=${dir}` })),
    ...[...flags.kvHost].map((name) => ({ name, text: `--kv-host ${name}` })),
  ];
  if (!main) {
    // A functor over devices that is not called Main would silently build as a program that does nothing.
    const service = ast.items.find(
      (i): i is Extract<StructItem, { kind: 'smodule' }> =>
        i.kind === 'smodule' &&
        i.module.kind === 'mfunctor' &&
        functorParams(i.module).params.every((p) => deviceSignatures[p.signature]),
    );
    const effects = ast.items.some((i) => i.kind === 'seval' || i.kind === 'slet');
    if (service && !effects) {
      problems.push(
        error('wiring', service.nameSpan, `This file has no module Main; mlc build only wires the functor named Main`, [
          `Rename ${service.name} to Main, so that mlc build gives it its devices and calls its start function.`,
        ]),
      );
    } else if (storeFlags.length > 0) {
      problems.push(
        error('wiring', null, `${storeFlags[0]!.text}: ${ast.file} has no Main functor`, [
          'Only a service has devices to attach a store to; a plain program simply takes no device flags: ' +
            `build it without ${storeFlags.length === 1 ? storeFlags[0]!.text : storeFlags.map((f) => f.text).join(' and ')}.`,
          `To read the store, make the program a service: 'module Main (${capitalize(storeFlags[0]!.name)} : Kv.RO) = ` +
            `struct let start ${storeFlags[0]!.name} = ... end'; the flag names Main's parameter, in lower case.`,
        ]),
      );
    }
    if (problems.length > 0) throw new CompileError(problems);
    return;
  }
  main.params.forEach((p, i) => {
    if (deviceSignatures[p.signature]) return;
    const where = parameterAt(p, i);
    const near = nearSignatures(p.signature);
    problems.push(
      error('wiring', p.span, `${where} does not have a device signature`, [
        `mlc build gives each parameter of Main a device, chosen by its signature: ${knownSignatures.join(', ')}.`,
        ...(near.length > 0 ? [`Hint: Did you mean ${near.join(' or ')}?`] : []),
      ]),
    );
  });
  for (const f of storeFlags) {
    const param = main.params.find((p) => p.name.toLowerCase() === f.name);
    const listed = describeParams(main.params, (p) => p.signature === 'Kv.RO' || p.signature === 'Kv.RW');
    const stores = listed === 'none' ? 'Main has none' : `Main's are: ${listed}`;
    if (!param) {
      problems.push(
        error('wiring', main.span, `${f.text}: Main has no parameter named ${capitalize(f.name)}`, [
          `A store flag names a key-value store parameter of Main, in lower case; ${stores}.`,
          ...(main.params.length === 0
            ? [`Main is not a functor; to receive the store, make it one: 'module Main (${capitalize(f.name)} : Kv.RO) = struct ... end'.`]
            : []),
        ]),
      );
    } else if (deviceSignatures[param.signature] && param.signature !== 'Kv.RO' && param.signature !== 'Kv.RW') {
      problems.push(
        error('wiring', param.span, `${f.text}: Main's parameter ${param.name} is a ${param.signature}, not a key-value store`, [
          `Only key-value store parameters (Kv.RO, Kv.RW) take --kv or --kv-host; ${stores}.`,
        ]),
      );
    }
  }
  const stateful = main.params.filter((p) => deviceSignatures[p.signature]?.stateful);
  const passedDevices = describeParams(main.params, (p) => deviceSignatures[p.signature]?.stateful === true);
  if (main.start === null) {
    const args = stateful.length === 0 ? '()' : `one argument per device: ${passedDevices}`;
    problems.push(
      error('wiring', main.span, 'Main has no start function', [
        `mlc build calls Main.start with ${args}; it returns unit Promise.t, which resolves when the service is done.`,
      ]),
    );
  } else if (main.start && main.start.arity !== null) {
    const want = Math.max(1, stateful.length);
    if (main.start.arity !== want && problems.length === 0) {
      const passed =
        stateful.length === 0
          ? 'It is called with (), since none of its devices has a value to pass.'
          : `It is called with one argument per device, in order: ${passedDevices}.`;
      const stateless = main.params.filter((p) => deviceSignatures[p.signature]?.stateful === false);
      const one = stateless.length === 1;
      const throughModule =
        `${stateless.map((p) => p.signature).join(', ')} ${one ? 'is' : 'are'} used through the module ` +
        `(${stateless.map((p) => p.name).join(', ')}) and pass${one ? 'es' : ''} no argument.`;
      problems.push(
        error('wiring', main.start.span, `Main.start takes ${plural(main.start.arity, 'argument')}, but mlc build passes ${want}`, [
          passed,
          ...(stateless.length === 0 ? [] : [throughModule]),
        ]),
      );
    }
  }
  if (problems.length > 0) throw new CompileError(problems);
}

/**
 * An error in the generated wiring is the user's Main not fitting it (`start`
 * returning the wrong type, say): report it at Main's `start`, with the
 * checker's words as notes, rather than in a file the user never wrote.
 */
export function explainWiringError(d: Diagnostic, main: MainInfo): Diagnostic {
  if (!d.span || !d.span.file.startsWith('<mlc build:')) return d;
  const at = main.start?.span ?? main.span;
  const stateful = main.params.filter((p) => deviceSignatures[p.signature]?.stateful).map((p) => p.name.toLowerCase());
  const call = `Main.start ${stateful.length === 0 ? '()' : stateful.join(' ')}`;
  const { message, notes = [] } = d;
  // the two types: the message's first lines, before OCaml's explanation (`Type a is not compatible ...`)
  const lines = message.split('\n');
  const end = lines.findIndex((l, i) => i > 0 && !/^\s|^but an expression/.test(l));
  const head = end < 0 ? lines : lines.slice(0, end);
  const types = /^This expression has type (.*) but an expression was expected of type (.*)$/.exec(head.join(' ').replace(/\s+/g, ' '));
  // the generated wiring names device modules Dev_<name>; the user knows them by Main's parameters
  const userNames = (t: string): string =>
    t.replace(/\bDev_([a-z0-9_']+)\./g, (whole, n: string) => {
      const p = main.params.find((q) => q.name.toLowerCase() === n);
      return p ? `${p.name}.` : whole;
    });
  // the failing expression is either the whole call or one device passed to it
  const src = sourceOf(d.span.file);
  const failing = src ? src.text.slice(d.span.start, d.span.end) : '';
  const argIndex = stateful.indexOf(failing);
  const hint = types?.[1] === 'unit' && argIndex < 0 ? ["Hint: a start with nothing to wait for ends with 'Promise.return ()'."] : [];
  const said = !types
    ? [`In '${call}': ${userNames(message)}`, ...notes.map(userNames)]
    : argIndex >= 0
      ? [
          `Its ${ordinal(argIndex + 1)} argument is the device '${failing}', of type ${userNames(types[1]!)}, but start takes ${userNames(types[2]!)} there.`,
          `Hint: take one argument per device, in order: 'let start ${stateful.join(' ')} = ...'.`,
        ]
      : [`'${call}' has type ${userNames(types[1]!)}, but it must have type ${userNames(types[2]!)}.`];
  return error('wiring', at, `Main.start does not have the type mlc build expects`, [
    `mlc build runs the service with '${call}', which must return unit Promise.t.`,
    ...said,
    ...hint,
  ]);
}

function signatureName(t: ModType): string {
  if (t.kind !== 'mtpath') return '(a signature written inline)';
  const parts: string[] = [t.name.name];
  let p = t.name.path;
  while (p) {
    if (p.kind === 'mident') {
      parts.unshift(p.name);
      break;
    }
    if (p.kind === 'mdot') {
      parts.unshift(p.name);
      p = p.base;
    } else break;
  }
  return parts.join('.');
}

/** ML source for a string literal holding arbitrary bytes. */
function mlString(bytes: Uint8Array): string {
  let out = '"';
  for (const b of bytes) {
    if (b === 0x22) out += '\\"';
    else if (b === 0x5c) out += '\\\\';
    else if (b >= 0x20 && b < 0x7f) out += String.fromCharCode(b);
    else out += '\\' + b.toString().padStart(3, '0');
  }
  return out + '"';
}

function bakedFiles(dir: string): { key: string; data: Uint8Array }[] {
  const out: { key: string; data: Uint8Array }[] = [];
  const walk = (rel: string): void => {
    for (const entry of readdirSync(path.join(dir, rel), { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const r = rel ? `${rel}/${entry.name}` : entry.name;
      if (entry.isDirectory()) walk(r);
      else if (entry.isFile()) out.push({ key: r, data: readFileSync(path.join(dir, r)) });
    }
  };
  walk('');
  return out;
}

/**
 * The wiring for `unitName`'s Main, or a located error saying what is missing.
 * Errors are collected so that every misconfigured parameter is reported.
 */
export function wireService(unitName: string, main: MainInfo, flags: ServiceFlags): Wiring {
  const problems: Diagnostic[] = [];
  const manifest: ManifestDevice[] = [];
  const units: { name: string; source: string }[] = [];
  const lines: string[] = [`(* Generated by mlc build: the wiring of ${unitName}.Main. *)`];
  const args: string[] = [];
  const connects: string[] = [];
  main.params.forEach((p, i) => {
    const dev = deviceSignatures[p.signature];
    // preflightService has reported a parameter without a device signature
    if (!dev) return;
    const name = p.name.toLowerCase();
    const where = parameterAt(p, i);
    const mod = `Dev_${name}`;
    switch (dev.kind) {
      case 'console':
        lines.push(`module ${mod} = Console.Host`);
        connects.push(`let ${name} = ${mod}.connect ${manifest.length} in`);
        manifest.push({ kind: 'console', name });
        break;
      case 'time':
      case 'mclock':
      case 'pclock':
      case 'entropy':
        lines.push(`module ${mod} = ${p.signature.split('.')[0]}`);
        break;
      case 'net':
        lines.push(`module ${mod} = Net.Host (struct let device = ${manifest.length} end)`);
        connects.push(`let ${name} = ${mod}.connect () in`);
        manifest.push({ kind: 'net', name });
        break;
      case 'block':
        lines.push(`module ${mod} = Block.Host (struct let device = ${manifest.length} end)`);
        connects.push(`let ${name} = ${mod}.connect () in`);
        manifest.push({ kind: 'block', name });
        break;
      case 'kv-ro':
      case 'kv-rw': {
        const baked = flags.kvBaked.get(name);
        if (baked !== undefined && dev.kind === 'kv-ro') {
          let files: { key: string; data: Uint8Array }[];
          try {
            if (!statSync(baked).isDirectory()) throw new Error('not a directory');
            files = bakedFiles(baked);
          } catch (e) {
            const code = (e as NodeJS.ErrnoException).code;
            const why =
              code === 'ENOENT' ? 'there is no such directory'
              : (e as Error).message === 'not a directory' ? 'it is a file, not a directory'
              : `it cannot be read (${(e as Error).message})`;
            problems.push(
              error('wiring', p.span, `--kv ${name}=${baked}: ${why}`, [
                `--kv ${name}=DIR bakes the files under DIR into the image as store ${name}; ` +
                  'DIR is relative to the directory mlc runs in.',
              ]),
            );
            return;
          }
          const unit = `Mlc_kv_${name}`;
          const body = files.map((f) => `  (${mlString(new TextEncoder().encode(f.key))}, ${mlString(f.data)});`).join('\n');
          units.push({ name: unit, source: `(* Generated by mlc build: ${baked} baked in as store "${name}". *)\nlet files = [\n${body}\n]\n` });
          lines.push(`module ${mod} = Kv.Baked (${moduleNameOf(unit)})`);
          connects.push(`let ${name} = ${mod}.connect () in`);
        } else if (flags.kvHost.has(name)) {
          lines.push(`module ${mod} = Kv.Host (struct let device = ${manifest.length} end)`);
          connects.push(`let ${name} = ${mod}.connect () in`);
          manifest.push({ kind: 'kv', name });
        } else {
          const sig = dev.kind === 'kv-ro' ? 'Kv.RO' : 'Kv.RW';
          const how =
            dev.kind === 'kv-ro'
              ? `Give --kv ${name}=DIR to bake the files of DIR into the image, ` +
                `or --kv-host ${name} to attach a host directory at run time.`
              : `Give --kv-host ${name} to attach a host directory at run time (a store baked into the image is read-only).`;
          problems.push(error('wiring', p.span, `${where} is a ${sig} store, and no flag says which one`, [how]));
          return;
        }
        break;
      }
    }
    if (dev.stateful) args.push(name);
  });
  if (problems.length > 0) throw new CompileError(problems);
  const applied = main.params.map((p) => ` (Dev_${p.name.toLowerCase()})`).join('');
  lines.push(`module App = ${unitName}.Main${applied}`);
  lines.push(`let () = Host.run (fun () ->\n  ${connects.join('\n  ')}\n  App.start${args.length ? ' ' + args.join(' ') : ' ()'})`);
  units.push({ name: 'Mlc_main', source: lines.join('\n') + '\n' });
  return { units, manifest };
}
