// The runtime system linked into every image, as WebAssembly text.
//
// Value representation (see docs/value-representation.md):
// - Every ML value is an `eqref`.
// - `int`, `char`, `bool`, `unit` and constant constructors are 63-bit integers:
//   an `i31` when the value fits in 31 signed bits, otherwise a `$Int64` box. The
//   form is canonical (a value that fits is never boxed), so `ref.eq` on two i31s
//   is integer equality and only two boxes need a value comparison.
// - Blocks (tuples, records, constructors with arguments, arrays, exceptions) are
//   `$Block`, an array of `eqref` whose slot 0 holds the tag as an i31; OCaml's
//   field i is slot i + 1. Exception identities are blocks with tag 248
//   `[248; name; id]`, as in OCaml, so `compare` and printing treat them alike.
// - `string` and `bytes` are `$String` (mutable i8 array); `float` is `$Float`.
// - Closures are `$Closure` structs: `arity` and `code1`, the code for one
//   argument. A function of arity N (2 <= N <= MAX_ARITY) is a `$ClosureN` that
//   also has `codeN`, taking all N arguments; an unknown call with N arguments to a
//   closure of arity N goes straight to it. Free variables live in subtypes that
//   append (mutable, for `let rec`) fields. Partial applications are `$Pap`
//   closures (arity 0, so they always go through `code1`) holding the function and
//   the arguments so far.
// - Exceptions are thrown with the Wasm tag `$ocaml` carrying the exception value.
//
// Host interface: strings cross through the exported linear memory `io` (64 KiB
// pages; the guest copies bytes in and out), numbers as Wasm numbers.

export const MAX_ARITY = 8;

function range(n: number, from = 1): number[] {
  return Array.from({ length: n - from + 1 }, (_, i) => i + from);
}

/** The function types `$FnN` and closure types `$ClosureN`, in one recursive group. */
function closureTypes(): string {
  const fns = range(MAX_ARITY).map(
    (n) =>
      `(type $Fn${n} (func (param (ref $Closure)${' eqref'.repeat(n)}) (result eqref)))`,
  );
  const closures = range(MAX_ARITY, 2).map(
    (n) =>
      `(type $Closure${n} (sub $Closure (struct (field $arity i32) (field $code1 (ref $Fn1)) (field $code (ref $Fn${n})))))`,
  );
  return `(rec
  (type $Closure (sub (struct (field $arity i32) (field $code1 (ref $Fn1)))))
  ${fns.join('\n  ')}
  ${closures.join('\n  ')}
)`;
}

/** `$applyN f a1 .. aN`: call an unknown function value with N arguments. */
function applyFunctions(): string {
  const out: string[] = [];
  for (const n of range(MAX_ARITY)) {
    const params = range(n)
      .map((i) => `(param $a${i} eqref)`)
      .join(' ');
    const args = range(n)
      .map((i) => `(local.get $a${i})`)
      .join(' ');
    if (n === 1) {
      out.push(`(func $apply1 (param $f eqref) ${params} (result eqref)
  (local $c (ref $Closure))
  (local.set $c (ref.cast (ref $Closure) (local.get $f)))
  (return_call_ref $Fn1 (local.get $c) (local.get $a1) (struct.get $Closure $code1 (local.get $c))))`);
      continue;
    }
    const rest = range(n, 2)
      .map((i) => `(local.get $a${i})`)
      .join(' ');
    out.push(`(func $apply${n} (param $f eqref) ${params} (result eqref)
  (local $c (ref $Closure))
  (local.set $c (ref.cast (ref $Closure) (local.get $f)))
  (if (i32.eq (struct.get $Closure $arity (local.get $c)) (i32.const ${n}))
    (then (return_call_ref $Fn${n} (local.get $c) ${args}
      (struct.get $Closure${n} $code (ref.cast (ref $Closure${n}) (local.get $c))))))
  ;; a partial application that these arguments complete: one call, no allocation
  (if (ref.test (ref $Pap) (local.get $c))
    (then (return_call $pap_apply${n} (ref.cast (ref $Pap) (local.get $c)) ${args})))
  (return_call $apply${n - 1}
    (call_ref $Fn1 (local.get $c) (local.get $a1) (struct.get $Closure $code1 (local.get $c)))
    ${rest}))`);
  }
  return out.join('\n');
}

/**
 * `$pap_applyN p a1 .. aN`: applies a partial application holding k arguments of a
 * function of arity k + N to N more, calling the function's full-arity code with
 * all of them; otherwise applies the arguments one at a time.
 */
function papApplyFunctions(): string {
  const out: string[] = [];
  for (const n of range(MAX_ARITY - 1, 2)) {
    const params = range(n).map((i) => `(param $a${i} eqref)`).join(' ');
    const args = range(n).map((i) => `(local.get $a${i})`).join(' ');
    const cases = range(MAX_ARITY - n).map((k) => {
      const held = range(k).map((i) => `(array.get $Block (local.get $held) (i32.const ${i}))`).join(' ');
      return `(if (i32.and (i32.eq (local.get $k) (i32.const ${k})) (i32.eq (struct.get $Closure $arity (local.get $fn)) (i32.const ${k + n})))
    (then (return_call_ref $Fn${k + n} (local.get $fn) ${held} ${args}
      (struct.get $Closure${k + n} $code (ref.cast (ref $Closure${k + n}) (local.get $fn))))))`;
    });
    const rest = range(n, 2).map((i) => `(local.get $a${i})`).join(' ');
    out.push(`(func $pap_apply${n} (param $p (ref $Pap)) ${params} (result eqref)
  (local $fn (ref $Closure)) (local $held (ref $Block)) (local $k i32)
  (local.set $fn (struct.get $Pap $fn (local.get $p)))
  (local.set $held (struct.get $Pap $args (local.get $p)))
  (local.set $k (i32.sub (array.len (local.get $held)) (i32.const 1)))
  ${cases.join('\n  ')}
  (return_call $apply${n - 1} (call $pap_code1 (local.get $p) (local.get $a1)) ${rest}))`);
  }
  // with MAX_ARITY arguments, a partial application is never completed exactly
  out.push(`(func $pap_apply${MAX_ARITY} (param $p (ref $Pap)) ${range(MAX_ARITY).map((i) => `(param $a${i} eqref)`).join(' ')} (result eqref)
  (return_call $apply${MAX_ARITY - 1} (call $pap_code1 (local.get $p) (local.get $a1)) ${range(MAX_ARITY, 2).map((i) => `(local.get $a${i})`).join(' ')}))`);
  return out.join('\n');
}

