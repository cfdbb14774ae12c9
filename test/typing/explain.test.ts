// The notes the checker adds after OCaml's message: why a type was expected,
// where a variable's type was fixed, near misses, signature locations, and the
// recovery that reports each independent error once (compiler/typing/explain.ts).
import { describe, expect, it } from 'vitest';
import { CompileError, type Diagnostic } from '../../compiler/diagnostics/diagnostic.ts';
import { SourceFile, registerSource } from '../../compiler/diagnostics/source.ts';
import { parseImplementation } from '../../compiler/syntax/parser.ts';
import { initialEnv, typeImplementation } from '../../compiler/typing/check.ts';
import { checkWithStdlib, lineOf } from './helpers.ts';

function errors(text: string): Diagnostic[] {
  try {
    checkWithStdlib(text);
  } catch (e) {
    if (e instanceof CompileError) return e.diagnostics;
    throw e;
  }
  return [];
}

/** The first error: its message and notes, and its related locations as `line: message`. */
function first(text: string): { lines: string[]; related: string[] } {
  const d = errors(text)[0];
  if (!d) throw new Error('no error');
  return {
    lines: [...d.message.split('\n'), ...(d.notes ?? [])],
    related: (d.related ?? []).map((r) => `${lineOf(text, { ...d, span: r.span })}: ${r.message}`),
  };
}

describe('why a type was expected', () => {
  it('the argument of a function, with its type', () => {
    const { lines } = first('let f x = x + 1\nlet a = List.map f ["x"]\n');
    expect(lines[0]).toBe('This expression has type string but an expression was expected of type');
    expect(lines).toContain('This is an element of a list of type int list.');
    expect(lines.join('\n')).toContain("This is the 2nd argument of `List.map`, which has type ('a -> 'b) -> 'a list -> 'b list");
  });

  it('operators suggest the float and string operators', () => {
    expect(first('let e = 1.0 + 2.0\n').lines).toEqual([
      'This expression has type float but an expression was expected of type',
      '  int',
      'This is the left operand of `+`, which has type int -> int -> int',
      'Hint: `+` is for ints; use `+.` for floats.',
    ]);
    expect(first('let g = "a" + "b"\n').lines).toContain('Hint: use `^` to concatenate strings.');
    expect(first('let g = "a" ^ 1\n').lines).toContain('Hint: `^` joins strings; convert with string_of_int.');
  });

  it('an earlier argument that fixed the type, and prefix operators', () => {
    const { lines } = first('let z = List.mem 1 ["a"]\n');
    expect(lines).toContain("Its type must agree with the 1st argument `1`: both involve 'a.");
    expect(first('let r = (1, "a") = (2, 3)\n').lines).toContain('Its type must agree with the left operand `(1, "a")`: both involve \'a.');
    expect(first('let n = - "a"\n').lines).toContain('This is the operand of `-`, which has type int -> int');
    // not when the argument does not fit the parameter anyway
    expect(first('let t = List.fold_left ( + ) 0 [| 1 |]\n').lines.join('\n')).not.toContain('must agree');
    expect(first('let f n = if n = !n + 1 then () else ()\n').lines).toContain(
      'Hint: `=` compares values; to assign to a reference, write `r := v`.',
    );
  });

  it('an if without else', () => {
    const { lines } = first('let c x = if x then 1\n');
    expect(lines).toContain('because it is in the result of a conditional with no else branch');
    expect(lines.filter((l) => l.includes('no else') || l.includes('no `else`'))).toHaveLength(1);
    expect(lines.at(-1)).toMatch(/^Hint: add an `else` branch/);
  });

  it('the branch that fixed the type', () => {
    const r = first('let d x =\n  if x then 1\n  else "x"\n');
    expect(r.lines).toContain('The `then` branch on line 2 has type int, so this `else` branch must too.');
    expect(r.related).toEqual(['2: the `then` branch']);
    const m = first('let g l = match l with\n  | [] -> 0\n  | [x] -> "one"\n  | _ -> 2\n');
    expect(m.lines).toContain('The case on line 2 returns int, so every case of this match must too.');
  });

  it('annotations, result annotations and let ()', () => {
    expect(first('let k : int =\n  if true then 1 else 2.0\n').lines).toContain('`k` is annotated with type int on line 1.');
    expect(first('let m x : string =\n  x + 1\n').lines).toContain('The result of this function is annotated with type string on line 1.');
    expect(first('let () = 42\n').lines).toContain('`let () = ...` requires an expression of type unit.');
    // right next to the annotation, nothing to add
    expect(first('let h = (1 : string)\n').lines).toHaveLength(2);
  });

  it('record fields and constructor arguments point at the declaration', () => {
    const r = first('type r = { name : string; age : int }\nlet i = { name = 1; age = 2 }\n');
    expect(r.lines).toContain('The field `name` is declared with type string.');
    expect(r.related).toEqual(['1: type r is declared here']);
    const c = first('type tree = Leaf | Node of tree * int * tree\nlet t = Node (Leaf, "x", Leaf)\n');
    expect(c.lines).toContain('This is the 2nd argument of constructor `Node`, declared `Node of tree * int * tree`.');
  });

  it('tuples and lists say which part, then why the whole', () => {
    const { lines } = first('let pairs : (int * string) list = [(1, "a"); (2, 3)]\n');
    expect(lines.slice(2)).toEqual([
      'This is the 2nd component of a tuple of type int * string.',
      'This is an element of a list of type (int * string) list.',
      '`pairs` is annotated with type (int * string) list on line 1.',
    ]);
  });

  it('the part of two large types that differs', () => {
    const { lines } = first('let f (g : int -> int -> string list) = g\nlet h a b = [a + b]\nlet x = f h\n');
    expect(lines).toContain('The types differ in the list elements of the result: int here, string expected.');
    expect(lines).toContain('`h` is defined on line 2 with type int -> int -> int list.');
  });
});

