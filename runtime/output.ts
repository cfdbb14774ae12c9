// Buffered output to a file descriptor. The guest writes many small strings
// (print_int in a loop); one system call each would dominate its run time. As in
// OCaml, stdout is flushed at exit and before anything goes to stderr, so the
// two streams interleave as the program wrote them.

import { writeSync } from 'node:fs';
import type { Output } from './tender.ts';

const CAPACITY = 1 << 16;

/**
 * Room for one buffer that another thread can flush: four bytes of length, then
 * the bytes. The tender keeps the guest's stdout in one, so that what a guest
 * printed is still written when the guest's thread is stopped (out of memory).
 */
export function sharedOutputBuffer(): SharedArrayBuffer {
  return new SharedArrayBuffer(4 + CAPACITY);
}

/** Writes what a stopped thread's `FdOutput` had buffered in `shared`. */
export function flushShared(fd: number, shared: SharedArrayBuffer): void {
  const used = new Int32Array(shared, 0, 1)[0]!;
  if (used > 0 && used <= CAPACITY) writeAll(fd, new Uint8Array(shared, 4, used));
  new Int32Array(shared, 0, 1)[0] = 0;
}

export class FdOutput implements Output {
  private readonly fd: number;
  private readonly buf: Uint8Array;
  /** Where `used` is published for `flushShared`, when the buffer is shared. */
  private readonly usedCell: Int32Array | null;
  private used = 0;
  private readonly before: FdOutput | null;

  constructor(fd: number, flushFirst: FdOutput | null = null, shared: SharedArrayBuffer | null = null) {
    this.fd = fd;
    this.before = flushFirst;
    this.buf = shared ? new Uint8Array(shared, 4, CAPACITY) : new Uint8Array(CAPACITY);
    this.usedCell = shared ? new Int32Array(shared, 0, 1) : null;
  }

  write(bytes: Uint8Array): void {
    this.before?.flush();
    if (this.used + bytes.length > this.buf.length) {
      this.flush();
      if (bytes.length > this.buf.length) {
        writeAll(this.fd, bytes);
        return;
      }
    }
    this.buf.set(bytes, this.used);
    this.used += bytes.length;
    if (this.usedCell) this.usedCell[0] = this.used;
    if (this.before) this.flush(); // stderr is unbuffered
  }

  flush(): void {
    if (this.used === 0) return;
    writeAll(this.fd, this.buf.subarray(0, this.used));
    this.used = 0;
    if (this.usedCell) this.usedCell[0] = 0;
  }
}

function writeAll(fd: number, bytes: Uint8Array): void {
  let off = 0;
  while (off < bytes.length) {
    try {
      off += writeSync(fd, bytes, off, bytes.length - off);
    } catch (e) {
      // a full pipe on a non-blocking descriptor: try again
      if ((e as NodeJS.ErrnoException).code === 'EAGAIN') continue;
      if ((e as NodeJS.ErrnoException).code === 'EPIPE') return;
      throw e;
    }
  }
}
