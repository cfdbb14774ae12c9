// Type and exception declarations.
//
// A group `type a = ... and b = ...` is translated in an environment where all
// its names are already bound (unless `nonrec`), with only the declared
// parameters allowed as variables. Variances of the parameters are computed to a
// fixpoint over the group: they decide which variables the relaxed value
// restriction may generalise. Mutable fields and abstract types are invariant.

import type { ExceptionDecl as AstExceptionDecl, CtorArgs, TypeDecl as AstTypeDecl } from '../syntax/ast.ts';
import { expandOnce } from './ctype.ts';
import { type Env, addTypes, findCtor, longIdentText } from './env.ts';
import { fail } from './errors.ts';
import type { ValuePath } from './typedtree.ts';
import { type TyVarScope, translType } from './typetexp.ts';
import {
  type CtorDecl,
  type Ident,
  type LabelDecl,
  type SigItem,
  type Type,
  type TypeDecl,
  type TypeKind,
  type Variance,
  GENERIC,
  createIdent,
  newVar,
  pathEqual,
  pident,
  repr,
} from './types.ts';
import { findTypeDecl } from './env.ts';

function translArgs(env: Env, args: CtorArgs, scope: TyVarScope): { args: Type[]; inlineRecord: LabelDecl[] | null } {
  if (args.kind === 'tuple') return { args: args.items.map((t) => translType(env, t, scope)), inlineRecord: null };
  return {
    args: [],
    inlineRecord: args.fields.map((f) => ({ name: f.name, mutable: f.mutable, type: translType(env, f.type, scope) })),
  };
}

export function translTypeDecls(
  env: Env,
  decls: readonly AstTypeDecl[],
  nonrec: boolean,
): { env: Env; items: { id: Ident; decl: TypeDecl }[] } {
  const seen = new Set<string>();
  for (const d of decls) {
    if (seen.has(d.name)) fail(d.nameSpan, `Multiple definition of the type name ${d.name}.\nNames must be unique in a given structure or signature.`);
    seen.add(d.name);
  }
  const ids = decls.map((d) => createIdent(d.name));
  const paramsOf = decls.map((d) => d.params.map((p) => newVar(GENERIC, p.name)));
  // Temporary abstract declarations, so the group can refer to itself.
  const tmpEnv = nonrec
    ? env
    : addTypes(
        env,
        decls.map((d, i) => ({
          id: ids[i]!,
          decl: {
            params: paramsOf[i]!,
            kind: { kind: 'abstract' },
            manifest: null,
            private: false,
            variance: d.params.map(() => ({ co: true, contra: true })),
            span: d.span,
          },
        })),
      );
  const out = decls.map((d, i) => {
    const vars = new Map<string, Type>();
    d.params.forEach((p, j) => {
      if (vars.has(p.name)) fail(p.span, `The type parameter '${p.name} occurs several times`);
      vars.set(p.name, paramsOf[i]![j]!);
    });
    const scope: TyVarScope = { vars, closed: true };
    const manifest = d.manifest ? translType(tmpEnv, d.manifest, scope) : null;
    let kind: TypeKind;
    switch (d.body.kind) {
      case 'abstract':
        kind = { kind: 'abstract' };
        break;
      case 'variant': {
        const names = new Set<string>();
        const ctors: CtorDecl[] = d.body.ctors.map((c) => {
          if (names.has(c.name)) fail(c.span, `Two constructors are named ${c.name}`);
          names.add(c.name);
          return { name: c.name, ...translArgs(tmpEnv, c.args, scope) };
        });
        kind = { kind: 'variant', ctors };
        break;
      }
      case 'record': {
        const names = new Set<string>();
        kind = {
          kind: 'record',
          fields: d.body.fields.map((f) => {
            if (names.has(f.name)) fail(f.span, `Two labels are named ${f.name}`);
            names.add(f.name);
            return { name: f.name, mutable: f.mutable, type: translType(tmpEnv, f.type, scope) };
          }),
        };
        break;
      }
    }
    const decl: TypeDecl = {
      params: paramsOf[i]!,
      kind,
      manifest,
      private: d.private,
      variance: paramsOf[i]!.map(() => ({ co: false, contra: false })),
      span: d.span,
    };
    return { id: ids[i]!, decl };
  });
  computeVariances(out);
  const newEnv = addTypes(env, out);
  for (let i = 0; i < out.length; i++) checkCycle(out[i]!.id, out[i]!.decl, decls[i]!);
  return { env: newEnv, items: out };
}

