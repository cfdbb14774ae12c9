// Attaches the devices an image's manifest declares, from the run flags, as
// Solo5's tenders do: exactly those devices, by name; a missing one is a clear
// refusal to boot, never a guess.

import { stat } from 'node:fs/promises';
import { BlockDevice, ConsoleDevice, type Device, KvDevice, type ManifestDevice, type NetConfig, NetDevice } from './devices.ts';

export interface RunFlags {
  /** `--block NAME=FILE` */
  readonly block: ReadonlyMap<string, string>;
  /** `--kv-host NAME=DIR` */
  readonly kvHost: ReadonlyMap<string, string>;
  /** `--port`, `--address`: where the network stack's listeners appear on the host. */
  readonly net: NetConfig;
}

export class AttachError extends Error {}

/** Reads the manifest custom section; an image without one needs no devices. */
export function readManifest(module: WebAssembly.Module): ManifestDevice[] {
  const sections = WebAssembly.Module.customSections(module, 'mlc.manifest');
  if (sections.length === 0) return [];
  try {
    const parsed = JSON.parse(new TextDecoder().decode(sections[0]!)) as unknown;
    const devices = typeof parsed === 'object' && parsed !== null ? (parsed as { devices?: unknown }).devices : undefined;
    if (!Array.isArray(devices)) throw new Error('no device list');
    const seen = new Set<string>();
    return devices.map((d: unknown) => {
      if (typeof d !== 'object' || d === null) throw new Error('a device that is not an object');
      const { kind, name } = d as { kind?: unknown; name?: unknown };
      if (typeof kind !== 'string' || typeof name !== 'string') throw new Error('a device without kind or name');
      // the compiler writes identifiers only; anything else (control characters
      // that would be echoed to a terminal, say) is a damaged or forged image
      if (!/^[a-z_][A-Za-z0-9_']{0,63}$/.test(name)) throw new Error(`a device named ${JSON.stringify(name)}`);
      if (!/^[a-z]{1,16}$/.test(kind)) throw new Error(`a device of kind ${JSON.stringify(kind)}`);
      if (seen.has(name)) throw new Error(`two devices named ${JSON.stringify(name)}`);
      seen.add(name);
      return { kind, name };
    });
  } catch (e) {
    throw new AttachError(`the image's manifest is damaged (${(e as Error).message})`);
  }
}

export async function attachDevices(
  manifest: readonly ManifestDevice[],
  flags: RunFlags,
  log: (line: string) => void,
): Promise<Device[]> {
  const missing: string[] = [];
  for (const d of manifest) {
    if (d.kind === 'block' && !flags.block.has(d.name)) missing.push(`block device "${d.name}": give --block ${d.name}=FILE`);
    if (d.kind === 'kv' && !flags.kvHost.has(d.name)) missing.push(`key-value store "${d.name}": give --kv-host ${d.name}=DIR`);
    if (!['block', 'kv', 'console', 'net'].includes(d.kind)) missing.push(`a device of kind "${d.kind}", which this tender does not know`);
  }
  if (missing.length > 0) throw new AttachError(`the image needs ${missing.join('; and ')}`);
  // A flag for a device the image does not declare is most likely a typo of one
  // it does; booting anyway would leave the user wondering why it is not used.
  const declares = (kind: string, name: string) => manifest.some((d) => d.kind === kind && d.name === name);
  const stray: string[] = [];
  for (const [name, file] of flags.block) if (!declares('block', name)) stray.push(`--block ${name}=${file}`);
  for (const [name, dir] of flags.kvHost) if (!declares('kv', name)) stray.push(`--kv-host ${name}=${dir}`);
  if ((flags.net.defaultPort !== null || flags.net.ports.size > 0) && !manifest.some((d) => d.kind === 'net')) stray.push('--port');
  if (stray.length > 0) {
    const has = manifest.map((d) => `${d.kind} "${d.name}"`).join(', ') || 'none';
    throw new AttachError(`${stray.join(', ')}: the image declares no such device (its devices: ${has})`);
  }
  const devices: Device[] = [];
  for (const d of manifest) {
    switch (d.kind) {
      case 'console':
        devices.push(new ConsoleDevice(d.name));
        log(`attached console "${d.name}" (standard input and output)`);
        break;
      case 'block': {
        const file = flags.block.get(d.name)!;
        const dev = await BlockDevice.attach(d.name, file).catch((e: Error) => {
          throw new AttachError(`cannot open ${file} for block device "${d.name}": ${e.message}`);
        });
        devices.push(dev);
        log(`attached block device "${d.name}" <- ${file}`);
        break;
      }
      case 'net':
        devices.push(new NetDevice(d.name, flags.net));
        log(`attached network stack "${d.name}" (host sockets on ${flags.net.address})`);
        break;
      case 'kv': {
        const dir = flags.kvHost.get(d.name)!;
        if (!(await stat(dir).then((st) => st.isDirectory(), () => false))) {
          throw new AttachError(`--kv-host ${d.name}=${dir}: not a directory`);
        }
        devices.push(new KvDevice(d.name, dir, false));
        log(`attached key-value store "${d.name}" <- ${dir}/`);
        break;
      }
    }
  }
  return devices;
}
