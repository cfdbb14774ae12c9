import { describe, expect, it } from 'vitest';
import { parseImplementation, parseInterface, parseExpression } from '../../compiler/syntax/parser.ts';
import type { Expr, StructItem } from '../../compiler/syntax/ast.ts';
import { SourceFile } from '../../compiler/diagnostics/source.ts';
import { expr, showExpr, showPat, showType, src, type } from './show.ts';

function items(text: string): StructItem[] {
  return parseImplementation(src(text)).items;
}

/** The pattern of `match x with <p> -> ()`. */
function pat(p: string): string {
  const e = parseExpression(src(`match x with ${p} -> ()`));
  if (e.kind !== 'match') throw new Error('not a match');
  return showPat(e.cases[0]!.pat);
}

describe('operator precedence and associativity', () => {
  const table: [string, string][] = [
    ['a + b * c', '(+ a (* b c))'],
    ['a * b + c', '(+ (* a b) c)'],
    ['a - b - c', '(- (- a b) c)'],
    ['a :: b @ c', '(@ (a :: b) c)'],
    ['a @ b :: c', '(@ a (b :: c))'],
    ['a :: b :: c', '(a :: (b :: c))'],
    ['a ^ b ^ c', '(^ a (^ b c))'],
    ['f x y + g z', '(+ (f x y) (g z))'],
    // OCaml 4.13's parser (not its manual) puts unary minus above `**`.
    ['-a ** b', '(** (~- a) b)'],
    ['-x lsl 2', '(lsl (~- x) 2)'],
    ['a ** -b ** c', '(** a (** (~- b) c))'],
    ['-a * b', '(* (~- a) b)'],
    ['a ** b ** c', '(** a (** b c))'],
    ['2 ** -1', '(** 2 -1)'],
    ['a := b || c', '(:= a (|| b c))'],
    ['a := b := c', '(:= a (:= b c))'],
    ['x |> f |> g', '(|> (|> x f) g)'],
    ['f @@ g @@ x', '(@@ f (@@ g x))'],
    ['a >>= f >>= g', '(>>= (>>= a f) g)'],
    ['f <$> a <*> b', '(<*> (<$> f a) b)'],
    ['a +++ b *** c', '(+++ a (*** b c))'],
    ['a || b && c', '(|| a (&& b c))'],
    ['a && b || c', '(|| (&& a b) c)'],
    ['a or b & c', '(or a (& b c))'],
    ['a = b && c <> d', '(&& (= a b) (<> c d))'],
    ['a < b = c', '(= (< a b) c)'],
    ['a != b == c', '(== (!= a b) c)'],
    ['a mod b * c', '(* (mod a b) c)'],
    ['a land b lor c', '(lor (land a b) c)'],
    ['a lsl b lsl c', '(lsl a (lsl b c))'],
    ['a + b lsl c', '(+ a (lsl b c))'],
    ['a +. b *. c -. d', '(-. (+. a (*. b c)) d)'],
    ['a, b :: c', '(a, (b :: c))'],
    ['a, b, c', '(a, b, c)'],
    ['a := b, c', '(:= a (b, c))'],
    ['fun x -> x, 1', '(fun x -> (x, 1))'],
    ['a.(i) <- b', '(a.(i) <- b)'],
    ['a.(i) <- b; c', '((a.(i) <- b); c)'],
    ['s.[i] <- c', '(s.[i] <- c)'],
    ['r.f <- 1 + 2', '(r.f <- (+ 1 2))'],
    ['r.f <- x := 1', '(r.f <- (:= x 1))'],
    ['!r.f', '((! r).f)'],
    ['!r', '(! r)'],
    ['!(r.f)', '(! (r.f))'],
    ['f !r', '(f (! r))'],
    ['- f x', '(~- (f x))'],
    ['-. f x', '(~-. (f x))'],
    ['f x.y', '(f (x.y))'],
    ['f x.(0)', '(f (x.(0)))'],
    ['f a.b.c', '(f ((a.b).c))'],
    ['not a || b', '(|| (not a) b)'],
    ['~-x', '(~- x)'],
    ['f x ## y', '(f (## x y))'],
  ];
  for (const [input, output] of table) it(input, () => expect(expr(input)).toBe(output));
});

