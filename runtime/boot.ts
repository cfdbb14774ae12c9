// Boots an image on a worker thread with a large stack and returns its exit status.

import { Worker } from 'node:worker_threads';
import type { RunFlags } from './attach.ts';
import { flushShared, sharedOutputBuffer } from './output.ts';

/** Stack for the guest, in MiB: deep enough for non-tail recursion over long lists. */
const STACK_MB = 1024;

/** The guest's heap limit when `--memory` does not set one, in MiB (as Solo5's `--mem`). */
export const DEFAULT_MEMORY_MB = 2048;

export function bootImage(image: Uint8Array, flags: RunFlags, verbose = false, memoryMb = DEFAULT_MEMORY_MB): Promise<number> {
  return new Promise((resolveExit) => {
    const stdoutBuffer = sharedOutputBuffer();
    const worker = new Worker(new URL('./worker.ts', import.meta.url), {
      workerData: {
        image,
        flags: {
          block: [...flags.block],
          kvHost: [...flags.kvHost],
          net: { address: flags.net.address, ports: [...flags.net.ports], defaultPort: flags.net.defaultPort },
        },
        verbose,
        stdoutBuffer,
      },
      // the guest's GC heap lives in the worker's V8 heap: its old generation is the limit
      resourceLimits: { stackSizeMb: STACK_MB, maxOldGenerationSizeMb: memoryMb },
      stdin: true,
    });
    // The console device reads the worker's stdin: feed it ours, and let go of
    // ours when the image stops, so that an unread terminal does not keep us alive.
    process.stdin.pipe(worker.stdin!);
    // Ctrl-C or a kill: what the guest printed is written before we go, as
    // OCaml's buffers would be had it exited; status 128 + the signal's number
    for (const [signal, status] of [['SIGINT', 130], ['SIGTERM', 143]] as const) {
      process.once(signal, () => {
        flushShared(1, stdoutBuffer);
        process.exit(status);
      });
    }
    worker.on('exit', () => {
      process.stdin.unpipe(worker.stdin!);
      process.stdin.destroy();
    });
    let code: number | null = null;
    // the image's status is final once posted; the worker may linger on its stdin
    worker.on('message', (m: { code: number }) => {
      code = m.code;
      resolveExit(code);
    });
    worker.on('error', (e) => {
      if ((e as NodeJS.ErrnoException).code === 'ERR_WORKER_OUT_OF_MEMORY') {
        // the guest's fault, reported as OCaml reports it; the tender itself is fine
        flushShared(1, stdoutBuffer);
        process.stderr.write(
          `Fatal error: exception Out_of_memory\nmlc: the guest needed more than ${memoryMb} MiB of heap (raise the limit with --memory)\n`,
        );
        code = 2;
        return;
      }
      process.stderr.write(`mlc: the tender failed: ${e.message}\n`);
      code = 3;
    });
    worker.on('exit', () => resolveExit(code ?? 3));
  });
}
