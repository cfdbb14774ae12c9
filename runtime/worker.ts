// Runs one image on a worker thread. The worker gets a large stack, since ML
// programs recurse deeply (List.map on long lists, non-tail recursion) and the
// main thread's stack is small and fixed.

import { parentPort, workerData } from 'node:worker_threads';
import { AttachError, attachDevices, readManifest, type RunFlags } from './attach.ts';
import { FdOutput } from './output.ts';
import { runImage } from './tender.ts';

interface Job {
  image: Uint8Array;
  flags: { block: [string, string][]; kvHost: [string, string][]; net: { address: string; ports: [number, number][]; defaultPort: number | null } };
  verbose: boolean;
  /** stdout's buffer, shared so the tender can flush it if this thread is stopped */
  stdoutBuffer: SharedArrayBuffer;
}

const job = workerData as Job;
const stdout = new FdOutput(1, null, job.stdoutBuffer);
const stderr = new FdOutput(2, stdout);
const log = (line: string) => stderr.write(new TextEncoder().encode(`mlc: ${line}\n`));

async function main(): Promise<number> {
  const f = job.flags;
  const flags: RunFlags = {
    block: new Map(f.block),
    kvHost: new Map(f.kvHost),
    net: { address: f.net.address, ports: new Map(f.net.ports), defaultPort: f.net.defaultPort },
  };
  let devices;
  try {
    const module = await WebAssembly.compile(job.image as BufferSource);
    devices = await attachDevices(readManifest(module), flags, log);
  } catch (e) {
    if (e instanceof AttachError) {
      log(`refusing to boot: ${e.message}`);
      return 2;
    }
    log(`cannot load the image: ${(e as Error).message}`);
    return 3;
  }
  const t0 = performance.now();
  const code = await runImage(job.image, {
    stdout,
    stderr,
    devices,
    onBoot: (ms) => {
      if (job.verbose) log(`booted in ${ms.toFixed(2)} ms (compile and instantiate)`);
    },
  });
  if (job.verbose) log(`ran for ${(performance.now() - t0).toFixed(1)} ms, exit status ${code}`);
  for (const d of devices) await d.close?.();
  return code;
}

const code = await main();
stdout.flush();
stderr.flush();
parentPort!.postMessage({ code });
