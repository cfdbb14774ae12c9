// The binary encodings of WebAssembly types and instructions that assemble.ts
// writes (https://webassembly.github.io/spec/core/binary/), by their text names.

export const numTypes: Record<string, number> = { i32: 0x7f, i64: 0x7e, f32: 0x7d, f64: 0x7c, v128: 0x7b, i8: 0x78, i16: 0x77 };
export const absHeap: Record<string, number> = {
  nofunc: 0x73, noextern: 0x72, none: 0x71, func: 0x70, extern: 0x6f, any: 0x6e, eq: 0x6d,
  i31: 0x6c, struct: 0x6b, array: 0x6a, exn: 0x69, noexn: 0x74,
};
export const refAbbrev: Record<string, number> = {
  nullfuncref: 0x73, nullexternref: 0x72, nullref: 0x71, funcref: 0x70, externref: 0x6f, anyref: 0x6e,
  eqref: 0x6d, i31ref: 0x6c, structref: 0x6b, arrayref: 0x6a, exnref: 0x69, nullexnref: 0x74,
};


// Opcodes of the instructions without immediates (0xfc-prefixed ones as 0xfcNN).
export const simpleOps: Record<string, number> = {
  unreachable: 0x00, nop: 0x01, return: 0x0f, drop: 0x1a, throw_ref: 0x0a,
  'ref.is_null': 0xd1, 'ref.eq': 0xd3, 'ref.as_non_null': 0xd4,
  'i32.eqz': 0x45, 'i32.eq': 0x46, 'i32.ne': 0x47, 'i32.lt_s': 0x48, 'i32.lt_u': 0x49, 'i32.gt_s': 0x4a,
  'i32.gt_u': 0x4b, 'i32.le_s': 0x4c, 'i32.le_u': 0x4d, 'i32.ge_s': 0x4e, 'i32.ge_u': 0x4f,
  'i64.eqz': 0x50, 'i64.eq': 0x51, 'i64.ne': 0x52, 'i64.lt_s': 0x53, 'i64.lt_u': 0x54, 'i64.gt_s': 0x55,
  'i64.gt_u': 0x56, 'i64.le_s': 0x57, 'i64.le_u': 0x58, 'i64.ge_s': 0x59, 'i64.ge_u': 0x5a,
  'f32.eq': 0x5b, 'f32.ne': 0x5c, 'f32.lt': 0x5d, 'f32.gt': 0x5e, 'f32.le': 0x5f, 'f32.ge': 0x60,
  'f64.eq': 0x61, 'f64.ne': 0x62, 'f64.lt': 0x63, 'f64.gt': 0x64, 'f64.le': 0x65, 'f64.ge': 0x66,
  'i32.clz': 0x67, 'i32.ctz': 0x68, 'i32.popcnt': 0x69, 'i32.add': 0x6a, 'i32.sub': 0x6b, 'i32.mul': 0x6c,
  'i32.div_s': 0x6d, 'i32.div_u': 0x6e, 'i32.rem_s': 0x6f, 'i32.rem_u': 0x70, 'i32.and': 0x71, 'i32.or': 0x72,
  'i32.xor': 0x73, 'i32.shl': 0x74, 'i32.shr_s': 0x75, 'i32.shr_u': 0x76, 'i32.rotl': 0x77, 'i32.rotr': 0x78,
  'i64.clz': 0x79, 'i64.ctz': 0x7a, 'i64.popcnt': 0x7b, 'i64.add': 0x7c, 'i64.sub': 0x7d, 'i64.mul': 0x7e,
  'i64.div_s': 0x7f, 'i64.div_u': 0x80, 'i64.rem_s': 0x81, 'i64.rem_u': 0x82, 'i64.and': 0x83, 'i64.or': 0x84,
  'i64.xor': 0x85, 'i64.shl': 0x86, 'i64.shr_s': 0x87, 'i64.shr_u': 0x88, 'i64.rotl': 0x89, 'i64.rotr': 0x8a,
  'f32.abs': 0x8b, 'f32.neg': 0x8c, 'f32.ceil': 0x8d, 'f32.floor': 0x8e, 'f32.trunc': 0x8f, 'f32.nearest': 0x90,
  'f32.sqrt': 0x91, 'f32.add': 0x92, 'f32.sub': 0x93, 'f32.mul': 0x94, 'f32.div': 0x95, 'f32.min': 0x96,
  'f32.max': 0x97, 'f32.copysign': 0x98,
  'f64.abs': 0x99, 'f64.neg': 0x9a, 'f64.ceil': 0x9b, 'f64.floor': 0x9c, 'f64.trunc': 0x9d, 'f64.nearest': 0x9e,
  'f64.sqrt': 0x9f, 'f64.add': 0xa0, 'f64.sub': 0xa1, 'f64.mul': 0xa2, 'f64.div': 0xa3, 'f64.min': 0xa4,
  'f64.max': 0xa5, 'f64.copysign': 0xa6,
  'i32.wrap_i64': 0xa7, 'i32.trunc_f32_s': 0xa8, 'i32.trunc_f32_u': 0xa9, 'i32.trunc_f64_s': 0xaa,
  'i32.trunc_f64_u': 0xab, 'i64.extend_i32_s': 0xac, 'i64.extend_i32_u': 0xad, 'i64.trunc_f32_s': 0xae,
  'i64.trunc_f32_u': 0xaf, 'i64.trunc_f64_s': 0xb0, 'i64.trunc_f64_u': 0xb1, 'f32.convert_i32_s': 0xb2,
  'f32.convert_i32_u': 0xb3, 'f32.convert_i64_s': 0xb4, 'f32.convert_i64_u': 0xb5, 'f32.demote_f64': 0xb6,
  'f64.convert_i32_s': 0xb7, 'f64.convert_i32_u': 0xb8, 'f64.convert_i64_s': 0xb9, 'f64.convert_i64_u': 0xba,
  'f64.promote_f32': 0xbb, 'i32.reinterpret_f32': 0xbc, 'i64.reinterpret_f64': 0xbd,
  'f32.reinterpret_i32': 0xbe, 'f64.reinterpret_i64': 0xbf,
  'i32.extend8_s': 0xc0, 'i32.extend16_s': 0xc1, 'i64.extend8_s': 0xc2, 'i64.extend16_s': 0xc3,
  'i64.extend32_s': 0xc4,
  'i32.trunc_sat_f32_s': 0xfc00, 'i32.trunc_sat_f32_u': 0xfc01, 'i32.trunc_sat_f64_s': 0xfc02,
  'i32.trunc_sat_f64_u': 0xfc03, 'i64.trunc_sat_f32_s': 0xfc04, 'i64.trunc_sat_f32_u': 0xfc05,
  'i64.trunc_sat_f64_s': 0xfc06, 'i64.trunc_sat_f64_u': 0xfc07,
};
// 0xfb-prefixed GC instructions without immediates.
export const gcSimple: Record<string, number> = {
  'array.len': 15, 'any.convert_extern': 26, 'extern.convert_any': 27, 'ref.i31': 28, 'i31.get_s': 29, 'i31.get_u': 30,
};
// Loads and stores: opcode and natural alignment (log2).
export const memOps: Record<string, [number, number]> = {
  'i32.load': [0x28, 2], 'i64.load': [0x29, 3], 'f32.load': [0x2a, 2], 'f64.load': [0x2b, 3],
  'i32.load8_s': [0x2c, 0], 'i32.load8_u': [0x2d, 0], 'i32.load16_s': [0x2e, 1], 'i32.load16_u': [0x2f, 1],
  'i64.load8_s': [0x30, 0], 'i64.load8_u': [0x31, 0], 'i64.load16_s': [0x32, 1], 'i64.load16_u': [0x33, 1],
  'i64.load32_s': [0x34, 2], 'i64.load32_u': [0x35, 2], 'i32.store': [0x36, 2], 'i64.store': [0x37, 3],
  'f32.store': [0x38, 2], 'f64.store': [0x39, 3], 'i32.store8': [0x3a, 0], 'i32.store16': [0x3b, 1],
  'i64.store8': [0x3c, 0], 'i64.store16': [0x3d, 1], 'i64.store32': [0x3e, 2],
};

