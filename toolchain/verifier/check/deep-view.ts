// vstd's `DeepView` impls for the types the verifier builds in: what `x.deep_view()` means when `x`
// is an integer, `bool`, `char`, a string, a `Vec`, a sequence, a slice or array, a tuple, an
// `Option` or a `HashSet`. vstd writes these as impls of its trait (a `Vec<T>`'s is `Seq<T::V>`, the sequence of
// its elements' deep views); here the checker reads the call as the spec expression the impl's
// body is, over the receiver as written, and types that (a datatype of the crate has its own impl,
// `#[make_spec_type]` or written, and a type parameter its bound). References, `Box`, `Rc` and
// `Arc` are erased before this, as their deep views are their targets'.

import type { Expr, Pat, Sp, TypeExpr } from '../ast';
import { shallow, type CTy, type IntVars } from './types';

export type BuiltinDeepView = { identity: true } | { expr: Expr } | { unsupported: string };

/**
 * `x.deep_view()` for `x` of type `t`: the receiver itself (`identity`: its deep view is its value,
 * as of a `Vec<u8>`), the spec expression it stands for, or why it is not modelled. Null when `t`
 * is not a built-in type (the method is looked up as any other). `isLibraryStruct` tells the
 * library's `String` / `HashMap` from a crate's datatypes of those names.
 */
export function builtinDeepView(recv: Expr, t: CTy, vars: IntVars, sp: Sp, isLibraryStruct: (name: string) => boolean): BuiltinDeepView | null {
  const s = shallow(t, vars);
  if (isIdentity(s, vars)) return { identity: true };
  const method = (r: Expr): Expr => ({ k: 'method', recv: r, name: 'deep_view', generics: [], args: [], sp, nameSp: sp });
  const path = (...segs: string[]): Expr => ({ k: 'path', segs, generics: [], sp });
  const index = 'dv__i';
  // `Seq::new(seq.len(), |i: int| seq[i].deep_view())`
  const mapped = (seq: Expr): Expr => ({
    k: 'call',
    callee: path('Seq', 'new'),
    args: [
      { k: 'method', recv: seq, name: 'len', generics: [], args: [], sp, nameSp: sp },
      { k: 'closure', params: [{ name: index, ty: { k: 'path', name: 'int', segs: ['int'], args: [], sp }, sp }], body: method({ k: 'index', recv: seq, idx: path(index), sp }), sp },
    ],
    sp,
  });
  // of a `Vec` or an array: its view (`x@`), each element's deep view
  const viewMapped = (elem: CTy): Expr => {
    const asSeq: Expr = { k: 'view', e: recv, sp };
    return isIdentity(elem, vars) ? asSeq : mapped(asSeq);
  };
  switch (s.k) {
    case 'str':
      return { expr: { k: 'view', e: recv, sp } };
    case 'struct':
      if (s.name === 'String' && isLibraryStruct('String')) return { expr: { k: 'view', e: recv, sp } };
      if (s.name === 'Vec' && isLibraryStruct('Vec')) return { expr: viewMapped(s.args[0]!) };
      if (s.name === 'HashMap' && isLibraryStruct('HashMap')) return { unsupported: 'the deep view of a `HashMap`' };
      // a `HashSet`'s: its view, each element's deep view (`x@.map(|k| k.deep_view())`)
      if (s.name === 'HashSet' && isLibraryStruct('HashSet')) {
        const asSet: Expr = { k: 'view', e: recv, sp };
        if (isIdentity(s.args[0]!, vars)) return { expr: asSet };
        const elemTy = writtenType(s.args[0]!, vars, sp);
        if (!elemTy) return { unsupported: 'the deep view of a `HashSet` of this element type' };
        const k = 'dv__k';
        return { expr: { k: 'method', recv: asSet, name: 'map', generics: [], args: [{ k: 'closure', params: [{ name: k, ty: elemTy, sp }], body: method(path(k)), sp }], sp, nameSp: sp } };
      }
      return null;
    case 'seq':
      return { expr: mapped(recv) };
    case 'array':
      return { expr: viewMapped(s.elem) };
    case 'tuple':
      return { expr: { k: 'tuple', elems: s.elems.map((_, i) => method({ k: 'field', recv, name: String(i), sp })), sp } };
    case 'enum': {
      if (s.name !== 'Option') return null;
      const v = 'dv__v';
      const some = (arg: Pat): Pat => ({ k: 'variant', path: ['Option', 'Some'], args: [arg], fields: null, rest: false, sp });
      return {
        expr: {
          k: 'match',
          scrut: recv,
          arms: [
            { pat: some({ k: 'bind', name: v, mut: false, sp }), guard: null, body: { k: 'call', callee: path('Option', 'Some'), args: [method(path(v))], sp }, sp },
            { pat: { k: 'variant', path: ['Option', 'None'], args: null, fields: null, rest: false, sp }, guard: null, body: path('Option', 'None'), sp },
          ],
          sp,
        },
      };
    }
    default:
      return null;
  }
}

/** Whether a value of type `t` is its own deep view (integers, `bool`, `char`, and what holds only them). */
function isIdentity(t: CTy, vars: IntVars): boolean {
  const s = shallow(t, vars);
  switch (s.k) {
    case 'int': case 'ivar': case 'bool': case 'char': case 'real':
      return true;
    case 'seq':
      return isIdentity(s.elem, vars);
    case 'tuple':
      return s.elems.every((x) => isIdentity(x, vars));
    case 'enum':
      return s.name === 'Option' && s.args.every((x) => isIdentity(x, vars));
    default:
      return false;
  }
}

/** A known type as written (a closure parameter's), or null for one this cannot write. */
function writtenType(t: CTy, vars: IntVars, sp: Sp): TypeExpr | null {
  const s = shallow(t, vars);
  const named = (name: string, args: TypeExpr[] = []): TypeExpr => ({ k: 'path', name, segs: [name], args, sp });
  const all = (ts: CTy[]): TypeExpr[] | null => {
    const out = ts.map((x) => writtenType(x, vars, sp));
    return out.every((x): x is TypeExpr => x !== null) ? out : null;
  };
  switch (s.k) {
    case 'int': return named(s.kind);
    case 'bool': case 'char': return named(s.k);
    case 'struct': case 'enum': {
      const args = all(s.args);
      return args && named(s.name, args);
    }
    case 'seq': case 'set': {
      const elem = writtenType(s.elem, vars, sp);
      return elem && named(s.k === 'seq' ? 'Seq' : 'Set', [elem]);
    }
    case 'tuple': {
      const elems = all(s.elems);
      return elems && { k: 'tuple', elems, sp };
    }
    default:
      return null;
  }
}
