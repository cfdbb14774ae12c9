// HTTP services end to end: examples/static-site and examples/counter are
// built, booted by the tender on a free loopback port, and spoken to with
// Node's own http and net modules. Every server started here is killed in a
// finally block.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { programTimeoutMs, repoRoot, runMlc } from './harness/cli.ts';

const tmp = mkdtempSync(path.join(os.tmpdir(), 'mlc-http-'));
const T = 4 * programTimeoutMs;
const siteImage = path.join(tmp, 'site.wasm');
const counterImage = path.join(tmp, 'counter.wasm');

interface Server {
  readonly port: number;
  readonly proc: ChildProcess;
}

/** Boots an image with `--port 0` and waits for the tender to say where it listens. */
function boot(image: string, ...args: string[]): Promise<Server> {
  const proc = spawn(process.execPath, ['bin/mlc.js', 'run', image, '--port', '0', ...args], { cwd: repoRoot });
  return new Promise<Server>((resolve, reject) => {
    let err = '';
    proc.stderr!.on('data', (d: Buffer) => {
      err += d.toString();
      const m = /listening on 127\.0\.0\.1:(\d+)/.exec(err);
      if (m) resolve({ port: Number(m[1]), proc });
    });
    proc.on('exit', () => reject(new Error(`server exited: ${err}`)));
  });
}

function stop(s: Server | null, signal: NodeJS.Signals = 'SIGTERM'): Promise<void> {
  if (!s || s.proc.exitCode !== null || s.proc.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    s.proc.once('exit', () => resolve());
    s.proc.kill(signal);
  });
}

async function withServer<R>(image: string, args: string[], f: (s: Server) => Promise<R>): Promise<R> {
  let s: Server | null = null;
  try {
    s = await boot(image, ...args);
    return await f(s);
  } finally {
    await stop(s, 'SIGKILL');
  }
}

interface Response {
  status: number;
  headers: Record<string, string>;
  body: string;
}

/** The complete responses at the start of `data` (latin1), in order. */
function parseResponses(data: string): Response[] {
  const out: Response[] = [];
  let pos = 0;
  for (;;) {
    const end = data.indexOf('\r\n\r\n', pos);
    if (end < 0) return out;
    const [statusLine, ...lines] = data.slice(pos, end).split('\r\n');
    const status = Number(/^HTTP\/1\.1 (\d{3}) /.exec(statusLine!)?.[1]);
    const headers: Record<string, string> = {};
    for (const l of lines) {
      const i = l.indexOf(':');
      headers[l.slice(0, i).toLowerCase()] = l.slice(i + 1).trim();
    }
    let p = end + 4;
    let body = '';
    if (headers['transfer-encoding'] === 'chunked') {
      for (;;) {
        const le = data.indexOf('\r\n', p);
        if (le < 0) return out;
        const size = parseInt(data.slice(p, le), 16);
        if (data.length < le + 2 + size + 2) return out;
        body += data.slice(le + 2, le + 2 + size);
        p = le + 2 + size + 2;
        if (size === 0) break;
      }
    } else {
      const n = Number(headers['content-length'] ?? 0);
      if (data.length < p + n) return out;
      body = data.slice(p, p + n);
      p += n;
    }
    out.push({ status, headers, body });
    pos = p;
  }
}

/** A raw connection: send bytes, wait for a number of responses or for the close. */
class Conn {
  readonly socket: net.Socket;
  data = '';
  closed = false;
  private waiters: (() => void)[] = [];

  private constructor(socket: net.Socket) {
    this.socket = socket;
    socket.setEncoding('latin1');
    socket.on('data', (d: string) => {
      this.data += d;
      this.wake();
    });
    socket.on('close', () => {
      this.closed = true;
      this.wake();
    });
    socket.on('error', () => {});
  }

  static open(port: number): Promise<Conn> {
    return new Promise((resolve, reject) => {
      const s = net.connect(port, '127.0.0.1', () => resolve(new Conn(s)));
      s.once('error', reject);
    });
  }