describe('where a variable got its type', () => {
  it('by a use', () => {
    const r = first('let f x =\n  let y = x + 1 in\n  x ^ "a"\n');
    expect(r.lines).toContain('`x` was given type int by its use in `x + 1` on line 2.');
    expect(r.related).toEqual(['2: `x` got its type here']);
  });
  it('by a pattern', () => {
    const r = first('let f (p : int option * int) = match p with\n  | (Some n, _) -> n ^ "s"\n  | _ -> ""\n');
    expect(r.lines).toContain('The pattern on line 2 fixed the type of `n` to int.');
    expect(r.related).toEqual(['2: `n` got its type here']);
  });
  it('by its definition', () => {
    const r = first('let width = 80\nlet label = "columns"\nlet total = width + label\n');
    expect(r.lines).toContain('`label` is defined on line 2 with type string.');
  });
  it('the pattern that fixed the matched type', () => {
    const r = first('let f x = match x with\n  | 1 -> "one"\n  | "two" -> "two"\n  | _ -> "many"\n');
    expect(r.lines).toContain('The pattern on line 2 fixed the type of the matched value to int.');
  });
});

describe('formats', () => {
  it('an argument of the wrong type names the conversion', () => {
    const r = first('let () = Printf.printf "%d %s\\n" 1 2\n');
    expect(r.lines).toContain('This is the 3rd argument of `Printf.printf`.');
    expect(r.lines).toContain('In the format "%d %s\\n", the conversion `%s` expects an argument of type string.');
  });
  it('a bad conversion lists the valid ones', () => {
    const r = first('let s = Printf.sprintf "ratio: %y" 1\n');
    expect(r.lines[0]).toBe('invalid format "ratio: %y": at character number 8, invalid conversion "%y"');
    expect(r.lines[1]).toContain('%d %i %u');
  });
  it('too many arguments', () => {
    const r = first('let () = Printf.printf "%s\\n" "a" 2\n');
    expect(r.lines[0]).toBe('The format "%s\\n" takes 1 argument, but `Printf.printf` is given 2 after it.');
    expect(r.related).toEqual(['1: This argument is one too many']);
    expect(first('let a = List.map succ [1] 2\n').lines).toEqual([
      "This function has type ('a -> 'b) -> 'a list -> 'b list",
      "It is applied to too many arguments; maybe you forgot a `;'.",
      '`List.map` takes 2 arguments, but is given 3; the 3rd, `2`, is one too many.',
    ]);
  });
  it('labels: the unknown one, its near miss and the labels the function takes', () => {
    const r = first('let w ~width ~height = width * height\nlet a = w ~width:1 ~heigth:2\n');
    expect(r.lines).toEqual([
      'The function applied to this argument has type height:int -> int',
      'This argument cannot be applied with label ~heigth',
      'Hint: Did you mean ~height?',
      '`w` takes the labels ~width and ~height.',
    ]);
  });

  it('an argument on the next line: a missing separator', () => {
    expect(first('let limit = 10\nprint_int limit\n').lines.at(-1)).toBe(
      'Hint: the argument starts on line 2; if that line is a new top-level statement, write it as `let () = print_int limit`, or end line 1 with `;;`.',
    );
  });

  it('arguments in the wrong order, when each fits the other place', () => {
    expect(first('let s = List.map [1] succ\n').lines.at(-1)).toBe(
      "Hint: the arguments of `List.map` may be in the wrong order: it expects `('a -> 'b)` first, then `'a list`.",
    );
    // a parameter of any type is no evidence
    expect(first('let m = List.fold_left (+) [1] 0\n').lines.join('\n')).not.toContain('wrong order');
  });
});

