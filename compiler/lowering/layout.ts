// Which record types get a flat float layout.
//
// As in OCaml, a record whose fields are all declared `float` is stored unboxed:
// a `$FloatRecord` (an array of f64) instead of a block of boxed floats, so that
// reading and writing its fields allocates nothing. The decision is made on the
// declaration (a field of type `'a` does not count, whatever `'a` becomes).

import { expandHead, headDecl } from '../typing/ctype.ts';
import { isInlineRecordPath } from '../typing/env.ts';
import { idFloat } from '../typing/predef.ts';
import type { Type, TypeDecl } from '../typing/types.ts';

const memo = new WeakMap<TypeDecl, boolean>();

/** Is a value of type `ty` a record stored as a flat array of floats? */
export function isFloatRecord(ty: Type): boolean {
  const head = headDecl(ty);
  if (!head || head.decl.kind.kind !== 'record' || isInlineRecordPath(head.path)) return false;
  let flat = memo.get(head.decl);
  if (flat === undefined) {
    const fields = head.decl.kind.fields;
    flat = fields.length > 0 && fields.every((f) => {
      const t = expandHead(f.type);
      return t.kind === 'constr' && t.path.kind === 'pident' && t.path.id.stamp === idFloat.stamp;
    });
    memo.set(head.decl, flat);
  }
  return flat;
}

/** The block tag of a flat float record (OCaml's Double_array_tag). */
export const FLOAT_RECORD_TAG = 254;
