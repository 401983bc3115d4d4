// Verus's `-V check-api-safety` (part of the checking phase, on request): a crate's public API
// must be safe to use from unverified safe Rust, which calls its functions without proving their
// preconditions and implements its traits without proving their postconditions.
//
//   - a public, safe exec fn that is not a trait method may not have a `requires`;
//   - an exec method of a public trait implemented safely (written in the impl or inherited from
//     the trait's default body) may not have one either (it is the trait's);
//   - a public safe trait's exec method may not restrict unwinding (`no_unwind`) or the invariants
//     it may open (`opens_invariants` other than `any`);
//   - a public safe trait's exec method, and its proof method without a default body, must have an
//     `ensures` that holds of any result: an obligation of VC generation
//     (`needsEnsuresObligation`, vcgen/api-safety.ts).
//
// Input: the files after the trait phase (trait items hold their method declarations; an impl's
// methods carry the trait's `requires`). Output: errors, each at the function or impl it is about.

import { isTraitMethodDeclaration, type FnItem, type SourceFile, type Sp, type TraitItem } from '../ast';

export interface ApiSafetyError {
  message: string;
  file: string;
  sp: Sp;
  /** the function the error is about (absent: an impl that inherits a default method) */
  fn?: FnItem;
}

const isPublic = (vis: FnItem['vis']): boolean => vis?.k === 'pub';

/** Whether `t` is a public trait whose implementations safe code may write. */
export function isSafePublicTrait(t: TraitItem): boolean {
  return isPublic(t.vis) && !t.unsafeSp;
}

export function apiSafetyErrors(files: readonly SourceFile[]): ApiSafetyError[] {
  const traits = new Map<string, TraitItem>();
  for (const f of files) for (const it of f.items) if (it.k === 'trait') traits.set(it.name, it);
  const out: ApiSafetyError[] = [];
  for (const f of files) {
    const requiresError = (name: string, sp: Sp, fn?: FnItem) =>
      out.push({ message: `Safe API violation: 'requires' clause is nontrivial for function \`${name}\`. Unverified, safe client code may be able to call this function without satisfying the precondition.`, file: f.path, sp, ...(fn ? { fn } : {}) });
    for (const it of f.items) {
      if (it.k === 'fn' && it.mode === 'exec' && !it.unsafeSp && it.requires.length) {
        const inTrait = isTraitMethodDeclaration(it);
        // (an impl's method has the trait's visibility and the trait's `requires`)
        if (it.traitImpl ? isPublic(traits.get(it.traitImpl.trait)?.vis) : !inTrait && isPublic(it.vis)) requiresError(it.name, it.nameSp, it);
      }
      // an impl that keeps a default method: that method is the impl's too
      if (it.k === 'trait-impl' && it.verdict === 'ok') {
        const t = traits.get(it.trait);
        if (!t || !isPublic(t.vis)) continue;
        for (const d of t.methods) if (d.body && d.mode === 'exec' && !d.unsafeSp && d.requires.length && !it.methods.includes(d.name)) requiresError(d.name, it.sp);
      }
      if (it.k === 'trait' && isSafePublicTrait(it)) {
        for (const d of it.methods) {
          if (d.mode !== 'exec') continue;
          if (d.noUnwind) out.push({ message: `Safe API violation: 'unwind' clause is nontrivial for trait function \`${it.name}::${d.name}\`. Unverified, safe client code may be able to implement this trait without meeting these unwinding requirements.`, file: f.path, sp: d.noUnwind.sp, fn: d });
          if (d.opensInvariants && d.opensInvariants.k !== 'any') out.push({ message: `Safe API violation: 'invariant' clause is nontrivial for trait function \`${it.name}::${d.name}\`. Unverified, safe client code may be able to implement this trait without obeying invariant-reentrancy requirements.`, file: f.path, sp: d.opensInvariants.sp, fn: d });
        }
      }
    }
  }
  return out;
}

/** Whether VC generation owes `f` the obligation that its `ensures` holds of any result (see above). */
export function needsEnsuresObligation(f: FnItem, traits: ReadonlyMap<string, TraitItem>): boolean {
  if (f.selfType === null || f.generics[0] !== 'Self' || f.traitImpl) return false;
  const t = traits.get(f.selfType);
  if (!t || !isSafePublicTrait(t) || !t.methods.some((d) => d.name === f.name)) return false;
  return f.mode === 'exec' || (f.mode === 'proof' && !f.body);
}