// 0xfb-prefixed GC instructions with a type immediate (and a field, length or data segment).
export const gcTyped: Record<string, number> = {
  'struct.new': 0, 'struct.new_default': 1, 'struct.get': 2, 'struct.get_s': 3, 'struct.get_u': 4,
  'struct.set': 5, 'array.new': 6, 'array.new_default': 7, 'array.new_fixed': 8, 'array.new_data': 9,
  'array.get': 11, 'array.get_s': 12, 'array.get_u': 13, 'array.set': 14, 'array.fill': 16,
  'array.copy': 17, 'array.init_data': 18,
};
export const knownOps = new Set([
  ...Object.keys(simpleOps), ...Object.keys(gcSimple), ...Object.keys(memOps), ...Object.keys(gcTyped),
  'i32.const', 'i64.const', 'f32.const', 'f64.const', 'local.get', 'local.set', 'local.tee', 'global.get',
  'global.set', 'call', 'return_call', 'call_ref', 'return_call_ref', 'ref.func', 'ref.null', 'br', 'br_if',
  'br_on_null', 'br_on_non_null', 'br_table', 'throw', 'select', 'ref.test', 'ref.cast', 'br_on_cast',
  'br_on_cast_fail', 'memory.size', 'memory.grow', 'memory.copy', 'memory.fill',
  'block', 'loop', 'if', 'else', 'end', 'try_table',
]);
