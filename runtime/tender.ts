// The tender: the host side of an mlc image. It instantiates the image with
// exactly the imports the runtime system needs, runs `main`, and turns what can
// go wrong in the guest into an exit status and one line on stderr:
//   - `exit n` from the program                 -> status n
//   - an uncaught OCaml exception               -> `Fatal error: exception ...`, 2
//   - stack exhaustion                          -> `Fatal error: exception Stack_overflow`, 2
//   - a Wasm trap (a bug in mlc, or a bad image) -> `mlc: guest fault: ...`, 3
// The host never throws because of the guest.

import type { Device } from './devices.ts';
import { fillRandom } from './devices.ts';
import { formatFloat, formatInt, parseFloat64, parseInt63 } from './format.ts';

export interface Output {
  write(bytes: Uint8Array): void;
  /** Writes out what is buffered (a service's log must not wait for its exit). */
  flush?(): void;
}

export interface RunOptions {
  readonly stdout: Output;
  readonly stderr: Output;
  /** The attached devices, in the order of the image's manifest. */
  readonly devices?: readonly Device[];
  /** Called once the image is instantiated and its code is about to run. */
  readonly onBoot?: (instantiateMs: number) => void;
}

/** Thrown through the guest's frames by the `exit` import. */
class ExitSignal {
  readonly code: number;
  constructor(code: number) {
    this.code = code;
  }
}

/** The exception-handling API, which TypeScript's DOM library does not describe yet. */
interface WasmTag {
  readonly __tag: unique symbol;
}
interface WasmException {
  is(tag: WasmTag): boolean;
  getArg(tag: WasmTag, index: number): unknown;
}
const WasmExceptionClass = (WebAssembly as unknown as { Exception: abstract new () => WasmException }).Exception;

interface GuestExports {
  main(): void;
  mlc_has_callback(): number;
  mlc_event(reqid: number, status: number, len: number): bigint;
  io: WebAssembly.Memory;
  ocaml_exception: WasmTag;
  val_kind(v: unknown): number;
  val_int(v: unknown): bigint;
  val_float(v: unknown): number;
  val_tag(v: unknown): number;
  val_size(v: unknown): number;
  val_field(v: unknown, i: number): unknown;
  val_string(v: unknown): number;
}

const latin1 = new TextDecoder('latin1');

export async function runImage(bytes: Uint8Array, opts: RunOptions): Promise<number> {
  let exports: GuestExports | null = null;
  const devices = opts.devices ?? [];
  const loop = new EventLoop(() => exports!, opts);
  const mem = (): Uint8Array => new Uint8Array(exports!.io.buffer);
  const readIo = (len: number): string => latin1.decode(mem().subarray(0, len));
  const writeIo = (s: string): number => {
    const m = mem();
    const n = Math.min(s.length, m.length);
    for (let i = 0; i < n; i++) m[i] = s.charCodeAt(i) & 0xff;
    return n;
  };
  const imports = {
    mlc: {
      write(fd: number, len: number): void {
        const chunk = mem().slice(0, len);
        (fd === 2 ? opts.stderr : opts.stdout).write(chunk);
      },
      exit(code: number): void {
        throw new ExitSignal(code);
      },
      format_int(len: number, n: bigint): number {
        return writeIo(formatInt(readIo(len), n));
      },
      format_float(len: number, x: number, signBit: number): number {
        return writeIo(formatFloat(readIo(len), x, signBit !== 0));
      },
      int_of_string(len: number): number {
        const v = parseInt63(readIo(len));
        if (v === null) return 0;
        new DataView(exports!.io.buffer).setBigInt64(0, v, true);
        return 1;
      },
      clock_monotonic: (): bigint => process.hrtime.bigint(),
      clock_wall: (): bigint => BigInt(Date.now()) * 1_000_000n,
      entropy(len: number): void {
        fillRandom(mem().subarray(0, len));
      },
      device_request(dev: number, op: number, reqid: number, a: bigint, b: bigint, len: number): number {
        const device = devices[dev];
        if (!device) return 1;
        const payload = mem().slice(0, len);
        // counted before starting: a device may answer at once
        loop.started();
        const started = device.request(op, a, b, payload, (status, data) => loop.complete(reqid, status, data));
        if (started) return 0;
        loop.abandoned();
        return 2;
      },
      float_of_string(len: number): number {
        const v = parseFloat64(readIo(len));
        if (v === null) return 0;
        new DataView(exports!.io.buffer).setFloat64(0, v, true);
        return 1;
      },
    },
    math: {
      exp: Math.exp, log: Math.log, log10: Math.log10, sin: Math.sin, cos: Math.cos,
      tan: Math.tan, asin: Math.asin, acos: Math.acos, atan: Math.atan, expm1: Math.expm1,
      log1p: Math.log1p, sinh: Math.sinh, cosh: Math.cosh, tanh: Math.tanh,
      atan2: Math.atan2, pow: ocamlPow, hypot: Math.hypot,
      fmod: (a: number, b: number) => a % b,
      // C's round: half away from zero (Math.round rounds half up)
      round: (x: number) => (x < 0 ? -Math.round(-x) : Math.round(x)),
    },
  };
  let instance: WebAssembly.Instance;
  const t0 = performance.now();
  try {
    const compiled = await WebAssembly.compile(bytes as BufferSource);
    instance = await WebAssembly.instantiate(compiled, imports);
  } catch (e) {
    opts.stderr.write(encode(`mlc: cannot load the image: ${(e as Error).message}\n`));
    return 3;
  }
  exports = instance.exports as unknown as GuestExports;
  if (typeof exports.main !== 'function' || typeof exports.mlc_has_callback !== 'function') {
    opts.stderr.write(encode('mlc: cannot load the image: it is WebAssembly, but not an image mlc built (no main function)\n'));
    return 3;
  }
  opts.onBoot?.(performance.now() - t0);
  try {
    exports.main();
  } catch (e) {
    return reportGuestFailure(e, exports, opts);
  }
  // A program is done when its toplevel code returns; a service keeps running.
  if (!exports.mlc_has_callback()) return 0;
  return loop.run();
}

