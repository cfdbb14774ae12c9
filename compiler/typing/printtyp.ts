// Printing types and signatures exactly as OCaml 4.13 does (`ocamlc -i`, errors).
//
// Type variables are named in order of first appearance ('a, 'b, ...) per printed
// item, keeping names the user wrote in annotations; in a signature, variables
// that are not generic are weak and print as '_weak1, '_weak2, ... numbered over
// the whole output. Layout uses format.ts with OCaml's boxes and break hints, so
// lines break where OCaml's do.

import { Formatter } from './format.ts';
import { idOption } from './predef.ts';
import {
  type CtorDecl,
  type LabelDecl,
  type ModType,
  type Path,
  type SigItem,
  type Signature,
  type Type,
  type TypeDecl,
  type TypeVar,
  GENERIC,
  repr,
} from './types.ts';

/** Roots whose prefix is not printed (`Stdlib.`), as OCaml hides the opened stdlib. */
const hiddenRoots = new Set<number>();

export function hidePathRoot(stamp: number): void {
  hiddenRoots.add(stamp);
}

export function pathName(p: Path): string {
  switch (p.kind) {
    case 'pident':
      return p.id.name;
    case 'pdot':
      if (p.base.kind === 'pident' && hiddenRoots.has(p.base.id.stamp)) return p.name;
      return `${pathName(p.base)}.${p.name}`;
    case 'papply':
      return `${pathName(p.fn)}(${pathName(p.arg)})`;
  }
}

/** Naming of type variables for one printed item (or one error message). */
export class Names {
  private readonly names = new Map<TypeVar, string>();
  private readonly used = new Set<string>();
  private reserved = new Set<string>();
  private counter = 0;
  /** In a signature, non-generic variables are weak. */
  readonly scheme: boolean;
  readonly weak: Map<TypeVar, string>;
  readonly weakCounter: { n: number };

  constructor(scheme = false, weak: Map<TypeVar, string> = new Map(), weakCounter = { n: 0 }) {
    this.scheme = scheme;
    this.weak = weak;
    this.weakCounter = weakCounter;
  }

  reset(): void {
    this.names.clear();
    this.used.clear();
    this.reserved = new Set();
    this.counter = 0;
  }

  /** Reserves the user's names found in these types, so generated names avoid them. */
  reserve(ts: readonly Type[]): void {
    const walk = (t0: Type): void => {
      const t = repr(t0);
      if (t.kind === 'var') {
        if (t.name) this.reserved.add(t.name);
      } else if (t.kind === 'arrow') {
        walk(t.param);
        walk(t.result);
      } else if (t.kind === 'tuple') t.items.forEach(walk);
      else t.args.forEach(walk);
    };
    ts.forEach(walk);
  }

  nameOf(v: TypeVar): string {
    if (this.scheme && v.level !== GENERIC) {
      let w = this.weak.get(v);
      if (!w) {
        w = `_weak${++this.weakCounter.n}`;
        this.weak.set(v, w);
      }
      return w;
    }
    const known = this.names.get(v);
    if (known) return known;
    let name: string;
    if (v.name && !v.name.startsWith('_')) {
      name = v.name;
      for (let i = 0; this.used.has(name); i++) name = `${v.name}${i}`;
    } else {
      do {
        const c = this.counter++;
        name = String.fromCharCode(97 + (c % 26)) + (c >= 26 ? String(Math.floor(c / 26)) : '');
      } while (this.used.has(name) || this.reserved.has(name));
    }
    this.names.set(v, name);
    this.used.add(name);
    return name;
  }
}

// ---------------------------------------------------------------------------
// Types

export function printTypeTo(f: Formatter, names: Names, t: Type): void {
  printType1(f, names, t);
}

function printType1(f: Formatter, names: Names, t0: Type): void {
  const t = repr(t0);
  if (t.kind === 'arrow') {
    f.openBox(0);
    let param = t.param;
    if (t.label.kind !== 'nolabel') {
      f.text(t.label.kind === 'optional' ? `?${t.label.name}:` : `${t.label.name}:`);
      if (t.label.kind === 'optional') {
        const p = repr(param);
        if (p.kind === 'constr' && p.path.kind === 'pident' && p.path.id.stamp === idOption.stamp) param = p.args[0]!;
      }
    }
    printType2(f, names, param);
    f.text(' ->');
    f.space();
    printType1(f, names, t.result);
    f.close();
    return;
  }
  printType2(f, names, t);
}

