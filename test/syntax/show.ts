// Test helpers: print syntax trees compactly, with every compound expression
// parenthesised, so precedence tests can compare against a readable string.

import type { Constant, Expr, LongIdent, ModPath, Pattern, TypeExpr, ArgLabel } from '../../compiler/syntax/ast.ts';
import { SourceFile } from '../../compiler/diagnostics/source.ts';
import { parseExpression, parseImplementation, parseTypeExpr } from '../../compiler/syntax/parser.ts';
import { CompileError } from '../../compiler/diagnostics/diagnostic.ts';

export function src(text: string, path = 'test.ml'): SourceFile {
  return new SourceFile(path, text);
}

export function expr(text: string): string {
  return showExpr(parseExpression(src(text)));
}

export function type(text: string): string {
  return showType(parseTypeExpr(src(text)));
}

/** The first diagnostic of a failing parse, as `line:col-endcol message`. */
export function parseError(text: string, kind: 'impl' | 'expr' = 'impl'): string {
  const file = src(text);
  try {
    if (kind === 'impl') parseImplementation(file);
    else parseExpression(file);
  } catch (e) {
    if (!(e instanceof CompileError)) throw e;
    const d = e.diagnostics[0]!;
    const p = file.position(d.span!.start);
    const q = file.position(d.span!.end);
    return `${p.line}:${p.col}-${q.line === p.line ? q.col : `${q.line}:${q.col}`} ${d.message}`;
  }
  throw new Error('expected a syntax error in: ' + text);
}

function modPath(p: ModPath): string {
  switch (p.kind) {
    case 'mident': return p.name;
    case 'mdot': return `${modPath(p.base)}.${p.name}`;
    case 'mapply': return `${modPath(p.fn)}(${modPath(p.arg)})`;
  }
}

function lid(l: LongIdent): string {
  return l.path ? `${modPath(l.path)}.${l.name}` : l.name;
}

export function showConst(c: Constant): string {
  switch (c.kind) {
    case 'int': return c.value.toString();
    case 'float': return c.text;
    case 'char': return `'${String.fromCharCode(c.value)}'`;
    case 'string': return JSON.stringify(String.fromCharCode(...c.value));
  }
}

function label(l: ArgLabel): string {
  return l.kind === 'nolabel' ? '' : l.kind === 'labelled' ? `~${l.name}:` : `?${l.name}:`;
}

export function showType(t: TypeExpr): string {
  switch (t.kind) {
    case 'tvar': return `'${t.name}`;
    case 'tany': return '_';
    case 'tarrow': return `(${label(t.label)}${showType(t.param)} -> ${showType(t.result)})`;
    case 'ttuple': return `(${t.items.map(showType).join(' * ')})`;
    case 'tconstr':
      if (t.args.length === 0) return lid(t.name);
      return `(${t.args.map(showType).join(', ')}) ${lid(t.name)}`;
  }
}

export function showPat(p: Pattern): string {
  switch (p.kind) {
    case 'pany': return '_';
    case 'pvar': return p.name;
    case 'palias': return `(${showPat(p.pat)} as ${p.name})`;
    case 'pconst': return showConst(p.value);
    case 'prange': return `${showConst(p.lo)}..${showConst(p.hi)}`;
    case 'ptuple': return `(${p.items.map(showPat).join(', ')})`;
    case 'pconstruct':
      if (p.ctor.name === '::' && p.arg?.kind === 'ptuple') return `(${showPat(p.arg.items[0]!)} :: ${showPat(p.arg.items[1]!)})`;
      return p.arg ? `(${lid(p.ctor)} ${showPat(p.arg)})` : lid(p.ctor);
    case 'precord':
      return `{${p.fields.map((f) => `${lid(f.field)} = ${showPat(f.pat)}`).join('; ')}${p.open ? '; _' : ''}}`;
    case 'parray': return `[|${p.items.map(showPat).join('; ')}|]`;
    case 'por': return `(${showPat(p.left)} | ${showPat(p.right)})`;
    case 'pconstraint': return `(${showPat(p.pat)} : ${showType(p.type)})`;
    case 'pexception': return `(exception ${showPat(p.pat)})`;
  }
}

