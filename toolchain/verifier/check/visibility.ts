// Visibility of open spec fn bodies (Verus). The body of a `pub open spec fn` is visible wherever
// the body is declared visible (`open`: where the function is; `open(crate)`, `open(super)`,
// `open(in m)`: there), so it may only mention what is visible there too: functions, consts,
// datatypes, and the fields of a datatype it builds or reads (a datatype with a field hidden
// there is opaque). And `open(..)` may not reach further than the function itself.
// Plain checks over the items' written visibilities and module paths; no types.

import type { ConstItem, EnumItem, FnItem, StructItem, Visibility } from '../ast';
import type { CheckError } from './checker';

/**
 * Where something is visible: a module path (that module and every module inside it; `[]` is
 * the whole crate), or `null`: everywhere, outside the crate too (`pub`).
 */
export type Scope = string[] | null;

/** The scope of a visibility written in `module`. */
export function scopeOf(vis: Visibility | undefined, module: string[]): Scope {
  if (!vis || vis.k === 'private') return module;
  if (vis.k === 'pub') return null;
  let out: string[];
  let rest = vis.path;
  if (rest[0] === 'crate') {
    out = [];
    rest = rest.slice(1);
  } else out = [...module];
  while (rest[0] === 'super' || rest[0] === 'self') {
    if (rest[0] === 'super') out = out.slice(0, -1);
    rest = rest.slice(1);
  }
  return [...out, ...rest];
}

/** Whether everything in scope `inner` also sees what is visible in `outer`. */
export function within(inner: Scope, outer: Scope): boolean {
  if (outer === null) return true;
  if (inner === null) return false;
  return outer.every((m, i) => inner[i] === m);
}

/**
 * The scope in which the body of spec fn `f` is visible (`undefined`: a closed or body-less
 * function, whose body is checked by nothing here), and the error of an `open(..)` wider than
 * the function.
 */
export function openBodyScope(f: FnItem): { scope: Scope | undefined; error?: CheckError } {
  if (f.mode !== 'spec' || !f.body) return { scope: undefined };
  const fnScope = scopeOf(f.vis, f.module);
  if (f.openVis) {
    const scope = scopeOf(f.openVis, f.module);
    if (!within(scope, fnScope)) return { scope: fnScope, error: { message: "the function body is declared 'open' to a wider scope than the function itself", sp: f.openVis.k === 'in' ? f.openVis.sp : f.nameSp } };
    return { scope };
  }
  return { scope: f.open ? fnScope : undefined };
}

/**
 * Whether the body of spec fn `f` (defined in module `fModule`: its file's module, then its `mod`
 * blocks) is visible to code in module `from`. Verus hides a body outside the scope it is open
 * to; a `closed` or unmarked body is visible in its own module (and the modules inside it) only.
 */
export function specBodyVisible(f: FnItem, fModule: string[], from: string[]): boolean {
  const scope = f.openVis ? scopeOf(f.openVis, fModule) : f.open ? scopeOf(f.vis, fModule) : fModule;
  return within(from, scope);
}

/** What an open body of scope `scope` may mention. Each returns the message of a violation. */
export const openBody = {
  fn(scope: Scope, callee: FnItem): string | null {
    return within(scope, scopeOf(callee.vis, callee.module)) ? null : 'in pub open spec function, cannot refer to private function';
  },
  konst(scope: Scope, c: ConstItem): string | null {
    return within(scope, scopeOf(c.vis, c.module)) ? null : 'in pub open spec function, cannot refer to private const';
  },
  /** `what`: `constructor` or `field expression` */
  datatype(scope: Scope, dt: StructItem | EnumItem, what: string): string | null {
    if (!within(scope, scopeOf(dt.vis, dt.module))) return `disallowed: ${what} for a non-visible datatype`;
    // an enum's variants and their fields are as visible as the enum
    if (dt.k === 'struct' && dt.fields.some((f) => !within(scope, scopeOf(f.vis, dt.module)))) return `disallowed: ${what} for an opaque datatype`;
    return null;
  },
};