function printType2(f: Formatter, names: Names, t0: Type): void {
  const t = repr(t0);
  if (t.kind === 'tuple') {
    f.openBox(0);
    t.items.forEach((item, i) => {
      if (i > 0) {
        f.text(' *');
        f.space();
      }
      printSimple(f, names, item);
    });
    f.close();
    return;
  }
  printSimple(f, names, t);
}

function printSimple(f: Formatter, names: Names, t0: Type): void {
  const t = repr(t0);
  switch (t.kind) {
    case 'var':
      f.text(`'${names.nameOf(t)}`);
      return;
    case 'constr':
      f.openBox(0);
      printTypeArgs(f, names, t.args);
      f.text(pathName(t.path));
      f.close();
      return;
    default:
      f.openBox(1);
      f.text('(');
      printType1(f, names, t);
      f.text(')');
      f.close();
  }
}

function printTypeArgs(f: Formatter, names: Names, args: readonly Type[]): void {
  if (args.length === 0) return;
  if (args.length === 1) {
    printSimple(f, names, args[0]!);
    f.space();
    return;
  }
  f.openBox(1);
  f.text('(');
  args.forEach((a, i) => {
    if (i > 0) {
      f.text(',');
      f.space();
    }
    printType1(f, names, a);
  });
  f.text(')');
  f.close();
  f.space();
}

/** A type on one line (for short messages). */
export function typeToString(t: Type, names: Names = new Names()): string {
  const f = new Formatter(100000);
  printTypeTo(f, names, t);
  return f.finish();
}

// ---------------------------------------------------------------------------
// Signatures

const INFIX_WORDS = new Set(['or', 'mod', 'land', 'lor', 'lxor', 'lsl', 'lsr', 'asr']);

