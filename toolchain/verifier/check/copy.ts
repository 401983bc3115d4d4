// Which values are copied and which are moved (rustc's `Copy`), as the move check in checker.ts
// needs it for generic code: predicates on the checker's working types, in the scope of the
// function being checked (its generic parameters' bounds).

import type { EnumItem, FnItem, StructItem, TypeExpr } from '../ast';
import { implKey, type Crate } from '../resolver';
import { isLibraryFile } from '../library/load';
import { derivedTraits } from '../../syntax/attributes';
import { shallow, type CTy, type IntVars } from './types';

/**
 * Whether a value of type `t` is moved, not copied, when used by value because of a type
 * parameter without a `Copy` bound in it (`T`, `S<T>`, `(T, u8)`, `Option<T>`, `[T; N]`; spec
 * collections are copied). Other non-`Copy` datatypes: see `movesValue`.
 */
export function movesParam(t: CTy, vars: IntVars, fn: FnItem | null, crate: Crate): boolean {
  const s = shallow(t, vars);
  switch (s.k) {
    // (`T: U` where `trait U: Copy` makes `T` `Copy` too)
    case 'param': return !fn?.genericParams?.some((p) => p.name === s.name && p.bounds.some((b) => !b.maybe && crate.traitsImplied(b.name).includes('Copy')));
    case 'struct': case 'enum': return s.args.some((a) => movesParam(a, vars, fn, crate));
    case 'tuple': return s.elems.some((a) => movesParam(a, vars, fn, crate));
    case 'array': return movesParam(s.elem, vars, fn, crate);
    default: return false;
  }
}

/**
 * Whether a value of type `t` is moved when used by value: a type parameter without `Copy` in it
 * (`movesParam`), or one of the library's linear types: a library datatype that does not derive
 * `Copy` (`PointsTo<V>`: a permission used twice would be two permissions for one place), also
 * inside a tuple, an `Option` or a user datatype's fields, or a user datatype that is not `Copy`
 * by its declaration (`declaredCopy`). A library datatype that derives `Copy` is `Copy` at every
 * argument, as vstd's `PPtr<V>` is for every `V`. (Spec collections are copied.)
 */
export function movesValue(t: CTy, vars: IntVars, fn: FnItem | null, crate: Crate): boolean {
  const s = shallow(t, vars);
  switch (s.k) {
    case 'param': return movesParam(s, vars, fn, crate);
    case 'struct': case 'enum': {
      const def = s.k === 'struct' ? crate.structs.get(s.name)?.[0] : crate.enums.get(s.name)?.[0];
      if (def && isLibraryFile(def.file)) return !derivesCopy(def.item);
      // a value of a user datatype that does not derive `Copy` is moved, as rustc moves it
      // (`(s, s)` of an `S`, exec or tracked)
      if (def && !declaredCopy(def.item, crate)) return true;
      if (def && holdsLinear(def.item, crate, new Set())) return true;
      return s.args.some((a) => movesValue(a, vars, fn, crate));
    }
    case 'tuple': return s.elems.some((a) => movesValue(a, vars, fn, crate));
    case 'array': return movesValue(s.elem, vars, fn, crate);
    // a `proof_fn` is tracked and not `Copy` unless it says so
    case 'closure': return !!s.proof && !s.proof.includes('Copy');
    default: return false;
  }
}

function derivesCopy(item: StructItem | EnumItem): boolean {
  return derivedTraits(item.attrs).includes('Copy');
}

/** Whether a datatype is `Copy` by its declaration: `#[derive(.., Copy, ..)]` or an `impl Copy for S {}` of the crate. */
export function declaredCopy(item: StructItem | EnumItem, crate: Crate): boolean {
  return derivesCopy(item) || crate.traitImpls.has(implKey('Copy', item.name));
}

/** Whether a user datatype's fields hold (through tuples, `Option`, `Tracked`, other user datatypes) a library linear type. */
function holdsLinear(item: StructItem | EnumItem, crate: Crate, seen: Set<string>): boolean {
  if (seen.has(item.name)) return false;
  seen.add(item.name);
  // (a ghost field holds a spec value: copied)
  const fieldTys = item.k === 'struct' ? item.fields.filter((f) => f.mode !== 'ghost').map((f) => f.ty) : item.variants.flatMap((v) => v.fields.map((f) => f.ty));
  const linear = (t: TypeExpr): boolean => {
    switch (t.k) {
      case 'tuple': return t.elems.some(linear);
      case 'array': return linear(t.elem);
      case 'path': {
        if (['Seq', 'Set', 'Map', 'Ghost'].includes(t.name)) return false;
        const def = crate.structs.get(t.name)?.[0] ?? crate.enums.get(t.name)?.[0];
        if (def && isLibraryFile(def.file)) return !derivesCopy(def.item);
        if (def && holdsLinear(def.item, crate, seen)) return true;
        return t.args.some(linear);
      }
      default: return false;
    }
  };
  return fieldTys.some(linear);
}

/**
 * Whether values of type `t` are `Copy` (unknown types count as `Copy`: nothing is refused for
 * them): integers, bool, spec collections, a type parameter with a `Copy` bound, a datatype with
 * `#[derive(.., Copy, ..)]` whose arguments are `Copy`, `Option` of such, tuples and arrays.
 */
export function isCopy(t: CTy, vars: IntVars, fn: FnItem | null, crate: Crate): boolean {
  const s = shallow(t, vars);
  const copy = (x: CTy) => isCopy(x, vars, fn, crate);
  switch (s.k) {
    case 'param': return !movesParam(s, vars, fn, crate);
    case 'struct': case 'enum': {
      if (!s.args.every(copy)) return false;
      if (s.k === 'enum' && s.name === 'Option') return true;
      const item = crate.datatypeItem(s);
      return !item || declaredCopy(item, crate);
    }
    case 'tuple': return s.elems.every(copy);
    case 'array': return copy(s.elem);
    case 'closure': return !s.proof || s.proof.includes('Copy');
    default: return true;
  }
}

/** Whether a value of type `t` holds a value of a generic type parameter. */
export function holdsParam(t: CTy, vars: IntVars): boolean {
  const s = shallow(t, vars);
  const holds = (x: CTy) => holdsParam(x, vars);
  switch (s.k) {
    case 'param': return true;
    case 'struct': case 'enum': return s.args.some(holds);
    case 'tuple': return s.elems.some(holds);
    case 'array': case 'seq': case 'set': return holds(s.elem);
    case 'map': return holds(s.key) || holds(s.val);
    default: return false;
  }
}
