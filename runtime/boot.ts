// Boots an image on a worker thread with a large stack and returns its exit status.

import { Worker } from 'node:worker_threads';
import type { RunFlags } from './attach.ts';

/** Stack for the guest, in MiB: deep enough for non-tail recursion over long lists. */
const STACK_MB = 1024;

export function bootImage(image: Uint8Array, flags: RunFlags, verbose = false): Promise<number> {
  return new Promise((resolveExit) => {
    const worker = new Worker(new URL('./worker.ts', import.meta.url), {
      workerData: {
        image,
        flags: {
          block: [...flags.block],
          kvHost: [...flags.kvHost],
          net: { address: flags.net.address, ports: [...flags.net.ports], defaultPort: flags.net.defaultPort },
        },
        verbose,
      },
      resourceLimits: { stackSizeMb: STACK_MB },
      stdin: true,
    });
    // The console device reads the worker's stdin: feed it ours, and let go of
    // ours when the image stops, so that an unread terminal does not keep us alive.
    process.stdin.pipe(worker.stdin!);
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
      process.stderr.write(`mlc: the tender failed: ${e.message}\n`);
      code = 3;
    });
    worker.on('exit', () => resolveExit(code ?? 3));
  });
}
