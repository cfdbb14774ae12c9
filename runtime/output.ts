// Buffered output to a file descriptor. The guest writes many small strings
// (print_int in a loop); one system call each would dominate its run time. As in
// OCaml, stdout is flushed at exit and before anything goes to stderr, so the
// two streams interleave as the program wrote them.

import { writeSync } from 'node:fs';
import type { Output } from './tender.ts';

export class FdOutput implements Output {
  private readonly fd: number;
  private buf = new Uint8Array(1 << 16);
  private used = 0;
  private readonly before: FdOutput | null;

  constructor(fd: number, flushFirst: FdOutput | null = null) {
    this.fd = fd;
    this.before = flushFirst;
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
    if (this.before) this.flush(); // stderr is unbuffered
  }

  flush(): void {
    if (this.used === 0) return;
    writeAll(this.fd, this.buf.subarray(0, this.used));
    this.used = 0;
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