export function showExpr(e: Expr): string {
  switch (e.kind) {
    case 'const': return showConst(e.value);
    case 'ident': return lid(e.name);
    case 'let':
      return `(let ${e.rec ? 'rec ' : ''}${e.bindings.map((b) => `${showPat(b.pat)} = ${showExpr(b.expr)}`).join(' and ')} in ${showExpr(e.body)})`;
    case 'fun':
      return `(fun ${e.params.map((p) => `${label(p.label)}${showPat(p.pat)}${p.default ? `=${showExpr(p.default)}` : ''}`).join(' ')} -> ${showExpr(e.body)})`;
    case 'function': return `(function ${cases(e.cases)})`;
    case 'apply': return `(${showExpr(e.fn)} ${e.args.map((a) => label(a.label) + showExpr(a.expr)).join(' ')})`;
    case 'match': return `(match ${showExpr(e.scrutinee)} with ${cases(e.cases)})`;
    case 'try': return `(try ${showExpr(e.body)} with ${cases(e.cases)})`;
    case 'tuple': return `(${e.items.map(showExpr).join(', ')})`;
    case 'construct':
      if (e.ctor.name === '::' && e.arg?.kind === 'tuple') return `(${showExpr(e.arg.items[0]!)} :: ${showExpr(e.arg.items[1]!)})`;
      return e.arg ? `(${lid(e.ctor)} ${showExpr(e.arg)})` : lid(e.ctor);
    case 'record':
      return `{${e.base ? showExpr(e.base) + ' with ' : ''}${e.fields.map((f) => `${lid(f.field)} = ${showExpr(f.expr)}`).join('; ')}}`;
    case 'field': return `(${showExpr(e.record)}.${lid(e.field)})`;
    case 'setfield': return `(${showExpr(e.record)}.${lid(e.field)} <- ${showExpr(e.value)})`;
    case 'array': return `[|${e.items.map(showExpr).join('; ')}|]`;
    case 'index': return e.container === 'array' ? `(${showExpr(e.target)}.(${showExpr(e.index)}))` : `(${showExpr(e.target)}.[${showExpr(e.index)}])`;
    case 'setindex':
      return e.container === 'array'
        ? `(${showExpr(e.target)}.(${showExpr(e.index)}) <- ${showExpr(e.value)})`
        : `(${showExpr(e.target)}.[${showExpr(e.index)}] <- ${showExpr(e.value)})`;
    case 'if': return `(if ${showExpr(e.cond)} then ${showExpr(e.then)}${e.else ? ` else ${showExpr(e.else)}` : ''})`;
    case 'seq': return `(${showExpr(e.first)}; ${showExpr(e.second)})`;
    case 'while': return `(while ${showExpr(e.cond)} do ${showExpr(e.body)} done)`;
    case 'for': return `(for ${showPat(e.var)} = ${showExpr(e.from)} ${e.down ? 'downto' : 'to'} ${showExpr(e.to)} do ${showExpr(e.body)} done)`;
    case 'constraint': return `(${showExpr(e.expr)} : ${showType(e.type)})`;
    case 'open': return `${modPath(e.module)}.(${showExpr(e.body)})`;
    case 'letmodule': return `(let module ${e.name} = ... in ${showExpr(e.body)})`;
    case 'letexception': return `(let exception ${e.decl.name} in ${showExpr(e.body)})`;
    case 'assert': return `(assert ${showExpr(e.expr)})`;
    case 'letop':
      return `(${[e.let_, ...e.ands].map((b) => `${lid(b.op)} ${showPat(b.pat)} = ${showExpr(b.expr)}`).join(' ')} in ${showExpr(e.body)})`;
  }
}

function cases(cs: { pat: Pattern; guard: Expr | null; body: Expr }[]): string {
  return cs.map((c) => `${showPat(c.pat)}${c.guard ? ` when ${showExpr(c.guard)}` : ''} -> ${showExpr(c.body)}`).join(' | ');
}
