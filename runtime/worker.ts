// Runs one image on a worker thread. The worker gets a large stack, since ML
// programs recurse deeply (List.map on long lists, non-tail recursion) and the
// main thread's stack is small and fixed.

import { parentPort, workerData } from 'node:worker_threads';
import { FdOutput } from './output.ts';
import { runImage } from './tender.ts';

const stdout = new FdOutput(1);
const stderr = new FdOutput(2, stdout);
const code = await runImage(workerData.image as Uint8Array, { stdout, stderr });
stdout.flush();
stderr.flush();
parentPort!.postMessage({ code });
