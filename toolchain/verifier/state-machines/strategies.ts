// What a tokenized machine's special statement means for its field's value, per sharding strategy
// (Verus's `simplify_special_op`): a condition on the field's current value `cur` (a `require` for
// `remove` / `have`, which the tokens given in prove; an `assert` for `add` / `deposit` / `withdraw`
// / `guard`, Verus's inherent safety condition, which the transition must prove), the field's new
// value, and the binding of a `let` pattern in the element (`Some(let x)`, `[k => let v]`).
//
//   option         have/remove Some(e): cur == Some(e); remove: None.  add Some(e): assert cur is None; Some(e)
//   map            have/remove [k => v]: cur.contains_pair(k, v); remove: cur.remove(k).  add: assert !cur.dom().contains(k); cur.insert(k, v)
//   multiset       have/remove {e}: cur.count(e) >= 1; remove: cur.remove(e).  add {e}: cur.insert(e)
//   set            have/remove set {e}: cur.contains(e); remove: cur.remove(e).  add: assert !cur.contains(e); cur.insert(e)
//   count          have/remove (n): cur >= n; remove: (cur - n) as nat.  add (n): cur + n
//   bool           have/remove true: cur; remove: false.  add true: assert !cur; true
//   persistent_*   no remove; `add` (written `(union)=`) asserts agreement where the value is already known
//   storage_*      deposit like add; withdraw and guard assert what have requires (withdraw then removes)
//
// The general form `(x)` names a whole value of the field's type (a map, a set, an option, ..), with
// the same meaning lifted to it (`x.submap_of(cur)`, `cur.union_prefer_right(x)`, ..). The table
// follows Verus's state_machines_macros (simplification.rs) and its codegen tests.

import type { ElemValue, Expr, Pat, Sp, TransitionStmt, TypeExpr } from '../ast';
import { bin, bool, mcall, path } from './syntax';

type Special = Extract<TransitionStmt, { k: 'special' }>;

/** A special statement's meaning, or why it has none here. */
export type SpecialMeaning =
  | {
      k: 'ok';
      cond: { k: 'require' | 'assert'; e: Expr } | null;
      /** the field's value after the statement (null: unchanged) */
      update: Expr | null;
      /** `let pat = init;`, in scope for the rest of the transition; a refutable pattern must match too (`require let` / `assert let`, as `cond`) */
      bind: { pat: Pat; init: Expr; refutable: boolean } | null;
    }
  | { k: 'unsupported'; what: string };

const not = (e: Expr, sp: Sp): Expr => ({ k: 'unary', op: '!', e, sp });
const or = (l: Expr, r: Expr, sp: Sp): Expr => bin('||', l, r, sp);
const and = (l: Expr, r: Expr, sp: Sp): Expr => bin('&&', l, r, sp);
const ite = (cond: Expr, then: Expr, els: Expr, sp: Sp): Expr => ({ k: 'if', cond, then: { stmts: [{ k: 'expr', e: then, semi: false, sp }], sp }, els, sp });
/** `Option::<V>::Some` / `Option::<V>::None`, with the field's `V` (a bare `None` has no type to infer) */
const optionPath = (variant: string, ty: TypeExpr, sp: Sp): Expr => ({ k: 'path', segs: ['Option', variant], generics: ty.k === 'path' ? ty.args.slice(0, 1) : [], genericsSeg: 0, sp });

/** Whether a pattern matches every value (a name, `_`, a tuple of such): Verus's `is_definitely_irrefutable`. */
function irrefutable(p: Pat): boolean {
  if (p.k === 'bind') return !p.sub || irrefutable(p.sub);
  if (p.k === 'wild') return true;
  if (p.k === 'tuple') return p.elems.every(irrefutable);
  return false;
}

