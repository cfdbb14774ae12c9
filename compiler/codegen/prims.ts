// Code for each primitive, as WebAssembly text over the runtime in rts.ts.
//
// An emitter passes already-compiled operands in the form each primitive asks
// for: `v` (eqref), `i` (normalised 63-bit value in an i64) or `f` (f64). A
// primitive produces `v`, `i`, `f` or `b` (an i32 boolean); codegen converts.

export type Form = 'v' | 'i' | 'f' | 'b';

export interface PrimCode {
  readonly args: readonly Form[];
  readonly result: Form;
  /** Builds the instruction from the operands (already in the forms above). */
  readonly code: (a: string[]) => string;
}

function nonZeroConst(code: string): boolean {
  const m = /^\(i64\.const (-?\d+)\)$/.exec(code);
  return m !== null && BigInt(m[1]!) !== 0n;
}

/** Keeps the low 63 bits, sign-extended: OCaml's int arithmetic wraps there. */
export function norm(x: string): string {
  return `(i64.shr_s (i64.shl ${x} (i64.const 1)) (i64.const 1))`;
}

const ii = (op: string): PrimCode => ({ args: ['i', 'i'], result: 'i', code: ([a, b]) => norm(`(${op} ${a} ${b})`) });
const icmp = (op: string): PrimCode => ({ args: ['i', 'i'], result: 'b', code: ([a, b]) => `(${op} ${a} ${b})` });
const ff = (op: string): PrimCode => ({ args: ['f', 'f'], result: 'f', code: ([a, b]) => `(${op} ${a} ${b})` });
const f1 = (op: string): PrimCode => ({ args: ['f'], result: 'f', code: ([a]) => `(${op} ${a})` });
const hostF1 = (name: string): PrimCode => ({ args: ['f'], result: 'f', code: ([a]) => `(call $math_${name} ${a})` });
const hostF2 = (name: string): PrimCode => ({ args: ['f', 'f'], result: 'f', code: ([a, b]) => `(call $math_${name} ${a} ${b})` });
const call = (fn: string, n: number, result: Form = 'v'): PrimCode => ({
  args: Array(n).fill('v') as Form[],
  result,
  code: (a) => `(call ${fn} ${a.join(' ')})`,
});

// Indexing takes the index unboxed; the runtime function checks the bounds.
const arrayLength: PrimCode = {
  args: ['v'],
  result: 'i',
  code: ([a]) => `(i64.extend_i32_s (i32.sub (array.len (ref.cast (ref $Block) ${a})) (i32.const 1)))`,
};
const arrayGet: PrimCode = { args: ['v', 'i'], result: 'v', code: ([a, i]) => `(call $array_get_i ${a} ${i})` };
const arraySet: PrimCode = { args: ['v', 'i', 'v'], result: 'v', code: ([a, i, v]) => `(call $array_set_i ${a} ${i} ${v})` };
const stringLength: PrimCode = {
  args: ['v'],
  result: 'i',
  code: ([a]) => `(i64.extend_i32_u (array.len (ref.cast (ref $String) ${a})))`,
};
const stringGet: PrimCode = {
  args: ['v', 'i'],
  result: 'i',
  code: ([a, i]) => `(i64.extend_i32_u (call $string_get_i ${a} ${i}))`,
};
const bytesSet: PrimCode = { args: ['v', 'i', 'i'], result: 'v', code: ([a, i, c]) => `(call $bytes_set_i ${a} ${i} ${c})` };

/** Math functions the host provides (JS `Math`), by their import name. */
export const hostMath1 = ['exp', 'log', 'log10', 'sin', 'cos', 'tan', 'asin', 'acos', 'atan', 'expm1', 'log1p', 'sinh', 'cosh', 'tanh'];
export const hostMath2 = ['atan2', 'pow', 'fmod', 'hypot'];

