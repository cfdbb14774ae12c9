// Compiles on a worker thread with a large stack. The parser and the passes
// after it recurse over the tree, so a deeply nested program (a list literal of
// thousands of elements, a long chain of `let`s or `;`) can exhaust the main
// thread's small fixed stack; the CLI then compiles again here. Diagnostics are
// rendered on this thread, which holds the source files they point into.

import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import { CompileError, type Diagnostic } from '../diagnostics/diagnostic.ts';
import { renderDiagnostic, renderJson } from '../diagnostics/render.ts';
import { build, type BuildOptions, type Stage } from './pipeline.ts';

/** Stack for the compiler on the worker, in MiB: about a hundred times the main thread's. */
const STACK_MB = 256;

export interface WorkerJob {
  readonly path: string;
  readonly options: Omit<BuildOptions, 'dump'>;
  readonly errorFormat: 'text' | 'json';
  readonly color: boolean;
}

export type WorkerReply =
  | {
      readonly kind: 'built';
      readonly wasm: Uint8Array | null;
      readonly interfaceText: string | null;
      readonly timings: { stage: string; ms: number }[];
      readonly dumps: [Stage, string][];
      readonly warnings: string[];
    }
  | { readonly kind: 'rejected'; readonly diagnostics: string[] }
  | { readonly kind: 'too-deep' };

export function isStackOverflow(e: unknown): boolean {
  return e instanceof RangeError && /call stack/i.test(e.message);
}

/** Runs `job` on a worker with a large stack. */
export function compileOnWorker(job: WorkerJob): Promise<WorkerReply> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL(import.meta.url), { workerData: job, resourceLimits: { stackSizeMb: STACK_MB } });
    worker.once('message', (m: WorkerReply) => resolve(m));
    worker.once('error', reject);
    worker.once('exit', (code) => reject(new Error(`the compiler's worker thread stopped (status ${code})`)));
  });
}

async function work(job: WorkerJob): Promise<WorkerReply> {
  const render = (d: Diagnostic): string => (job.errorFormat === 'json' ? renderJson(d) : renderDiagnostic(d, { color: job.color }));
  const dumps: [Stage, string][] = [];
  try {
    const r = await build(job.path, { ...job.options, dump: (stage, text) => dumps.push([stage, text]) });
    return { kind: 'built', wasm: r.wasm, interfaceText: r.interfaceText, timings: r.timings, dumps, warnings: r.warnings.map(render) };
  } catch (e) {
    if (e instanceof CompileError) return { kind: 'rejected', diagnostics: e.diagnostics.map(render) };
    if (isStackOverflow(e)) return { kind: 'too-deep' };
    throw e;
  }
}

if (!isMainThread && parentPort && (workerData as WorkerJob | undefined)?.path !== undefined) {
  parentPort.postMessage(await work(workerData as WorkerJob));
}
