// The host side of each device kind (see docs/host-interface.md). A device gets
// requests (op, a, b, payload) and completes each one later with a status and
// data. Every input from the guest is checked: a bad request is an error
// status, never an exception in the host.

import { randomFillSync } from 'node:crypto';
import { constants, type FileHandle, open, readdir, readFile, mkdir, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { createInterface } from 'node:readline';

export type Complete = (status: number, data?: Uint8Array) => void;

export interface Device {
  readonly kind: string;
  readonly name: string;
  /** Starts a request; returns false if the operation is unknown. */
  request(op: number, a: bigint, b: bigint, payload: Uint8Array, complete: Complete): boolean;
  /** Releases host resources at exit. */
  close?(): Promise<void>;
}

export interface ManifestDevice {
  readonly kind: string;
  readonly name: string;
}

const enc = new TextEncoder();
const latin1 = new TextDecoder('latin1');

// ---------------------------------------------------------------------------
// Console: reading lines from standard input (writing is synchronous output)

export class ConsoleDevice implements Device {
  readonly kind = 'console';
  readonly name: string;
  private lines: string[] = [];
  private waiting: Complete[] = [];
  private ended = false;
  private reader: ReturnType<typeof createInterface> | null = null;

  constructor(name: string) {
    this.name = name;
  }

  request(op: number, _a: bigint, _b: bigint, _payload: Uint8Array, complete: Complete): boolean {
    if (op !== 0) return false;
    this.reader ??= this.startReading();
    const line = this.lines.shift();
    if (line !== undefined) complete(0, enc.encode(line));
    else if (this.ended) complete(1);
    else this.waiting.push(complete);
    return true;
  }

  private startReading(): ReturnType<typeof createInterface> {
    const rl = createInterface({ input: process.stdin, terminal: false });
    rl.on('line', (line) => {
      const w = this.waiting.shift();
      if (w) w(0, enc.encode(line));
      else this.lines.push(line);
    });
    rl.on('close', () => {
      this.ended = true;
      for (const w of this.waiting.splice(0)) w(1);
    });
    return rl;
  }

  async close(): Promise<void> {
    this.reader?.close();
  }
}

// ---------------------------------------------------------------------------
// Block: a file of whole sectors

export const SECTOR_SIZE = 512;

export class BlockDevice implements Device {
  readonly kind = 'block';
  readonly name: string;
  private handle: FileHandle | null = null;
  private sectors = 0n;
  private readonly readOnly: boolean;
  /** Requests run one at a time, in order, so a read sees every earlier write. */
  private queue: Promise<void> = Promise.resolve();

  private constructor(name: string, readOnly: boolean) {
    this.name = name;
    this.readOnly = readOnly;
  }

  /** Opens (creating if needed) the backing file; `sizeSectors` extends a new one. */
  static async attach(name: string, file: string, readOnly = false, sizeSectors = 2048): Promise<BlockDevice> {
    const d = new BlockDevice(name, readOnly);
    d.handle = await open(file, readOnly ? constants.O_RDONLY : constants.O_RDWR | constants.O_CREAT);
    const st = await d.handle.stat();
    if (st.size === 0 && !readOnly) {
      await d.handle.truncate(sizeSectors * SECTOR_SIZE);
      d.sectors = BigInt(sizeSectors);
    } else d.sectors = BigInt(Math.floor(st.size / SECTOR_SIZE));
    return d;
  }

  request(op: number, a: bigint, b: bigint, payload: Uint8Array, complete: Complete): boolean {
    if (op < 0 || op > 2) return false;
    this.queue = this.queue.then(() => this.run(op, a, b, payload, complete)).catch(() => complete(2));
    return true;
  }

  private async run(op: number, a: bigint, b: bigint, payload: Uint8Array, complete: Complete): Promise<void> {
    const h = this.handle!;
    switch (op) {
      case 0:
        return complete(0, enc.encode(`${SECTOR_SIZE} ${this.sectors} ${this.readOnly ? 0 : 1}`));
      case 1: {
        if (a < 0n || b < 0n || a + b > this.sectors || b > 1n << 20n) return complete(1);
        const buf = new Uint8Array(Number(b) * SECTOR_SIZE);
        await h.read(buf, 0, buf.length, Number(a) * SECTOR_SIZE);
        return complete(0, buf);
      }
      case 2: {
        if (this.readOnly) return complete(3);
        if (payload.length % SECTOR_SIZE !== 0) return complete(1);
        const count = BigInt(payload.length / SECTOR_SIZE);
        if (a < 0n || a + count > this.sectors) return complete(1);
        await h.write(payload, 0, payload.length, Number(a) * SECTOR_SIZE);
        await h.datasync(); // answered only once it would survive a crash
        return complete(0);
      }
    }
  }

  async close(): Promise<void> {
    await this.queue;
    await this.handle?.close();
  }
}

// ---------------------------------------------------------------------------
// Key-value store: a directory on the host

export class KvDevice implements Device {
  readonly kind = 'kv';
  readonly name: string;
  private readonly root: string;
  private readonly readOnly: boolean;

  constructor(name: string, root: string, readOnly: boolean) {
    this.name = name;
    this.root = path.resolve(root);
    this.readOnly = readOnly;
  }

  /** The host path of a key, or null if the key is malformed or leaves the root. */
  private resolve(key: string): string | null {
    const parts = key.split('/').filter((p, i) => !(i === 0 && p === ''));
    if (parts.some((p) => p === '' || p === '.' || p === '..' || p.includes('\0'))) {
      return parts.length === 0 ? this.root : null;
    }
    return path.join(this.root, ...parts);
  }

  request(op: number, _a: bigint, _b: bigint, payload: Uint8Array, complete: Complete): boolean {
    if (op < 0 || op > 5) return false;
    this.run(op, payload).then(
      ([status, data]) => complete(status, data),
      () => complete(4),
    );
    return true;
  }

  private async run(op: number, payload: Uint8Array): Promise<[number, Uint8Array?]> {
    let key = latin1.decode(payload);
    let value: Uint8Array | null = null;
    if (op === 4) {
      const zero = payload.indexOf(0);
      if (zero < 0) return [1];
      key = latin1.decode(payload.subarray(0, zero));
      value = payload.subarray(zero + 1);
    }
    const file = this.resolve(key);
    if (file === null) return [1];
    if ((op === 4 || op === 5) && file === this.root) return [op === 4 ? 2 : 1]; // the root itself stays
    const info = await stat(file).catch(() => null);
    switch (op) {
      case 0:
        return [0, enc.encode(info === null ? '' : info.isDirectory() ? 'dictionary' : 'value')];
      case 1:
        if (info === null) return [1];
        if (info.isDirectory()) return [2];
        return [0, new Uint8Array(await readFile(file))];
      case 2: {
        if (info === null) return [1];
        if (!info.isDirectory()) return [3];
        const entries = await readdir(file, { withFileTypes: true });
        const lines = entries
          .map((e) => `${e.name}\t${e.isDirectory() ? 'dictionary' : 'value'}\n`)
          .sort()
          .join('');
        return [0, enc.encode(lines)];
      }
      case 3:
        if (info === null) return [1];
        if (info.isDirectory()) return [2];
        return [0, enc.encode(String(info.size))];
      case 4:
        if (this.readOnly) return [5];
        if (info?.isDirectory()) return [2];
        try {
          await mkdir(path.dirname(file), { recursive: true });
        } catch (e) {
          // a value stands where a dictionary is needed
          if ((e as NodeJS.ErrnoException).code === 'ENOTDIR' || (e as NodeJS.ErrnoException).code === 'EEXIST') return [3];
          throw e;
        }
        await writeFile(file, value!);
        return [0];
      case 5:
        if (this.readOnly) return [5];
        if (info === null) return [1];
        await rm(file, { recursive: true });
        return [0];
    }
    return [1];
  }
}

/** Fills `buf` with random bytes (the entropy device). */
export function fillRandom(buf: Uint8Array): void {
  for (let off = 0; off < buf.length; off += 65536) randomFillSync(buf, off, Math.min(65536, buf.length - off));
}
