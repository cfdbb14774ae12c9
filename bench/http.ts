// HTTP benchmark: requests per second and latency of the static-site service
// against an equivalent Node `http` server serving the same files, with the same
// load generator (autocannon), on this machine. Prints both and their ratio.
//
//   npm run bench:http [-- --duration 10 --connections 50]

import autocannon from 'autocannon';
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import os from 'node:os';
import path from 'node:path';

const repo = path.resolve(import.meta.dirname, '..');
const site = path.join(repo, 'examples/static-site/site');
const arg = (name: string, dflt: number): number => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? Number(process.argv[i + 1]) : dflt;
};
const duration = arg('duration', 10);
const connections = arg('connections', 50);

function mlc(args: string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const p = spawn(process.execPath, ['bin/mlc.js', ...args], { cwd: repo, stdio: 'inherit' });
    p.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`mlc ${args.join(' ')} failed`))));
  });
}

async function bootService(image: string): Promise<{ port: number; stop: () => void }> {
  const p = spawn(process.execPath, ['bin/mlc.js', 'run', image, '--port', '0'], { cwd: repo });
  const port = await new Promise<number>((resolve, reject) => {
    let err = '';
    p.stderr.on('data', (d: Buffer) => {
      err += d.toString();
      const m = /listening on 127\.0\.0\.1:(\d+)/.exec(err);
      if (m) resolve(Number(m[1]));
    });
    p.on('exit', () => reject(new Error(`the service exited: ${err}`)));
  });
  return { port, stop: () => p.kill() };
}

/** The same content, served by Node's http module: the baseline. */
function nodeServer(): Promise<{ port: number; stop: () => void }> {
  const files = new Map<string, Buffer>();
  const walk = (rel: string): void => {
    for (const name of readdirSync(path.join(site, rel))) {
      const r = rel ? `${rel}/${name}` : name;
      if (statSync(path.join(site, r)).isDirectory()) walk(r);
      else files.set(`/${r}`, readFileSync(path.join(site, r)));
    }
  };
  walk('');
  const server = createServer((req, res) => {
    const p = req.url === '/' ? '/index.html' : (req.url ?? '/');
    const body = files.get(p);
    if (!body) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      return;
    }
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'content-length': body.length }).end(body);
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () => resolve({ port: (server.address() as { port: number }).port, stop: () => server.close() })),
  );
}

async function load(port: number): Promise<autocannon.Result> {
  return autocannon({ url: `http://127.0.0.1:${port}/`, connections, duration });
}

const dir = mkdtempSync(path.join(os.tmpdir(), 'mlc-bench-http-'));
const image = path.join(dir, 'static-site.wasm');
await mlc(['build', 'examples/static-site/service.ml', '--kv', `htdocs=${site}`, '-o', image]);

const results: { name: string; r: autocannon.Result }[] = [];
for (const [name, start] of [
  ['node http', nodeServer],
  ['mlc static-site', () => bootService(image)],
] as const) {
  const s = await start();
  try {
    await autocannon({ url: `http://127.0.0.1:${s.port}/`, connections, duration: 2 }); // warm-up
    results.push({ name, r: await load(s.port) });
  } finally {
    s.stop();
  }
}

console.log(`\nautocannon, ${connections} connections, ${duration} s, GET / (loopback, this machine)\n`);
console.log('server            req/s    p50 ms  p90 ms  p99 ms  errors');
for (const { name, r } of results) {
  const l = r.latency;
  console.log(
    `${name.padEnd(16)} ${r.requests.average.toFixed(0).padStart(7)}  ${String(l.p50).padStart(6)}  ${String(l.p90).padStart(6)}  ${String(l.p99).padStart(6)}  ${r.errors + r.non2xx}`,
  );
}
const [node, ours] = results;
console.log(`\nratio mlc/node (req/s): ${(ours!.r.requests.average / node!.r.requests.average).toFixed(2)}`);