export function specialMeaning(strategy: string, fieldTy: TypeExpr, s: Special, cur: Expr): SpecialMeaning {
  const sp = s.sp;
  const some = (e: Expr): Expr => ({ k: 'call', callee: optionPath('Some', fieldTy, sp), args: [e], sp });
  const none = (): Expr => optionPath('None', fieldTy, sp);
  const el = s.value;
  if (!el) return { k: 'unsupported', what: `this form of '${s.op}' statement` };
  const kind = strategy.replace(/^(persistent|storage)_/, '').replace(/^i(map|set)$/, '$1');
  const persistent = strategy.startsWith('persistent_');
  const storage = strategy.startsWith('storage_');
  const ok = (cond: { k: 'require' | 'assert'; e: Expr } | null, update: Expr | null, bind: { pat: Pat; init: Expr; refutable: boolean } | null = null): SpecialMeaning => ({ k: 'ok', cond, update, bind });
  // the op's role: `have` / `remove` require what the tokens prove; storage ops assert it
  const need = (e: Expr) => ({ k: s.op === 'have' || s.op === 'remove' ? ('require' as const) : ('assert' as const), e });
  const adds = s.op === 'add' || s.op === 'deposit';
  const removes = s.op === 'remove' || s.op === 'withdraw';
  const val = (v: ElemValue): Expr | null => (v.k === 'expr' ? v.e : null);
  if (storage && !['option', 'map'].includes(kind)) return { k: 'unsupported', what: `sharding strategy '${strategy}'` };

  // a `let` pattern: the field holds some value there, which the pattern names
  const binding = (v: ElemValue, present: Expr, init: Expr, update: Expr | null): SpecialMeaning => {
    if (v.k !== 'let') throw new Error('binding without a pattern');
    return ok(need(present), update, { pat: v.pat, init, refutable: !irrefutable(v.pat) });
  };

  switch (kind) {
    case 'option': {
      if (el.k === 'option') {
        const e = val(el.v);
        if (!e) return binding(el.v, mcall(cur, 'is_Some', [], sp), mcall(cur, 'get_Some_0', [], sp), removes ? none() : null);
        if (adds) return ok(persistent ? { k: 'assert', e: bin('==>', mcall(cur, 'is_Some', [], sp), bin('==', mcall(cur, 'get_Some_0', [], sp), e, sp), sp) } : { k: 'assert', e: mcall(cur, 'is_None', [], sp) }, some(e));
        return ok(need(bin('==', cur, some(e), sp)), removes ? none() : null);
      }
      if (el.k !== 'general') break;
      const x = el.e;
      const isSome = mcall(x, 'is_Some', [], sp);
      const optAdd = ite(isSome, x, cur, sp);
      if (adds) {
        const agree = persistent
          ? bin('==>', and(mcall(cur, 'is_Some', [], sp), isSome, sp), bin('==', mcall(cur, 'get_Some_0', [], sp), mcall(x, 'get_Some_0', [], sp), sp), sp)
          : or(mcall(x, 'is_None', [], sp), mcall(cur, 'is_None', [], sp), sp);
        return ok({ k: 'assert', e: agree }, optAdd);
      }
      return ok(need(bin('==>', isSome, bin('==', cur, x, sp), sp)), removes ? ite(isSome, none(), cur, sp) : null);
    }
    case 'map': {
      if (el.k === 'map') {
        const k = el.key;
        const dom = mcall(cur, 'dom', [], sp);
        const e = val(el.v);
        if (!e) return binding(el.v, mcall(dom, 'contains', [k], sp), { k: 'index', recv: cur, idx: k, sp }, removes ? mcall(cur, 'remove', [k], sp) : null);
        if (adds) {
          const safe = persistent ? bin('==>', mcall(dom, 'contains', [k], sp), bin('==', { k: 'index', recv: cur, idx: k, sp }, e, sp), sp) : not(mcall(dom, 'contains', [k], sp), sp);
          return ok({ k: 'assert', e: safe }, mcall(cur, 'insert', [k, e], sp));
        }
        return ok(need(mcall(cur, 'contains_pair', [k, e], sp)), removes ? mcall(cur, 'remove', [k], sp) : null);
      }
      if (el.k !== 'general') break;
      const m = el.e;
      if (adds) return ok({ k: 'assert', e: persistent ? mcall(cur, 'agrees', [m], sp) : mcall(mcall(cur, 'dom', [], sp), 'disjoint', [mcall(m, 'dom', [], sp)], sp) }, mcall(cur, 'union_prefer_right', [m], sp));
      return ok(need(mcall(m, 'submap_of', [cur], sp)), removes ? mcall(cur, 'remove_keys', [mcall(m, 'dom', [], sp)], sp) : null);
    }
    case 'multiset': {
      if (el.k === 'multiset') {
        const e = val(el.v);
        if (!e) break;
        if (adds) return ok(null, mcall(cur, 'insert', [e], sp));
        return ok(need(bin('>=', mcall(cur, 'count', [e], sp), { k: 'int', value: 1n, suffix: '', sp }, sp)), removes ? mcall(cur, 'remove', [e], sp) : null);
      }
      if (el.k !== 'general') break;
      if (adds) return ok(null, mcall(cur, 'add', [el.e], sp));
      return ok(need(mcall(el.e, 'subset_of', [cur], sp)), removes ? mcall(cur, 'sub', [el.e], sp) : null);
    }
    case 'set': {
      if (el.k === 'set') {
        const e = val(el.v);
        if (!e) break;
        if (adds) return ok(persistent ? null : { k: 'assert', e: not(mcall(cur, 'contains', [e], sp), sp) }, mcall(cur, 'insert', [e], sp));
        return ok(need(mcall(cur, 'contains', [e], sp)), removes ? mcall(cur, 'remove', [e], sp) : null);
      }
      if (el.k !== 'general') break;
      if (adds) return ok(persistent ? null : { k: 'assert', e: mcall(cur, 'disjoint', [el.e], sp) }, mcall(cur, 'union', [el.e], sp));
      return ok(need(mcall(el.e, 'subset_of', [cur], sp)), removes ? mcall(cur, 'difference', [el.e], sp) : null);
    }
    case 'count': {
      if (el.k !== 'general') break;
      const n = el.e;
      if (adds) return ok(null, persistent ? ite(bin('>', cur, n, sp), cur, n, sp) : bin('+', cur, n, sp));
      return ok(need(bin('>=', cur, n, sp)), removes ? { k: 'cast', e: bin('-', cur, n, sp), ty: { k: 'path', name: 'nat', segs: ['nat'], args: [], sp }, sp } : null);
    }
    case 'bool': {
      const x = el.k === 'bool' ? bool(true, sp) : el.k === 'general' ? el.e : null;
      if (!x) break;
      if (adds) return ok(persistent ? null : { k: 'assert', e: or(not(cur, sp), not(x, sp), sp) }, el.k === 'bool' ? bool(true, sp) : or(cur, x, sp));
      return ok(need(el.k === 'bool' ? cur : bin('==>', x, cur, sp)), removes ? (el.k === 'bool' ? bool(false, sp) : and(cur, not(x, sp), sp)) : null);
    }
  }
  return { k: 'unsupported', what: `a '${s.op}' statement of this form on a field of sharding strategy '${strategy}'` };
}
