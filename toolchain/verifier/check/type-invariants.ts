// Verus's `#[verifier::type_invariant]`: a spec fn `inv(&self) -> bool` (in `impl X`, or a free
// `inv(x: X) -> bool`) states what every exec and tracked value of the crate's datatype `X`
// satisfies. This phase finds each type's invariant and checks Verus's rules on the function and
// the type; VC generation (vcgen/type-invariants.ts) asserts it where such a value is built or a
// field of it written, and assumes it at `use_type_invariant(&x)`.
import type { EnumItem, FnItem, GenericParam, Sp, StructItem, TypeExpr } from '../ast';
import { printType } from '../printer';
import type { Crate } from '../resolver';
import { hasVerifierAttr } from '../../syntax/attributes';
import { isLibraryFile } from '../library/load';
import { scopeOf, within } from './visibility';

export interface TypeInvariantProblem {
  fn: FnItem;
  message: string;
  sp: Sp;
  /** a form the verifier does not handle (else: Verus's error) */
  unsupported?: boolean;
}

export interface TypeInvariants {
  /** Each datatype's invariant function. */
  byType: Map<StructItem | EnumItem, FnItem>;
  problems: TypeInvariantProblem[];
}

export function isTypeInvariantFn(f: FnItem): boolean {
  return hasVerifierAttr(f.attrs, 'type_invariant');
}

/** The datatype named by the invariant's one parameter (`self`: the impl's type). */
function paramTypeName(f: FnItem): string | null {
  const p = f.params[0];
  if (!p) return null;
  if (p.isSelf) return f.selfType;
  let t: TypeExpr = p.ty;
  if (t.k === 'ref') t = t.inner;
  return t.k === 'path' ? t.name : null;
}

export function findTypeInvariants(crate: Crate): TypeInvariants {
  const out: TypeInvariants = { byType: new Map(), problems: [] };
  // trait methods (declarations and impls) cannot be invariants
  for (const l of crate.traits.values()) {
    for (const { item } of l) for (const m of item.methods) if (isTypeInvariantFn(m)) out.problems.push({ fn: m, message: '#[verifier::type_invariant] function cannot be a trait function', sp: m.nameSp });
  }
  for (const l of crate.fns.values()) {
    for (const info of l) {
      const f = info.item;
      if (!isTypeInvariantFn(f) || isLibraryFile(info.file)) continue;
      const problem = (message: string, unsupported = false) => out.problems.push({ fn: f, message, sp: f.nameSp, unsupported });
      if (f.traitImpl) {
        problem('#[verifier::type_invariant] function cannot be a trait function');
        continue;
      }
      if (f.mode !== 'spec') {
        problem('#[verifier::type_invariant] function must be `spec`');
        continue;
      }
      if (f.params.length !== 1) {
        problem('#[verifier::type_invariant]: expected 1 parameter');
        continue;
      }
      if (!(f.ret && f.ret.ty.k === 'path' && f.ret.ty.name === 'bool' && f.ret.ty.args.length === 0)) {
        problem('#[verifier::type_invariant] function must return bool');
        continue;
      }
      if (f.recommends.length) {
        problem("#[verifier::type_invariant] function should not have a 'recommends' clause");
        continue;
      }
      if (f.decreasesWhen) {
        problem("#[verifier::type_invariant] function should not have a 'when' clause");
        continue;
      }
      const name = paramTypeName(f);
      const s = name ? crate.structs.get(name) : undefined;
      const e = name ? crate.enums.get(name) : undefined;
      const found = [...(s ?? []), ...(e ?? [])].filter((x) => !isLibraryFile(x.file));
      if (found.length !== 1) {
        problem(found.length > 1 ? `ambiguous name \`${name}\`` : 'expected parameter to be a datatype declared in this crate');
        continue;
      }
      const dt = found[0]!.item;
      if (dt.k === 'enum' && dt.union) {
        problem('not supported: #[verifier::type_invariant] for union types');
        continue;
      }
      if (dt.generics.length || f.generics.length) {
        const mismatch = genericsMismatch(f, dt);
        if (mismatch) {
          problem(mismatch.message, mismatch.unsupported);
          continue;
        }
      }
      if (out.byType.has(dt)) {
        problem('multiple type invariants defined for the same type');
        continue;
      }
      // Verus: the fields of such a struct are not visible outside the crate (else anyone could
      // break the invariant)
      if (dt.k === 'struct' && dt.vis?.k === 'pub' && dt.fields.some((fl) => fl.vis?.k === 'pub')) {
        problem('a struct with a type invariant cannot have any fields public to the crate');
        continue;
      }
      out.byType.set(dt, f);
    }
  }
  return out;
}