export const prims: Record<string, PrimCode> = {
  '%addint': ii('i64.add'),
  '%subint': ii('i64.sub'),
  '%mulint': ii('i64.mul'),
  // by a constant other than 0 there is nothing to check (and min_int / -1 cannot
  // overflow: 63-bit values in 64-bit arithmetic)
  '%divint': {
    args: ['i', 'i'],
    result: 'i',
    code: ([a, b]) => norm(nonZeroConst(b!) ? `(i64.div_s ${a} ${b})` : `(call $div ${a} ${b})`),
  },
  '%modint': {
    args: ['i', 'i'],
    result: 'i',
    code: ([a, b]) => (nonZeroConst(b!) ? `(i64.rem_s ${a} ${b})` : `(call $mod ${a} ${b})`),
  },
  '%negint': { args: ['i'], result: 'i', code: ([a]) => norm(`(i64.sub (i64.const 0) ${a})`) },
  '%succint': { args: ['i'], result: 'i', code: ([a]) => norm(`(i64.add ${a} (i64.const 1))`) },
  '%predint': { args: ['i'], result: 'i', code: ([a]) => norm(`(i64.sub ${a} (i64.const 1))`) },
  '%andint': ii('i64.and'),
  '%orint': ii('i64.or'),
  '%xorint': ii('i64.xor'),
  '%lslint': ii('i64.shl'),
  // lsr on 63 bits: shift the 63-bit pattern, not the sign-extended 64-bit one
  '%lsrint': {
    args: ['i', 'i'],
    result: 'i',
    code: ([a, b]) =>
      norm(`(i64.shr_u (i64.and ${a} (i64.const 0x7fffffffffffffff)) ${b})`),
  },
  '%asrint': ii('i64.shr_s'),

  '%boolnot': { args: ['b'], result: 'b', code: ([a]) => `(i32.eqz ${a})` },
  '%eq': call('$phys_equal', 2, 'b'),
  '%noteq': { args: ['v', 'v'], result: 'b', code: ([a, b]) => `(i32.eqz (call $phys_equal ${a} ${b}))` },
  '%equal': call('$equal', 2, 'b'),
  '%notequal': { args: ['v', 'v'], result: 'b', code: ([a, b]) => `(i32.eqz (call $equal ${a} ${b}))` },
  '%lessthan': call('$less', 2, 'b'),
  '%lessequal': call('$less_equal', 2, 'b'),
  '%greaterthan': { args: ['v', 'v'], result: 'b', code: ([a, b]) => `(call $less ${b} ${a})` },
  '%greaterequal': { args: ['v', 'v'], result: 'b', code: ([a, b]) => `(call $less_equal ${b} ${a})` },
  '%compare': call('$compare', 2),
  // the same comparisons when both sides are known to be ints (see codegen)
  int_eq: icmp('i64.eq'),
  int_ne: icmp('i64.ne'),
  int_lt: icmp('i64.lt_s'),
  int_le: icmp('i64.le_s'),
  int_gt: icmp('i64.gt_s'),
  int_ge: icmp('i64.ge_s'),
  int_compare: {
    args: ['i', 'i'],
    result: 'i',
    code: ([a, b]) => `(i64.extend_i32_s (i32.sub (i64.gt_s ${a} ${b}) (i64.lt_s ${a} ${b})))`,
  },
  float_eq: { args: ['f', 'f'], result: 'b', code: ([a, b]) => `(f64.eq ${a} ${b})` },
  float_ne: { args: ['f', 'f'], result: 'b', code: ([a, b]) => `(f64.ne ${a} ${b})` },
  float_lt: { args: ['f', 'f'], result: 'b', code: ([a, b]) => `(f64.lt ${a} ${b})` },
  float_le: { args: ['f', 'f'], result: 'b', code: ([a, b]) => `(f64.le ${a} ${b})` },
  float_gt: { args: ['f', 'f'], result: 'b', code: ([a, b]) => `(f64.gt ${a} ${b})` },
  float_ge: { args: ['f', 'f'], result: 'b', code: ([a, b]) => `(f64.ge ${a} ${b})` },
  string_equal: call('$equal', 2, 'b'),
  caml_string_equal: call('$equal', 2, 'b'),
  caml_bytes_equal: call('$equal', 2, 'b'),
  caml_string_compare: call('$compare', 2),
  caml_bytes_compare: call('$compare', 2),
  /** Equality with a small constant: safe on any value, no cast needed. */
  eq_imm: { args: ['v', 'v'], result: 'b', code: ([a, b]) => `(ref.eq ${a} ${b})` },
  phys_eq: { args: ['v', 'v'], result: 'b', code: ([a, b]) => `(ref.eq ${a} ${b})` },
  is_block: { args: ['v'], result: 'b', code: ([a]) => `(ref.test (ref $Block) ${a})` },
  tag: {
    args: ['v'],
    result: 'i',
    code: ([a]) => `(i64.extend_i32_s (i31.get_s (ref.cast (ref i31) (array.get $Block (ref.cast (ref $Block) ${a}) (i32.const 0)))))`,
  },
  ignore: { args: ['v'], result: 'v', code: ([a]) => `(block (result eqref) (drop ${a}) (ref.i31 (i32.const 0)))` },

  '%field0': { args: ['v'], result: 'v', code: ([a]) => `(call $block_get ${a} (i32.const 1))` },
  '%field1': { args: ['v'], result: 'v', code: ([a]) => `(call $block_get ${a} (i32.const 2))` },
  '%setfield0': {
    args: ['v', 'v'],
    result: 'v',
    code: ([a, b]) => `(block (result eqref) (call $block_set ${a} (i32.const 1) ${b}) (ref.i31 (i32.const 0)))`,
  },
  '%makemutable': {
    args: ['v'],
    result: 'v',
    code: ([a]) => `(array.new_fixed $Block 2 (ref.i31 (i32.const 0)) ${a})`,
  },
  '%incr': {
    args: ['v'],
    result: 'v',
    code: ([a]) => `(call $incr_by ${a} (i64.const 1))`,
  },
  '%decr': {
    args: ['v'],
    result: 'v',
    code: ([a]) => `(call $incr_by ${a} (i64.const -1))`,
  },

  '%string_length': stringLength,
  '%bytes_length': stringLength,
  '%string_safe_get': stringGet,
  '%string_unsafe_get': stringGet,
  '%bytes_safe_get': stringGet,
  '%bytes_unsafe_get': stringGet,
  '%bytes_safe_set': bytesSet,
  '%bytes_unsafe_set': bytesSet,
  '%bytes_to_string': { args: ['v'], result: 'v', code: ([a]) => a! },
  '%bytes_of_string': { args: ['v'], result: 'v', code: ([a]) => a! },
  caml_create_bytes: call('$bytes_create', 1),
  caml_blit_string: call('$blit_string', 5),
  caml_blit_bytes: call('$blit_string', 5),
  caml_fill_bytes: call('$fill_bytes', 4),
  mlc_string_concat: call('$string_concat', 2),

  '%array_length': arrayLength,
  array_length: arrayLength,
  '%array_safe_get': arrayGet,
  '%array_unsafe_get': arrayGet,
  '%array_safe_set': arraySet,
  '%array_unsafe_set': arraySet,
  caml_make_vect: call('$array_make', 2),
  caml_array_sub: call('$array_sub', 3),
  caml_array_append: call('$array_append', 2),
  caml_array_blit: call('$array_blit', 5),
  caml_array_fill: call('$array_fill', 4),

  '%negfloat': f1('f64.neg'),
  '%absfloat': f1('f64.abs'),
  '%addfloat': ff('f64.add'),
  '%subfloat': ff('f64.sub'),
  '%mulfloat': ff('f64.mul'),
  '%divfloat': ff('f64.div'),
  '%floatofint': { args: ['i'], result: 'f', code: ([a]) => `(f64.convert_i64_s ${a})` },
  // OCaml truncates toward zero; out-of-range results are unspecified, so saturate
  '%intoffloat': { args: ['f'], result: 'i', code: ([a]) => norm(`(i64.trunc_sat_f64_s ${a})`) },
  caml_sqrt_float: f1('f64.sqrt'),
  caml_floor_float: f1('f64.floor'),
  caml_ceil_float: f1('f64.ceil'),
  caml_trunc_float: f1('f64.trunc'),
  caml_copysign_float: ff('f64.copysign'),
  caml_round_float: hostF1('round'),
  caml_exp_float: hostF1('exp'),
  caml_log_float: hostF1('log'),
  caml_log10_float: hostF1('log10'),
  caml_sin_float: hostF1('sin'),
  caml_cos_float: hostF1('cos'),
  caml_tan_float: hostF1('tan'),
  caml_asin_float: hostF1('asin'),
  caml_acos_float: hostF1('acos'),
  caml_atan_float: hostF1('atan'),
  caml_expm1_float: hostF1('expm1'),
  caml_log1p_float: hostF1('log1p'),
  caml_sinh_float: hostF1('sinh'),
  caml_cosh_float: hostF1('cosh'),
  caml_tanh_float: hostF1('tanh'),
  caml_atan2_float: hostF2('atan2'),
  caml_power_float: hostF2('pow'),
  caml_fmod_float: hostF2('fmod'),
  caml_hypot_float: hostF2('hypot'),
  caml_classify_float: { args: ['f'], result: 'v', code: ([a]) => `(call $classify_float ${a})` },
  caml_int64_bits_of_float: { args: ['f'], result: 'i', code: ([a]) => `(i64.reinterpret_f64 ${a})` },
  caml_int64_float_of_bits: { args: ['i'], result: 'f', code: ([a]) => `(f64.reinterpret_i64 ${a})` },

  caml_format_int: call('$format_int', 2),
  caml_format_float: call('$format_float', 2),
  caml_int_of_string: call('$int_of_string', 1),
  caml_float_of_string: call('$float_of_string', 1),
  mlc_output: {
    args: ['i', 'v'],
    result: 'v',
    code: ([fd, s]) => `(block (result eqref) (call $output (i32.wrap_i64 ${fd}) ${s}) (ref.i31 (i32.const 0)))`,
  },
  caml_sys_exit: { args: ['i'], result: 'v', code: ([a]) => `(block (result eqref) (call $host_exit (i32.wrap_i64 ${a})) (unreachable))` },
  new_exn_id: call('$new_exn_id', 1),
  caml_hash: call('$caml_hash', 4),
  // a value's shape, for Printexc (what OCaml's Obj gives it): kind as val_kind
  // (0 int, 1 block, 2 string, 3 float, 4 other), tag, size and fields of a block
  mlc_obj_kind: { args: ['v'], result: 'i', code: ([v]) => `(i64.extend_i32_u (call $val_kind ${v}))` },
  mlc_obj_tag: { args: ['v'], result: 'i', code: ([v]) => `(i64.extend_i32_s (call $tag_of ${v}))` },
  mlc_obj_size: { args: ['v'], result: 'i', code: ([v]) => `(i64.extend_i32_u (call $val_size ${v}))` },
  mlc_obj_field: { args: ['v', 'i'], result: 'v', code: ([v, i]) => `(call $val_field ${v} (i32.wrap_i64 ${i}))` },
  // the host interface of services (stdlib/host.ml)
  mlc_clock_monotonic: { args: ['v'], result: 'i', code: ([a]) => `(block (result i64) (drop ${a}) (call $host_clock_monotonic))` },
  mlc_clock_wall: { args: ['v'], result: 'i', code: ([a]) => `(block (result i64) (drop ${a}) (call $host_clock_wall))` },
  mlc_entropy: call('$entropy', 1),
  mlc_io_read: call('$io_read', 1),
  mlc_device_request: call('$device_request', 6),
  mlc_register_callback: call('$register_callback', 1),
};
