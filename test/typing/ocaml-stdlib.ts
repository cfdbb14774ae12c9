// Builds, from the installed OCaml 4.13 stdlib interfaces, one signature text for
// a `Stdlib` unit holding the modules the conformance programs use, so inferred
// interfaces can be compared with `ocamlc -i` (which sees the real stdlib types).
// Attributes and a few constructs outside the subset are stripped textually.
import { existsSync, readFileSync } from 'node:fs';

const LIB = '/usr/lib/ocaml';
const MODULES = [
  'Seq', 'Option', 'Either', 'Result', 'Bool', 'Char', 'Uchar', 'Int', 'Fun', 'List', 'Bytes', 'String',
  'Array', 'Float', 'Hashtbl', 'Map', 'Set', 'Stack', 'Queue', 'Buffer', 'Printf',
];

function clean(text: string): string {
  return text
    .replace(/\(\*\*\/\*\*\)/g, '')
    .replace(/\[@@?@?[^\]]*\]/g, '')
    .replace(/type ((?:\([^)]*\)|'\w+)\s+)?(\w+) = ((?:\([^)]*\)|'\w+)\s+)?Stdlib\.(\w+)/g, (m, a, n, b, n2) =>
      n === n2 ? `type nonrec ${a ?? ''}${n} = ${b ?? ''}${n2}` : m)
    .replace(/\bStdlib\./g, '')
    .replace(/type 'a t = 'a list =[^\n]*(\n\s*\|[^\n]*)*/g, "type 'a t = 'a list")
    .replace(/type t = bool = false \| true/g, 'type t = bool')
    .replace(/type t = unit = \(\)/g, 'type t = unit')
    .replace(/\(!'a\s*,\s*!'b\)/g, "('a, 'b)")
    .replace(/[+-]'/g, "'")
    .replace(/!'/g, "'");
}

export function ocamlStdlibInterface(): string | null {
  if (!existsSync(`${LIB}/stdlib.mli`)) return null;
  let top = readFileSync(`${LIB}/stdlib.mli`, 'latin1');
  top = top.slice(0, top.indexOf('(**/**)', top.indexOf('val do_at_exit')) >= 0 ? top.indexOf('module Arg ') : top.length);
  top = top.replace(/\(\*\* \{1 Standard library modules[\s\S]*$/, '');
  top = top.replace(
    /type \('a, 'b, 'c, 'd, 'e, 'f\) format6 =\s*\('a, 'b, 'c, 'd, 'e, 'f\) CamlinternalFormatBasics.format6/,
    "type ('a, 'b, 'c, 'd, 'e, 'f) format6",
  );
  top = top.replace(/module LargeFile :[\s\S]*?\nend\n/, '');
  const parts = [clean(top)];
  for (const m of MODULES) {
    const file = `${LIB}/${m.toLowerCase()}.mli`;
    if (!existsSync(file)) continue;
    parts.push(`module ${m} : sig\n${clean(readFileSync(file, 'latin1'))}\nend`);
  }
  return parts.join('\n');
}