  private wake(): void {
    for (const w of this.waiters.splice(0)) w();
  }

  send(data: string | Buffer): void {
    this.socket.write(data);
  }

  /** Waits until `n` complete responses have arrived (or the connection closed). */
  async responses(n: number): Promise<Response[]> {
    while (parseResponses(this.data).length < n && !this.closed) await new Promise<void>((r) => this.waiters.push(r));
    return parseResponses(this.data);
  }

  async closedByServer(): Promise<void> {
    while (!this.closed) await new Promise<void>((r) => this.waiters.push(r));
  }

  destroy(): void {
    this.socket.destroy();
  }
}

function get(port: number, p: string, headers: Record<string, string> = {}, method = 'GET'): Promise<Response & { raw: http.IncomingMessage }> {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port, path: p, method, headers, agent: false }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (d: string) => (body += d));
      res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers as Record<string, string>, body, raw: res }));
    });
    req.on('error', reject);
    req.end();
  });
}

beforeAll(async () => {
  const a = await runMlc(['build', 'examples/static-site/service.ml', '--kv', 'htdocs=examples/static-site/site', '-o', siteImage], repoRoot);
  expect(a.stderr).toBe('');
  const b = await runMlc(['build', 'examples/counter/service.ml', '-o', counterImage], repoRoot);
  expect(b.stderr).toBe('');
}, T);

afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('static-site', () => {
  const site = path.join(repoRoot, 'examples/static-site/site');

  it('serves index.html at / with its type, length and date; 404 otherwise', async () => {
    await withServer(siteImage, [], async ({ port }) => {
      const r = await get(port, '/');
      expect(r.status).toBe(200);
      expect(r.body).toBe(readFileSync(path.join(site, 'index.html'), 'utf8'));
      expect(r.headers['content-type']).toBe('text/html; charset=utf-8');
      expect(Number(r.headers['content-length'])).toBe(readFileSync(path.join(site, 'index.html')).length);
      expect(r.headers['date']).toMatch(/^(Mon|Tue|Wed|Thu|Fri|Sat|Sun), \d\d (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{4} \d\d:\d\d:\d\d GMT$/);
      expect(Math.abs(Date.parse(r.headers['date']!) - Date.now())).toBeLessThan(60_000);
      const css = await get(port, '/style.css');
      expect(css.status).toBe(200);
      expect(css.headers['content-type']).toBe('text/css; charset=utf-8');
      expect(css.body).toBe(readFileSync(path.join(site, 'style.css'), 'utf8'));
      const missing = await get(port, '/no/such/page.html');
      expect(missing.status).toBe(404);
      expect(missing.body).toBe(readFileSync(path.join(site, '404.html'), 'utf8'));
      const head = await get(port, '/about.html', {}, 'HEAD');
      expect(head.status).toBe(200);
      expect(head.body).toBe('');
      expect(Number(head.headers['content-length'])).toBe(readFileSync(path.join(site, 'about.html')).length);
      const post = await get(port, '/', {}, 'POST');
      expect(post.status).toBe(405);
      expect(post.headers['allow']).toBe('GET, HEAD');
    });
  }, T);

  it('answers If-None-Match with the ETag by 304, and another tag by 200', async () => {
    await withServer(siteImage, [], async ({ port }) => {
      const first = await get(port, '/about.html');
      const tag = first.headers['etag']!;
      expect(tag).toMatch(/^"[0-9a-f]+-[0-9a-f]+"$/);
      const again = await get(port, '/about.html', { 'If-None-Match': tag });
      expect(again.status).toBe(304);
      expect(again.body).toBe('');
      expect(again.headers['etag']).toBe(tag);
      const list = await get(port, '/about.html', { 'If-None-Match': `"nope", W/${tag}` });
      expect(list.status).toBe(304);
      const other = await get(port, '/about.html', { 'If-None-Match': '"nope"' });
      expect(other.status).toBe(200);
      expect(other.body).toBe(first.body);
      const index = await get(port, '/');
      expect(index.headers['etag']).not.toBe(tag);
    });
  }, T);

  it('keeps a connection alive for two requests, and answers pipelined requests in order', async () => {
    await withServer(siteImage, [], async ({ port }) => {
      const c = await Conn.open(port);
      try {
        c.send('GET /style.css HTTP/1.1\r\nHost: x\r\n\r\n');
        const [one] = await c.responses(1);
        expect(one!.status).toBe(200);
        expect(one!.headers['connection']).toBeUndefined();
        c.send('GET /about.html HTTP/1.1\r\nHost: x\r\n\r\n');
        const [, two] = await c.responses(2);
        expect(two!.status).toBe(200);
        expect(two!.headers['content-type']).toBe('text/html; charset=utf-8');
        expect(c.closed).toBe(false);
      } finally {
        c.destroy();
      }
      const p = await Conn.open(port);
      try {
        p.send(
          'GET /about.html HTTP/1.1\r\nHost: x\r\n\r\nGET /missing HTTP/1.1\r\nHost: x\r\n\r\nGET /style.css HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n',
        );
        await p.closedByServer();
        const rs = parseResponses(p.data);
        expect(rs.map((r) => r.status)).toEqual([200, 404, 200]);
        expect(rs[0]!.body).toContain('<title>About this site</title>');
        expect(rs[2]!.headers['content-type']).toBe('text/css; charset=utf-8');
        expect(rs[2]!.headers['connection']).toBe('close');
      } finally {
        p.destroy();
      }
    });
  }, T);

  it('answers a malformed request with 400 and closes it, while serving another connection', async () => {
    await withServer(siteImage, [], async ({ port }) => {
      const good = await Conn.open(port);
      const bad = await Conn.open(port);
      try {
        good.send('GET / HTTP/1.1\r\nHost: x\r\n\r\n');
        expect((await good.responses(1))[0]!.status).toBe(200);
        bad.send('GET / HTTP/1.1\r\nHost : x\r\n\r\n');
        await bad.closedByServer();
        const [r] = parseResponses(bad.data);
        expect(r!.status).toBe(400);
        expect(r!.headers['connection']).toBe('close');
        good.send('GET /style.css HTTP/1.1\r\nHost: x\r\n\r\n');
        expect((await good.responses(2))[1]!.status).toBe(200);
        expect(good.closed).toBe(false);
      } finally {
        good.destroy();
        bad.destroy();
      }
    });
  }, T);

  it('refuses a header flood with 431 and a too-large body with 413', async () => {
    await withServer(siteImage, [], async ({ port }) => {
      const flood = await Conn.open(port);
      try {
        const fields = Array.from({ length: 200 }, (_, i) => `X-Flood-${i}: ${'v'.repeat(50)}\r\n`).join('');
        flood.send(`GET / HTTP/1.1\r\nHost: x\r\n${fields}\r\n`);
        await flood.closedByServer();
        expect(parseResponses(flood.data)[0]!.status).toBe(431);
      } finally {
        flood.destroy();
      }
      const big = await Conn.open(port);
      try {
        const body = Buffer.alloc(2 * 1024 * 1024, 0x61);
        big.send(`POST / HTTP/1.1\r\nHost: x\r\nContent-Length: ${body.length}\r\n\r\n`);
        big.send(body);
        await big.closedByServer();
        const [r] = parseResponses(big.data);
        expect(r!.status).toBe(413);
        expect(r!.headers['connection']).toBe('close');
      } finally {
        big.destroy();
      }
      // still serving
      expect((await get(port, '/')).status).toBe(200);
    });
  }, T);
});

describe('a handler that raises', () => {
  it('gets the client a 500 and the operator the exception on stderr, and the service goes on', async () => {
    const dir = mkdtempSync(path.join(tmp, 'raise-'));
    const image = path.join(dir, 'raise.wasm');
    writeFileSync(
      path.join(dir, 'service.ml'),
      [
        'module Main (S : Net.S) = struct',
        '  module H = Http.Server (S)',
        '  let start stack =',
        '    let open Promise.Syntax in',
        '    let routes = [',
        '      Http.Router.get "/boom" (fun _ _ -> failwith "no \\"luck\\"");',
        '      Http.Router.get "/ok" (fun _ _ -> Promise.return (Http.respond "fine\\n")) ] in',
        '    let* r = H.listen stack ~port:8080 (Http.Router.dispatch routes) in',
        '    match r with Ok () -> fst (Promise.wait ()) | Error e -> failwith (Net.pp_error e)',
        'end',
        '',
      ].join('\n'),
    );
    const built = await runMlc(['build', 'service.ml', '-o', image], dir);
    expect(built.stderr).toBe('');
    let s: Server | null = null;
    try {
      s = await boot(image);
      let err = '';
      s.proc.stderr!.on('data', (d: Buffer) => (err += d.toString()));
      expect((await get(s.port, '/boom?x=1')).status).toBe(500);
      expect((await get(s.port, '/ok')).body).toBe('fine\n');
      expect(err).toContain('http: GET /boom?x=1: the handler raised Failure("no \\"luck\\""); answered 500\n');
    } finally {
      await stop(s, 'SIGKILL');
    }
  }, T);
});

describe('counter', () => {
  it('counts, takes a chunked POST, and keeps its value across a restart and a kill -9', async () => {
    const disk = path.join(tmp, 'counter.img');
    const post = (port: number, body = '') =>
      new Promise<Response>((resolve, reject) => {
        const req = http.request({ host: '127.0.0.1', port, path: '/', method: 'POST', agent: false }, (res) => {
          let b = '';
          res.on('data', (d) => (b += d));
          res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers as Record<string, string>, body: b }));
        });
        req.on('error', reject);
        if (body) req.write(body); // with no Content-Length, Node sends the body chunked
        req.end();
      });
    let s: Server | null = null;
    try {
      s = await boot(counterImage, '--block', `store=${disk}`);
      const start = await get(s.port, '/');
      expect(start.status).toBe(200);
      expect(start.headers['content-type']).toBe('application/json');
      expect(JSON.parse(start.body)).toEqual({ value: 0 });
      expect(JSON.parse((await post(s.port)).body)).toEqual({ value: 1 });

      // a chunked request body, written by hand
      const c = await Conn.open(s.port);
      try {
        c.send('POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n2\r\n{}\r\n0\r\n\r\n');
        const [r] = await c.responses(1);
        expect(r!.status).toBe(200);
        expect(JSON.parse(r!.body)).toEqual({ value: 2 });
      } finally {
        c.destroy();
      }
      const viaNode = await post(s.port, '{"note": "chunked by node"}');
      expect(JSON.parse(viaNode.body)).toEqual({ value: 3 });
      expect((await get(s.port, '/', {}, 'PUT')).status).toBe(405);

      // an orderly restart
      await stop(s);
      s = await boot(counterImage, '--block', `store=${disk}`);
      expect(JSON.parse((await get(s.port, '/')).body)).toEqual({ value: 3 });

      // kill -9 right after a POST was answered
      const answered = await post(s.port);
      s.proc.kill('SIGKILL');
      expect(JSON.parse(answered.body)).toEqual({ value: 4 });
      await stop(s, 'SIGKILL');
      s = await boot(counterImage, '--block', `store=${disk}`);
      expect(JSON.parse((await get(s.port, '/')).body)).toEqual({ value: 4 });

      // concurrent POSTs each get their own value
      const values = await Promise.all(Array.from({ length: 10 }, () => post(s!.port).then((r) => JSON.parse(r.body).value as number)));
      expect([...values].sort((a, b) => a - b)).toEqual([5, 6, 7, 8, 9, 10, 11, 12, 13, 14]);
      s.proc.kill('SIGKILL');
      await stop(s, 'SIGKILL');
      s = await boot(counterImage, '--block', `store=${disk}`);
      expect(JSON.parse((await get(s.port, '/')).body)).toEqual({ value: 14 });
    } finally {
      await stop(s, 'SIGKILL');
    }
  }, 2 * T);
});
