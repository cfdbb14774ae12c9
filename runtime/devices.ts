// The host side of each device kind (see docs/host-interface.md). A device gets
// requests (op, a, b, payload) and completes each one later with a status and
// data. Every input from the guest is checked: a bad request is an error
// status, never an exception in the host.

import { randomFillSync } from 'node:crypto';
import { constants, type FileHandle, open, readdir, readFile, mkdir, realpath, rm, stat, lstat, writeFile } from 'node:fs/promises';
import { createConnection, createServer, type Server, type Socket } from 'node:net';
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
    // A disk image is written in place, so a wrong path costs data: refuse what
    // cannot be one (a source file, a symbolic link leading elsewhere, a file
    // that is not a whole number of sectors) rather than overwrite its start.
    if (/\.(ml|mli|wasm)$/i.test(file)) throw new Error('that is a source or image file, not a disk image');
    const before = await lstat(file).catch(() => null);
    if (before?.isSymbolicLink()) throw new Error('it is a symbolic link; give the disk image itself');
    if (before && before.isFile() && before.size % SECTOR_SIZE !== 0) {
      throw new Error(`its size (${before.size} bytes) is not a whole number of ${SECTOR_SIZE}-byte sectors, so it is not a disk image`);
    }
    const d = new BlockDevice(name, readOnly);
    d.handle = await open(file, (readOnly ? constants.O_RDONLY : constants.O_RDWR | constants.O_CREAT) | constants.O_NOFOLLOW);
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

  /** False if the path, once symbolic links are followed, leaves the store's root. */
  private async inside(file: string): Promise<boolean> {
    const rootReal = await realpath(this.root).catch(() => this.root);
    // the nearest existing ancestor decides where a new file would land
    let probe = file;
    for (;;) {
      const real = await realpath(probe).catch(() => null);
      if (real !== null) return real === rootReal || real.startsWith(rootReal + path.sep);
      const parent = path.dirname(probe);
      if (parent === probe) return false;
      probe = parent;
    }
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
    if (file === null || !(await this.inside(file))) return [1];
    if ((op === 4 || op === 5) && file === this.root) return [op === 4 ? 2 : 1]; // the root itself stays
    const found = await stat(file).catch(() => null);
    // only files and directories are values and dictionaries: a FIFO, socket or
    // device would block or mislead, so the store does not see it at all
    const special = found !== null && !found.isFile() && !found.isDirectory();
    if (special && op !== 0 && op !== 2) return [1];
    const info = special ? null : found;
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
          .filter((e) => e.isFile() || e.isDirectory() || e.isSymbolicLink())
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

// ---------------------------------------------------------------------------
// Network stack: TCP on the host's sockets


/** How guest ports map to host ports (`--port 8080` or `--port 80:8080`). */
export interface NetConfig {
  readonly address: string;
  readonly ports: ReadonlyMap<number, number>;
  /** `--port N` alone: the host port for the guest's first listen, whatever its number. */
  readonly defaultPort: number | null;
}

const READ_CHUNK = 65536;

interface Conn {
  readonly socket: Socket;
  readonly buffered: Buffer[];
  ended: boolean;
  failed: string | null;
  reader: Complete | null;
}

export class NetDevice implements Device {
  readonly kind = 'net';
  readonly name: string;
  private readonly config: NetConfig;
  private readonly listeners = new Map<number, { server: Server; backlog: Socket[]; waiting: Complete[] }>();
  private readonly conns = new Map<number, Conn>();
  private nextId = 1;
  private usedDefault = false;

  constructor(name: string, config: NetConfig) {
    this.name = name;
    this.config = config;
  }

  request(op: number, a: bigint, _b: bigint, payload: Uint8Array, complete: Complete): boolean {
    const id = Number(a);
    switch (op) {
      case 0:
        this.listen(id, complete);
        return true;
      case 1: {
        const l = this.listeners.get(id);
        if (!l) complete(2, enc.encode('no such listener'));
        else {
          const s = l.backlog.shift();
          if (s) complete(0, enc.encode(this.adopt(s)));
          else l.waiting.push(complete);
        }
        return true;
      }
      case 2:
        this.read(id, complete);
        return true;
      case 3: {
        const c = this.conns.get(id);
        if (!c || c.failed || c.socket.destroyed) complete(2, enc.encode(c?.failed ?? 'connection closed'));
        else c.socket.write(payload, (err) => complete(err ? 2 : 0, err ? enc.encode(err.message) : undefined));
        return true;
      }
      case 4: {
        const c = this.conns.get(id);
        if (c && !c.socket.destroyed) c.socket.end();
        complete(0);
        return true;
      }
      case 5: {
        const c = this.conns.get(id);
        if (c) {
          c.socket.destroy();
          this.conns.delete(id);
          c.reader?.(1);
          c.reader = null;
        }
        complete(0);
        return true;
      }
      case 6: {
        const host = latin1.decode(payload);
        const socket = createConnection({ host, port: id, allowHalfOpen: true });
        socket.once('connect', () => complete(0, enc.encode(this.adopt(socket))));
        socket.once('error', (e) => {
          if (!socket.readyState || socket.connecting) complete(2, enc.encode(e.message));
        });
        return true;
      }
      default:
        return false;
    }
  }

  private hostPort(guestPort: number): number {
    const mapped = this.config.ports.get(guestPort);
    if (mapped !== undefined) return mapped;
    if (this.config.defaultPort !== null && !this.usedDefault) {
      this.usedDefault = true;
      return this.config.defaultPort;
    }
    return guestPort;
  }

  private listen(guestPort: number, complete: Complete): void {
    if (guestPort < 0 || guestPort > 65535) return complete(2, enc.encode('port out of range'));
    const port = this.hostPort(guestPort);
    const entry = { server: createServer({ allowHalfOpen: true }), backlog: [] as Socket[], waiting: [] as Complete[] };
    entry.server.on('connection', (s) => {
      const w = entry.waiting.shift();
      if (w) w(0, enc.encode(this.adopt(s)));
      else entry.backlog.push(s);
    });
    entry.server.once('error', (e) => complete(2, enc.encode(e.message)));
    entry.server.listen(port, this.config.address, () => {
      const id = this.nextId++;
      this.listeners.set(id, entry);
      const actual = (entry.server.address() as { port: number }).port;
      process.stderr.write(`mlc: ${this.name}: listening on ${this.config.address}:${actual} (guest port ${guestPort})\n`);
      complete(0, enc.encode(String(id)));
    });
  }

  /** Registers a socket; answers `"ID PEER"`. */
  private adopt(socket: Socket): string {
    const id = this.nextId++;
    const conn: Conn = { socket, buffered: [], ended: false, failed: null, reader: null };
    this.conns.set(id, conn);
    socket.setNoDelay(true);
    socket.on('data', (chunk: Buffer) => {
      conn.buffered.push(chunk);
      // backpressure: stop reading until the guest has taken what we hold
      if (conn.buffered.reduce((n, b) => n + b.length, 0) >= READ_CHUNK) socket.pause();
      this.deliver(conn);
    });
    socket.on('end', () => {
      conn.ended = true;
      this.deliver(conn);
    });
    socket.on('error', (e) => {
      conn.failed = e.message;
      this.deliver(conn);
    });
    socket.on('close', () => {
      conn.ended = true;
      this.deliver(conn);
    });
    return `${id} ${socket.remoteAddress ?? '?'}:${socket.remotePort ?? 0}`;
  }

  private read(id: number, complete: Complete): void {
    const c = this.conns.get(id);
    if (!c) return complete(1);
    if (c.reader) return complete(2, enc.encode('a read is already pending'));
    c.reader = complete;
    this.deliver(c);
  }

  private deliver(c: Conn): void {
    const reader = c.reader;
    if (!reader) return;
    if (c.buffered.length > 0) {
      c.reader = null;
      const all = Buffer.concat(c.buffered.splice(0));
      const chunk = all.subarray(0, READ_CHUNK);
      if (all.length > READ_CHUNK) c.buffered.push(all.subarray(READ_CHUNK));
      else c.socket.resume();
      reader(0, new Uint8Array(chunk));
    } else if (c.failed) {
      c.reader = null;
      reader(2, enc.encode(c.failed));
    } else if (c.ended) {
      c.reader = null;
      reader(1);
    }
  }

  async close(): Promise<void> {
    for (const c of this.conns.values()) c.socket.destroy();
    await Promise.all([...this.listeners.values()].map((l) => new Promise((r) => l.server.close(r))));
  }
}
