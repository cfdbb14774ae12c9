import { describe, expect, it } from 'vitest';
import { parseImplementation } from '../../compiler/syntax/parser.ts';
import { CompileError, type Diagnostic } from '../../compiler/diagnostics/diagnostic.ts';
import { parseError, src } from './show.ts';

function diagnostic(text: string): Diagnostic {
  try {
    parseImplementation(src(text));
  } catch (e) {
    if (e instanceof CompileError) return e.diagnostics[0]!;
    throw e;
  }
  throw new Error('expected a syntax error');
}

describe('syntax errors: message and position (line:col-col)', () => {
  const table: [string, string][] = [
    ['let x = (1 + 2', "1:14-14 Syntax error: ')' expected, found end of file"],
    ['let x = (1 ]', "1:11-12 Syntax error: ')' expected, found ']'"],
    ['let x = [1; 2', "1:13-13 Syntax error: ']' expected, found end of file"],
    ['let x = [| 1', "1:12-12 Syntax error: '|]' expected, found end of file"],
    ['let x = { a = 1', "1:15-15 Syntax error: '}' expected, found end of file"],
    ['let () = begin 1', "1:16-16 Syntax error: 'end' expected, found end of file"],
    ['module M = struct let x = 1', "1:27-27 Syntax error: 'end' expected, found end of file"],
    ['let f () =\n  let x = 1\n  print_int x', "3:13-13 Syntax error: 'in' expected, found end of file"],
    ['let f x = match x with A -> let y = 1', "1:37-37 Syntax error: 'in' expected, found end of file"],
    ['let x =', "1:7-7 Syntax error: expected an expression after '=', found end of file"],
    ['let x = 1 +', "1:11-11 Syntax error: expected an expression after '+', found end of file"],
    ['let x = 1 in', "1:12-12 Syntax error: expected an expression after 'in', found end of file"],
    ['let x = if a b', "1:14-14 Syntax error: 'then' expected, found end of file"],
    ['let f = function A -> 1 | B', "1:27-27 Syntax error: '->' expected after the pattern of this case, found end of file"],
    ['let f = fun -> 1', "1:12-14 Syntax error: a parameter expected after 'fun', found '->'"],
    ['let x = a.', "1:10-10 Syntax error: a field name expected after '.', found end of file"],
    ['let () = x <- 1', "1:11-13 Syntax error: '<-' can only assign to a record field (r.f <- v) or an element (a.(i) <- v)"],
    ['let x = f ())', "1:12-13 Syntax error: unmatched ')' (no '(' is open here)"],
    ['let x = 1 in 2 in 3', "1:15-17 Syntax error: unexpected 'in' (no 'let' is waiting for it)"],
    ['type t = int\nprint_int 3', "2:10-11 Syntax error: unexpected '3'; a toplevel expression must follow ';;'"],
    ['let x = 4611686018427387904', '1:8-27 Integer literal exceeds the range of representable integers of type int'],
    ['let x = -4611686018427387905', '1:9-28 Integer literal exceeds the range of representable integers of type int'],
    ['let x = 0x8000000000000000', '1:8-26 Integer literal exceeds the range of representable integers of type int'],
    ['let x = 12L', "1:8-11 Integer literal suffix 'L' (int64) is not supported by mlc"],
    ['let s = "abc', '1:8-9 String literal not terminated'],
    ['(* abc', '1:0-2 Comment not terminated'],
    ['let x = C a b', '1:12-13 Syntax error: a constructor takes a single argument; write C (x, y) to give it several'],
    ['let type = 1', "1:4-8 Syntax error: 'type' is a keyword, it cannot be used as a name"],
    ['let x = 1 and\nlet y = 2', "2:0-3 Syntax error: a definition expected after 'and', found 'let'"],
    ['let x == 1', "1:6-8 Syntax error: '=' expected, found '=='"],
    ['let f = fun x => x', "1:14-16 Syntax error: '->' expected after the parameters of 'fun', found '=>'"],
    ['type t = A | B |\nlet x = 1', "2:0-3 Syntax error: a constructor name expected after '|', found 'let'"],
    ['type t = a | b', "1:11-12 Syntax error: unexpected '|' after a type name"],
    ['let f x = match x with 0 -> 1 |', "1:31-31 Syntax error: a pattern expected after '|', found end of file"],
    ['let f n = n > 0 then 1', "1:16-20 Syntax error: 'then' without 'if'"],
    ['let f c = if c then print_int 1; print_int 2 else ()', "1:45-49 Syntax error: 'else' without 'if'"],
    ['module type S = sig val x : int\nlet y = 1', "2:0-3 Syntax error: 'let' cannot appear in a signature"],
    ['let x = 1\nlet y = 2 in x + y', "2:10-12 Syntax error: unexpected 'in' after a top-level definition"],
    ['let x = assert f x', "1:17-18 Syntax error: the argument of 'assert' must be parenthesized, as in 'assert (f x)'"],
  ];
  for (const [input, output] of table) it(JSON.stringify(input), () => expect(parseError(input)).toBe(output));

  it("points back at the '(' that a missing ')' would close", () => {
    const d = diagnostic('let x = (1 + 2\nlet y = 3');
    expect(d.phase).toBe('parse');
    expect(d.related).toEqual([{ span: { file: 'test.ml', start: 8, end: 9 }, message: "This '(' might be unmatched" }]);
  });
  it("points back at the 'let' that has no 'in'", () => {
    const d = diagnostic('let f () =\n  let x = 1\n  print_int x');
    expect(d.related).toEqual([{ span: { file: 'test.ml', start: 13, end: 16 }, message: "This 'let' has no matching 'in'" }]);
  });
  it("explains an 'else' after 'if c then a; b' with the 'if' whose branch ended at the ';'", () => {
    const d = diagnostic('let f c =\n  if c then\n    print_int 1;\n    print_int 2\n  else ()');
    expect(d.related).toEqual([
      { span: { file: 'test.ml', start: 12, end: 14 }, message: "This 'if' has no 'else': its 'then' branch stopped at the ';'" },
    ]);
    expect(d.notes?.[1]).toContain("'if c then (a; b) else d'");
  });
  it('reports lexical errors in the lex phase', () => {
    expect(diagnostic('let s = "abc').phase).toBe('lex');
  });
});