describe('open-ended constructs', () => {
  const table: [string, string][] = [
    ['if a then b; c', '((if a then b); c)'],
    ['if a then b else c; d', '((if a then b else c); d)'],
    ['if a then b else c, d', '(if a then b else (c, d))'],
    ['if c then x := 1 else x := 2', '(if c then (:= x 1) else (:= x 2))'],
    ['if a then if b then c else d', '(if a then (if b then c else d))'],
    ['match x with A -> a | B -> b; c', '(match x with A -> a | B -> (b; c))'],
    ['match x with | A | B -> 1 | _ -> 2', '(match x with (A | B) -> 1 | _ -> 2)'],
    ['match x with A when f x -> 1 | _ -> 2', '(match x with A when (f x) -> 1 | _ -> 2)'],
    ['let x = 1 in x + 1; 2', '(let x = 1 in ((+ x 1); 2))'],
    ['let x = a; b in c', '(let x = (a; b) in c)'],
    ['a; let x = 1 in x; y', '(a; (let x = 1 in (x; y)))'],
    ['1 + let x = 1 in x * 2', '(+ 1 (let x = 1 in (* x 2)))'],
    ['f (fun x -> x) y', '(f (fun x -> x) y)'],
    ['fun x y -> x; y', '(fun x y -> (x; y))'],
    ['function A -> 1 | B -> 2', '(function A -> 1 | B -> 2)'],
    ['try f x with Not_found -> 0 | Failure s -> 1', '(try (f x) with Not_found -> 0 | (Failure s) -> 1)'],
    ['x :: match l with [] -> [] | y -> y', '(x :: (match l with [] -> [] | y -> y))'],
    ['while c do a; b done; d', '((while c do (a; b) done); d)'],
    ['for i = 0 to n - 1 do f i done', '(for i = 0 to (- n 1) do (f i) done)'],
    ['for _ = 10 downto 1 do () done', '(for _ = 10 downto 1 do () done)'],
    ['begin a; b end; c', '((a; b); c)'],
    ['begin end', '()'],
    ['(a; b;)', '(a; b)'],
    ['a; b;', '(a; b)'],
  ];
  for (const [input, output] of table) it(input, () => expect(expr(input)).toBe(output));
});