describe('near misses', () => {
  const hint = (text: string): string[] => first(text).lines.slice(1);
  it('in every namespace, qualified or not', () => {
    expect(hint('let h = List.lenght\n')).toEqual(['Hint: Did you mean List.length?']);
    expect(hint('module M = struct type t = Alpha | Beta end\nlet c = M.Alph\n')).toEqual(['Hint: Did you mean M.Alpha?']);
    expect(hint('module M = struct type q = { fld : int } end\nlet e (x : M.q) = x.M.fdl\n')).toEqual(['Hint: Did you mean M.fld?']);
    expect(hint('module M = struct type tree = int end\nlet f : M.tre = 1\n')).toEqual(['Hint: Did you mean M.tree?']);
    expect(hint('module M = struct module Inner = struct end end\nmodule N = M.Iner\n')).toEqual(['Hint: Did you mean M.Inner?']);
    expect(hint('module M = struct module type Ord = sig end end\nmodule type T = M.Ordd\n')).toEqual(['Hint: Did you mean M.Ord?']);
    expect(hint('let j = Sone 1\n')).toEqual(['Hint: Did you mean None or Some?']);
  });
  it('a name used before its definition, or recursively without rec', () => {
    expect(hint('let f x = if x = 0 then 0 else f (x - 1)\n')).toEqual([
      'Hint: `f` is being defined here; to use it recursively, write `let rec` on line 1.',
    ]);
    expect(hint('let a = b + 1\nlet b = 2\n')).toEqual([
      'Hint: `b` is defined later, on line 2; a definition can only use the names above it.',
    ]);
  });
  it('names inside modules in scope', () => {
    expect(hint('let n = length [1]\n')[0]).toMatch(/^Hint: Did you mean .*List\.length/);
  });
  it("OCaml's distances: none for two letters, transpositions count once", () => {
    expect(hint('let ab = 1\nlet x = ac\n')).toEqual([]);
    expect(hint('let abcdefgh = 1\nlet x = axcxexgh\n')).toEqual(['Hint: Did you mean abcdefgh?']);
  });
});

