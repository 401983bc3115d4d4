// Which generic parameters the verifier covers (README "Generics"): type parameters with marker
// bounds and bounds by the crate's own (supported) traits, and const parameters of `usize` or a fixed-width
// integer type. A
// function with any other bound is unsupported and its body is not checked: such a trait gives
// the body operations (and its callers obligations) that are not modelled, so its types could
// not be known either. A crate trait's methods are its declarations (traits.ts); whether a call's
// generic arguments satisfy the bounds is checked by the checker (`boundErrors`).

import type { FnItem, Sp, TypeExpr } from '../ast';
import { MARKER_TRAITS, PROOF_FN_BOUND_FLAGS, isWrappedMutRef } from '../resolver';
import type { CheckError } from './checker';

const FIXED_WIDTH_INTS: ReadonlySet<string> = new Set(['u8', 'u16', 'u32', 'u64', 'u128', 'i8', 'i16', 'i32', 'i64', 'i128']);

/** The first generic parameter or bound of `f` (its impl's included) that is not supported, or null. */
export function unsupportedGenerics(f: FnItem, isTrait: (name: string) => boolean): CheckError | null {
  for (const p of f.genericParams ?? []) {
    // (an integer type of fixed width, or `usize`: the constant's range is its type's)
    if (p.kind === 'const' && (p.constTy?.k !== 'path' || (p.constTy.name !== 'usize' && !FIXED_WIDTH_INTS.has(p.constTy.name)))) return { message: `const generic parameter \`${p.name}\` of a type other than an integer type of fixed width or \`usize\``, sp: p.sp };
    for (const b of p.bounds) {
      if (b.name === '?') return { message: `generic parameter \`${p.name}\`: a bound or default this verifier does not read`, sp: b.sp };
      if (b.maybe && b.name === 'Sized' && !b.hasArgs) continue;
      if (!b.maybe && (!b.hasArgs || b.args) && isTrait(b.name) && p.kind === 'type') continue;
      // `F: ProofFn` (ProofFnOnce, ProofFnMut): the marker of `proof_fn<F>(..)` types
      if (!b.maybe && !b.hasArgs && p.kind === 'type' && b.name.startsWith('ProofFn') && PROOF_FN_BOUND_FLAGS.has(b.name)) continue;
      // `F: Fn(A) -> B` (FnMut, FnOnce): a closure's call signature (one per parameter)
      if (b.fnSig && p.kind === 'type' && p.bounds.filter((x) => x.fnSig).length === 1) continue;
      if (b.maybe || b.hasArgs || !MARKER_TRAITS.has(b.name)) return { message: `trait bound \`${p.name}: ${b.maybe ? '?' : ''}${b.name}\` (only marker bounds such as \`Copy\` and the crate's own traits are supported)`, sp: b.sp };
    }
  }
  const other = f.otherBounds?.[0];
  if (other) return { message: '`where` clause bound on something other than a generic parameter', sp: other.sp };
  // (the `&mut` of `Tracked(x): Tracked<&mut T>` is the wrapped reference, not a generic argument: see checker.ts)
  const paramTypes = f.params.map((p) => (isWrappedMutRef(p) && p.ty.k === 'path' ? p.ty.args[0]! : p.ty));
  for (const t of [...paramTypes, ...(f.ret ? [f.ret.ty] : [])]) {
    const sp = mutRefArgument(t);
    if (sp) return { message: MUT_REF_ARGUMENT, sp };
  }
  return null;
}

export const MUT_REF_ARGUMENT = 'not supported: a `&mut` reference as a generic argument (`Option<&mut T>`, `S<&mut T>`): mutation through it would not reach the borrowed place';

/** The span of a `&mut` type inside the generic arguments of `t` (types erase references), or null. */
export function mutRefArgument(t: TypeExpr, inArgs = false): Sp | null {
  switch (t.k) {
    case 'ref': return inArgs && t.mut ? t.sp : mutRefArgument(t.inner, inArgs);
    case 'path': {
      for (const a of t.args) {
        const sp = mutRefArgument(a, true);
        if (sp) return sp;
      }
      return null;
    }
    case 'array': case 'slice': return mutRefArgument(t.elem, inArgs);
    case 'tuple': {
      for (const e of t.elems) {
        const sp = mutRefArgument(e, true);
        if (sp) return sp;
      }
      return null;
    }
    default: return null;
  }
}