describe('expressions', () => {
  const table: [string, string][] = [
    ['-1', '-1'],
    ['- 1.5', '-1.5'],
    ['-.2.5', '-2.5'],
    ['-4611686018427387904', '-4611686018427387904'],
    ['4611686018427387903', '4611686018427387903'],
    ['0x7FFFFFFFFFFFFFFF', '-1'],
    ['0x4000000000000000', '-4611686018427387904'],
    ['-0x10', '-16'],
    ['+1', '1'],
    ['f (-1)', '(f -1)'],
    ['f -1', '(- f 1)'],
    ['-1 ** 2', '(** -1 2)'],
    ['-(1)', '-1'],
    ['- -1', '1'],
    ['-.1', '(~-. 1)'],
    ['- 1 x', '(~- (1 x))'],
    ['Some x', '(Some x)'],
    ['Some (f x)', '(Some (f x))'],
    ['M.C (a, b)', '(M.C (a, b))'],
    ['None', 'None'],
    ['true && false', '(&& true false)'],
    ['()', '()'],
    ['[]', '[]'],
    ['[1; 2; 3]', '(1 :: (2 :: (3 :: [])))'],
    ['[1; 2;]', '(1 :: (2 :: []))'],
    ['[a, b]', '((a, b) :: [])'],
    ['[| 1; 2 |]', '[|1; 2|]'],
    ['[||]', '[||]'],
    ['{ x = 1; y }', '{x = 1; y = y}'],
    ['{ r with x = 1; M.y = 2 }', '{r with x = 1; M.y = 2}'],
    ['{ M.x = 1 }', '{M.x = 1}'],
    ['{ (f r) with x = 1 }', '{(f r) with x = 1}'],
    ['r.M.x.y', '((r.M.x).y)'],
    ['A.B.c', 'A.B.c'],
    ['M.(x + y)', 'M.((+ x y))'],
    ['M.[1]', 'M.((1 :: []))'],
    ['M.(+)', 'M.+'],
    ['( + ) 1 2', '(+ 1 2)'],
    ['( * )', '*'],
    ['( mod )', 'mod'],
    ['(let*)', 'let*'],
    ['( ~- )', '~-'],
    ['(x : int)', '(x : int)'],
    ['f ~x ~y:3 ?z ?w:(1)', '(f ~x:x ~y:3 ?z:z ?w:1)'],
    ['f ~f:(fun x -> x)', '(f ~f:(fun x -> x))'],
    ['fun ~x ~y:p ?z ?(w = 1) ?v:(q = 2) ~(a : int) -> 0', '(fun ~x:x ~y:p ?z:z ?w:w=1 ?v:q=2 ~a:(a : int) -> 0)'],
    ['fun (x : int) (a, b) () _ -> x', '(fun (x : int) (a, b) () _ -> x)'],
    ['let f x y = x + y in f', '(let f = (fun x y -> (+ x y)) in f)'],
    ['let f (x : int) : int = x in f', '(let f = (fun (x : int) -> (x : int)) in f)'],
    ['let f : int -> int = g in f', '(let (f : (int -> int)) = g in f)'],
    ['let rec f = function [] -> 0 | _ :: t -> f t and g x = x in f', '(let rec f = (function [] -> 0 | (_ :: t) -> (f t)) and g = (fun x -> x) in f)'],
    ['let () = f () in ()', '(let () = (f ()) in ())'],
    ['let ( +! ) a b = a in 1 +! 2', '(let +! = (fun a b -> a) in (+! 1 2))'],
    ['let x, y = p in x', '(let (x, y) = p in x)'],
    ['let open M in x', 'M.(x)'],
    ['let open! M.N in x', 'M.N.(x)'],
    ['let module M = F (X) in M.x', '(let module M = ... in M.x)'],
    ['let exception E of int in raise (E 1)', '(let exception E in (raise (E 1)))'],
    ['let* x = a and* y = b in x + y', '(let* x = a and* y = b in (+ x y))'],
    ['let+ x = a in x', '(let+ x = a in x)'],
    ['assert (x > 0)', '(assert (> x 0))'],
    ['assert false; 1', '((assert false); 1)'],
    ['x.(0).(1) <- 3', '((x.(0)).(1) <- 3)'],
    ['"a" ^ "b"', '(^ "a" "b")'],
    ["'a' = c", "(= 'a' c)"],
  ];
  for (const [input, output] of table) it(input, () => expect(expr(input)).toBe(output));

  it('desugars infix operators to ghost identifiers spanning the operator', () => {
    const e = parseExpression(src('a + b')) as Extract<Expr, { kind: 'apply' }>;
    expect(e.kind).toBe('apply');
    expect(e.span).toEqual({ file: 'test.ml', start: 0, end: 5 });
    expect(e.fn.span).toEqual({ file: 'test.ml', start: 2, end: 3, ghost: true });
  });
  it('gives list sugar ghost spans', () => {
    const e = parseExpression(src('[1; 2]'));
    expect(e.span).toMatchObject({ start: 0, end: 6, ghost: true });
  });
  it('spans a parenthesized expression including its parentheses', () => {
    const e = parseExpression(src('f (g x)')) as Extract<Expr, { kind: 'apply' }>;
    expect(e.args[0]!.expr.span).toEqual({ file: 'test.ml', start: 2, end: 7 });
    expect(e.args[0]!.expr.kind).toBe('apply');
  });
  it('treats a parenthesized constructor as a function, not a constructor application', () => {
    expect(parseExpression(src('(Some) 1')).kind).toBe('apply');
    expect(parseExpression(src('(::) (1, [])')).kind).toBe('construct');
  });
  it('handles long sequences and lists without deep recursion', () => {
    const n = 20000;
    const seq = Array.from({ length: n }, (_, i) => `f ${i}`).join(';\n');
    expect(parseExpression(src(`begin ${seq} end`)).kind).toBe('seq');
    const list = `[${Array.from({ length: n }, (_, i) => String(i)).join('; ')}]`;
    expect(parseExpression(src(list)).kind).toBe('construct');
  });
  it('spans a negative literal from its sign', () => {
    expect(parseExpression(src('- 1')).span).toEqual({ file: 'test.ml', start: 0, end: 3 });
  });
  it('keeps string constants as bytes with their spelling', () => {
    const e = parseExpression(src('"a\\n"'));
    expect(e).toMatchObject({ kind: 'const', value: { kind: 'string', value: Uint8Array.of(97, 10), text: '"a\\n"' } });
  });
  it('reads float constants', () => {
    expect(parseExpression(src('1.5e3'))).toMatchObject({ kind: 'const', value: { kind: 'float', value: 1500, text: '1.5e3' } });
  });
});

