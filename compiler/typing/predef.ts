// OCaml's predefined types and exceptions (what exists before Stdlib).
//
// `ref`, `result` and the format types are NOT here: Stdlib defines them. The
// predefined exceptions live in the runtime; their identity is the primitive
// `exn:Name`.

import type { Span } from '../syntax/ast.ts';
import { type Env, addException, addTypes, emptyEnv, exnCtorInfo, exnPathRef } from './env.ts';
import {
  type CtorDecl,
  type Ident,
  type Type,
  type TypeDecl,
  type TypeKind,
  GENERIC,
  constr,
  createIdent,
  newVar,
  pident,
  sharedNodes,
  tuple,
} from './types.ts';

function ident(name: string): Ident {
  return createIdent(name);
}

export const idInt = ident('int');
export const idChar = ident('char');
export const idString = ident('string');
export const idBytes = ident('bytes');
export const idFloat = ident('float');
export const idBool = ident('bool');
export const idUnit = ident('unit');
export const idExn = ident('exn');
export const idList = ident('list');
export const idOption = ident('option');
export const idArray = ident('array');
export const idFormat6 = ident('format6');
export const idInt32 = ident('int32');
export const idInt64 = ident('int64');
export const idNativeint = ident('nativeint');
export const idLazy = ident('lazy_t');
export const idExtCtor = ident('extension_constructor');
export const idFloatarray = ident('floatarray');

export const pathExn = pident(idExn);
exnPathRef.path = pathExn;

export const tInt: Type = constr(pident(idInt));
export const tChar: Type = constr(pident(idChar));
export const tString: Type = constr(pident(idString));
export const tBytes: Type = constr(pident(idBytes));
export const tFloat: Type = constr(pident(idFloat));
export const tBool: Type = constr(pident(idBool));
export const tUnit: Type = constr(pident(idUnit));
export const tExn: Type = constr(pathExn);
for (const t of [tInt, tChar, tString, tBytes, tFloat, tBool, tUnit, tExn]) sharedNodes.add(t);
export const tList = (t: Type): Type => constr(pident(idList), [t]);
export const tOption = (t: Type): Type => constr(pident(idOption), [t]);
export const tArray = (t: Type): Type => constr(pident(idArray), [t]);

export function isPath(t: Type, id: Ident): boolean {
  return t.kind === 'constr' && t.path.kind === 'pident' && t.path.id.stamp === id.stamp;
}

const noSpan: Span | null = null;

function decl(params: Type[], kind: TypeKind, variance: 'co' | 'inv' = 'co'): TypeDecl {
  return {
    params,
    kind,
    manifest: null,
    private: false,
    variance: params.map(() => (variance === 'co' ? { co: true, contra: false } : { co: true, contra: true })),
    span: noSpan,
  };
}

const abstract: TypeKind = { kind: 'abstract' };
const ctors = (cs: CtorDecl[]): TypeKind => ({ kind: 'variant', ctors: cs });
const c = (name: string, args: Type[] = []): CtorDecl => ({ name, args, inlineRecord: null });

let initial: Env | null = null;

/** The environment every unit starts from. */
export function initialEnv(): Env {
  if (initial) return initial;
  const a1 = newVar(GENERIC);
  const a2 = newVar(GENERIC);
  const a3 = newVar(GENERIC);
  const fmtParams = [0, 1, 2, 3, 4, 5].map(() => newVar(GENERIC));
  let env = addTypes(emptyEnv, [
    { id: idInt, decl: decl([], abstract) },
    { id: idChar, decl: decl([], abstract) },
    { id: idString, decl: decl([], abstract) },
    { id: idBytes, decl: decl([], abstract) },
    { id: idFloat, decl: decl([], abstract) },
    { id: idBool, decl: decl([], ctors([c('false'), c('true')])) },
    { id: idUnit, decl: decl([], ctors([c('()')])) },
    { id: idExn, decl: decl([], abstract) },
    { id: idList, decl: decl([a1], ctors([c('[]'), c('::', [a1, constr(pident(idList), [a1])])])) },
    { id: idOption, decl: decl([a2], ctors([c('None'), c('Some', [a2])])) },
    { id: idArray, decl: decl([a3], abstract, 'inv') },
    { id: idInt32, decl: decl([], abstract) },
    { id: idInt64, decl: decl([], abstract) },
    { id: idNativeint, decl: decl([], abstract) },
    { id: idLazy, decl: decl([newVar(GENERIC)], abstract) },
    { id: idExtCtor, decl: decl([], abstract) },
    { id: idFloatarray, decl: decl([], abstract) },
    // Format strings are typed against this (see typecore's format typing).
    { id: idFormat6, decl: decl(fmtParams, abstract, 'inv') },
  ]);
  const exns: [string, Type[]][] = [
    ['Out_of_memory', []],
    ['Sys_error', [tString]],
    ['Failure', [tString]],
    ['Invalid_argument', [tString]],
    ['End_of_file', []],
    ['Division_by_zero', []],
    ['Not_found', []],
    ['Match_failure', [tuple([tString, tInt, tInt])]],
    ['Stack_overflow', []],
    ['Sys_blocked_io', []],
    ['Assert_failure', [tuple([tString, tInt, tInt])]],
    ['Undefined_recursive_module', [tuple([tString, tInt, tInt])]],
    ['Exit', []],
  ];
  for (const [name, args] of exns) {
    const id = createIdent(name);
    env = addException(
      env,
      name,
      exnCtorInfo(name, { kind: 'exception', id, decl: { args, inlineRecord: null } }, {
        kind: 'prim',
        name: `exn:${name}`,
        arity: 0,
      }),
    );
  }
  initial = env;
  return env;
}
