// Differential test against the real OCaml parser, when `ocamlc` is installed:
// OCaml re-prints each program with its own parenthesisation (`-dsource`); our
// parse of the original and our parse of OCaml's re-print must be the same tree
// (spans and source spellings aside). A precedence or associativity mistake
// shows up as a difference.

import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { SourceFile } from '../../compiler/diagnostics/source.ts';
import { sharedDir } from '../harness/shared.ts';
import { parseImplementation } from '../../compiler/syntax/parser.ts';

const hasOcaml = spawnSync('ocamlc', ['-version']).status === 0;

/** OCaml's re-print of a file, or null if OCaml rejects it. */
function ocamlReprint(file: string): string | null {
  const r = spawnSync('ocamlc', ['-stop-after', 'parsing', '-dsource', file]);
  if (r.status !== 0) return null;
  return r.stderr
    .toString()
    .split('\n')
    .filter((l) => !l.startsWith('File "') && !l.startsWith('Warning '))
    .join('\n');
}

/** The tree without spans and spellings; nested `fun`s and `.()` sugar normalised as OCaml prints them. */
function normalize(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(normalize);
  if (v instanceof Uint8Array) return Array.from(v);
  if (typeof v === 'bigint') return v.toString();
  if (v === null || typeof v !== 'object') return v;
  const o = v as Record<string, any>;
  if (o.kind === 'fun' && o.body.kind === 'fun') return normalize({ ...o, params: [...o.params, ...o.body.params], body: o.body.body });
  if (o.kind === 'index' || o.kind === 'setindex') {
    const mod = o.container === 'array' ? 'Array' : 'String';
    const fn = { kind: 'ident', name: { path: { kind: 'mident', name: mod }, name: o.kind === 'index' ? 'get' : 'set' } };
    const args = [o.target, o.index, ...(o.kind === 'setindex' ? [o.value] : [])].map((expr) => ({ label: { kind: 'nolabel' }, expr }));
    return normalize({ kind: 'apply', fn, args });
  }
  const out: Record<string, unknown> = {};
  for (const k of Object.keys(o)) if (k !== 'span' && k !== 'nameSpan' && k !== 'text') out[k] = normalize(o[k]);
  return out;
}

function compareWithOcaml(file: string): void {
  const printed = ocamlReprint(file);
  expect(printed, 'ocamlc rejected the file').not.toBeNull();
  const mine = parseImplementation(new SourceFile(file, readFileSync(file, 'latin1'))).items.map(normalize);
  const theirs = parseImplementation(new SourceFile('reprint.ml', printed!)).items.map(normalize);
  expect(mine.length).toBe(theirs.length);
  for (let i = 0; i < mine.length; i++) expect(mine[i], `item ${i}`).toEqual(theirs[i]);
}

const FEATURES = String.raw`
type 'a tree = Leaf | Node of 'a tree * 'a * 'a tree
type ('k, 'v) pair = { key : 'k; mutable value : 'v }
type shape = Circle of float | Rect of { w : float; h : float } | Pt of (int * int)
type t = int
and u = T of t
type nonrec v = private int
exception E
exception F of int * string
exception G = Not_found
external ext : int -> int = "ext_prim" "ext2"
module type S = sig
  type t
  type 'a c = 'a list
  val x : t
  val ( +! ) : t -> t -> t
  val f : x:int -> ?y:int -> unit -> int
  module M : sig val y : int end
  module F (X : sig type t end) : sig type t = X.t end
  module type T
  include sig type q end with type q = int
end
module M = struct
  let x = 1
  let ( +! ) a b = a + b
  let f ~x ?(y = 2) () = x + y
end
module F (X : S) = struct include X let z = x end
module N : sig val x : int end = M
module A = F (struct type t = int type 'a c = 'a list let x = 1 let ( +! ) = ( + ) let f ~x ?y () = x module M = struct let y = 1 end module F (X : sig type t end) = struct type t = X.t end module type T = sig end include struct type q = int end end)
module type W = S with type t = int and type 'a c = 'a array
let rec depth = function Leaf -> 0 | Node (l, _, r) -> 1 + max (depth l) (depth r)
let f x y = x + y * 2 - -1
let g (x : int) : int = x lsl 2 lor 1
let h = fun ?(a = 1) ~b ?c:(d = 3) ~e:(e1, e2) () -> a + b + d + e1 + e2
let k : int -> int = fun x -> x
let () = print_int (f 1 2); print_newline ()
let (a, b) = (1, 2)
let r = { key = 1; value = "a" }
let r2 = { r with value = "b" }
let () = r.value <- "c"; r.value <- r2.value ^ "d"
let arr = [| 1; 2; 3 |]
let () = arr.(0) <- arr.(1) + arr.(2); ignore "s".[0]
let l = 1 :: 2 :: [ 3; 4 ] @ [ 5 ]
let m = match l with [] -> 0 | [ x ] -> x | x :: y :: _ when x > y -> x | _ :: rest -> List.length rest
let n = try List.assoc 1 [] with Not_found -> 0 | Failure _ | Invalid_argument _ -> 1
let o = match int_of_string "x" with n -> n | exception Failure s -> String.length s
let p = if a > b then a else if a = b then 0 else b
let q = let open M in x +! 1
let q2 = M.(x +! 1)
let q3 = let module L = List in L.length [ 1 ]
let q4 = let exception Local of int in try raise (Local 1) with Local n -> n
let s = ref 0
let () = while !s < 10 do incr s done; for i = 10 downto 0 do s := !s - i done
let t = (1, "a", 'c', 1.5, -2, -.3.5, 0x1F, 0o17, 0b101, 1_000)
let u = fun x -> x, 1
let v = x |> succ |> pred
let w = succ @@ succ @@ 1
let x1 = - f 1 2 + - 3 * 4 ** 5.
let x2 = not true || false && true
let x3 = a = b || a <> b && a <= b
let x4 = function 'a' .. 'z' | 'A' .. 'Z' -> true | _ -> false
let x5 = function { key = 1; _ } -> 1 | { key; value } -> key
let x6 = function [| a; b |] -> a + b | _ -> 0
let x7 = function (Some x as y), _ | (None as y), x -> (x, y)
let x8 = assert (1 > 0)
let x9 = Some (Node (Leaf, 1, Leaf))
let ( let* ) o f = match o with None -> None | Some x -> f x
let ( and* ) a b = match a, b with Some a, Some b -> Some (a, b) | _ -> None
let y1 = let* a = Some 1 and* b = Some 2 in Some (a + b)
let y2 = begin 1 end + (2 : int)
let y3 = [ (fun x -> x); (function x -> x) ]
let y4 = M.f ~x:1 ~y:2 ()
let y5 = if true then print_string "a"; print_string "b"
let y6 = { M.x = 1 }.M.x
;;
print_string "end";;
let y7 = x1 := !x1 + 1; [] :: []
let y8 = s.contents <- 1; !s.contents
let y9 c = match c with '0' .. '9' -> 1 | _ -> -1
`;

describe.skipIf(!hasOcaml)('agreement with ocamlc -dsource', () => {
  it('on a program using most of the grammar', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'mlc-syntax-'));
    const file = path.join(dir, 'features.ml');
    writeFileSync(file, FEATURES, 'latin1');
    try {
      compareWithOcaml(file);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
  for (const dir of ['conformance', 'conformance/errors', 'bench']) {
    const full = sharedDir(dir);
    if (full === null) continue;
    for (const f of readdirSync(full).filter((f) => f.endsWith('.ml')).sort()) {
      it(`${dir}/${f}`, () => compareWithOcaml(path.join(full, f)));
    }
  }
});