describe('patterns', () => {
  const table: [string, string][] = [
    ['_', '_'],
    ['x', 'x'],
    ['-1', '-1'],
    ['Some -1', '(Some -1)'],
    ["'a'..'z'", "'a'..'z'"],
    ['(a, b)', '(a, b)'],
    ['a, b', '(a, b)'],
    ['[]', '[]'],
    ['[a; b]', '(a :: (b :: []))'],
    ['x :: y :: rest', '(x :: (y :: rest))'],
    ['a, b :: c', '(a, (b :: c))'],
    ['{ x; y = p; _ }', '{x = x; y = p; _}'],
    ['{ M.x = 1 }', '{M.x = 1}'],
    ['Some x', '(Some x)'],
    ['C (a, b)', '(C (a, b))'],
    ['M.C x', '(M.C x)'],
    ['Some (Some x) :: t', '((Some (Some x)) :: t)'],
    ['[| p; q |]', '[|p; q|]'],
    ['A | B | C', '((A | B) | C)'],
    ['A | B as x', '((A | B) as x)'],
    ['a, b as p', '((a, b) as p)'],
    ['(x : int)', '(x : int)'],
    ['(Some _ as o) :: _', '(((Some _) as o) :: _)'],
    ['exception Not_found', '(exception Not_found)'],
    ['exception Failure s', '(exception (Failure s))'],
    ['"s"', '"s"'],
    ['true', 'true'],
    ['()', '()'],
    ['1 | 2', '(1 | 2)'],
  ];
  for (const [input, output] of table) it(input, () => expect(pat(input)).toBe(output));
});

describe('types', () => {
  const table: [string, string][] = [
    ["'a", "'a"],
    ['_', '_'],
    ['int list', '(int) list'],
    ['int list option', '((int) list) option'],
    ['(int, string) Hashtbl.t', '(int, string) Hashtbl.t'],
    ['a -> b -> c', '(a -> (b -> c))'],
    ['(a -> b) -> c', '((a -> b) -> c)'],
    ['a * b * c', '(a * b * c)'],
    ['a * b -> c', '((a * b) -> c)'],
    ['x:int -> ?y:int -> unit', '(~x:int -> (?y:int -> unit))'],
    ['~x:int -> int', '(~x:int -> int)'],
    ['M.N.t', 'M.N.t'],
    ['F(X).t', 'F(X).t'],
    ["'a M.t list", "(('a) M.t) list"],
    ['(int * int) list', '((int * int)) list'],
  ];
  for (const [input, output] of table) it(input, () => expect(type(input)).toBe(output));
});