describe('signatures', () => {
  const store =
    'module type STORE = sig\n  type key = string\n  type value\n  val get : key -> value option\n  val put : key -> value -> unit\nend\n';
  it('values: both declarations, and what differs', () => {
    const r = first(`${store}module Store : STORE = struct\n  type key = string\n  type value = int\n  let get (k : key) : int = 1\n  let putt k v = ()\nend\n`);
    expect(r.lines[0]).toBe('Signature mismatch:');
    expect(r.lines).toContain('The types differ in the result: int here, value option expected.');
    expect(r.lines).toContain('Hint: the implementation has `putt`; did you mean to name it `put`?');
    expect(r.related).toEqual([
      '10: The implementation of value `get` is here',
      '4: Signature STORE declares value `get` here',
      '5: Signature STORE declares value `put` here',
    ]);
  });
  it('type declarations: which constructor or field', () => {
    const why = (sig: string, impl: string): string =>
      first(`module P : sig ${sig} end = struct ${impl} end\n`).lines.at(-1)!;
    expect(why('type t = A | B', 'type t = A')).toBe('The constructor B is declared in the signature but not in the implementation.');
    expect(why('type t = A of int', 'type t = A of string')).toBe('The arguments of constructor A differ: string here, int in the signature.');
    expect(why('type t = { mutable x : int }', 'type t = { x : int }')).toBe('The field x is mutable in the signature but not in the implementation.');
    expect(why('type t = B | A', 'type t = A | B')).toBe('The constructors are in a different order: 1st is A here, B in the signature.');
  });

  it('a type too specific', () => {
    const r = first('module type ID = sig val id : \'a -> \'a end\nmodule M : ID = struct let id x = x + 0 end\n');
    expect(r.lines).toContain("The implementation's type int -> int is less general than the declared 'a -> 'a:");
  });
  it('functor arguments', () => {
    const r = first(
      'module type O = sig type t val compare : t -> t -> int end\nmodule F (X : O) = struct end\nmodule I = struct type t = int\n  let compare (a : int) (b : string) = 0 end\nmodule S = F (I)\n',
    );
    expect(r.lines).toContain('The types differ in the 2nd argument: string here, I.t expected.');
    expect(r.related).toEqual(['4: The implementation of value `compare` is here', '1: Signature O declares value `compare` here']);
  });
});

describe('recovery', () => {
  it('reports each independent error once, without cascades', () => {
    const text = [
      'type t = Foo of undefined_ty | Bar', // 1: reported
      'let x = Foo 1',
      'let y = match Bar with Foo _ -> 1 | Bar -> 2',
      'module M = struct',
      '  let a = 1 + "x"', // 5: reported
      '  let b = 2',
      '  type u = { f : nope }', // 7: reported
      'end',
      'let z = M.a + M.b',
      'let w : M.u = { f = 1 }',
      'module N = Missing', // 11: reported
      'let v = N.q',
      'exception E of nosuch', // 13: reported
      'let e = raise (E 1)',
      'module type S = sig val x : nosuch end', // 15: reported
      'module P : S = struct let x = 1 end',
      'let q = P.x + z + y + x',
      'open Nowhere', // 18: reported
      'let r = anything',
      'let ok = 1 + "still reported"', // 20: reported
    ].join('\n');
    expect(errors(text).map((d) => lineOf(text, d))).toEqual([1, 5, 7, 11, 13, 15, 18, 20]);
  });
  it('a module with an error inside is not checked against its signature', () => {
    const text = 'module type S = sig val a : int val b : int end\nmodule M : S = struct let a = 1 + "" end\n';
    expect(errors(text).map((d) => lineOf(text, d))).toEqual([2]);
  });
  it('stops after 10 errors, saying so', () => {
    const text = Array.from({ length: 12 }, (_, i) => `let x${i} = ${i} + "a"`).join('\n');
    const ds = errors(text);
    expect(ds).toHaveLength(10);
    expect(ds[9]!.notes?.at(-1)).toBe('mlc stops after 10 errors; the rest of the file was not checked.');
  });
});

