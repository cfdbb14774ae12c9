// The primitives an `external` may name, and how many arguments each takes.
//
// Names starting with `%` are OCaml's own compiler primitives and keep their
// meaning; `caml_*` names are OCaml's C primitives that the standard library
// uses, implemented here by the runtime or the host; `mlc_*` are mlc's own.
// The code for each lives in codegen/prims.ts; this table is what the lowering
// needs to know: the arity, so that a full application becomes a `prim` node.

export const primitiveArity: Record<string, number> = {
  // integers
  '%addint': 2, '%subint': 2, '%mulint': 2, '%divint': 2, '%modint': 2,
  '%negint': 1, '%succint': 1, '%predint': 1,
  '%andint': 2, '%orint': 2, '%xorint': 2, '%lslint': 2, '%lsrint': 2, '%asrint': 2,
  // comparisons (polymorphic; specialised by type in codegen when known)
  '%equal': 2, '%notequal': 2, '%lessthan': 2, '%lessequal': 2,
  '%greaterthan': 2, '%greaterequal': 2, '%compare': 2, '%eq': 2, '%noteq': 2,
  // booleans and control
  '%boolnot': 1, '%sequand': 2, '%sequor': 2, '%raise': 1, '%reraise': 1,
  '%raise_notrace': 1, '%identity': 1, '%ignore': 1, '%revapply': 2, '%apply': 2,
  // blocks and references
  '%field0': 1, '%field1': 1, '%setfield0': 2, '%makemutable': 1, '%incr': 1, '%decr': 1,
  // strings and bytes
  '%string_length': 1, '%bytes_length': 1, '%string_safe_get': 2, '%string_unsafe_get': 2,
  '%bytes_safe_get': 2, '%bytes_unsafe_get': 2, '%bytes_safe_set': 3, '%bytes_unsafe_set': 3,
  '%bytes_to_string': 1, '%bytes_of_string': 1,
  caml_create_bytes: 1, caml_blit_string: 5, caml_blit_bytes: 5, caml_fill_bytes: 4,
  caml_string_equal: 2, caml_string_compare: 2, mlc_string_concat: 2,
  caml_bytes_equal: 2, caml_bytes_compare: 2,
  // arrays
  '%array_length': 1, '%array_safe_get': 2, '%array_safe_set': 3,
  '%array_unsafe_get': 2, '%array_unsafe_set': 3, caml_make_vect: 2,
  caml_array_sub: 3, caml_array_append: 2, caml_array_blit: 5, caml_array_fill: 4,
  // floats
  '%negfloat': 1, '%addfloat': 2, '%subfloat': 2, '%mulfloat': 2, '%divfloat': 2,
  '%absfloat': 1, '%floatofint': 1, '%intoffloat': 1,
  caml_sqrt_float: 1, caml_floor_float: 1, caml_ceil_float: 1, caml_trunc_float: 1,
  caml_exp_float: 1, caml_log_float: 1, caml_log10_float: 1, caml_sin_float: 1,
  caml_cos_float: 1, caml_tan_float: 1, caml_asin_float: 1, caml_acos_float: 1,
  caml_atan_float: 1, caml_atan2_float: 2, caml_power_float: 2, caml_fmod_float: 2,
  caml_hypot_float: 2, caml_expm1_float: 1, caml_log1p_float: 1, caml_sinh_float: 1,
  caml_cosh_float: 1, caml_tanh_float: 1, caml_copysign_float: 2, caml_round_float: 1,
  caml_classify_float: 1, caml_int64_bits_of_float: 1, caml_int64_float_of_bits: 1,
  // conversions through the host
  caml_format_int: 2, caml_format_float: 2, caml_int_of_string: 1, caml_float_of_string: 1,
  // output and the process
  mlc_output: 2, caml_sys_exit: 1,
  // hashing (Hashtbl.hash)
  caml_hash: 4,
  // a value's shape (Printexc)
  mlc_obj_kind: 1, mlc_obj_tag: 1, mlc_obj_size: 1, mlc_obj_field: 2,
  // the host interface of services (stdlib/host.ml)
  mlc_clock_monotonic: 1, mlc_clock_wall: 1, mlc_entropy: 1, mlc_io_read: 1,
  mlc_device_request: 6, mlc_register_callback: 1,
};

/** The arity of a primitive (typing refuses an `external` naming another, or with another arity). */
export function primArity(name: string, declared: number): number {
  return primitiveArity[name] ?? declared;
}

/**
 * Why an `external` of `declared` arguments cannot name the primitive `name`
 * (a message and its notes), or null when mlc provides it with that arity.
 */
export function primitiveProblem(name: string, declared: number): { message: string; notes: string[] } | null {
  const provided = primitiveArity[name];
  if (provided === undefined) {
    return {
      message: `mlc does not provide the primitive ${JSON.stringify(name)}`,
      notes: [
        'Hint: an `external` can only name a primitive that mlc implements (those its standard library uses); ' +
          'write the function in OCaml instead.',
      ],
    };
  }
  if (provided === declared) return null;
  const args = (n: number) => `${n} argument${n === 1 ? '' : 's'}`;
  return {
    message: `Wrong arity for ${name.startsWith('%') ? 'builtin ' : ''}primitive ${JSON.stringify(name)}`,
    notes: [`It takes ${args(provided)}, but the type of this \`external\` has ${args(declared)}.`],
  };
}