describe('declarations', () => {
  it('parses variant, record and abbreviation types', () => {
    const [t] = items('type t = A | B of int * string | C of (int * int) | D of { x : int; mutable y : float }');
    expect(t).toMatchObject({ kind: 'stype', nonrec: false });
    if (t?.kind !== 'stype') throw new Error();
    const d = t.decls[0]!;
    expect(d.name).toBe('t');
    if (d.body.kind !== 'variant') throw new Error();
    expect(d.body.ctors.map((c) => c.name)).toEqual(['A', 'B', 'C', 'D']);
    expect(d.body.ctors[0]!.args).toEqual({ kind: 'tuple', items: [] });
    expect(d.body.ctors[1]!.args.kind === 'tuple' && d.body.ctors[1]!.args.items.map(showType)).toEqual(['int', 'string']);
    expect(d.body.ctors[2]!.args.kind === 'tuple' && d.body.ctors[2]!.args.items.map(showType)).toEqual(['(int * int)']);
    expect(d.body.ctors[3]!.args).toMatchObject({ kind: 'record', fields: [{ name: 'x', mutable: false }, { name: 'y', mutable: true }] });
  });
  it('parses parameters, manifests, private, nonrec and and', () => {
    const [t] = items("type nonrec ('a, +'b) t = ('a, 'b) M.t = private A of 'a | B and u = int and -'a v and _ w = { f : 'a; }");
    if (t?.kind !== 'stype') throw new Error();
    expect(t.nonrec).toBe(true);
    const [d1, d2, d3, d4] = t.decls;
    expect(d1!.params.map((p) => p.name)).toEqual(['a', 'b']);
    expect(showType(d1!.manifest!)).toBe("('a, 'b) M.t");
    expect(d1!.private).toBe(true);
    expect(d1!.body.kind).toBe('variant');
    expect(d2).toMatchObject({ name: 'u', body: { kind: 'abstract' } });
    expect(showType(d2!.manifest!)).toBe('int');
    expect(d3).toMatchObject({ name: 'v', params: [{ name: 'a' }], manifest: null, body: { kind: 'abstract' } });
    expect(d4).toMatchObject({ name: 'w', params: [{ name: '_' }], body: { kind: 'record' } });
    expect(d1!.span).toMatchObject({ start: 0 });
  });
  it('parses exceptions and externals', () => {
    const its = items('exception E\nexception F of int * string\nexception G = M.F\nexternal f : int -> int = "f" "g"\nexternal ( +! ) : int -> int -> int = "plus"');
    expect(its.map((i) => i.kind)).toEqual(['sexception', 'sexception', 'sexception', 'sexternal', 'sexternal']);
    expect(its[1]).toMatchObject({ decl: { name: 'F', args: { kind: 'tuple', items: [{}, {}] }, rebind: null } });
    expect(its[2]).toMatchObject({ decl: { name: 'G', rebind: { name: 'F', path: { name: 'M' } } } });
    expect(its[3]).toMatchObject({ decl: { name: 'f', prims: ['f', 'g'] } });
    expect(its[4]).toMatchObject({ decl: { name: '+!', prims: ['plus'] } });
  });
});

