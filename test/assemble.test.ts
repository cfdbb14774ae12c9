// The direct assembler (compiler/codegen/assemble.ts) against binaryen's: a
// module using each construct the emitter writes must behave the same whichever
// assembled it, and text it does not read must still build, through binaryen.

import { describe, expect, test } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { runMlc } from './harness/cli.ts';
import { assembleText, Unsupported } from '../compiler/codegen/assemble.ts';
import { assemble, AssembleError } from '../compiler/codegen/binaryen.ts';
import { pruneUnreachable } from '../compiler/codegen/prune.ts';

const sample = String.raw`(module
(import "env" "log" (func $log (param i64)))
(import "env" "logf" (func $logf (param f64)))
(rec
  (type $Closure (sub (struct (field $arity i32) (field $code (ref $Fn1)))))
  (type $Fn1 (func (param (ref $Closure) eqref) (result eqref)))
  (type $Closure2 (sub $Closure (struct (field $arity i32) (field $code (ref $Fn1)) (field $extra (mut i64)))))
)
(type $Block (array (mut eqref)))
(type $String (array (mut i8)))
(type $Boxed (struct (field $v i64)))
(tag $exn (export "exn") (param eqref))
(memory $io (export "io") 1)
(data $hello "hi\n\00\ff")
(global $counter (mut i64) (i64.const -9223372036854775808))
(global $clo (ref $Closure) (struct.new $Closure (i32.const 1) (ref.func $ident)))
(global $unused (mut eqref) (ref.null none))
(global $s (mut eqref) (ref.null none))
(func $ident (type $Fn1) (param $self (ref $Closure)) (param $x eqref) (result eqref)
  (local.get $x))
(func $dead (result i32) (call $dead2))
(func $dead2 (result i32) (i32.const 7))
(func $box (param $n i64) (result eqref) (struct.new $Boxed (local.get $n)))
(func $unbox (param $v eqref) (result i64) (struct.get $Boxed $v (ref.cast (ref $Boxed) (local.get $v))))
(func $classify (param $k i32) (result i32)
  (block $c (block $b (block $a (br_table $a $b $c (local.get $k))) (return (i32.const 10))) (return (i32.const 20)))
  (i32.const 30))
(func $sum (param $n i64) (result i64) (local $acc i64) (local $i i64)
  (local.set $i (i64.const 0))
  (block $done (loop $next
    (br_if $done (i64.ge_s (local.get $i) (local.get $n)))
    (local.set $acc (i64.add (local.get $acc) (local.get $i)))
    (local.set $i (i64.add (local.get $i) (i64.const 1)))
    (br $next)))
  (local.get $acc))
(func $catching (param $v i64) (result i64)
  (block $caught (result eqref)
    (return (block $ok (result i64)
      (drop (try_table (result eqref) (catch $exn $caught)
        (if (i64.eqz (local.get $v)) (then (throw $exn (call $box (i64.const 99)))))
        (call $box (local.get $v))))
      (i64.mul (local.get $v) (i64.const 2)))))
  (call $unbox))
(func $strings (result i64) (local $s (ref $String))
  (local.set $s (array.new_data $String $hello (i32.const 0) (i32.const 5)))
  (global.set $s (local.get $s))
  (i32.store8 (i32.const 3) (array.get_u $String (local.get $s) (i32.const 4)))
  (i64.extend_i32_u (i32.add (array.len (local.get $s)) (i32.load8_u offset=3 (i32.const 0)))))
(func $floats
  (call $logf (f64.const inf)) (call $logf (f64.const -0.0)) (call $logf (f64.const 0x1p-1022))
  (call $logf (f64.const 1.5e-7)) (call $logf (f64.const nan))
  (call $logf (f64.div (f64.convert_i64_s (i64.const 7)) (f64.const 2))))
(func $closures (result i64) (local $c (ref $Closure))
  (local.set $c (struct.new $Closure2 (i32.const 1) (ref.func $ident) (i64.const 5)))
  (struct.set $Closure2 $extra (ref.cast (ref $Closure2) (local.get $c)) (i64.const 6))
  (i64.add
    (struct.get $Closure2 $extra (ref.cast (ref $Closure2) (local.get $c)))
    (call $unbox (call_ref $Fn1 (global.get $clo) (call $box (i64.const 36)) (struct.get $Closure $code (global.get $clo))))))
(func $tail (param $n i64) (result i64)
  (if (result i64) (i64.eqz (local.get $n)) (then (i64.const 1)) (else (return_call $tail (i64.sub (local.get $n) (i64.const 1))))))
(func $misc (result i64)
  (select (i64.const 3) (i64.const 4) (ref.test (ref i31) (ref.i31 (i32.const 5)))))
(func (export "main")
  (call $log (i64.extend_i32_s (call $classify (i32.const 0))))
  (call $log (i64.extend_i32_s (call $classify (i32.const 1))))
  (call $log (i64.extend_i32_s (call $classify (i32.const 9))))
  (call $log (call $sum (i64.const 100)))
  (call $log (call $catching (i64.const 0)))
  (call $log (call $catching (i64.const 21)))
  (call $log (call $strings))
  (call $floats)
  (call $log (call $closures))
  (call $log (call $tail (i64.const 100000)))
  (call $log (call $misc))
  (call $log (global.get $counter))
  (call $log (i64.extend_i32_s (i31.get_s (ref.cast (ref i31) (ref.i31 (i32.const -3)))))))
)`;