describe('constructs outside the subset get a clear message', () => {
  const table: [string, string][] = [
    ['let x = lazy 1', '1:8-12 "lazy" is not supported by mlc'],
    ['let f = function lazy x -> x', '1:17-21 "lazy" is not supported by mlc'],
    ['class c = object end', '1:0-5 classes are not supported by mlc'],
    ['let o = object end', '1:8-14 objects are not supported by mlc'],
    ['let o = new c', '1:8-11 objects are not supported by mlc'],
    ['let x = `A', '1:8-9 polymorphic variants are not supported by mlc'],
    ['type t = [ `A ]', '1:9-10 polymorphic variants are not supported by mlc'],
    ["let f : 'a. 'a -> 'a = fun x -> x", "1:8-10 polymorphic type annotations ('a. t) are not supported by mlc"],
    ['type t = A : t', '1:11-12 GADT constructors (C : t) are not supported by mlc'],
    ['let f (module M : S) = 1', '1:7-13 first-class modules are not supported by mlc'],
    ['let f (type a) x = x', '1:6-7 locally abstract types (type a) are not supported by mlc'],
    ['let x = (x :> t)', '1:11-13 coercions (:>) are not supported by mlc'],
    ['let x = [%ext]', '1:8-10 extension nodes are not supported by mlc'],
    ['type t += A', '1:7-9 extensible variant types are not supported by mlc'],
    ['let x = o#m', '1:9-10 method calls (objects) are not supported by mlc'],
  ];
  for (const [input, output] of table) it(JSON.stringify(input), () => expect(parseError(input)).toBe(output));
});
