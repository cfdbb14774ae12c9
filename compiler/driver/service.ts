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
import type { Implementation, ModExpr, ModType, Span } from '../syntax/ast.ts';
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

/** Main's functor parameters, or null if the unit has no `Main` (a plain program). */
export function findMain(ast: Implementation): { params: Param[]; span: Span } | null {
  for (const item of ast.items) {
    if (item.kind !== 'smodule' || item.name !== 'Main') continue;
    const params: Param[] = [];
    let m: ModExpr = item.module;
    while (m.kind === 'mconstraint') m = m.module;
    while (m.kind === 'mfunctor') {
      for (const p of m.params) {
        params.push({ name: p.name ?? '_', signature: p.type ? signatureName(p.type) : '()', span: p.type?.span ?? p.span });
      }
      m = m.body;
    }
    return { params, span: item.nameSpan };
  }
  return null;
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
export function wireService(unitName: string, main: { params: Param[]; span: Span }, flags: ServiceFlags): Wiring {
  const problems: Diagnostic[] = [];
  const manifest: ManifestDevice[] = [];
  const units: { name: string; source: string }[] = [];
  const lines: string[] = [`(* Generated by mlc build: the wiring of ${unitName}.Main. *)`];
  const args: string[] = [];
  const connects: string[] = [];
  const known = Object.keys(deviceSignatures).join(', ');
  main.params.forEach((p, i) => {
    const dev = deviceSignatures[p.signature];
    const name = p.name.toLowerCase();
    const where = `Main's ${ordinal(i + 1)} parameter (${p.name} : ${p.signature})`;
    if (!dev) {
      problems.push(
        error('wiring', p.span, `No device provides signature ${p.signature}; known: ${known}.`, [
          `${where} must be one of the device signatures, so that mlc build can choose its implementation.`,
        ]),
      );
      return;
    }
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
            problems.push(error('wiring', p.span, `--kv ${name}=${baked}: cannot read the directory (${(e as Error).message}).`));
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
              ? `give --kv ${name}=DIR to bake one into the image or --kv-host ${name} to read one at run time`
              : `give --kv-host ${name} to attach a directory at run time (a baked store is read-only)`;
          problems.push(error('wiring', p.span, `${where} needs a ${sig} store: ${how}.`));
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