describe('modules', () => {
  it('parses structure items and toplevel expressions', () => {
    // a toplevel `let ... in` is an expression: it must start the file or follow `;;`, as in OCaml
    const its = items('print_string "a";;\nlet x = 1\nlet () = f x;;\nf x;;\nopen M\ninclude N\nmodule type S = sig end;;\nlet x = 2 in x');
    expect(its.map((i) => i.kind)).toEqual(['seval', 'slet', 'slet', 'seval', 'sopen', 'sinclude', 'smodtype', 'seval']);
  });
  it('parses functors and their sugar', () => {
    const [m] = items('module F (X : S) (Y : T) : R = struct let x = X.x end');
    expect(m).toMatchObject({
      kind: 'smodule',
      name: 'F',
      module: {
        kind: 'mfunctor',
        params: [{ name: 'X', type: { kind: 'mtpath' } }, { name: 'Y' }],
        body: { kind: 'mconstraint', module: { kind: 'mstruct', items: [{ kind: 'slet' }] }, type: { kind: 'mtpath', name: { name: 'R' } } },
      },
    });
    const [a, b, c, d] = items('module A = F (X)\nmodule B = F(X)(Y)\nmodule C = F(struct end)\nmodule D = functor (X : S) -> (X : S)');
    expect(a).toMatchObject({ module: { kind: 'mapply', fn: { kind: 'mpath' }, arg: { kind: 'mpath', path: { name: 'X' } } } });
    expect(b).toMatchObject({ module: { kind: 'mapply', fn: { kind: 'mapply' }, arg: { path: { name: 'Y' } } } });
    expect(c).toMatchObject({ module: { kind: 'mapply', arg: { kind: 'mstruct' } } });
    expect(d).toMatchObject({ module: { kind: 'mfunctor', body: { kind: 'mconstraint' } } });
  });
  it('parses module types', () => {
    const [s] = items(`module type S = sig
      type t
      type 'a s = 'a list
      val x : t
      val ( + ) : t -> t -> t
      external f : int -> int = "f"
      exception E of int
      module M : T
      module F (X : T) : T with type t = X.t
      module type U
      module type V = T
      include T with type t := int and module M = N
      open M
    end`);
    if (s?.kind !== 'smodtype' || s.type?.kind !== 'mtsig') throw new Error();
    expect(s.type.items.map((i) => i.kind)).toEqual([
      'gtype', 'gtype', 'gval', 'gval', 'gexternal', 'gexception', 'gmodule', 'gmodule', 'gmodtype', 'gmodtype', 'ginclude', 'gopen',
    ]);
    expect(s.type.items[3]).toMatchObject({ name: '+' });
    expect(s.type.items[7]).toMatchObject({ type: { kind: 'mtfunctor', result: { kind: 'mtwith' } } });
    expect(s.type.items[10]).toMatchObject({
      type: { kind: 'mtwith', constraints: [{ kind: 'wtype', destructive: true }, { kind: 'wmodule', destructive: false }] },
    });
    const [f, g] = items('module type F = functor (X : S) -> S with type t = X.t\nmodule type G = (X : S) -> S -> T');
    expect(f).toMatchObject({ type: { kind: 'mtfunctor', result: { kind: 'mtwith', constraints: [{ name: { name: 't' } }] } } });
    expect(g).toMatchObject({ type: { kind: 'mtfunctor', params: [{ name: 'X' }], result: { kind: 'mtfunctor', params: [{ name: null }] } } });
  });
  it('parses with-constraints with parameters', () => {
    const [m] = items("module M : S with type 'a t = 'a list and type u = int = N");
    expect(m).toMatchObject({ module: { kind: 'mconstraint', type: { kind: 'mtwith', constraints: [{ params: [{ name: 'a' }] }, {}] } } });
  });
  it('parses module rec as a node for the checker to reject', () => {
    expect(items('module rec A : S = struct end and B : T = struct end')[0]!.kind).toBe('srecmodule');
  });
  it('parses interfaces', () => {
    const i = parseInterface(src('type t\nval make : int -> t\nmodule M : sig val x : int end', 'a.mli'));
    expect(i).toMatchObject({ kind: 'interface', file: 'a.mli' });
    expect(i.items.map((x) => x.kind)).toEqual(['gtype', 'gval', 'gmodule']);
  });
  it('gives items spans from first to last token', () => {
    const [a, b] = items('let x = 1\n\ntype t = A');
    expect(a!.span).toEqual({ file: 'test.ml', start: 0, end: 9 });
    expect(b!.span).toEqual({ file: 'test.ml', start: 11, end: 21 });
  });
  it('prints a function binding as fun', () => {
    const [l] = items('let f ?(x = 1) ~y z = x + y + z');
    if (l?.kind !== 'slet') throw new Error();
    expect(showExpr(l.bindings[0]!.expr)).toBe('(fun ?x:x=1 ~y:y z -> (+ (+ x y) z))');
    expect(l.bindings[0]!.expr.span.ghost).toBe(true);
  });
});

describe('attributes', () => {
  it('are dropped, payloads included, wherever they appear', () => {
    const withAttrs = parseImplementation(
      new SourceFile('a.ml', '[@@@warning "-8"]\nlet[@inline] f x = (x [@attr [1; 2]]) + 1 [@@inline always]\n'),
    );
    const plain = parseImplementation(new SourceFile('b.ml', 'let f x = x + 1\n'));
    expect(withAttrs.items.length).toBe(plain.items.length);
    expect(withAttrs.items[0]!.kind).toBe('slet');
  });
});
