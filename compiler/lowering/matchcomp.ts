// Pattern-match compilation to tests and static exits.
//
// Each case is tried in order (a backtracking automaton in the sense of Le Fessant
// and Maranget, without their column optimisations yet: TODO(#9) decision trees).
// A pattern compiles to unit-valued code that either falls through, having
// assigned the pattern's variables, or `exit`s to the failure label. Binding by
// assignment lets both sides of an or-pattern reach one copy of the case body.
//
// Values are reached through access paths (`field(field(v, 1), 0)`) that are
// re-evaluated on each use: they are pure and cheap.

import type { Ident, TPattern } from '../typing/typedtree.ts';
import type { Lam } from './lambda.ts';
import { int, unit } from './lambda.ts';
import { isFloatRecord } from './layout.ts';

export interface MatchContext {
  freshLabel(): number;
  /** The value of an exception identity (for exception patterns). */
  exnIdentity(p: TPattern & { kind: 'construct' }): Lam;
}

function seq(first: Lam, second: Lam): Lam {
  if (first === unit) return second;
  if (second === unit) return first;
  return { k: 'seq', first, second };
}

function unless(cond: Lam, fail: Lam): Lam {
  return { k: 'if', cond, then: unit, else: fail };
}

/** Variables bound by a pattern, by name (or-pattern sides bind the same names). */
export function patternVars(p: TPattern, out: Map<string, Ident> = new Map()): Map<string, Ident> {
  switch (p.kind) {
    case 'var':
      out.set(p.id.name, p.id);
      break;
    case 'alias':
      out.set(p.id.name, p.id);
      patternVars(p.pat, out);
      break;
    case 'tuple':
    case 'array':
      for (const q of p.items) patternVars(q, out);
      break;
    case 'construct':
      for (const q of p.args) patternVars(q, out);
      break;
    case 'record':
      for (const f of p.fields) patternVars(f.pat, out);
      break;
    case 'or':
      patternVars(p.left, out);
      break;
    default:
      break;
  }
  return out;
}

/**
 * Code that tests `v` against `p`, assigning its variables, or exits via `fail`.
 * `rename` maps variables of the right side of an or-pattern to the left side's.
 */
export function testPattern(
  ctx: MatchContext,
  p: TPattern,
  v: Lam,
  fail: Lam,
  rename: Map<string, Ident> | null = null,
): Lam {
  const bind = (id: Ident): Lam => ({ k: 'assign', id: rename?.get(id.name) ?? id, value: v });
  switch (p.kind) {
    case 'any':
      return unit;
    case 'var':
      return bind(p.id);
    case 'alias':
      return seq(bind(p.id), testPattern(ctx, p.pat, v, fail, rename));
    case 'const': {
      const c = p.value;
      switch (c.kind) {
        case 'int':
          return unless({ k: 'prim', op: 'eq_imm', args: [v, int(c.value)] }, fail);
        case 'char':
          return unless({ k: 'prim', op: 'eq_imm', args: [v, int(c.value)] }, fail);
        case 'string':
          return unless(
            { k: 'prim', op: 'string_equal', args: [v, { k: 'const', c: { kind: 'string', value: c.value } }] },
            fail,
          );
        case 'float':
          return unless(
            { k: 'prim', op: 'float_eq', args: [v, { k: 'const', c: { kind: 'float', value: c.value } }] },
            fail,
          );
      }
    }
    // falls through: every constant kind returns above
    case 'range':
      return unless(
        {
          k: 'if',
          cond: { k: 'prim', op: 'int_ge', args: [v, int(p.lo)] },
          then: { k: 'prim', op: 'int_le', args: [v, int(p.hi)] },
          else: int(0),
        },
        fail,
      );
    case 'tuple':
      return fields(ctx, p.items, v, 0, fail, rename);
    case 'record': {
      let code: Lam = unit;
      const float = isFloatRecord(p.ty);
      for (const f of p.fields) {
        const sub: Lam = { k: 'field', obj: v, index: f.label.pos, float };
        code = seq(code, testPattern(ctx, f.pat, sub, fail, rename));
      }
      return code;
    }
    case 'array': {
      const len: Lam = { k: 'prim', op: 'array_length', args: [v] };
      const check = unless({ k: 'prim', op: 'int_eq', args: [len, int(p.items.length)] }, fail);
      return seq(check, fields(ctx, p.items, v, 0, fail, rename));
    }
    case 'construct': {
      const c = p.ctor;
      if (c.exn) {
        const id = ctx.exnIdentity(p);
        if (c.constant) return unless({ k: 'prim', op: 'phys_eq', args: [v, id] }, fail);
        const isIt: Lam = {
          k: 'if',
          cond: { k: 'prim', op: 'is_block', args: [v] },
          then: { k: 'prim', op: 'phys_eq', args: [{ k: 'field', obj: v, index: 0 }, id] },
          else: int(0),
        };
        return seq(unless(isIt, fail), fields(ctx, p.args, v, 1, fail, rename));
      }
      if (c.constant) {
        if (c.numConsts === 1 && c.numBlocks === 0) return unit;
        return unless({ k: 'prim', op: 'eq_imm', args: [v, int(c.tag)] }, fail);
      }
      let check: Lam = unit;
      if (c.numBlocks > 1) {
        const tagIs: Lam = { k: 'prim', op: 'int_eq', args: [{ k: 'prim', op: 'tag', args: [v] }, int(c.tag)] };
        check =
          c.numConsts > 0
            ? unless({ k: 'if', cond: { k: 'prim', op: 'is_block', args: [v] }, then: tagIs, else: int(0) }, fail)
            : unless(tagIs, fail);
      } else if (c.numConsts > 0) {
        check = unless({ k: 'prim', op: 'is_block', args: [v] }, fail);
      }
      return seq(check, fields(ctx, p.args, v, 0, fail, rename));
    }
    case 'or': {
      const label = ctx.freshLabel();
      const vars = rename ?? patternVars(p.left);
      return {
        k: 'catch',
        label,
        body: testPattern(ctx, p.left, v, { k: 'exit', label }, rename),
        handler: testPattern(ctx, p.right, v, fail, vars),
      };
    }
  }
}

/**
 * Like `testPattern` for a constructor pattern whose constructor is already known
 * to match (a `switch` arm): only its arguments are tested.
 */
export function testArguments(ctx: MatchContext, p: TPattern & { kind: 'construct' }, v: Lam, fail: Lam): Lam {
  return fields(ctx, p.args, v, 0, fail, null);
}

function fields(
  ctx: MatchContext,
  items: TPattern[],
  v: Lam,
  offset: number,
  fail: Lam,
  rename: Map<string, Ident> | null,
): Lam {
  let code: Lam = unit;
  items.forEach((q, i) => {
    if (q.kind === 'any') return;
    code = seq(code, testPattern(ctx, q, { k: 'field', obj: v, index: i + offset }, fail, rename));
  });
  return code;
}

/** True when the pattern cannot fail (so no test code or failure path is needed). */
export function irrefutable(p: TPattern): boolean {
  switch (p.kind) {
    case 'any':
    case 'var':
      return true;
    case 'alias':
      return irrefutable(p.pat);
    case 'tuple':
      return p.items.every(irrefutable);
    case 'record':
      return p.fields.every((f) => irrefutable(f.pat));
    case 'construct':
      return !p.ctor.exn && p.ctor.numConsts + p.ctor.numBlocks === 1 && p.args.every(irrefutable);
    default:
      return false;
  }
}
