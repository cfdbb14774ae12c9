// C `printf` conversions for one int or float, and OCaml's number parsers, as the
// host side of `caml_format_int`, `caml_format_float`, `caml_int_of_string` and
// `caml_float_of_string`.
//
// Floats are converted exactly: a double is m * 2^e, so its decimal expansion is
// finite; we compute it with BigInt and round half-to-even at the requested digit,
// which is what glibc's printf does. (JavaScript's toFixed rounds ties away from
// zero, and toPrecision is limited to 100 digits, so neither will do.)

interface Spec {
  minus: boolean;
  plus: boolean;
  space: boolean;
  hash: boolean;
  zero: boolean;
  width: number;
  precision: number | null;
  conv: string;
}

/** Parses `%[flags][width][.precision][l|L|n]conv`. */
function parseSpec(fmt: string): Spec {
  const m = /^%([-+ #0]*)(\d*)(?:\.(\d*))?[lLn]?([a-zA-Z])$/.exec(fmt);
  if (!m) throw new Error(`bad format ${JSON.stringify(fmt)}`);
  const flags = m[1]!;
  return {
    minus: flags.includes('-'),
    plus: flags.includes('+'),
    space: flags.includes(' '),
    hash: flags.includes('#'),
    zero: flags.includes('0'),
    width: m[2] ? Number(m[2]) : 0,
    precision: m[3] !== undefined ? Number(m[3] || '0') : null,
    conv: m[4]!,
  };
}

function pad(sign: string, body: string, spec: Spec, numeric: boolean): string {
  const len = sign.length + body.length;
  if (len >= spec.width) return sign + body;
  const fill = spec.width - len;
  if (spec.minus) return sign + body + ' '.repeat(fill);
  if (spec.zero && numeric) return sign + '0'.repeat(fill) + body;
  return ' '.repeat(fill) + sign + body;
}

const MASK63 = (1n << 63n) - 1n;

export function formatInt(fmt: string, n: bigint): string {
  const spec = parseSpec(fmt);
  let sign = '';
  let digits: string;
  switch (spec.conv) {
    case 'd':
    case 'i':
      if (n < 0n) sign = '-';
      else if (spec.plus) sign = '+';
      else if (spec.space) sign = ' ';
      digits = (n < 0n ? -n : n).toString();
      break;
    default: {
      // unsigned conversions see the 63-bit pattern, as OCaml's ints have 63 bits
      const u = n & MASK63;
      const base = spec.conv === 'x' || spec.conv === 'X' ? 16 : spec.conv === 'o' ? 8 : 10;
      digits = u.toString(base);
      if (spec.conv === 'X') digits = digits.toUpperCase();
      if (spec.hash && u !== 0n) {
        if (spec.conv === 'x') sign = '0x';
        else if (spec.conv === 'X') sign = '0X';
        else if (spec.conv === 'o') digits = '0' + digits;
      }
    }
  }
  if (spec.precision !== null) {
    digits = digits.padStart(spec.precision, '0');
    if (spec.precision === 0 && n === 0n) digits = '';
  }
  return pad(sign, digits, spec, spec.precision === null);
}

/** The exact decimal value of a finite non-negative double: digits and the exponent
 *  of the first digit, so that x = 0.d1d2d3... * 10^(exp). */
function exactDecimal(x: number): { digits: string; exp: number } {
  if (x === 0) return { digits: '0', exp: 1 };
  const buf = new DataView(new ArrayBuffer(8));
  buf.setFloat64(0, x);
  const bits = buf.getBigUint64(0);
  const biasedExp = Number((bits >> 52n) & 0x7ffn);
  let mant = bits & ((1n << 52n) - 1n);
  let e2: number;
  if (biasedExp === 0) e2 = -1074;
  else {
    mant |= 1n << 52n;
    e2 = biasedExp - 1075;
  }
  // x = mant * 2^e2
  let intPart: bigint;
  let digits: string;
  let pointPos: number; // number of digits before the decimal point
  if (e2 >= 0) {
    intPart = mant << BigInt(e2);
    digits = intPart.toString();
    pointPos = digits.length;
  } else {
    // mant / 2^-e2 = mant * 5^-e2 / 10^-e2
    const scaled = mant * 5n ** BigInt(-e2);
    const s = scaled.toString();
    const fracDigits = -e2;
    if (s.length > fracDigits) {
      digits = s;
      pointPos = s.length - fracDigits;
    } else {
      digits = '0'.repeat(fracDigits - s.length) + s;
      pointPos = 0;
    }
  }
  // strip leading zeros, adjusting the exponent
  let lead = 0;
  while (lead < digits.length - 1 && digits[lead] === '0') lead++;
  digits = digits.slice(lead);
  pointPos -= lead;
  digits = digits.replace(/0+$/, '') || '0';
  return { digits, exp: pointPos };
}

/** Rounds a digit string to `n` digits, half to even; returns digits and a carry flag. */
function roundDigits(digits: string, n: number): { digits: string; carry: boolean } {
  if (n < 0) return { digits: '', carry: false };
  if (digits.length <= n) return { digits: digits.padEnd(n, '0'), carry: false };
  const kept = digits.slice(0, n);
  const next = digits.charCodeAt(n) - 48;
  const restNonZero = /[1-9]/.test(digits.slice(n + 1));
  const lastKept = n > 0 ? kept.charCodeAt(n - 1) - 48 : 0;
  const roundUp = next > 5 || (next === 5 && (restNonZero || lastKept % 2 === 1));
  if (!roundUp) return { digits: kept, carry: false };
  const arr = kept.split('').map((c) => c.charCodeAt(0) - 48);
  let i = arr.length - 1;
  while (i >= 0) {
    if (arr[i]! < 9) {
      arr[i]!++;
      return { digits: arr.join(''), carry: false };
    }
    arr[i] = 0;
    i--;
  }
  return { digits: '1' + arr.join(''), carry: true };
}

function fixed(x: number, prec: number): string {
  const { digits, exp } = exactDecimal(x);
  // digits after rounding: exp integer digits + prec fraction digits
  const total = exp + prec;
  let r: string;
  let intDigits = exp;
  if (total < 0) {
    r = '';
  } else {
    const rounded = roundDigits(digits, total);
    r = rounded.digits;
    if (rounded.carry) intDigits++;
  }
  if (total < 0 || r === '') {
    // the value rounds to zero or to one unit of the last place
    const unit = total === 0 && roundDigits(digits, 0).carry;
    const all = unit ? '1'.padStart(prec + 1, '0') : '0'.repeat(prec + 1);
    return insertPoint(all, all.length - prec, prec);
  }
  if (intDigits <= 0) {
    const all = '0'.repeat(1 - intDigits) + r;
    return insertPoint(all, all.length - prec, prec);
  }
  return insertPoint(r, intDigits, prec);
}

function insertPoint(all: string, intLen: number, prec: number): string {
  const i = all.slice(0, intLen) || '0';
  return prec > 0 ? `${i}.${all.slice(intLen)}` : i;
}

function exponential(x: number, prec: number, upper: boolean): string {
  let { digits, exp } = exactDecimal(x);
  let e = exp - 1;
  if (x === 0) e = 0;
  const rounded = roundDigits(digits, prec + 1);
  digits = rounded.digits;
  if (rounded.carry) {
    digits = digits.slice(0, prec + 1);
    e++;
  }
  const mant = prec > 0 ? `${digits[0]}.${digits.slice(1)}` : digits[0]!;
  const es = Math.abs(e).toString().padStart(2, '0');
  return `${mant}${upper ? 'E' : 'e'}${e < 0 ? '-' : '+'}${es}`;
}

/** `signBit` is the sign of `x` as the guest saw it (JavaScript may lose a NaN's). */
export function formatFloat(fmt: string, x: number, signBit = x < 0 || Object.is(x, -0)): string {
  const spec = parseSpec(fmt);
  const negative = signBit;
  const sign = negative ? '-' : spec.plus ? '+' : spec.space ? ' ' : '';
  const a = Math.abs(x);
  const upper = spec.conv === spec.conv.toUpperCase();
  if (!Number.isFinite(a)) {
    // %h spells infinity out, as OCaml's hexadecimal printer does
    const body = Number.isNaN(a) ? 'nan' : spec.conv.toLowerCase() === 'h' ? 'infinity' : 'inf';
    return pad(sign, upper ? body.toUpperCase() : body, spec, false);
  }
  const prec = spec.precision ?? 6;
  let body: string;
  switch (spec.conv.toLowerCase()) {
    case 'f':
      body = fixed(a, prec);
      if (spec.hash && prec === 0) body += '.';
      break;
    case 'e':
      body = exponential(a, prec, upper);
      break;
    case 'g': {
      // OCaml's Printf drops the '#' of %#g (C would keep the trailing zeros)
      spec.hash = false;
      const p = prec === 0 ? 1 : prec;
      // the exponent X that %e would print with precision p - 1
      const probe = exponential(a, p - 1, false);
      const X = Number(probe.slice(probe.indexOf('e') + 1));
      if (X < -4 || X >= p) {
        body = exponential(a, p - 1, upper);
        if (!spec.hash) body = body.replace(/\.?0+(?=[eE])/, '');
      } else {
        body = fixed(a, p - 1 - X);
        if (!spec.hash && body.includes('.')) body = body.replace(/\.?0+$/, '');
      }
      break;
    }
    case 'h': // hexadecimal float (%h in OCaml's Printf)
      body = hexFloat(a, spec.precision, upper);
      break;
    default:
      throw new Error(`bad float conversion ${fmt}`);
  }
  return pad(sign, body, spec, true);
}

function hexFloat(a: number, precision: number | null, upper: boolean): string {
  if (a === 0) return upper ? '0X0P+0' : '0x0p+0';
  const buf = new DataView(new ArrayBuffer(8));
  buf.setFloat64(0, a);
  const bits = buf.getBigUint64(0);
  let e = Number((bits >> 52n) & 0x7ffn);
  let mant = bits & ((1n << 52n) - 1n);
  let lead = '1';
  if (e === 0) {
    lead = '0';
    e = -1022;
  } else e -= 1023;
  let frac = mant.toString(16).padStart(13, '0');
  if (precision === null) frac = frac.replace(/0+$/, '');
  else frac = frac.slice(0, precision).padEnd(precision, '0');
  mant = 0n;
  const s = `0x${lead}${frac ? '.' + frac : ''}p${e < 0 ? '-' : '+'}${Math.abs(e)}`;
  return upper ? s.toUpperCase() : s;
}

/** OCaml's int_of_string: sign, optional 0x/0o/0b/0u prefix, digits and `_`. */
export function parseInt63(s: string): bigint | null {
  const m = /^([-+]?)(0[xX]|0[oO]|0[bB]|0[uU])?([0-9a-fA-F_]*)$/.exec(s);
  if (!m || m[3] === '' || m[3]!.startsWith('_')) return null;
  const prefix = (m[2] ?? '').toLowerCase();
  const base = prefix === '0x' ? 16 : prefix === '0o' ? 8 : prefix === '0b' ? 2 : 10;
  const digits = m[3]!.replace(/_/g, '');
  let v = 0n;
  for (const c of digits) {
    const d = parseInt(c, 16);
    if (Number.isNaN(d) || d >= base) return null;
    v = v * BigInt(base) + BigInt(d);
    if (v > 1n << 64n) return null;
  }
  const negative = m[1] === '-';
  const max = 1n << 62n; // |min_int|
  if (base === 10 && prefix !== '0u') {
    if (negative ? v > max : v >= max) return null;
  } else if (v >= 1n << 63n) return null;
  if (negative) v = -v;
  return BigInt.asIntN(64, (v << 1n)) >> 1n;
}

/** OCaml's float_of_string: strtod's syntax with `_` allowed, nothing left over. */
export function parseFloat64(s: string): number | null {
  // strtod skips leading white space; OCaml then requires the whole string be used
  const t = s.replace(/_/g, '').replace(/^[ \t\n\v\f\r]+/, '');
  if (/^[-+]?(nan|inf|infinity)$/i.test(t)) {
    if (/nan/i.test(t)) return NaN;
    return t.startsWith('-') ? -Infinity : Infinity;
  }
  if (/^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/.test(t)) return Number(t);
  const h = /^([-+]?)0[xX]([0-9a-fA-F]*)(?:\.([0-9a-fA-F]*))?(?:[pP]([-+]?\d+))?$/.exec(t);
  if (h && (h[2] || h[3])) {
    const intPart = h[2] || '0';
    const frac = h[3] ?? '';
    const mant = BigInt('0x' + intPart + frac || '0');
    const exp = Number(h[4] ?? '0') - 4 * frac.length;
    const v = Number(mant) * Math.pow(2, exp);
    return h[1] === '-' ? -v : v;
  }
  return null;
}