function checkCycle(id: Ident, decl: TypeDecl, d: AstTypeDecl): void {
  if (!decl.manifest) return;
  let t: Type | null = repr(decl.manifest);
  for (let i = 0; t && i < 100; i++) {
    if (t.kind === 'constr' && pathEqual(t.path, pident(id))) fail(d.span, `The type abbreviation ${d.name} is cyclic`);
    t = expandOnce(t);
    if (t) t = repr(t);
  }
}

/** Variance of each parameter of each declaration, to a fixpoint over the group. */
function computeVariances(group: { id: Ident; decl: TypeDecl }[]): void {
  const byStamp = new Map(group.map((g) => [g.id.stamp, g.decl]));
  let changed = true;
  for (let iter = 0; changed && iter < 20; iter++) {
    changed = false;
    for (const { decl } of group) {
      const vs = decl.variance as Variance[];
      const isAbstract = decl.kind.kind === 'abstract' && !decl.manifest;
      decl.params.forEach((p, i) => {
        const v = { co: false, contra: false };
        if (isAbstract) {
          v.co = true;
          v.contra = true;
        } else {
          const visit = (t0: Type, co: boolean, contra: boolean): void => {
            const t = repr(t0);
            switch (t.kind) {
              case 'var':
                if (t === repr(p)) {
                  v.co ||= co;
                  v.contra ||= contra;
                }
                return;
              case 'arrow':
                visit(t.param, contra, co);
                visit(t.result, co, contra);
                return;
              case 'tuple':
                t.items.forEach((x) => visit(x, co, contra));
                return;
              case 'constr': {
                const d = t.path.kind === 'pident' ? (byStamp.get(t.path.id.stamp) ?? findTypeDecl(t.path)) : findTypeDecl(t.path);
                t.args.forEach((a, j) => {
                  const av = d?.variance[j] ?? { co: true, contra: true };
                  const inv = !d;
                  visit(a, (av.co && co) || (av.contra && contra) || inv, (av.co && contra) || (av.contra && co) || inv);
                });
                return;
              }
            }
          };
          if (decl.manifest) visit(decl.manifest, true, false);
          const fieldVisit = (l: LabelDecl): void => visit(l.type, true, l.mutable);
          if (decl.kind.kind === 'variant')
            for (const c of decl.kind.ctors) {
              c.args.forEach((a) => visit(a, true, false));
              c.inlineRecord?.forEach(fieldVisit);
            }
          if (decl.kind.kind === 'record') decl.kind.fields.forEach(fieldVisit);
          // a mutable field makes its variables invariant
          if (decl.kind.kind === 'record')
            for (const l of decl.kind.fields) if (l.mutable) visit(l.type, true, true);
          if (!v.co && !v.contra) v.co = true; // unused: treated as covariant
        }
        const old = vs[i]!;
        if (old.co !== v.co || old.contra !== v.contra) {
          vs[i] = v;
          changed = true;
        }
      });
    }
  }
}

export function declareException(
  env: Env,
  d: AstExceptionDecl,
  _scope: TyVarScope,
): { id: Ident; item: SigItem & { kind: 'exception' }; rebind: ValuePath | null } {
  const id = createIdent(d.name);
  if (d.rebind) {
    const c = findCtor(env, d.rebind);
    if (!c || !c.desc.exn) fail(d.rebind.span, `Unbound constructor ${longIdentText(d.rebind)}`);
    return {
      id,
      item: { kind: 'exception', id, decl: { args: c.args, inlineRecord: c.inlineRecord } },
      rebind: c.desc.exn,
    };
  }
  const scope: TyVarScope = { vars: new Map(), closed: true };
  const { args, inlineRecord } = translArgs(env, d.args, scope);
  return { id, item: { kind: 'exception', id, decl: { args, inlineRecord } }, rebind: null };
}
