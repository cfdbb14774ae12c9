// Exhaustiveness (warning 8) and unused cases (warning 11), with OCaml's example
// of an unmatched value (checked against ocamlc 4.13 by hand).
import { describe, expect, it } from 'vitest';
import { checkWithStdlib } from './helpers.ts';

function warn(src: string): string[] {
  // the message without OCaml's line "Here is an example of a case that is not matched:"
  const lines = (m: string): string[] => m.split('\n').filter((l) => !l.startsWith('Here is an example'));
  return checkWithStdlib(src).warnings.map((w) => `${w.warning}: ${[...lines(w.message), ...(w.notes ?? [])].join(' ')}`);
}

const T = 'type t = A | B of int | C of t * t\n';

describe('pattern-matching warnings', () => {
  const cases: [string, string[]][] = [
    [`${T}let f = function A -> 1 | B _ -> 2`, ['8: this pattern-matching is not exhaustive. C (_, _)']],
    ['let g x = match x with Some (Some _) -> 1 | None -> 0', ['8: this pattern-matching is not exhaustive. Some None']],
    ['let h = function [] -> 0 | [_] -> 1', ['8: this pattern-matching is not exhaustive. _::_::_']],
    ['let i = function 0 -> 1 | 1 -> 2', ['8: this pattern-matching is not exhaustive. 2']],
    [`${T}let j = function A -> 0 | _ -> 1 | B _ -> 2`, ['11: this match case is unused.']],
    ['let k a b = match (a, b) with (true, _) -> 1 | (_, false) -> 2', ['8: this pattern-matching is not exhaustive. (false, true)']],
    ["let l = function 'a'..'z' -> 1 | 'A' -> 2", ["8: this pattern-matching is not exhaustive. 'B'"]],
    ['let m = function "" -> 1', ['8: this pattern-matching is not exhaustive. "*"']],
    [
      `${T}let n x = match x with C (A, _) -> 1 | C (_, A) -> 2 | A | B _ -> 3`,
      ['8: this pattern-matching is not exhaustive. C ((B _|C (_, _)), (B _|C (_, _)))'],
    ],
    ['let (p, Some q) = (1, Some 2)', ['8: this pattern-matching is not exhaustive. (_, None)']],
    [`${T}let ok = function A -> 0 | B n when n > 0 -> n | B _ -> 1 | C _ -> 2`, []],
    ['let e x = try x () with Not_found -> 0 | Not_found -> 1', ['11: this match case is unused.']],
  ];
  for (const [src, expected] of cases) {
    it(src.split('\n').pop()!, () => expect(warn(src)).toEqual(expected));
  }
  it('all clauses guarded', () => {
    const w = checkWithStdlib('let o = function x when x > 0 -> 1').warnings;
    expect(w[0]!.message).toBe('this pattern-matching is not exhaustive.\nAll clauses in this pattern-matching are guarded.');
    expect(w[0]!.notes).toBeUndefined();
  });
});