export function valueIdent(name: string): string {
  const c = name.charCodeAt(0);
  const letter = (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c === 95 || c >= 223;
  const identChars = /^[A-Za-z0-9_'\u00c0-\u00ff]*$/.test(name);
  return INFIX_WORDS.has(name) || !letter || !identChars ? `( ${name} )` : name;
}

class SigPrinter {
  readonly f: Formatter;
  readonly names: Names;
  constructor(f: Formatter, names: Names) {
    this.f = f;
    this.names = names;
  }

  signature(items: Signature): void {
    const printable = items;
    printable.forEach((item, i) => {
      if (i > 0) this.f.space();
      this.item(item, items, i);
    });
  }

  item(item: SigItem, all: Signature, index: number): void {
    const f = this.f;
    this.names.reset();
    switch (item.kind) {
      case 'value': {
        this.names.reserve([item.desc.type]);
        f.openBox(2);
        f.text(`${item.desc.prim ? 'external' : 'val'} ${valueIdent(item.id.name)} :`);
        f.space();
        printTypeTo(f, this.names, item.desc.type);
        if (item.desc.prim) {
          f.space();
          f.text(`= "${item.desc.prim.name}"`);
        }
        f.close();
        return;
      }
      case 'type': {
        const prev = all[index - 1];
        const isNext = item.recNext === true && prev !== undefined && prev.kind === 'type';
        this.typeDecl(isNext ? 'and' : 'type', item.id.name, item.decl);
        return;
      }
      case 'exception':
        this.names.reserve(item.decl.args);
        f.openBox(2);
        f.text('exception ');
        this.ctor({ name: item.id.name, args: item.decl.args, inlineRecord: item.decl.inlineRecord });
        f.close();
        return;
      case 'module':
        if (item.mty.kind === 'alias') {
          f.openBox(2);
          f.text(`module ${item.id.name} =`);
          f.space();
          f.text(pathName(item.mty.path));
          f.close();
          return;
        }
        f.openBox(2);
        f.text(`module ${item.id.name} :`);
        f.space();
        this.modtype(item.mty);
        f.close();
        return;
      case 'modtype':
        f.openBox(2);
        if (!item.mty) {
          f.text(`module type ${item.id.name}`);
        } else {
          f.text(`module type ${item.id.name} =`);
          f.space();
          this.modtype(item.mty);
        }
        f.close();
        return;
    }
  }

  modtype(m: ModType): void {
    const f = this.f;
    switch (m.kind) {
      case 'ident':
      case 'alias':
        f.text(pathName(m.path));
        return;
      case 'sig':
        if (m.items.length === 0) {
          f.text('sig end');
          return;
        }
        f.openBox(2, 'hv');
        f.text('sig');
        f.space();
        this.signature(m.items);
        f.brk(1, -2);
        f.text('end');
        f.close();
        return;
      case 'functor': {
        const params: { name: string; type: ModType | null }[] = [];
        let r: ModType = m;
        while (r.kind === 'functor') {
          params.push({ name: r.param.name, type: r.generative ? null : r.paramType });
          r = r.result;
        }
        f.openBox(2);
        f.text('functor');
        f.space();
        params.forEach((p, i) => {
          if (i > 0) f.space();
          if (!p.type) {
            f.text('()');
            return;
          }
          f.text(`(${p.name} : `);
          this.modtype(p.type);
          f.text(')');
        });
        f.space();
        f.text('->');
        f.space();
        this.modtype(r);
        f.close();
        return;
      }
    }
  }

  typeDecl(kwd: string, name: string, d: TypeDecl): void {
    const f = this.f;
    const n = this.names;
    const types: Type[] = [...d.params];
    if (d.manifest) types.push(d.manifest);
    if (d.kind.kind === 'variant') for (const c of d.kind.ctors) types.push(...c.args);
    if (d.kind.kind === 'record') for (const l of d.kind.fields) types.push(l.type);
    n.reserve(types);
    f.openBox(2);
    f.openBox(2, 'hv');
    f.text(`${kwd} `);
    // type_defined
    if (d.params.length === 0) f.text(name);
    else if (d.params.length === 1) {
      f.openBox(0);
      this.param(d.params[0]!);
      f.space();
      f.text(name);
      f.close();
    } else {
      f.openBox(0);
      f.text('(');
      f.openBox(0);
      d.params.forEach((p, i) => {
        if (i > 0) {
          f.text(',');
          f.space();
        }
        this.param(p);
      });
      f.text(')');
      f.close();
      f.space();
      f.text(name);
      f.close();
    }
    const priv = d.private ? ' private' : '';
    if (d.kind.kind === 'abstract') {
      if (d.manifest) {
        f.text(` =${priv}`);
        f.brk(1, 2);
        printTypeTo(f, n, d.manifest);
      }
    } else {
      if (d.manifest) {
        f.text(' =');
        f.space();
        printTypeTo(f, n, d.manifest);
      }
      if (d.kind.kind === 'variant') {
        f.text(` =${priv}`);
        f.brk(1, 2);
        if (d.kind.ctors.length === 0) f.text('|');
        d.kind.ctors.forEach((c, i) => {
          if (i > 0) {
            f.space();
            f.text('| ');
          }
          this.ctor(c);
        });
      } else {
        f.text(` =${priv} `);
        this.record(d.kind.fields);
      }
    }
    f.close();
    f.close();
  }

  param(p: Type): void {
    const t = repr(p);
    if (t.kind === 'var') this.f.text(`'${this.names.nameOf(t)}`);
    else this.f.text('_');
  }

  record(fields: readonly LabelDecl[]): void {
    const f = this.f;
    f.text('{');
    for (const l of fields) {
      f.space();
      f.openBox(2);
      f.text(`${l.mutable ? 'mutable ' : ''}${l.name} :`);
      f.space();
      printTypeTo(f, this.names, l.type);
      f.close();
      f.text(';');
    }
    f.brk(1, -2);
    f.text('}');
  }

  ctor(c: CtorDecl): void {
    const f = this.f;
    const name = c.name === '::' ? '(::)' : c.name;
    if (c.inlineRecord) {
      f.openBox(2);
      f.text(`${name} of`);
      f.space();
      this.record(c.inlineRecord);
      f.close();
      return;
    }
    if (c.args.length === 0) {
      f.text(name);
      return;
    }
    f.openBox(2);
    f.text(`${name} of`);
    f.space();
    c.args.forEach((a, i) => {
      if (i > 0) {
        f.text(' *');
        f.space();
      }
      printSimple(f, this.names, a);
    });
    f.close();
  }
}

/** The text `ocamlc -i` prints for a signature (with a final newline if non-empty). */
export function printSignature(sig: Signature): string {
  const f = new Formatter();
  const p = new SigPrinter(f, new Names(true));
  f.openBox(0, 'v');
  p.signature(sig);
  f.close();
  return `${f.finish()}\n`;
}

/** A module type on one line-broken block, as in error messages. */
export function modtypeToString(m: ModType, margin = 78): string {
  const f = new Formatter(margin);
  new SigPrinter(f, new Names(false)).modtype(m);
  return f.finish();
}

export function sigItemToString(item: SigItem, margin = 78): string {
  const f = new Formatter(margin);
  new SigPrinter(f, new Names(false)).item(item, [item], 0);
  return f.finish();
}
