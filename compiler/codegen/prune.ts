// Drops the functions and globals of a WebAssembly text module that nothing
// reachable refers to, before binaryen parses it. The emitted text holds the
// whole runtime system and every linked standard library unit, most of which a
// given program never reaches; binaryen's text parser is the slowest step of
// assembling (about 2 MB/s), so parsing only what is live pays for itself many
// times over. binaryen's own `remove-unused-module-elements` still runs after.
//
// Reachability is by name and deliberately coarse: a kept field keeps every
// function or global whose `$name` appears anywhere in its text (whatever the
// namespace of that occurrence — a local or label of the same name only keeps
// more). Roots are every field that is not a named function or global, and the
// functions and globals that are exported. If the text refers to a function or
// global by index, pruning would shift indices, so the text is returned as is.

interface Field {
  readonly start: number;
  readonly end: number;
  /** The `$name` of a function or global that may be dropped; null for a root. */
  readonly name: string | null;
}

const identifier = /\$[0-9A-Za-z!#$%&'*+\-./:<=>?@\\^_`|~]+/g;
const byIndex = /\b(?:call|return_call|ref\.func|global\.get|global\.set|start)\s+\d/;

/** The module's fields (the text between `(module` and its closing paren), or null if unsure. */
function splitFields(wat: string): Field[] | null {
  const fields: Field[] = [];
  let depth = 0;
  let fieldStart = -1;
  const n = wat.length;
  for (let i = 0; i < n; i++) {
    const c = wat.charCodeAt(i);
    if (c === 0x22 /* " */) {
      for (i++; i < n && wat.charCodeAt(i) !== 0x22; i++) if (wat.charCodeAt(i) === 0x5c /* \ */) i++;
    } else if (c === 0x3b /* ; */ && wat.charCodeAt(i + 1) === 0x3b) {
      while (i < n && wat.charCodeAt(i) !== 0x0a) i++;
    } else if (c === 0x28 /* ( */) {
      if (wat.charCodeAt(i + 1) === 0x3b) return null; // block comments: not emitted, not handled
      if (depth === 1) fieldStart = i;
      depth++;
    } else if (c === 0x29 /* ) */) {
      depth--;
      if (depth === 1) {
        const text = wat.slice(fieldStart, i + 1);
        const m = /^\((func|global)\s+(\$[^\s()]+)/.exec(text);
        const name = m && !text.includes('(export "') ? m[2]! : null;
        fields.push({ start: fieldStart, end: i + 1, name });
      } else if (depth < 0) return null;
    }
  }
  return depth === 0 && fields.length > 0 && wat.trimStart().startsWith('(module') ? fields : null;
}

/** The text with unreachable functions and globals removed; the input itself if in doubt. */
export function pruneUnreachable(wat: string): string {
  if (byIndex.test(wat)) return wat;
  const fields = splitFields(wat);
  if (fields === null) return wat;
  const byName = new Map<string, number>();
  fields.forEach((f, i) => {
    if (f.name !== null) byName.set(f.name, i);
  });
  const live = new Uint8Array(fields.length);
  const work: number[] = [];
  fields.forEach((f, i) => {
    if (f.name === null) {
      live[i] = 1;
      work.push(i);
    }
  });
  while (work.length > 0) {
    const f = fields[work.pop()!]!;
    for (const m of wat.slice(f.start, f.end).matchAll(identifier)) {
      const j = byName.get(m[0]);
      if (j !== undefined && live[j] === 0) {
        live[j] = 1;
        work.push(j);
      }
    }
  }
  const parts = ['(module'];
  fields.forEach((f, i) => {
    if (live[i]) parts.push(wat.slice(f.start, f.end));
  });
  parts.push(')');
  return parts.join('\n');
}