/**
 * Verus: a generic datatype's invariant is generic over exactly the datatype's parameters, in
 * their order (the impl's, `impl<A, B> X<A, B>`, or the free function's, `inv<A, B>(x: X<A, B>)`),
 * with the same trait bounds. Then the invariant of `X<u8, T>` is the function at `<u8, T>`.
 * (Const parameters and `where` clauses are not modelled.)
 */
function genericsMismatch(f: FnItem, dt: StructItem | EnumItem): { message: string; unsupported: boolean } | null {
  const dtParams = dt.genericParams ?? [];
  const fnParams = f.genericParams ?? [];
  if (dtParams.some((p) => p.kind !== 'type') || fnParams.some((p) => p.kind !== 'type') || dt.otherBounds?.length || f.otherBounds?.length || f.assocParams?.length) {
    return { message: 'a type invariant of a datatype with const parameters or `where` clauses', unsupported: true };
  }
  // the datatype's arguments as the invariant writes them: the impl's self type, or the parameter's type
  const p = f.params[0]!;
  let written: TypeExpr | undefined = p.isSelf ? undefined : p.ty;
  if (written?.k === 'ref') written = written.inner;
  const args = p.isSelf ? f.selfArgs ?? [] : written?.k === 'path' ? written.args : [];
  const names = args.map((a) => (a.k === 'path' && a.segs.length === 1 && !a.args.length ? a.name : null));
  const same = names.length === f.generics.length && names.length === dt.generics.length && names.every((n, i) => n === f.generics[i]);
  if (!same) return { message: 'expected generics to match', unsupported: false };
  const boundsOf = (ps: GenericParam[], name: string): string => {
    const q = ps.find((x) => x.name === name);
    return (q?.bounds ?? []).map((b) => `${b.maybe ? '?' : ''}${b.name}${b.args ? `<${b.args.map(printType).join(',')}>` : b.hasArgs ? '<..>' : ''}`).sort().join('+');
  };
  // (the datatype's parameters renamed to the function's: `struct X<S>` / `inv<T>(x: X<T>)`)
  if (dt.generics.some((d, i) => boundsOf(dtParams, d).replace(new RegExp(`\\b${d}\\b`, 'g'), f.generics[i]!) !== boundsOf(fnParams, f.generics[i]!))) return { message: 'trait bounds should match', unsupported: false };
  return null;
}

/** The invariant of the datatype named `name` (struct or enum `Ty` / `CTy` names), if it has one. */
export function invariantNamed(byType: ReadonlyMap<StructItem | EnumItem, FnItem>, name: string): FnItem | null {
  let found: FnItem | null = null;
  for (const [dt, f] of byType) {
    if (dt.name !== name) continue;
    if (found) return null; // (two datatypes of that name: the resolver reports the ambiguity)
    found = f;
  }
  return found;
}

/**
 * Whether the invariant function `inv` is visible (as a function, by its `pub`) in module
 * `from`: where it is not, Verus refuses to build, write or assume values of its type there.
 */
export function invariantVisible(crate: Crate, inv: FnItem, from: string[]): boolean {
  return within(from, scopeOf(inv.vis, crate.moduleOf(inv)));
}

export function invisibleInvariantMessage(inv: FnItem): string {
  return `type invariant function \`${inv.selfType ? `${inv.selfType}::` : ''}${inv.name}\` is not visible to this program point`;
}
