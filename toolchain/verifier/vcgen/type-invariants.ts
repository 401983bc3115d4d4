// Type invariants (`#[verifier::type_invariant]`, found by check/type-invariants.ts), as Verus
// gives them meaning. Invariant: an exec or tracked value of a datatype with an invariant is
// built (struct literal, variant or tuple-struct constructor) or has a field written only where
// an obligation asserts the invariant of it and of every value around the written place; the
// invariant is assumed only at `use_type_invariant(&x)`. A call's `&mut` argument inside such a
// value needs a `no_unwind` callee (else it is Verus's error), and the invariants around it are
// asserted after the call; a local `&mut` borrow of such a field is `unsupported`.
import type { Sp } from '../ast';
import { ResolveError, fnQname, tyStr, type FnInfo, type Ty } from '../resolver';
import { quote, type Term } from '../smt';
import { invariantNamed, invariantVisible, invisibleInvariantMessage } from '../check/type-invariants';
import { Unsupported, type Place, type State, type V } from './state';
import type { FnGen } from './gen';

export class TypeInvariantMethods {
  /** The invariant of values of `ty` (a crate datatype with `#[verifier::type_invariant]`), or null. */
  invariantOf(this: FnGen, ty: Ty, sp: Sp): FnInfo | null {
    if (ty.k !== 'struct' && ty.k !== 'enum') return null;
    const f = invariantNamed(this.cvc.checked.typeInvariants, ty.name);
    if (!f) return null;
    // (a generic datatype's invariant is generic over exactly its parameters, in their order:
    // check/type-invariants.ts; `ty.args` are its arguments, `invariantTerm`)
    if (f.generics.length !== ty.args.length) throw new Unsupported(`the type invariant of the generic datatype \`${ty.name}\``, sp);
    const info = this.crate.fns.get(fnQname(f))?.find((x) => x.item === f);
    if (!info) throw new Unsupported(`the type invariant of \`${ty.name}\``, sp);
    // Verus: a program point that cannot see the invariant function may not build, write or assume it
    if (!invariantVisible(this.crate, f, this.crate.moduleOf(this.info.item))) throw new ResolveError(invisibleInvariantMessage(f), sp);
    return info;
  }
  /** `inv(t)`: the invariant function applied to a value. */
  invariantTerm(this: FnGen, inv: FnInfo, v: V, sp: Sp): Term {
    const key = this.cvc.specInstance(inv, v.ty.k === 'struct' || v.ty.k === 'enum' ? v.ty.args : [], sp);
    this.specUsed.add(key);
    return [quote(key), v.t];
  }
  /** A value of a type with an invariant, just built or written: the invariant must hold of it. */
  checkInvariant(this: FnGen, st: State, v: V, sp: Sp): void {
    const inv = this.invariantOf(v.ty, sp);
    if (inv) this.oblige(st, 'assertion', sp, this.invariantTerm(inv, v, sp), undefined, `the type invariant of \`${tyStr(v.ty)}\` may not hold`);
  }
  /** After a write to `place`: the invariant of every value around it (its proper prefixes). */
  checkInvariantsAround(this: FnGen, place: Place, st: State, sp: Sp): void {
    for (let i = place.steps.length - 1; i >= 0; i--) this.checkInvariant(st, this.readPlace({ ...place, steps: place.steps.slice(0, i) }, st), sp);
  }
  /** Whether `place` is inside a value with an invariant (a proper prefix of it has one). */
  insideInvariant(this: FnGen, place: Place, st: State, sp: Sp): boolean {
    for (let i = place.steps.length - 1; i >= 0; i--) if (this.invariantOf(this.readPlace({ ...place, steps: place.steps.slice(0, i) }, st).ty, sp)) return true;
    return false;
  }
  /** A local `&mut` borrow of `place` (not a call's argument; `byPattern`: a `ref mut` binding's): inside a value with an invariant, Verus's error. */
  refuseFieldBorrow(this: FnGen, place: Place, st: State, sp: Sp, byPattern: boolean): void {
    if (!this.insideInvariant(place, st, sp)) return;
    // (Verus's refusal, in its words)
    if (byPattern) throw new ResolveError('not supported: using pattern to take mutable reference to field of datatype that has a declared type invariant', sp);
    throw new ResolveError('not supported: taking a mutable reference to a field of a datatype with a user-defined type invariant (except as an argument of a function call)', sp);
  }
  /** `use_type_invariant(&x)` (the checking phase checked its argument): the invariant of `x` holds. */
  useTypeInvariant(this: FnGen, v: V, st: State, sp: Sp): void {
    const inv = this.invariantOf(v.ty, sp);
    if (!inv) throw new ResolveError('this type does not have any type invariant', sp);
    this.assume(st, this.invariantTerm(inv, v, sp));
  }
}
