// Typing of format strings, as OCaml does for `Printf`: a string literal whose
// expected type is a `format6` is read as a format, and its conversions give the
// type `(t1 -> ... -> tn -> 'f, 'b, 'c, 'e, 'e, 'f) format6`.
//
// The literal stays a string in the typed tree; the runtime interprets it.

import type { Constant, Span } from '../syntax/ast.ts';
import { expandHead, newTypeVar } from './ctype.ts';
import { fail } from './errors.ts';
import { tBool, tChar, tFloat, tInt, tString } from './predef.ts';
import { type Type, arrow, constr, pathLast, repr } from './types.ts';

/** For error notes: the conversion each parameter of a format's function type stands for. */
const conversions = new WeakMap<Type, { format: string; conversion: string }>();

/** `%d` for the arrow of `int -> ...` made from `"%d"` (when `t` is such an arrow). */
export function formatConversion(t: Type): { format: string; conversion: string } | null {
  return conversions.get(repr(t)) ?? null;
}

const CONVERSIONS = [
  'The conversions are %d %i %u %x %X %o for an int, %s %S for a string,',
  '%c %C for a char, %f %F %e %E %g %G %h %H for a float, %b %B for a bool,',
  '%a and %t for printers; %% is a percent sign.',
];

function badFormat(span: Span, text: string, at: number, what: string, notes: string[]): never {
  return fail(span, `invalid format "${text}": at character number ${at}, ${what}`, notes);
}

export function typeFormatString(c: Constant & { kind: 'string' }, expected: Type, span: Span): Type | null {
  const h = expandHead(expected);
  if (h.kind !== 'constr' || pathLast(h.path) !== 'format6' || h.args.length !== 6) return null;
  const text = new TextDecoder('latin1').decode(c.value);
  const b = newTypeVar();
  const cc = newTypeVar();
  const e = newTypeVar();
  const f = newTypeVar();
  const args: Type[] = [];
  const convs: string[] = [];
  const push = (conv: string, ...ts: Type[]): void => {
    for (const t of ts) {
      args.push(t);
      convs.push(conv);
    }
  };
  for (let i = 0; i < text.length; i++) {
    if (text[i] !== '%') continue;
    const start = i;
    i++;
    if (i >= text.length) badFormat(span, text, i, 'unexpected end of format', ['A format cannot end with a lone `%`; write `%%` for a percent sign.']);
    if (text[i] === '%' || text[i] === '!' || text[i] === '@' || text[i] === ',') continue;
    // flags
    while (i < text.length && '-0+ #'.includes(text[i]!)) i++;
    // width
    if (text[i] === '*') {
      push(`${text.slice(start, i + 1)} (the width)`, tInt);
      i++;
    } else while (i < text.length && /[0-9]/.test(text[i]!)) i++;
    // precision
    if (text[i] === '.') {
      i++;
      if (text[i] === '*') {
        push(`${text.slice(start, i + 1)} (the precision)`, tInt);
        i++;
      } else while (i < text.length && /[0-9]/.test(text[i]!)) i++;
    }
    const conv = text[i];
    const spec = text.slice(start, i + 1);
    switch (conv) {
      case 'd':
      case 'i':
      case 'u':
      case 'x':
      case 'X':
      case 'o':
        push(spec, tInt);
        break;
      case 's':
      case 'S':
        push(spec, tString);
        break;
      case 'c':
      case 'C':
        push(spec, tChar);
        break;
      case 'f':
      case 'F':
      case 'e':
      case 'E':
      case 'g':
      case 'G':
      case 'h':
      case 'H':
        push(spec, tFloat);
        break;
      case 'B':
      case 'b':
        push(spec, tBool);
        break;
      case 'a': {
        const x = newTypeVar();
        push(`${spec} (its printer)`, arrow(b, arrow(x, cc)));
        push(`${spec} (the value to print)`, x);
        break;
      }
      case 't':
        push(spec, arrow(b, cc));
        break;
      default:
        badFormat(span, text, i, `invalid conversion "%${conv ?? ''}"`, CONVERSIONS);
    }
  }
  let a: Type = f;
  const shown = JSON.stringify(text);
  for (let i = args.length - 1; i >= 0; i--) {
    a = arrow(args[i]!, a);
    conversions.set(a, { format: shown, conversion: convs[i]! });
  }
  return constr(h.path, [a, b, cc, e, e, f]);
}