describe('statements', () => {
  const warned = (text: string): string[] =>
    checkWithStdlib(text).warnings.map((w) => `${w.warning} ${lineOf(text, w)}`);
  it("warn as OCaml: non-unit (10) and partial applications (5)", () => {
    expect(warned('let f () = 1; 2\nlet g x = List.map x; 2\nlet h () = while true do 1 done\n')).toEqual(['10 1', '5 2', '10 3']);
    // a function named but not applied is warning 10, as OCaml 4.13 gives it
    expect(warned('let p () = print_int; 3\nlet u () = print_int 1; ()\nlet f g = g 1; 2\n')).toEqual(['10 1']);
  });
});

describe('modules', () => {
  it('a misspelt module is checked against the units the driver could load, loaded or not', () => {
    const src = new SourceFile('known.ml', 'let s = Strng.length "a"\n');
    registerSource(src);
    let d: Diagnostic | null = null;
    try {
      typeImplementation(initialEnv(['Stdlib', 'String', 'List']), parseImplementation(src), 'Known');
    } catch (e) {
      if (e instanceof CompileError) d = e.diagnostics[0]!;
    }
    expect(d?.message).toBe('Unbound module Strng');
    expect(d?.notes).toEqual(['Hint: Did you mean String?']);
  });

  it('a value missing from a module: the near miss, or else what the module defines', () => {
    const m = 'module Geometry = struct\n  let pi = 3.14\n  let circle_area r = pi *. r *. r\nend\n';
    expect(first(`${m}let a = Geometry.circle_aera 1.\n`).lines).toEqual([
      'Unbound value Geometry.circle_aera',
      'Hint: Did you mean Geometry.circle_area?',
    ]);
    expect(first(`${m}let a = Geometry.square_area 1.\n`).lines).toEqual([
      'Unbound value Geometry.square_area',
      'Geometry defines: circle_area, pi.',
    ]);
  });

  it('a functor used as a structure: its name, and how to apply it', () => {
    const f = 'module type ORD = sig type t val compare : t -> t -> int end\nmodule Make (O : ORD) = struct let x = 1 end\n';
    expect(first(`${f}module S = Make\nlet y = S.x\n`).lines).toEqual([
      'The module S is a functor, it cannot have any components',
      '`S` is the functor `Make` itself, not a module made by applying it.',
      'Hint: apply it to a module of type ORD: `module S = Make (M)`.',
    ]);
  });

  it('a big signature in a functor-argument mismatch is shown elided, on lines of its own', () => {
    const f = 'module type ORD = sig type t val compare : t -> t -> int end\nmodule Make (O : ORD) = struct let x = 1 end\n';
    const big = Array.from({ length: 12 }, (_, i) => `let v${i} = ${i}`).join(' ');
    const { lines } = first(`${f}module S = Make (struct type u = int ${big} end)\n`);
    expect(lines.slice(0, 10)).toEqual([
      'Modules do not match:',
      '  sig',
      '    type u = int',
      '    val v0 : int',
      '    val v1 : int',
      '    val v2 : int',
      '    val v3 : int',
      '    ... (8 more lines)',
      '  end',
      'is not included in',
    ]);
    expect(lines).toContain('Hint: the implementation has type `u`; to provide `t`, add `type t = u`.');
  });

  it('a function named as a statement, not called: warning 10 with the call to write', () => {
    const w = checkWithStdlib('let banner () = print_string "="\nlet () = banner; print_string "x"\n').warnings;
    expect(w.map((x) => [x.warning, x.message, ...(x.notes ?? [])])).toEqual([
      [
        10,
        'this expression should have type unit.',
        '`banner` is a function, of type unit -> unit; naming it does not call it.',
        'Hint: call it: `banner ()`.',
      ],
    ]);
  });
});