/** Calls closure `$f` (of arity N, 2..MAX) with the arguments held in block `$args`. */
function applyFull(): string {
  const cases = range(MAX_ARITY, 2).map((n) => {
    const args = range(n)
      .map((i) => `(array.get $Block (local.get $args) (i32.const ${i}))`)
      .join(' ');
    return `(if (i32.eq (local.get $n) (i32.const ${n})) (then (return_call_ref $Fn${n} (local.get $f) ${args} (struct.get $Closure${n} $code (ref.cast (ref $Closure${n}) (local.get $f))))))`;
  });
  return `(func $apply_full (param $f (ref $Closure)) (param $args (ref $Block)) (result eqref)
  (local $n i32)
  (local.set $n (struct.get $Closure $arity (local.get $f)))
  ${cases.join('\n  ')}
  (unreachable))`;
}

export function runtimeTypes(): string {
  return `${closureTypes()}
(type $Block (array (mut eqref)))
(type $String (array (mut i8)))
(type $Float (struct (field f64)))
(type $FloatRecord (array (mut f64)))
(type $Int64 (struct (field i64)))
(type $Pap (sub final $Closure (struct (field $arity i32) (field $code1 (ref $Fn1)) (field $fn (ref $Closure)) (field $args (ref $Block)))))`;
}

