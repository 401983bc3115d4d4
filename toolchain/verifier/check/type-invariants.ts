// Verus's `#[verifier::type_invariant]`: a spec fn `inv(&self) -> bool` (in `impl X`, or a free
// `inv(x: X) -> bool`) states what every exec and tracked value of the crate's datatype `X`
// satisfies. This phase finds each type's invariant and checks Verus's rules on the function and
// the type; VC generation (vcgen/type-invariants.ts) asserts it where such a value is built or a
// field of it written, and assumes it at `use_type_invariant(&x)`.
import type { EnumItem, FnItem, Sp, StructItem, TypeExpr } from '../ast';
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
        problem('a type invariant of a generic datatype', true);
        continue;
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