async function run(binary: Uint8Array): Promise<string[]> {
  const out: string[] = [];
  const { instance } = await WebAssembly.instantiate(binary as Uint8Array<ArrayBuffer>, {
    env: { log: (v: bigint) => out.push(String(v)), logf: (v: number) => out.push(Object.is(v, -0) ? '-0' : String(v)) },
  });
  (instance.exports.main as () => void)();
  return out;
}

describe('direct assembler', () => {
  test('behaves as binaryen does on the constructs the emitter writes', async () => {
    const direct = assembleText(pruneUnreachable(sample));
    expect(WebAssembly.validate(direct as Uint8Array<ArrayBuffer>)).toBe(true);
    const viaBinaryen = await assemble(sample, { optimize: 3, viaText: true });
    const expected = await run(viaBinaryen);
    expect(expected).toEqual([
      '10', '20', '30', '4950', '99', '42', '260', 'Infinity', '-0', String(2 ** -1022), '1.5e-7', 'NaN', '3.5',
      '42', '1', '3', '-9223372036854775808', '-3',
    ]);
    expect(await run(direct)).toEqual(expected);
    // pruning dropped what nothing reaches
    expect(pruneUnreachable(sample)).not.toContain('$dead');
    expect(pruneUnreachable(sample)).not.toContain('$unused');
  }, 120_000);

  test('text it does not read goes to binaryen', async () => {
    const odd = '(module (table 1 funcref) (func (export "f") (result i32) (i32.const 4)))';
    expect(() => assembleText(odd)).toThrow(Unsupported);
    const binary = await assemble(odd, { optimize: 2 });
    const { instance } = await WebAssembly.instantiate(binary as Uint8Array<ArrayBuffer>);
    expect((instance.exports.f as () => number)()).toBe(4);
  }, 120_000);

  test('-O3 reads what the direct assembler made: code nested too deeply for binaryen\'s text parser', async () => {
    // toplevel definitions compile to a main function about four blocks deep per
    // definition; binaryen.js's text parser overflows its stack from about 1,000
    // ("__next_prime overflow" with 16,000 definitions)
    const dir = mkdtempSync(path.join(os.tmpdir(), 'mlc-deep-'));
    try {
      const n = 2000;
      const lines = Array.from({ length: n }, (_, i) => `let f${i} x = x + ${i}`);
      lines.push(...Array.from({ length: n }, (_, i) => `let () = ignore (f${i} 1)`), `let () = print_int (f${n - 1} 1)`);
      writeFileSync(path.join(dir, 'deep.ml'), lines.join('\n') + '\n');
      const out = await runMlc(['run', '-O3', 'deep.ml'], dir);
      expect(out.stderr).toBe('');
      expect(out.stdout).toBe(String(n));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 180_000);

  test('an invalid module is an internal error, as binaryen reports it', async () => {
    const bad = '(module (func (export "f") (result i32) (i64.const 0)))';
    expect(() => new WebAssembly.Module(assembleText(bad) as Uint8Array<ArrayBuffer>)).toThrow(WebAssembly.CompileError);
    await expect(assemble(bad, { optimize: 2 })).rejects.toThrow(AssembleError);
  }, 120_000);
});