/** Runtime functions. The host imports (`$host_*`) are declared by the emitter. */
export function runtimeFunctions(): string {
  return String.raw`
(tag $ocaml (export "ocaml_exception") (param eqref))
(memory $io (export "io") 1)
(global $exn_counter (mut i32) (i32.const 1000))

;; ---- integers: 63-bit, canonical i31-or-box ----
(func $int_of (param $v eqref) (result i64)
  (if (result i64) (ref.test (ref i31) (local.get $v))
    (then (i64.extend_i32_s (i31.get_s (ref.cast (ref i31) (local.get $v)))))
    (else (struct.get $Int64 0 (ref.cast (ref $Int64) (local.get $v))))))
(func $box_int (param $x i64) (result eqref)
  ;; wrap to 63 bits, then use an i31 when the value fits in 31 signed bits
  (local.set $x (i64.shr_s (i64.shl (local.get $x) (i64.const 1)) (i64.const 1)))
  (if (result eqref) (i64.lt_u (i64.add (local.get $x) (i64.const 0x40000000)) (i64.const 0x80000000))
    (then (ref.i31 (i32.wrap_i64 (local.get $x))))
    (else (struct.new $Int64 (local.get $x)))))
(func $int32_of (param $v eqref) (result i32)
  (i32.wrap_i64 (call $int_of (local.get $v))))
(func $bool_of (param $v eqref) (result i32)
  (i31.get_s (ref.cast (ref i31) (local.get $v))))
(func $div (param $a i64) (param $b i64) (result i64)
  (if (i64.eqz (local.get $b)) (then (call $raise_const (global.get $exn_Division_by_zero))))
  (i64.div_s (local.get $a) (local.get $b)))
(func $mod (param $a i64) (param $b i64) (result i64)
  (if (i64.eqz (local.get $b)) (then (call $raise_const (global.get $exn_Division_by_zero))))
  (i64.rem_s (local.get $a) (local.get $b)))

;; ---- floats ----
(func $float_of (param $v eqref) (result f64)
  (struct.get $Float 0 (ref.cast (ref $Float) (local.get $v))))
(func $box_float (param $x f64) (result eqref)
  (struct.new $Float (local.get $x)))

;; ---- exceptions ----
(func $raise_const (param $v eqref)
  (throw $ocaml (local.get $v)))
(func $new_exn_id (param $name eqref) (result eqref)
  (global.set $exn_counter (i32.add (global.get $exn_counter) (i32.const 1)))
  (array.new_fixed $Block 3 (ref.i31 (i32.const 248)) (local.get $name) (ref.i31 (global.get $exn_counter))))
(func $raise_with_string (param $exn eqref) (param $msg eqref)
  (throw $ocaml (array.new_fixed $Block 3 (ref.i31 (i32.const 0)) (local.get $exn) (local.get $msg))))
(func $invalid_argument (param $msg eqref) (result eqref)
  (call $raise_with_string (global.get $exn_Invalid_argument) (local.get $msg))
  (unreachable))
(func $failure (param $msg eqref) (result eqref)
  (call $raise_with_string (global.get $exn_Failure) (local.get $msg))
  (unreachable))
(func $index_out_of_bounds (result eqref)
  (call $invalid_argument (global.get $str_index_out_of_bounds)))

;; ---- blocks ----
(func $block_get (param $b eqref) (param $i i32) (result eqref)
  (array.get $Block (ref.cast (ref $Block) (local.get $b)) (local.get $i)))
(func $block_set (param $b eqref) (param $i i32) (param $v eqref)
  (array.set $Block (ref.cast (ref $Block) (local.get $b)) (local.get $i) (local.get $v)))
(func $tag_of (param $v eqref) (result i32)
  (i31.get_s (ref.cast (ref i31) (array.get $Block (ref.cast (ref $Block) (local.get $v)) (i32.const 0)))))
(func $is_block (param $v eqref) (result i32)
  (ref.test (ref $Block) (local.get $v)))
;; arrays are blocks with tag 0: element i is slot i + 1
(func $array_make (param $n eqref) (param $x eqref) (result eqref)
  (local $len i64) (local $a (ref $Block))
  (local.set $len (call $int_of (local.get $n)))
  (if (i32.or (i64.lt_s (local.get $len) (i64.const 0)) (i64.gt_s (local.get $len) (i64.const 0x7ffffff0)))
    (then (drop (call $invalid_argument (global.get $str_array_make)))))
  (local.set $a (array.new $Block (local.get $x) (i32.add (i32.wrap_i64 (local.get $len)) (i32.const 1))))
  (array.set $Block (local.get $a) (i32.const 0) (ref.i31 (i32.const 0)))
  (local.get $a))
(func $array_length (param $a eqref) (result eqref)
  (ref.i31 (i32.sub (array.len (ref.cast (ref $Block) (local.get $a))) (i32.const 1))))
(func $array_index (param $a (ref $Block)) (param $i eqref) (result i32)
  (local $k i64)
  (local.set $k (call $int_of (local.get $i)))
  (if (i64.ge_u (local.get $k) (i64.extend_i32_u (i32.sub (array.len (local.get $a)) (i32.const 1))))
    (then (drop (call $index_out_of_bounds))))
  (i32.add (i32.wrap_i64 (local.get $k)) (i32.const 1)))
(func $array_get (param $a eqref) (param $i eqref) (result eqref)
  (local $b (ref $Block))
  (local.set $b (ref.cast (ref $Block) (local.get $a)))
  (array.get $Block (local.get $b) (call $array_index (local.get $b) (local.get $i))))
(func $array_set (param $a eqref) (param $i eqref) (param $v eqref) (result eqref)
  (local $b (ref $Block))
  (local.set $b (ref.cast (ref $Block) (local.get $a)))
  (array.set $Block (local.get $b) (call $array_index (local.get $b) (local.get $i)) (local.get $v))
  (ref.i31 (i32.const 0)))

;; the same with the index unboxed (what compiled code uses)
(func $array_get_i (param $a eqref) (param $i i64) (result eqref)
  (local $b (ref $Block))
  (local.set $b (ref.cast (ref $Block) (local.get $a)))
  (if (i64.ge_u (local.get $i) (i64.extend_i32_u (i32.sub (array.len (local.get $b)) (i32.const 1))))
    (then (drop (call $index_out_of_bounds))))
  (array.get $Block (local.get $b) (i32.add (i32.wrap_i64 (local.get $i)) (i32.const 1))))
(func $array_set_i (param $a eqref) (param $i i64) (param $v eqref) (result eqref)
  (local $b (ref $Block))
  (local.set $b (ref.cast (ref $Block) (local.get $a)))
  (if (i64.ge_u (local.get $i) (i64.extend_i32_u (i32.sub (array.len (local.get $b)) (i32.const 1))))
    (then (drop (call $index_out_of_bounds))))
  (array.set $Block (local.get $b) (i32.add (i32.wrap_i64 (local.get $i)) (i32.const 1)) (local.get $v))
  (ref.i31 (i32.const 0)))

;; ---- references, arrays ----
(func $incr_by (param $r eqref) (param $d i64) (result eqref)
  (local $b (ref $Block))
  (local.set $b (ref.cast (ref $Block) (local.get $r)))
  (array.set $Block (local.get $b) (i32.const 1)
    (call $box_int (i64.add (call $int_of (array.get $Block (local.get $b) (i32.const 1))) (local.get $d))))
  (ref.i31 (i32.const 0)))
;; checks 0 <= off, 0 <= len, off + len <= n, else Invalid_argument msg
(func $check_range (param $off i64) (param $len i64) (param $n i32) (param $msg eqref)
  (if (i32.or (i32.or (i64.lt_s (local.get $off) (i64.const 0)) (i64.lt_s (local.get $len) (i64.const 0)))
        (i64.gt_s (i64.add (local.get $off) (local.get $len)) (i64.extend_i32_u (local.get $n))))
    (then (drop (call $invalid_argument (local.get $msg))))))
(func $array_sub (param $a eqref) (param $off eqref) (param $len eqref) (result eqref)
  (local $b (ref $Block)) (local $r (ref $Block)) (local $o i64) (local $n i64)
  (local.set $b (ref.cast (ref $Block) (local.get $a)))
  (local.set $o (call $int_of (local.get $off)))
  (local.set $n (call $int_of (local.get $len)))
  (call $check_range (local.get $o) (local.get $n) (i32.sub (array.len (local.get $b)) (i32.const 1)) (global.get $str_array_sub))
  (local.set $r (array.new $Block (ref.i31 (i32.const 0)) (i32.add (i32.wrap_i64 (local.get $n)) (i32.const 1))))
  (array.copy $Block $Block (local.get $r) (i32.const 1) (local.get $b) (i32.add (i32.wrap_i64 (local.get $o)) (i32.const 1)) (i32.wrap_i64 (local.get $n)))
  (local.get $r))
(func $array_append (param $a eqref) (param $c eqref) (result eqref)
  (local $x (ref $Block)) (local $y (ref $Block)) (local $r (ref $Block)) (local $n i32) (local $m i32)
  (local.set $x (ref.cast (ref $Block) (local.get $a)))
  (local.set $y (ref.cast (ref $Block) (local.get $c)))
  (local.set $n (i32.sub (array.len (local.get $x)) (i32.const 1)))
  (local.set $m (i32.sub (array.len (local.get $y)) (i32.const 1)))
  (local.set $r (array.new $Block (ref.i31 (i32.const 0)) (i32.add (i32.add (local.get $n) (local.get $m)) (i32.const 1))))
  (array.copy $Block $Block (local.get $r) (i32.const 1) (local.get $x) (i32.const 1) (local.get $n))
  (array.copy $Block $Block (local.get $r) (i32.add (local.get $n) (i32.const 1)) (local.get $y) (i32.const 1) (local.get $m))
  (local.get $r))
(func $array_blit (param $src eqref) (param $so eqref) (param $dst eqref) (param $do eqref) (param $len eqref) (result eqref)
  (local $s (ref $Block)) (local $d (ref $Block)) (local $n i64)
  (local.set $s (ref.cast (ref $Block) (local.get $src)))
  (local.set $d (ref.cast (ref $Block) (local.get $dst)))
  (local.set $n (call $int_of (local.get $len)))
  (call $check_range (call $int_of (local.get $so)) (local.get $n) (i32.sub (array.len (local.get $s)) (i32.const 1)) (global.get $str_array_blit))
  (call $check_range (call $int_of (local.get $do)) (local.get $n) (i32.sub (array.len (local.get $d)) (i32.const 1)) (global.get $str_array_blit))
  (array.copy $Block $Block (local.get $d) (i32.add (call $int32_of (local.get $do)) (i32.const 1))
    (local.get $s) (i32.add (call $int32_of (local.get $so)) (i32.const 1)) (i32.wrap_i64 (local.get $n)))
  (ref.i31 (i32.const 0)))
(func $array_fill (param $a eqref) (param $off eqref) (param $len eqref) (param $v eqref) (result eqref)
  (local $b (ref $Block)) (local $n i64)
  (local.set $b (ref.cast (ref $Block) (local.get $a)))
  (local.set $n (call $int_of (local.get $len)))
  (call $check_range (call $int_of (local.get $off)) (local.get $n) (i32.sub (array.len (local.get $b)) (i32.const 1)) (global.get $str_array_fill))
  (array.fill $Block (local.get $b) (i32.add (call $int32_of (local.get $off)) (i32.const 1)) (local.get $v) (i32.wrap_i64 (local.get $n)))
  (ref.i31 (i32.const 0)))
(func $fill_bytes (param $s eqref) (param $off eqref) (param $len eqref) (param $c eqref) (result eqref)
  (local $b (ref $String)) (local $n i64)
  (local.set $b (ref.cast (ref $String) (local.get $s)))
  (local.set $n (call $int_of (local.get $len)))
  (call $check_range (call $int_of (local.get $off)) (local.get $n) (array.len (local.get $b)) (global.get $str_bytes_fill))
  (array.fill $String (local.get $b) (call $int32_of (local.get $off)) (call $int32_of (local.get $c)) (i32.wrap_i64 (local.get $n)))
  (ref.i31 (i32.const 0)))
;; OCaml's fpclass: FP_normal, FP_subnormal, FP_zero, FP_infinite, FP_nan
(func $classify_float (param $x f64) (result eqref)
  (local $a f64)
  (local.set $a (f64.abs (local.get $x)))
  (if (f64.ne (local.get $x) (local.get $x)) (then (return (ref.i31 (i32.const 4)))))
  (if (f64.eq (local.get $a) (f64.const inf)) (then (return (ref.i31 (i32.const 3)))))
  (if (f64.eq (local.get $a) (f64.const 0)) (then (return (ref.i31 (i32.const 2)))))
  (if (f64.lt (local.get $a) (f64.const 0x1p-1022)) (then (return (ref.i31 (i32.const 1)))))
  (ref.i31 (i32.const 0)))

;; ---- strings ----
(func $string_length (param $s eqref) (result eqref)
  (ref.i31 (array.len (ref.cast (ref $String) (local.get $s)))))
(func $string_index (param $s (ref $String)) (param $i eqref) (result i32)
  (local $k i64)
  (local.set $k (call $int_of (local.get $i)))
  (if (i64.ge_u (local.get $k) (i64.extend_i32_u (array.len (local.get $s))))
    (then (drop (call $index_out_of_bounds))))
  (i32.wrap_i64 (local.get $k)))
(func $string_get (param $s eqref) (param $i eqref) (result eqref)
  (local $b (ref $String))
  (local.set $b (ref.cast (ref $String) (local.get $s)))
  (ref.i31 (array.get_u $String (local.get $b) (call $string_index (local.get $b) (local.get $i)))))
(func $bytes_set (param $s eqref) (param $i eqref) (param $c eqref) (result eqref)
  (local $b (ref $String))
  (local.set $b (ref.cast (ref $String) (local.get $s)))
  (array.set $String (local.get $b) (call $string_index (local.get $b) (local.get $i)) (call $int32_of (local.get $c)))
  (ref.i31 (i32.const 0)))
(func $bytes_create (param $n eqref) (result eqref)
  (local $len i64)
  (local.set $len (call $int_of (local.get $n)))
  (if (i64.gt_u (local.get $len) (i64.const 0x7ffffff0))
    (then (drop (call $invalid_argument (global.get $str_string_create)))))
  (array.new_default $String (i32.wrap_i64 (local.get $len))))
(func $string_concat (param $a eqref) (param $b eqref) (result eqref)
  (local $x (ref $String)) (local $y (ref $String)) (local $r (ref $String))
  (local.set $x (ref.cast (ref $String) (local.get $a)))
  (local.set $y (ref.cast (ref $String) (local.get $b)))
  (local.set $r (array.new_default $String (i32.add (array.len (local.get $x)) (array.len (local.get $y)))))
  (array.copy $String $String (local.get $r) (i32.const 0) (local.get $x) (i32.const 0) (array.len (local.get $x)))
  (array.copy $String $String (local.get $r) (array.len (local.get $x)) (local.get $y) (i32.const 0) (array.len (local.get $y)))
  (local.get $r))
(func $blit_string (param $src eqref) (param $srcoff eqref) (param $dst eqref) (param $dstoff eqref) (param $len eqref) (result eqref)
  (local $s (ref $String)) (local $d (ref $String)) (local $so i64) (local $do i64) (local $n i64)
  (local.set $s (ref.cast (ref $String) (local.get $src)))
  (local.set $d (ref.cast (ref $String) (local.get $dst)))
  (local.set $so (call $int_of (local.get $srcoff)))
  (local.set $do (call $int_of (local.get $dstoff)))
  (local.set $n (call $int_of (local.get $len)))
  (if (i32.or (i32.or (i64.lt_s (local.get $n) (i64.const 0)) (i32.or (i64.lt_s (local.get $so) (i64.const 0)) (i64.lt_s (local.get $do) (i64.const 0))))
        (i32.or (i64.gt_s (i64.add (local.get $so) (local.get $n)) (i64.extend_i32_u (array.len (local.get $s))))
                (i64.gt_s (i64.add (local.get $do) (local.get $n)) (i64.extend_i32_u (array.len (local.get $d))))))
    (then (drop (call $invalid_argument (global.get $str_blit)))))
  (array.copy $String $String (local.get $d) (i32.wrap_i64 (local.get $do)) (local.get $s) (i32.wrap_i64 (local.get $so)) (i32.wrap_i64 (local.get $n)))
  (ref.i31 (i32.const 0)))
(func $string_get_i (param $s eqref) (param $i i64) (result i32)
  (local $b (ref $String))
  (local.set $b (ref.cast (ref $String) (local.get $s)))
  (if (i64.ge_u (local.get $i) (i64.extend_i32_u (array.len (local.get $b))))
    (then (drop (call $index_out_of_bounds))))
  (array.get_u $String (local.get $b) (i32.wrap_i64 (local.get $i))))
(func $bytes_set_i (param $s eqref) (param $i i64) (param $c i64) (result eqref)
  (local $b (ref $String))
  (local.set $b (ref.cast (ref $String) (local.get $s)))
  (if (i64.ge_u (local.get $i) (i64.extend_i32_u (array.len (local.get $b))))
    (then (drop (call $index_out_of_bounds))))
  (array.set $String (local.get $b) (i32.wrap_i64 (local.get $i)) (i32.wrap_i64 (local.get $c)))
  (ref.i31 (i32.const 0)))
;; copy a string's bytes [off, off+len) into linear memory at 0
(func $string_to_io (param $s (ref $String)) (param $off i32) (param $len i32)
  (local $i i32)
  (call $io_reserve (local.get $len))
  (block $done (loop $next
    (br_if $done (i32.ge_u (local.get $i) (local.get $len)))
    (i32.store8 (local.get $i) (array.get_u $String (local.get $s) (i32.add (local.get $off) (local.get $i))))
    (local.set $i (i32.add (local.get $i) (i32.const 1)))
    (br $next))))
;; grows the io memory so that [0, len) fits
(func $io_reserve (param $len i32)
  (local $pages i32)
  (local.set $pages (i32.shr_u (i32.add (local.get $len) (i32.const 0xffff)) (i32.const 16)))
  (if (i32.gt_u (local.get $pages) (memory.size))
    (then (if (i32.eq (memory.grow (i32.sub (local.get $pages) (memory.size))) (i32.const -1))
      (then (unreachable))))))
;; a new string from linear memory [0, len)
(func $string_of_io (param $len i32) (result eqref)
  (local $r (ref $String)) (local $i i32)
  (local.set $r (array.new_default $String (local.get $len)))
  (block $done (loop $next
    (br_if $done (i32.ge_u (local.get $i) (local.get $len)))
    (array.set $String (local.get $r) (local.get $i) (i32.load8_u (local.get $i)))
    (local.set $i (i32.add (local.get $i) (i32.const 1)))
    (br $next)))
  (local.get $r))
;; write a whole string to a host file descriptor, a memory-sized chunk at a time
(func $output (param $fd i32) (param $v eqref)
  (local $s (ref $String)) (local $off i32) (local $n i32) (local $len i32)
  (local.set $s (ref.cast (ref $String) (local.get $v)))
  (local.set $len (array.len (local.get $s)))
  (block $done (loop $next
    (br_if $done (i32.ge_u (local.get $off) (local.get $len)))
    (local.set $n (i32.sub (local.get $len) (local.get $off)))
    (if (i32.gt_u (local.get $n) (i32.const 65536)) (then (local.set $n (i32.const 65536))))
    (call $string_to_io (local.get $s) (local.get $off) (local.get $n))
    (call $host_write (local.get $fd) (local.get $n))
    (local.set $off (i32.add (local.get $off) (local.get $n)))
    (br $next))))
(func $copy_string_arg (param $v eqref) (result i32)
  (local $s (ref $String))
  (local.set $s (ref.cast (ref $String) (local.get $v)))
  (call $string_to_io (local.get $s) (i32.const 0) (array.len (local.get $s)))
  (array.len (local.get $s)))

;; ---- closures ----
${applyFunctions()}
${papApplyFunctions()}
${applyFull()}
;; code1 of a function of arity >= 2: start collecting arguments
(func $curry (type $Fn1) (param $self (ref $Closure)) (param $a eqref) (result eqref)
  (struct.new $Pap (i32.const 0) (ref.func $pap_code1) (local.get $self)
    (array.new_fixed $Block 2 (ref.i31 (i32.const 0)) (local.get $a))))
(func $pap_code1 (type $Fn1) (param $self (ref $Closure)) (param $a eqref) (result eqref)
  (local $p (ref $Pap)) (local $old (ref $Block)) (local $new (ref $Block)) (local $n i32)
  (local.set $p (ref.cast (ref $Pap) (local.get $self)))
  (local.set $old (struct.get $Pap $args (local.get $p)))
  (local.set $n (array.len (local.get $old)))
  (local.set $new (array.new $Block (local.get $a) (i32.add (local.get $n) (i32.const 1))))
  (array.copy $Block $Block (local.get $new) (i32.const 0) (local.get $old) (i32.const 0) (local.get $n))
  (if (i32.eq (local.get $n) (struct.get $Closure $arity (struct.get $Pap $fn (local.get $p))))
    (then (return_call $apply_full (struct.get $Pap $fn (local.get $p)) (local.get $new))))
  (struct.new $Pap (i32.const 0) (ref.func $pap_code1) (struct.get $Pap $fn (local.get $p)) (local.get $new)))

;; ---- structural comparison (OCaml's compare_val) ----
(func $compare_floats (param $fa f64) (param $fb f64) (param $total i32) (result i32)
  (if (f64.lt (local.get $fa) (local.get $fb)) (then (return (i32.const -1))))
  (if (f64.gt (local.get $fa) (local.get $fb)) (then (return (i32.const 1))))
  (if (f64.eq (local.get $fa) (local.get $fb)) (then (return (i32.const 0))))
  ;; at least one nan
  (if (i32.eqz (local.get $total)) (then (return (i32.const 2))))
  (if (f64.eq (local.get $fa) (local.get $fa)) (then (return (i32.const 1))))
  (if (f64.eq (local.get $fb) (local.get $fb)) (then (return (i32.const -1))))
  (i32.const 0))
;; flat float records, field by field (OCaml's Double_array_tag case)
(func $compare_float_records (param $a (ref $FloatRecord)) (param $b (ref $FloatRecord)) (param $total i32) (result i32)
  (local $i i32) (local $n i32) (local $m i32) (local $c i32)
  (local.set $n (array.len (local.get $a)))
  (local.set $m (array.len (local.get $b)))
  (if (i32.ne (local.get $n) (local.get $m))
    (then (return (select (i32.const -1) (i32.const 1) (i32.lt_u (local.get $n) (local.get $m))))))
  (block $done (loop $next
    (br_if $done (i32.ge_u (local.get $i) (local.get $n)))
    (local.set $c (call $compare_floats (array.get $FloatRecord (local.get $a) (local.get $i))
      (array.get $FloatRecord (local.get $b) (local.get $i)) (local.get $total)))
    (if (local.get $c) (then (return (local.get $c))))
    (local.set $i (i32.add (local.get $i) (i32.const 1)))
    (br $next)))
  (i32.const 0))
;; Returns -1, 0, 1, or 2 for "unordered" (a nan met when not total).
;; Order: integers < everything else; then by kind; blocks by tag, size, fields.
(func $compare_val (param $a eqref) (param $b eqref) (param $total i32) (result i32)
  (local $x i64) (local $y i64) (local $fa f64) (local $fb f64)
  (local $sa (ref $String)) (local $sb (ref $String)) (local $i i32) (local $n i32) (local $m i32) (local $c i32)
  (local $ba (ref $Block)) (local $bb (ref $Block))
  (loop $again
    (if (ref.eq (local.get $a) (local.get $b))
      (then (if (i32.or (local.get $total)
                        (i32.eqz (i32.or (ref.test (ref $Float) (local.get $a)) (ref.test (ref $FloatRecord) (local.get $a)))))
              (then (return (i32.const 0))))))
    ;; integers (i31 or boxed)
    (if (i32.or (ref.test (ref i31) (local.get $a)) (ref.test (ref $Int64) (local.get $a)))
      (then
        (if (i32.eqz (i32.or (ref.test (ref i31) (local.get $b)) (ref.test (ref $Int64) (local.get $b))))
          (then (return (i32.const -1))))
        (local.set $x (call $int_of (local.get $a)))
        (local.set $y (call $int_of (local.get $b)))
        (return (i32.sub (i64.gt_s (local.get $x) (local.get $y)) (i64.lt_s (local.get $x) (local.get $y))))))
    (if (i32.or (ref.test (ref i31) (local.get $b)) (ref.test (ref $Int64) (local.get $b)))
      (then (return (i32.const 1))))
    (if (ref.test (ref $Float) (local.get $a))
      (then (return (call $compare_floats (call $float_of (local.get $a)) (call $float_of (local.get $b)) (local.get $total)))))
    (if (ref.test (ref $FloatRecord) (local.get $a))
      (then (return (call $compare_float_records (ref.cast (ref $FloatRecord) (local.get $a))
        (ref.cast (ref $FloatRecord) (local.get $b)) (local.get $total)))))
    (if (ref.test (ref $String) (local.get $a))
      (then
        (local.set $sa (ref.cast (ref $String) (local.get $a)))
        (local.set $sb (ref.cast (ref $String) (local.get $b)))
        (local.set $n (array.len (local.get $sa)))
        (local.set $m (array.len (local.get $sb)))
        (local.set $i (i32.const 0))
        (block $done (loop $next
          (br_if $done (i32.ge_u (local.get $i) (local.get $n)))
          (br_if $done (i32.ge_u (local.get $i) (local.get $m)))
          (local.set $c (i32.sub (array.get_u $String (local.get $sa) (local.get $i)) (array.get_u $String (local.get $sb) (local.get $i))))
          (if (local.get $c) (then (return (select (i32.const -1) (i32.const 1) (i32.lt_s (local.get $c) (i32.const 0))))))
          (local.set $i (i32.add (local.get $i) (i32.const 1)))
          (br $next)))
        (return (i32.sub (i32.gt_u (local.get $n) (local.get $m)) (i32.lt_u (local.get $n) (local.get $m))))))
    (if (ref.test (ref $Closure) (local.get $a))
      (then (drop (call $invalid_argument (global.get $str_compare_functional)))))
    (local.set $ba (ref.cast (ref $Block) (local.get $a)))
    (local.set $bb (ref.cast (ref $Block) (local.get $b)))
    (local.set $x (i64.extend_i32_s (call $tag_of (local.get $ba))))
    (local.set $y (i64.extend_i32_s (call $tag_of (local.get $bb))))
    (if (i64.ne (local.get $x) (local.get $y))
      (then (return (select (i32.const -1) (i32.const 1) (i64.lt_s (local.get $x) (local.get $y))))))
    (if (i64.eq (local.get $x) (i64.const 248))
      ;; exception identities compare by their unique id
      (then (return (call $compare_val (array.get $Block (local.get $ba) (i32.const 2)) (array.get $Block (local.get $bb) (i32.const 2)) (local.get $total)))))
    (local.set $n (array.len (local.get $ba)))
    (local.set $m (array.len (local.get $bb)))
    (if (i32.ne (local.get $n) (local.get $m))
      (then (return (select (i32.const -1) (i32.const 1) (i32.lt_u (local.get $n) (local.get $m))))))
    (if (i32.le_u (local.get $n) (i32.const 1)) (then (return (i32.const 0))))
    ;; fields 1 .. n-2 recursively, the last one by looping (long lists stay flat)
    (local.set $i (i32.const 1))
    (block $done (loop $next
      (br_if $done (i32.ge_u (local.get $i) (i32.sub (local.get $n) (i32.const 1))))
      (local.set $c (call $compare_val (array.get $Block (local.get $ba) (local.get $i)) (array.get $Block (local.get $bb) (local.get $i)) (local.get $total)))
      (if (local.get $c) (then (return (local.get $c))))
      (local.set $i (i32.add (local.get $i) (i32.const 1)))
      (br $next)))
    (local.set $a (array.get $Block (local.get $ba) (i32.sub (local.get $n) (i32.const 1))))
    (local.set $b (array.get $Block (local.get $bb) (i32.sub (local.get $n) (i32.const 1))))
    (br $again))
  (unreachable))
(func $compare (param $a eqref) (param $b eqref) (result eqref)
  (ref.i31 (call $compare_val (local.get $a) (local.get $b) (i32.const 1))))
(func $equal (param $a eqref) (param $b eqref) (result i32)
  (i32.eqz (call $compare_val (local.get $a) (local.get $b) (i32.const 0))))
(func $less (param $a eqref) (param $b eqref) (result i32)
  (i32.eq (call $compare_val (local.get $a) (local.get $b) (i32.const 0)) (i32.const -1)))
(func $less_equal (param $a eqref) (param $b eqref) (result i32)
  (local $c i32)
  (local.set $c (call $compare_val (local.get $a) (local.get $b) (i32.const 0)))
  (i32.or (i32.eq (local.get $c) (i32.const -1)) (i32.eqz (local.get $c))))
;; physical equality: boxed ints are compared by value, since the box is invisible
(func $phys_equal (param $a eqref) (param $b eqref) (result i32)
  (if (ref.eq (local.get $a) (local.get $b)) (then (return (i32.const 1))))
  (if (i32.and (ref.test (ref $Int64) (local.get $a)) (ref.test (ref $Int64) (local.get $b)))
    (then (return (i64.eq (call $int_of (local.get $a)) (call $int_of (local.get $b))))))
  (i32.const 0))

;; ---- hashing: OCaml's caml_hash (MurmurHash3 mixing, breadth-first traversal) ----
;; The same values hash to the same numbers as in OCaml (except float arrays,
;; which OCaml stores unboxed), so Hashtbl iterates in OCaml's order.
(global $hash_queue (mut (ref null $Block)) (ref.null none))
(func $hash_mix (param $h i32) (param $d i32) (result i32)
  (local.set $d (i32.mul (local.get $d) (i32.const 0xcc9e2d51)))
  (local.set $d (i32.rotl (local.get $d) (i32.const 15)))
  (local.set $d (i32.mul (local.get $d) (i32.const 0x1b873593)))
  (local.set $h (i32.xor (local.get $h) (local.get $d)))
  (local.set $h (i32.rotl (local.get $h) (i32.const 13)))
  (i32.add (i32.mul (local.get $h) (i32.const 5)) (i32.const 0xe6546b64)))
(func $hash_mix_int (param $h i32) (param $n i64) (result i32)
  ;; OCaml mixes the tagged word 2n+1, folded to 32 bits
  (local $v i64)
  (local.set $v (i64.add (i64.shl (local.get $n) (i64.const 1)) (i64.const 1)))
  (call $hash_mix (local.get $h)
    (i32.wrap_i64 (i64.xor (i64.xor (i64.shr_s (local.get $v) (i64.const 32)) (i64.shr_s (local.get $v) (i64.const 63))) (local.get $v)))))
(func $hash_mix_float (param $h i32) (param $x f64) (result i32)
  (local $bits i64) (local $hi i32) (local $lo i32)
  (local.set $bits (i64.reinterpret_f64 (local.get $x)))
  (local.set $hi (i32.wrap_i64 (i64.shr_u (local.get $bits) (i64.const 32))))
  (local.set $lo (i32.wrap_i64 (local.get $bits)))
  (if (i32.and (i32.eq (i32.and (local.get $hi) (i32.const 0x7FF00000)) (i32.const 0x7FF00000))
               (i32.ne (i32.or (local.get $lo) (i32.and (local.get $hi) (i32.const 0xFFFFF))) (i32.const 0)))
    (then (local.set $hi (i32.const 0x7FF00000)) (local.set $lo (i32.const 1)))
    (else (if (i32.and (i32.eq (local.get $hi) (i32.const 0x80000000)) (i32.eqz (local.get $lo)))
      (then (local.set $hi (i32.const 0))))))
  (call $hash_mix (call $hash_mix (local.get $h) (local.get $lo)) (local.get $hi)))
(func $hash_mix_string (param $h i32) (param $s (ref $String)) (result i32)
  (local $len i32) (local $i i32) (local $w i32) (local $r i32)
  (local.set $len (array.len (local.get $s)))
  (block $done (loop $next
    (br_if $done (i32.gt_u (i32.add (local.get $i) (i32.const 4)) (local.get $len)))
    (local.set $w (i32.or (i32.or (array.get_u $String (local.get $s) (local.get $i))
                                  (i32.shl (array.get_u $String (local.get $s) (i32.add (local.get $i) (i32.const 1))) (i32.const 8)))
                          (i32.or (i32.shl (array.get_u $String (local.get $s) (i32.add (local.get $i) (i32.const 2))) (i32.const 16))
                                  (i32.shl (array.get_u $String (local.get $s) (i32.add (local.get $i) (i32.const 3))) (i32.const 24)))))
    (local.set $h (call $hash_mix (local.get $h) (local.get $w)))
    (local.set $i (i32.add (local.get $i) (i32.const 4)))
    (br $next)))
  (local.set $r (i32.and (local.get $len) (i32.const 3)))
  (if (local.get $r) (then
    (local.set $w (array.get_u $String (local.get $s) (local.get $i)))
    (if (i32.ge_u (local.get $r) (i32.const 2)) (then
      (local.set $w (i32.or (local.get $w) (i32.shl (array.get_u $String (local.get $s) (i32.add (local.get $i) (i32.const 1))) (i32.const 8))))))
    (if (i32.eq (local.get $r) (i32.const 3)) (then
      (local.set $w (i32.or (local.get $w) (i32.shl (array.get_u $String (local.get $s) (i32.add (local.get $i) (i32.const 2))) (i32.const 16))))))
    (local.set $h (call $hash_mix (local.get $h) (local.get $w)))))
  (i32.xor (local.get $h) (local.get $len)))
;; OCaml's Double_array_tag case: each float, while meaningful values remain
(func $hash_float_record (param $h i32) (param $r (ref $FloatRecord)) (param $num i32) (result i32)
  (local $i i32)
  (block $done (loop $next
    (br_if $done (i32.ge_u (local.get $i) (array.len (local.get $r))))
    (local.set $h (call $hash_mix_float (local.get $h) (array.get $FloatRecord (local.get $r) (local.get $i))))
    (local.set $num (i32.sub (local.get $num) (i32.const 1)))
    (br_if $done (i32.le_s (local.get $num) (i32.const 0)))
    (local.set $i (i32.add (local.get $i) (i32.const 1)))
    (br $next)))
  (local.get $h))
(func $caml_hash (param $count eqref) (param $limit eqref) (param $seed eqref) (param $obj eqref) (result eqref)
  (local $q (ref $Block)) (local $sz i32) (local $num i32) (local $h i32) (local $rd i32) (local $wr i32)
  (local $v eqref) (local $b (ref $Block)) (local $i i32) (local $n i32) (local $tag i32)
  (if (ref.is_null (global.get $hash_queue))
    (then (global.set $hash_queue (array.new $Block (ref.i31 (i32.const 0)) (i32.const 256)))))
  (local.set $q (ref.as_non_null (global.get $hash_queue)))
  (local.set $sz (call $int32_of (local.get $limit)))
  (if (i32.or (i32.lt_s (local.get $sz) (i32.const 0)) (i32.gt_s (local.get $sz) (i32.const 256))) (then (local.set $sz (i32.const 256))))
  (local.set $num (call $int32_of (local.get $count)))
  (local.set $h (call $int32_of (local.get $seed)))
  (array.set $Block (local.get $q) (i32.const 0) (local.get $obj))
  (local.set $wr (i32.const 1))
  (block $done (loop $next
    (br_if $done (i32.ge_u (local.get $rd) (local.get $wr)))
    (br_if $done (i32.le_s (local.get $num) (i32.const 0)))
    (local.set $v (array.get $Block (local.get $q) (local.get $rd)))
    (local.set $rd (i32.add (local.get $rd) (i32.const 1)))
    (block $kind
      (if (i32.or (ref.test (ref i31) (local.get $v)) (ref.test (ref $Int64) (local.get $v)))
        (then (local.set $h (call $hash_mix_int (local.get $h) (call $int_of (local.get $v))))
              (local.set $num (i32.sub (local.get $num) (i32.const 1))) (br $kind)))
      (if (ref.test (ref $String) (local.get $v))
        (then (local.set $h (call $hash_mix_string (local.get $h) (ref.cast (ref $String) (local.get $v))))
              (local.set $num (i32.sub (local.get $num) (i32.const 1))) (br $kind)))
      (if (ref.test (ref $Float) (local.get $v))
        (then (local.set $h (call $hash_mix_float (local.get $h) (call $float_of (local.get $v))))
              (local.set $num (i32.sub (local.get $num) (i32.const 1))) (br $kind)))
      (if (ref.test (ref $FloatRecord) (local.get $v))
        (then (local.set $h (call $hash_float_record (local.get $h) (ref.cast (ref $FloatRecord) (local.get $v)) (local.get $num)))
              (local.set $num (i32.sub (local.get $num) (array.len (ref.cast (ref $FloatRecord) (local.get $v))))) (br $kind)))
      (br_if $kind (i32.eqz (ref.test (ref $Block) (local.get $v)))) ;; closures: not hashed
      (local.set $b (ref.cast (ref $Block) (local.get $v)))
      (local.set $tag (call $tag_of (local.get $b)))
      (if (i32.eq (local.get $tag) (i32.const 248))
        (then (local.set $h (call $hash_mix_int (local.get $h) (call $int_of (array.get $Block (local.get $b) (i32.const 2)))))
              (local.set $num (i32.sub (local.get $num) (i32.const 1))) (br $kind)))
      (local.set $n (i32.sub (array.len (local.get $b)) (i32.const 1)))
      ;; the header: size and tag (not counted as meaningful)
      (local.set $h (call $hash_mix (local.get $h) (i32.or (i32.shl (local.get $n) (i32.const 10)) (local.get $tag))))
      (local.set $i (i32.const 0))
      (block $full (loop $copy
        (br_if $full (i32.ge_u (local.get $i) (local.get $n)))
        (br_if $full (i32.ge_u (local.get $wr) (local.get $sz)))
        (array.set $Block (local.get $q) (local.get $wr) (array.get $Block (local.get $b) (i32.add (local.get $i) (i32.const 1))))
        (local.set $wr (i32.add (local.get $wr) (i32.const 1)))
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        (br $copy))))
    (br $next)))
  ;; final mix
  (local.set $h (i32.xor (local.get $h) (i32.shr_u (local.get $h) (i32.const 16))))
  (local.set $h (i32.mul (local.get $h) (i32.const 0x85ebca6b)))
  (local.set $h (i32.xor (local.get $h) (i32.shr_u (local.get $h) (i32.const 13))))
  (local.set $h (i32.mul (local.get $h) (i32.const 0xc2b2ae35)))
  (local.set $h (i32.xor (local.get $h) (i32.shr_u (local.get $h) (i32.const 16))))
  (ref.i31 (i32.and (local.get $h) (i32.const 0x3FFFFFFF))))

;; ---- the host's event loop calls back into ML (see stdlib/host.ml) ----
(global $host_callback (mut eqref) (ref.null none))
(func $register_callback (param $f eqref) (result eqref)
  (global.set $host_callback (local.get $f))
  (ref.i31 (i32.const 0)))
;; 0 when no callback is registered: a plain program, finished when main returns
(func (export "mlc_has_callback") (result i32)
  (i32.eqz (ref.is_null (global.get $host_callback))))
;; an event: a request's completion (reqid >= 0) or a timer tick (reqid = -1).
;; Returns the next deadline (>= 0), -1 to wait for events, or -2 - status when done.
(func (export "mlc_event") (param $reqid i32) (param $status i32) (param $len i32) (result i64)
  (call $int_of (call $apply3 (global.get $host_callback)
    (ref.i31 (local.get $reqid)) (ref.i31 (local.get $status)) (ref.i31 (local.get $len)))))

;; ---- inspection, for the host (printing uncaught exceptions) ----
;; kind: 0 int, 1 block, 2 string, 3 float, 4 closure
(func $val_kind (export "val_kind") (param $v eqref) (result i32)
  (if (i32.or (ref.test (ref i31) (local.get $v)) (ref.test (ref $Int64) (local.get $v))) (then (return (i32.const 0))))
  (if (ref.test (ref $Block) (local.get $v)) (then (return (i32.const 1))))
  (if (ref.test (ref $String) (local.get $v)) (then (return (i32.const 2))))
  (if (ref.test (ref $Float) (local.get $v)) (then (return (i32.const 3))))
  (i32.const 4))
(func (export "val_int") (param $v eqref) (result i64) (call $int_of (local.get $v)))
(func (export "val_float") (param $v eqref) (result f64) (call $float_of (local.get $v)))
(func (export "val_tag") (param $v eqref) (result i32) (call $tag_of (local.get $v)))
(func $val_size (export "val_size") (param $v eqref) (result i32)
  (i32.sub (array.len (ref.cast (ref $Block) (local.get $v))) (i32.const 1)))
(func $val_field (export "val_field") (param $v eqref) (param $i i32) (result eqref)
  (array.get $Block (ref.cast (ref $Block) (local.get $v)) (i32.add (local.get $i) (i32.const 1))))
;; copies up to 64 KiB of the string into io memory and returns its full length
(func (export "val_string") (param $v eqref) (result i32)
  (local $s (ref $String)) (local $n i32)
  (local.set $s (ref.cast (ref $String) (local.get $v)))
  (local.set $n (array.len (local.get $s)))
  (call $string_to_io (local.get $s) (i32.const 0)
    (select (local.get $n) (i32.const 65536) (i32.lt_u (local.get $n) (i32.const 65536))))
  (local.get $n))
`;
}

/** Strings the runtime itself needs (error messages), as global name -> text. */
export const runtimeStrings: Record<string, string> = {
  str_index_out_of_bounds: 'index out of bounds',
  str_array_make: 'Array.make',
  str_string_create: 'Bytes.create',
  str_blit: 'String.blit / Bytes.blit_string',
  str_compare_functional: 'compare: functional value',
  str_array_sub: 'Array.sub',
  str_array_blit: 'Array.blit',
  str_array_fill: 'Array.fill',
  str_bytes_fill: 'String.fill / Bytes.fill',
};

/** OCaml's predefined exceptions, each a global `$exn_NAME` holding its identity. */
export const predefinedExceptions = [
  'Out_of_memory',
  'Sys_error',
  'Failure',
  'Invalid_argument',
  'End_of_file',
  'Division_by_zero',
  'Not_found',
  'Match_failure',
  'Stack_overflow',
  'Sys_blocked_io',
  'Assert_failure',
  'Undefined_recursive_module',
  'Exit',
];