/**
 * Drives a service: calls the guest back on timer ticks and completions, arms
 * one timer for the deadline it returns, and ends when the guest says so, when
 * it fails, or when nothing could ever wake it again.
 */
class EventLoop {
  private pending = 0;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private finish: ((status: number) => void) | null = null;
  private finished = false;
  private readonly guest: () => GuestExports;
  private readonly opts: RunOptions;

  constructor(guest: () => GuestExports, opts: RunOptions) {
    this.guest = guest;
    this.opts = opts;
  }

  started(): void {
    this.pending++;
  }

  abandoned(): void {
    this.pending--;
  }

  run(): Promise<number> {
    return new Promise((resolve) => {
      this.finish = resolve;
      this.dispatch(-1, 0, undefined);
    });
  }

  complete(reqid: number, status: number, data: Uint8Array | undefined): void {
    // never re-enter the guest from inside one of its own calls; the request
    // stays pending until its answer is delivered
    setImmediate(() => {
      this.pending--;
      this.dispatch(reqid, status, data);
    });
  }

  private dispatch(reqid: number, status: number, data: Uint8Array | undefined): void {
    if (this.finished || !this.finish) return;
    const ex = this.guest();
    let next: bigint;
    try {
      const len = data?.length ?? 0;
      if (data && len > 0) {
        const need = Math.ceil(len / 65536) - ex.io.buffer.byteLength / 65536;
        if (need > 0) ex.io.grow(need);
        new Uint8Array(ex.io.buffer).set(data, 0);
      }
      next = ex.mlc_event(reqid, status, len);
    } catch (e) {
      return this.end(reportGuestFailure(e, ex, this.opts));
    }
    if (next <= -2n) return this.end(Number(-2n - next));
    // the guest now waits: what it printed so far is shown now, not at exit
    this.opts.stdout.flush?.();
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    if (next >= 0n) {
      const delayMs = Number(next - process.hrtime.bigint()) / 1e6;
      this.timer = setTimeout(() => this.dispatch(-1, 0, undefined), Math.max(0, Math.ceil(delayMs)));
    } else if (this.pending === 0) {
      this.opts.stderr.write(encode('mlc: the service is waiting, but no timer or request can ever wake it\n'));
      this.end(1);
    }
  }

  private end(status: number): void {
    if (this.finished) return;
    this.finished = true;
    if (this.timer) clearTimeout(this.timer);
    this.finish!(status);
  }
}

/** C's pow, which differs from Math.pow on a few edge cases OCaml programs see. */
function ocamlPow(x: number, y: number): number {
  if (x === 1 || y === 0) return 1;
  if (x === -1 && !Number.isFinite(y)) return 1;
  return Math.pow(x, y);
}

function encode(s: string): Uint8Array {
  return new TextEncoder().encode(s);
}

function reportGuestFailure(e: unknown, ex: GuestExports, opts: RunOptions): number {
  if (e instanceof ExitSignal) return e.code;
  if (e instanceof WasmExceptionClass && e.is(ex.ocaml_exception)) {
    const text = formatException(e.getArg(ex.ocaml_exception, 0), ex);
    opts.stderr.write(latin1Bytes(`Fatal error: exception ${text}\n`));
    return 2;
  }
  if (e instanceof RangeError && /call stack/i.test(e.message)) {
    opts.stderr.write(encode('Fatal error: exception Stack_overflow\n'));
    return 2;
  }
  const message = e instanceof Error ? e.message : String(e);
  opts.stderr.write(encode(`mlc: guest fault: ${message}\n`));
  return 3;
}

function latin1Bytes(s: string): Uint8Array {
  return Uint8Array.from(s, (c) => c.charCodeAt(0) & 0xff);
}

function guestString(v: unknown, ex: GuestExports): string {
  const n = ex.val_string(v);
  return latin1.decode(new Uint8Array(ex.io.buffer).subarray(0, Math.min(n, 65536)));
}

/**
 * OCaml's default printer for uncaught exceptions: the constructor's name, then
 * its arguments in parentheses, ints and strings shown, anything else `_`.
 * `Match_failure` and `Assert_failure` carry one tuple, printed as the arguments.
 */
export function formatException(v: unknown, ex: GuestExports): string {
  if (ex.val_tag(v) === 248) return guestString(ex.val_field(v, 0), ex);
  const id = ex.val_field(v, 0);
  const name = guestString(ex.val_field(id, 0), ex);
  let args: unknown[] = [];
  for (let i = 1; i < ex.val_size(v); i++) args.push(ex.val_field(v, i));
  if ((name === 'Match_failure' || name === 'Assert_failure') && args.length === 1) {
    const t = args[0];
    args = [];
    for (let i = 0; i < ex.val_size(t); i++) args.push(ex.val_field(t, i));
  }
  const shown = args.map((a) => {
    switch (ex.val_kind(a)) {
      case 0:
        return ex.val_int(a).toString();
      case 2:
        return `"${guestString(a, ex)}"`;
      default:
        return '_';
    }
  });
  return shown.length === 0 ? name : `${name}(${shown.join(', ')})`;
}
