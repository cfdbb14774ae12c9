// Typing of format strings, as OCaml does for `Printf`: a string literal whose
// expected type is a `format6` is read as a format, and its conversions give the
// type `(t1 -> ... -> tn -> 'f, 'b, 'c, 'e, 'e, 'f) format6`.
//
// The literal stays a string in the typed tree; the runtime interprets it.

import type { Constant, Span } from '../syntax/ast.ts';
import { expandHead, newTypeVar } from './ctype.ts';
import { fail } from './errors.ts';
import { tBool, tChar, tFloat, tInt, tString } from './predef.ts';
import { type Type, arrow, constr, pathLast } from './types.ts';

export function typeFormatString(c: Constant & { kind: 'string' }, expected: Type, span: Span): Type | null {
  const h = expandHead(expected);
  if (h.kind !== 'constr' || pathLast(h.path) !== 'format6' || h.args.length !== 6) return null;
  const text = new TextDecoder('latin1').decode(c.value);
  const b = newTypeVar();
  const cc = newTypeVar();
  const e = newTypeVar();
  const f = newTypeVar();
  const args: Type[] = [];
  for (let i = 0; i < text.length; i++) {
    if (text[i] !== '%') continue;
    i++;
    if (i >= text.length) fail(span, `invalid format "${text}": at character number ${i}, unexpected end of format`);
    if (text[i] === '%' || text[i] === '!' || text[i] === '@' || text[i] === ',') continue;
    // flags
    while (i < text.length && '-0+ #'.includes(text[i]!)) i++;
    // width
    if (text[i] === '*') {
      args.push(tInt);
      i++;
    } else while (i < text.length && /[0-9]/.test(text[i]!)) i++;
    // precision
    if (text[i] === '.') {
      i++;
      if (text[i] === '*') {
        args.push(tInt);
        i++;
      } else while (i < text.length && /[0-9]/.test(text[i]!)) i++;
    }
    const conv = text[i];
    switch (conv) {
      case 'd':
      case 'i':
      case 'u':
      case 'x':
      case 'X':
      case 'o':
        args.push(tInt);
        break;
      case 's':
      case 'S':
        args.push(tString);
        break;
      case 'c':
      case 'C':
        args.push(tChar);
        break;
      case 'f':
      case 'F':
      case 'e':
      case 'E':
      case 'g':
      case 'G':
      case 'h':
      case 'H':
        args.push(tFloat);
        break;
      case 'B':
      case 'b':
        args.push(tBool);
        break;
      case 'a': {
        const x = newTypeVar();
        args.push(arrow(b, arrow(x, cc)), x);
        break;
      }
      case 't':
        args.push(arrow(b, cc));
        break;
      default:
        fail(span, `invalid format "${text}": at character number ${i}, invalid conversion "%${conv ?? ''}"`);
    }
  }
  let a: Type = f;
  for (let i = args.length - 1; i >= 0; i--) a = arrow(args[i]!, a);
  return constr(h.path, [a, b, cc, e, e, f]);
}
