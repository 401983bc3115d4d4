// Calls: constructors, methods of built-in types (Option, Seq, Set, Map), user functions.
// Invariant: calls are modular: a spec fn call is an application of its declared function (with
// fuel when recursive); an exec/proof call obliges the callee's requires, havocs the `&mut`
// places and the result and assumes its ensures; a callee's body is never looked at.

import { isTraitMethodDeclaration, type Expr, type Sp } from '../ast';
import { ASYNC_FUTURE, BOOL, CHAR, INT, ResolveError, UNIT, builtinCollection, genericEnv, implTypeName, smartPointerCall, tyStr, type FnInfo, type Ty } from '../resolver';
import { and, eq, implies, ite, not, num, quote, substSymbols, type Term } from '../smt';
import { divisorGuard } from './integer-ring';
import { Unsupported, State, type V, type Mode, type FnCtx, type Place } from './state';
import type { FnGen } from './gen';
import { hasExternalBody, hasVerifierAttr } from '../../syntax/attributes';

export class CallMethods {
  /**
   * A spec_fn value `f` applied to `args`: the array `f` at their values; a closure written right
   * there (`(|x| e)(a)`, or a parameter bound to one) is beta-reduced to `e` at `a`, so a trigger
   * inside it is a plain application and z3 sees no lambda in a pattern.
   */
  applySpecFn(this: FnGen, f: Term, ty: Extract<Ty, { k: 'fn' }>, args: Expr[], st: State, m: Mode): V {
    const vals = args.map((a, i) => this.fit(this.ev(a, st, { ...m, exec: false }), ty.params[i]!).t);
    if (Array.isArray(f) && f[0] === 'lambda' && Array.isArray(f[1]) && f[1].length === vals.length) {
      // (a closure's parameter names are fresh: substitution cannot capture)
      const names = new Map((f[1] as Term[][]).map((b, i) => [b[0] as string, vals[i]!]));
      return { t: substSymbols(f[2]!, names), ty: ty.ret };
    }
    return { t: ['select', f, ...vals], ty: ty.ret };
  }

  /**
   * `reveal_strlit("ab")`: the literal's view is its characters (the checking phase made sure the
   * argument is a literal): `lit@ == seq!['a', 'b']`, a fact from here on.
   */
  revealStrlit(this: FnGen, e: Extract<Expr, { k: 'call' }>, st: State, m: Mode): V {
    const lit = e.args[0];
    if (lit?.k !== 'str') throw new ResolveError('string literal expected', e.sp);
    const view = this.crate.fn('str::view', e.sp);
    if (!view) throw new Unsupported('`reveal_strlit` without the library\'s `str::view` (`use vstd::string::*;`)', e.sp);
    const pm = { ...m, pure: true, exec: false };
    const seq = this.callFn(view, [{ e: lit, v: this.ev(lit, st, pm) }], st, pm, e.sp, e, []);
    if (!seq) throw new Unsupported('`reveal_strlit`: the view of a string literal', e.sp);
    // (the sequence value `seq!['a', 'b']` is: sequences are canonical, so `=~=` is `==`)
    const chars = [...lit.value].map((c) => num(c.codePointAt(0)!));
    this.assume(st, eq(seq.t, this.seqLit({ k: 'seq', elem: CHAR }, chars)));
    return { t: 'true', ty: UNIT };
  }

  /**
   * `reveal_byteslit(b"ab")`: the literal's bytes are its value (the checking phase made sure the
   * argument is a byte string literal): `lit@ == seq![b'a', b'b']`, a fact from here on.
   */
  revealByteslit(this: FnGen, e: Extract<Expr, { k: 'call' }>, st: State): V {
    const lit = e.args[0];
    if (lit?.k !== 'bytes') throw new ResolveError('byte-string literal expected', e.sp);
    const v = this.byteLiteral(lit.value);
    this.assume(st, eq(v.t, this.seqLit(v.ty, lit.value.map((b) => num(b)))));
    return { t: 'true', ty: UNIT };
  }

  /**
   * Verus's `shr_ref_struct_wrap(r, &t, "V", "f")` (the checker accepted it for field `f` of a
   * struct, or of an enum's variant `V`): `t` (as `V`) with `f` replaced by `*r` (references are
   * erased), a value built by proof code, so the datatype's type invariant must hold of it.
   */
  shrRefStructWrap(this: FnGen, e: Extract<Expr, { k: 'call' }>, target: { variant: string | null; field: string }, st: State, m: Mode): V {
    const r = this.ev(e.args[0]!, st, m);
    // (the template is spec code: building it asserts no type invariant)
    const tmpl = this.ev(e.args[1]!, st, { ...m, exec: false, pure: true });
    const recorded = this.recordedType(e);
    if (!recorded || (recorded.k !== 'struct' && recorded.k !== 'enum')) throw new ResolveError('the type of this `shr_ref_struct_wrap` is not known', e.sp);
    const ty = this.instTy(recorded);
    // (of an enum: variant `V`, its other fields read from the template as `t->V_g`, whatever its variant)
    const ctor = target.variant === null ? this.sorts.datatype(ty).ctors[0]! : this.sorts.datatype(ty).ctors.find((c) => c.name === target.variant)!;
    const args: Term[] = ctor.fields.map((f) => (f.name === target.field ? this.fit(r, f.ty).t : [f.acc, this.fit(tmpl, ty).t]));
    const built: V = { t: args.length ? [ctor.ctor, ...args] : ctor.ctor, ty };
    this.checkInvariant(st, built, e.sp);
    return built;
  }

  evCall(this: FnGen, e: Extract<Expr, { k: 'call' }>, st: State, m: Mode): V | null {
    if (e.callee.k !== 'path') {
      // `(s.f)(x)`: a spec_fn value computed by an expression (the checker typed it)
      const f = this.ev(e.callee, st, this.cvc.checked.exprTypes.get(e.callee)?.k === 'closure' ? m : { ...m, exec: false });
      if (f.ty.k === 'closure') return this.callClosure(f, e.args, st, m, e);
      if (f.ty.k !== 'fn') throw new Unsupported('call of a non-path expression', e.sp);
      return this.applySpecFn(f.t, f.ty, e.args, st, m);
    }
    const wrapped = this.cvc.checked.shrRefWraps.get(e);
    if (wrapped !== undefined) return this.shrRefStructWrap(e, wrapped, st, m);
    // (`Option::Some(x)` is `Some(x)`: the checking phase typed both alike)
    const segs = e.callee.segs.length === 2 && e.callee.segs[0] === 'Option' && e.callee.segs[1] === 'Some' ? ['Some'] : e.callee.segs;
    const last = segs[segs.length - 1]!;
    const sp = e.sp;
    if (last === 'reveal_strlit' && segs[0] !== 'crate' && !this.crate.fnsByName.has(last)) return this.revealStrlit(e, st, m);
    if (last === 'reveal_byteslit' && segs[0] !== 'crate' && !this.crate.fnsByName.has(last)) return this.revealByteslit(e, st);
    // `is_variant(u, "x")` / `get_union_field::<_, T>(u, "x")` of a union, `is_variant(e, "V")` /
    // `get_variant_field::<_, T>(e, "V", "f")` of an enum (the checking phase resolved them)
    const variantOp = this.cvc.checked.variantOps.get(e);
    if (variantOp?.op === 'is' || variantOp?.op === 'get') {
      const u = this.ev(e.args[0]!, st, { ...m, exec: false });
      const c = this.sorts.datatype(u.ty).ctors.find((x) => x.name === variantOp.variant)!;
      // (an enum's `get_variant_field` names its field; a union's variant has one)
      const f = variantOp.field === undefined ? c.fields[0]! : c.fields.find((x) => x.name === variantOp.field)!;
      return variantOp.op === 'is' ? { t: [['_', 'is', c.tester], u.t], ty: BOOL } : { t: [f.acc, u.t], ty: f.ty };
    }
    if (segs.length === 1) {
      // `f(a, b)` of a spec_fn value: the array `f` at the arguments
      const fnValue = st.lookup(last);
      if (fnValue && fnValue.ty.k === 'fn') return this.applySpecFn(fnValue.term, fnValue.ty, e.args, st, m);
      if (fnValue && (fnValue.ty.k === 'closure' || (fnValue.ty.k === 'param' && this.callSig(fnValue.ty)))) return this.callClosure({ t: fnValue.term, ty: fnValue.ty }, e.args, st, m, e);
      if ((last === 'add' || last === 'sub' || last === 'mul') && e.args.length === 2 && !this.crate.fnsByName.has(last)) {
        // Verus's builtin: the operation in the operands' own type, wrapping (the checker typed it)
        const pm = { ...m, pure: true, exec: false };
        const a = this.ev(e.args[0]!, st, pm);
        const b = this.ev(e.args[1]!, st, pm);
        const ty = this.recordedType(e) ?? a.ty;
        const exact: V = { t: [last === 'add' ? '+' : last === 'sub' ? '-' : '*', a.t, b.t], ty: INT };
        return ty.k === 'int' && ty.kind !== 'int' && ty.kind !== 'nat' ? this.cast(exact, ty, sp) : { ...exact, ty };
      }
      if (last === 'use_type_invariant' && e.args.length === 1 && !this.crate.fnsByName.has(last)) {
        const a = e.args[0]!;
        this.useTypeInvariant(this.ev(a.k === 'unary' && a.op === '&' ? a.e : a, st, { ...m, pure: true, exec: false }), st, sp);
        return { t: 'true', ty: UNIT };
      }
      if (last === 'imply' && e.args.length === 2 && !this.crate.fnsByName.has(last)) return this.evBinary({ k: 'binary', op: '==>', l: e.args[0]!, r: e.args[1]!, sp }, st, m);
      if (last === 'equal' && e.args.length === 2 && !this.crate.fnsByName.has(last)) {
        const pm = { ...m, pure: true, exec: false };
        return this.compare('==', this.ev(e.args[0]!, st, pm), this.ev(e.args[1]!, st, pm), sp);
      }
      if ((last === 'call_requires' || last === 'call_ensures') && !this.crate.fnsByName.has(last)) {
        const f = this.ev(e.args[0]!, st, { ...m, pure: true, exec: false });
        if (!this.callSig(f.ty)) throw new Unsupported(`\`${last}\` of a value that is not an exec closure`, sp);
        return this.closureClause(last === 'call_requires' ? 'requires' : 'ensures', f, e.args.slice(1), st, m);
      }
      if (last === 'old') {
        const a = e.args[0];
        if (!a || !this.fnCtx) throw new ResolveError('`old` needs an argument', sp);
        let base = a;
        while (base.k === 'unary' && base.op === '*') base = base.e;
        if (base.k !== 'path' || base.segs.length !== 1) throw new Unsupported('`old` of a non-variable', sp);
        const ov = this.fnCtx.old.get(base.segs[0]!) ?? (st.lookup('$old:' + base.segs[0]!)?.term ?? null);
        const b = st.lookup(base.segs[0]!);
        if (ov === null || !b) throw new ResolveError('`old` can only be applied to `&mut` parameters', sp);
        return { t: ov, ty: b.ty };
      }
      // `final(x)` (postconditions only, checked): x's value at the return, which is what the
      // state binds x to wherever a postcondition is evaluated (the function's exit, a call site)
      if (last === 'final') return this.ev(e.args[0]!, st, m);
      if (last === 'Ghost' || last === 'Tracked') return this.ev(e.args[0]!, st, { ...m, exec: false });
      if (last === 'Some') {
        const v = this.ev(e.args[0]!, st, m);
        const ty: Ty = { k: 'enum', name: 'Option', args: [v.ty] };
        const dt = this.sorts.datatype(ty);
        return { t: [dt.ctors[1]!.ctor, v.t], ty };
      }
    }
    const collection = segs.length === 2 ? builtinCollection(segs[0]) : null;
    if ((collection === 'Seq' || collection === 'Set') && last === 'new' && e.args.some((a) => a.k === 'closure')) return this.closureCollection(e, collection, st, m);
    if (segs.length === 2 && segs[0] === 'Map' && last === 'new' && e.args.length === 2) return this.mapNew(e, st, m);
    // (`Box<T>`, `Rc<T>`, `Arc<T>` are erased to `T`: `Rc::clone(&x)` is `x`, references are erased too)
    const pointer = smartPointerCall(e);
    if (pointer) {
      // (each a call of one of vstd's specifications: it may unwind and open any invariant)
      if (m.exec && !m.pure) this.builtinCall(st, e.sp, 'false');
      return this.ev(pointer.arg, st, m);
    }
    if (collection && last === 'empty') {
      const g = e.callee.generics;
      if (g.length) {
        const tyArgs = g.map((x) => this.synTy(x));
        const ty: Ty = collection === 'Seq' ? { k: 'seq', elem: tyArgs[0]! } : collection === 'Set' ? { k: 'set', elem: tyArgs[0]! } : { k: 'map', key: tyArgs[0]!, val: tyArgs[1]! };
        return { t: this.emptyOf(ty), ty };
      }
      // the type the checking phase inferred from the context; else typed later by `fit`
      const ty = this.recordedType(e);
      if (ty && ty.k === (collection === 'Seq' ? 'seq' : collection === 'Set' ? 'set' : 'map')) return { t: this.emptyOf(ty), ty };
      return { t: this.placeholder(['$empty', collection], sp), ty: { k: 'tuple', elems: [] } };
    }
    // enum variant / tuple struct constructor
    const vr = this.findVariant(segs, sp, undefined, e);
    // (a `ghost` field's value is spec code: no machine arithmetic, as inside `Ghost(..)`)
    const ghostAt = (modes: readonly ({ mode?: string } | undefined)[], i: number): Mode => (modes[i]?.mode === 'ghost' ? { ...m, exec: false } : m);
    if (vr) {
      const modes = vr.ty.k === 'enum' ? this.crate.variantFields(vr.ty.name, vr.ctor.name) : [];
      const args = e.args.map((a, i) => this.ev(a, st, ghostAt(modes, i)).t);
      if (args.length !== vr.ctor.fields.length) throw new ResolveError('wrong number of fields', sp);
      const built: V = { t: args.length ? [vr.ctor.ctor, ...args] : vr.ctor.ctor, ty: vr.ty };
      if (!m.pure) this.checkInvariant(st, built, sp);
      return built;
    }
    if (this.crate.isStructCtorPath(segs)) {
      // (a generic struct's arguments: the checker's type of the constructor call)
      const recorded = this.cvc.checked.exprTypes.get(e);
      if (!recorded || recorded.k !== 'struct') throw new ResolveError(`type annotations needed for \`${last}\``, sp);
      const ty: Ty = this.instTy(recorded);
      const dt = this.sorts.datatype(ty);
      const modes = this.crate.struct(last, sp).fields;
      const args = e.args.map((a, i) => this.ev(a, st, ghostAt(modes, i)).t);
      const built: V = { t: [dt.ctors[0]!.ctor, ...args], ty };
      if (!m.pure) this.checkInvariant(st, built, sp);
      return built;
    }
    // `T::m(..)` with `T: Trait`: the trait's declaration (check/checker.ts)
    const decl = this.cvc.checked.traitCalls.get(e);
    if (decl) return this.callFn(decl, e.args.map((a) => ({ e: a })), st, m, sp, e);
    // function
    const qname = this.crate.memberName(segs, this.cur.item.selfType);
    const info = this.crate.fn(qname, sp, this.cur.item, segs);
    if (!info) throw new ResolveError(`cannot find function \`${segs.join('::')}\``, sp);
    // the checker decided this call means a `when_used_as_spec` target
    return this.callFn(this.cvc.checked.specCalls.get(e) ?? info, e.args.map((a) => ({ e: a })), st, m, sp, e);
  }

  evMethod(this: FnGen, e: Extract<Expr, { k: 'method' }>, st: State, m: Mode): V | null {
    // `x.is_V()` of an `#[is_variant]` enum: the `x is V` the checking phase recorded
    const viaVariant = this.cvc.checked.operatorCalls.get(e);
    if (viaVariant) return this.ev(viaVariant, st, m);
    // `r.clone()` of an `Rc` / `Arc`: the same value (the types erase the pointer)
    if (this.cvc.checked.sharedClones.has(e)) {
      if (m.exec && !m.pure) this.builtinCall(st, e.sp, 'false');
      return this.ev(e.recv, st, m);
    }
    // `x.deep_view()` of a built-in type: the spec expression the checker read it as
    const deepView = this.cvc.checked.deepViews.get(e);
    if (deepView) return this.ev(deepView, st, m);
    const recv = this.ev(e.recv, st, m);
    const ty = recv.ty;
    const name = e.name;
    const sp = e.sp;
    const argv = () => e.args.map((a) => this.ev(a, st, m));
    // `t.borrow()` of a `Tracked` / `Ghost` value is the value (wrapper and reference erased)
    if (this.cvc.checked.wrapperBorrows.has(e)) return recv;
    // `x.view()` of an array (its sequence) or of a wrapper (the value it holds): `x@`
    if (this.cvc.checked.viewCalls.has(e)) return ty.k === 'array' ? { t: recv.t, ty: { k: 'seq', elem: ty.elem } } : recv;
    // `x.floor()` of a real: the greatest integer not above it
    if (ty.k === 'real' && name === 'floor' && !e.args.length) return { t: ['to_int', recv.t], ty: INT };
    if ((name === 'requires' || name === 'ensures') && this.callSig(ty)) return this.closureClause(name, recv, e.args, st, m);
    // a method the standard library gives a built-in type (the checking phase resolved it)
    const lib = this.cvc.checked.libraryMethodCalls.get(e);
    if (lib) {
      const self: V = ty.k === 'array' ? { t: recv.t, ty: { k: 'seq', elem: ty.elem } } : recv;
      return this.callFn(this.cvc.checked.specCalls.get(e) ?? lib, [{ e: e.recv, v: self }, ...e.args.map((a) => ({ e: a }))], st, m, sp, e);
    }
    if (ty.k === 'enum' && (name.startsWith('$is:') || name.startsWith('$arrow:'))) {
      const dt = this.sorts.datatype(ty);
      if (name.startsWith('$is:')) {
        const c = dt.ctors.find((x) => x.name === name.slice(4));
        if (!c) throw new ResolveError(`no variant \`${name.slice(4)}\``, sp);
        return { t: dt.ctors.length > 1 ? [['_', 'is', c.tester], recv.t] : 'true', ty: BOOL };
      }
      // `->f` (the checking phase made sure one variant has it) or `->V_f`
      const fname = name.slice(7);
      for (const c of dt.ctors) {
        const f = c.fields.find((x) => x.name === fname);
        if (f) return { t: [f.acc, recv.t], ty: f.ty };
      }
      for (const c of dt.ctors) {
        const f = fname.startsWith(`${c.name}_`) ? c.fields.find((x) => x.name === fname.slice(c.name.length + 1)) : undefined;
        if (f) return { t: [f.acc, recv.t], ty: f.ty };
      }
      throw new ResolveError(`no field \`${fname}\` in any variant`, sp);
    }
    // a trait method on a value of a type parameter: the trait's declaration (check/checker.ts)
    const decl = this.cvc.checked.traitCalls.get(e);
    if (decl) return this.callFn(decl, [{ e: e.recv, v: recv }, ...e.args.map((a) => ({ e: a }))], st, m, sp, e);
    if (ty.k === 'struct' || (ty.k === 'enum' && ty.name !== 'Option')) {
      const tn = (ty as { name: string }).name;
      const info = this.crate.fn(`${tn}::${name}`, e.nameSp);
      if (!info) throw new ResolveError(`no method \`${name}\` on type ${tn}`, e.nameSp);
      return this.callFn(this.cvc.checked.specCalls.get(e) ?? info, [{ e: e.recv, v: recv }, ...e.args.map((a) => ({ e: a }))], st, m, sp, e);
    }
    if (ty.k === 'enum' && ty.name === 'Option') {
      const dt = this.sorts.datatype(ty);
      const isSome: Term = [['_', 'is', dt.ctors[1]!.tester], recv.t];
      // (each a call of one of vstd's specifications, which open any invariant; `unwrap` and
      // `expect` are not marked `no_unwind`: they panic on `None`)
      if (m.exec && !m.pure && ['is_some', 'is_none', 'unwrap_or', 'unwrap', 'expect', 'cloned', 'unwrap_or_default'].includes(name)) this.builtinCall(st, sp, name === 'unwrap' || name === 'expect' ? 'false' : 'true');
      if (name === 'is_some') return { t: isSome, ty: BOOL };
      if (name === 'is_none') return { t: not(isSome), ty: BOOL };
      if (name === 'unwrap' || name === 'expect') {
        if (m.exec && !m.pure) this.oblige(st, 'unwrap', sp, isSome);
        return { t: [dt.ctors[1]!.fields[0]!.acc, recv.t], ty: ty.args[0]! };
      }
      if (name === 'unwrap_or') {
        const d = argv()[0]!;
        return { t: ite(isSome, [dt.ctors[1]!.fields[0]!.acc, recv.t], d.t), ty: ty.args[0]! };
      }
      // (of an integer, `bool` or `char`, as the checking phase accepts them)
      const elem = ty.args[0]!;
      const primitive = elem.k === 'int' || elem.k === 'bool' || elem.k === 'char';
      if (primitive && name === 'cloned' && !e.args.length) return recv;
      if (primitive && name === 'unwrap_or_default' && !e.args.length) return { t: ite(isSome, [dt.ctors[1]!.fields[0]!.acc, recv.t], elem.k === 'bool' ? 'false' : '0'), ty: elem };
      throw new Unsupported(`Option::${name}`, e.nameSp);
    }
    if (ty.k === 'seq' || ty.k === 'array') {
      // (vstd marks none of the slice and array operations `no_unwind`; `index` is counted by
      // `index` / `checkedRangeIndex`)
      if (ty.k === 'array' && m.exec && !m.pure && !(name === 'index' && e.args.length === 1)) this.builtinCall(st, sp, 'false');
      if (ty.k === 'array' && name === 'len') return { t: this.seqLen(ty, recv.t), ty: { k: 'int', kind: 'usize' } };
      if (ty.k === 'array' && name === 'is_empty') return { t: eq(this.seqLen(ty, recv.t), '0'), ty: BOOL };
      if (ty.k === 'array' && name === 'set') throw new Unsupported('array set method', sp);
      if (ty.k === 'array' && m.exec) {
        // exec `a.index(i)` is `a[i]` (with its bounds obligation); no other exec array method is modelled
        const arg = e.args[0];
        if (name === 'index' && e.args.length === 1 && arg!.k === 'range') return this.checkedRangeIndex(recv, arg!, st, m, sp);
        if (name === 'index' && e.args.length === 1) return this.index(recv, this.ev(arg!, st, m), st, m, sp);
        if ((name === 'copy_from_slice' || name === 'copy_within') && !m.pure) return this.sliceCopy(e, st, m);
        if (name === 'get' && e.args.length === 1) {
          // `Some` of the element or slice when in bounds, else `None`
          let v: V;
          let inBounds: Term;
          if (arg!.k === 'range') ({ slice: v, inBounds } = this.rangeIndex(recv, arg!, st, m, sp));
          else {
            const i = this.ev(arg!, st, m);
            v = this.index(recv, i, st, { ...m, exec: false }, sp);
            inBounds = and(['<=', '0', i.t], ['<', i.t, this.seqLen(ty, recv.t)]);
          }
          const opt: Ty = { k: 'enum', name: 'Option', args: [v.ty] };
          const dt = this.sorts.datatype(opt);
          return { t: ite(inBounds, [dt.ctors[1]!.ctor, v.t], dt.ctors[0]!.ctor), ty: opt };
        }
        throw new Unsupported(`array method \`${name}\` in exec code`, e.nameSp);
      }
      return this.seqOp(name, { t: recv.t, ty: { k: 'seq', elem: ty.elem } }, argv(), e.nameSp);
    }
    if (ty.k === 'set') return this.setOp(name, recv.t, ty, argv(), e.nameSp);
    if (ty.k === 'map') return this.mapOp(name, recv.t, ty, argv(), e.nameSp);
    if (ty.k === 'int') {
      throw new Unsupported(`integer method \`${name}\``, e.nameSp);
    }
    throw new Unsupported(`method \`${name}\` on ${tyStr(ty)}`, e.nameSp);
  }

  /**
   * A callee's clause (written in `file` at `sp`) in the caller's terms, for the quick fix "assert
   * the callee's precondition here": each parameter replaced by its argument's source text, and
   * `old(p)` too (at the call, the old value is the current one). Null when a text is missing.
   */
  /**
   * std's `dst.copy_from_slice(src)` (the lengths must be equal) and `s.copy_within(lo..hi, dest)`
   * (source in bounds, destination room for it), as rustc's panics: `precondition` / `index-bounds`
   * obligations; the receiver's place then holds `src`, or its elements `lo..hi` at `dest`.
   */
  sliceCopy(this: FnGen, e: Extract<Expr, { k: 'method' }>, st: State, m: Mode): V {
    const p = this.place(e.recv, st, m);
    const cur = this.readPlace(p, st);
    const ty = cur.ty as Extract<Ty, { k: 'array' }>;
    const len = this.seqLen(ty, cur.t);
    const seq = (t: Term): V => ({ t, ty: { k: 'seq', elem: ty.elem } });
    if (e.name === 'copy_from_slice') {
      const src = this.ev(e.args[0]!, st, m)!;
      this.oblige(st, 'precondition', e.sp, eq(len, this.seqLen(src.ty as Extract<Ty, { k: 'array' }>, src.t)));
      this.writePlace(p, src.t, st);
      return { t: 'true', ty: UNIT };
    }
    const { slice, inBounds } = this.rangeIndex(cur, e.args[0] as Extract<Expr, { k: 'range' }>, st, m, e.sp);
    const dest = this.ev(e.args[1]!, st, m)!;
    const count = this.seqLen(slice.ty as Extract<Ty, { k: 'array' }>, slice.t);
    this.oblige(st, 'index-bounds', e.sp, and(inBounds, ['<=', ['+', dest.t, count], len]));
    const sub = (i: Term, j: Term): Term => this.seqOp('subrange', seq(cur.t), [{ t: i, ty: INT }, { t: j, ty: INT }], e.sp).t;
    const before = sub('0', dest.t);
    const after = sub(['+', dest.t, count], len);
    const joined = this.seqOp('add', seq(this.seqOp('add', seq(before), [seq(slice.t)], e.sp).t), [seq(after)], e.sp);
    this.writePlace(p, joined.t, st);
    return { t: 'true', ty: UNIT };
  }

  callerTerms(this: FnGen, file: string, sp: Sp, params: string[], argSps: Sp[]): string | null {
    const text = (path: string) => this.crate.files.find((f) => f.path === path)?.text;
    const calleeText = text(file);
    const ownText = text(this.info.file);
    if (calleeText === undefined || ownText === undefined || params.length !== argSps.length) return null;
    const args = argSps.map((a) => ownText.slice(a.start, a.end).replace(/^&\s*(mut\s+)?/, '').trim());
    const atom = (t: string) => /^([A-Za-z_][A-Za-z0-9_]*)(\.[A-Za-z_][A-Za-z0-9_]*)*$|^\d+$/.test(t);
    const byName = new Map(params.map((p, i) => [p, atom(args[i]!) ? args[i]! : `(${args[i]})`]));
    const clause = calleeText.slice(sp.start, sp.end);
    return clause
      .replace(/\bold\(\s*([A-Za-z_][A-Za-z0-9_]*)\s*\)|\b[A-Za-z_][A-Za-z0-9_]*\b/g, (m: string, oldName: string | undefined, at: number) => {
        // a field or a path segment is not a parameter
        if (oldName === undefined && (clause[at - 1] === '.' || clause.slice(Math.max(0, at - 2), at) === '::')) return m;
        return byName.get(oldName ?? m) ?? m;
      })
      .replace(/\s+/g, ' ');
  }

  /**
   * A call of a user function (spec: function application; exec/proof: modular via specs). A
   * generic callee is taken at the call's generic arguments (recorded by the checker): its
   * parameter types, result and clauses are instantiated, and a spec fn is the instance's own
   * declared function (its definition built at those arguments).
   */
  /**
   * The impl method a trait method declaration (`Trait::m`, generic over `Self`) means at `tyArgs`
   * when `Self` is a datatype with an `impl Trait for Type<..>` over all its arguments (traits.ts,
   * check/checker.ts `checkBounds`), with the impl's generic arguments; null otherwise.
   */
  traitDispatch(this: FnGen, info: FnInfo, tyArgs: Ty[]): { info: FnInfo; tyArgs: Ty[] } | null {
    const f = info.item;
    const self = tyArgs[0];
    const selfName = self ? implTypeName(self) : null;
    if (f.generics[0] !== 'Self' || !f.selfType || !this.crate.traits.has(f.selfType) || !self || !selfName) return null;
    const impls = this.crate.traitImpls.get(`${f.selfType}|${selfName}`) ?? [];
    const impl = impls.length === 1 && impls[0]!.verdict === 'ok' ? impls[0]! : null;
    if (!impl || impl.selfTy.k !== 'path' || impl.selfTy.args.length !== impl.generics.length || !impl.selfTy.args.every((x, j) => x.k === 'path' && x.segs.length === 1 && x.name === impl.generics[j])) return null;
    const target = this.crate.fns.get(`${selfName}::${f.name}`)?.find((x) => x.item.traitImpl?.trait === f.selfType);
    // the impl method's generic arguments, by name: the impl's (the type's), then the method's own
    // and those of their associated types (the impl binds `Self::X` itself)
    const selfArgs = self.k === 'struct' || self.k === 'enum' ? self.args : [];
    if (!target || selfArgs.length !== impl.generics.length) return null;
    const declEnv = genericEnv(f, tyArgs);
    const implEnv = new Map(impl.generics.map((g, i) => [g, selfArgs[i]!]));
    const tyArgsOfImpl = target.item.generics.map((g) => implEnv.get(g) ?? declEnv.get(g));
    return tyArgsOfImpl.every((t) => t !== undefined) ? { info: target, tyArgs: tyArgsOfImpl as Ty[] } : null;
  }

  /** `e`, or the library call that stands for rustc's deref coercion of it (`v.as_slice()`, `s.as_str()`: CheckedCrate.derefCoercions). */
  derefCoerced(this: FnGen, e: Expr): Expr {
    return this.cvc.checked.derefCoercions.get(e) ?? e;
  }

  callFn(this: FnGen, info: FnInfo, args: { e: Expr; v?: V }[], st: State, m: Mode, sp: Sp, call: Expr, knownTyArgs?: Ty[], asyncBody = false): V | null {
    const f = info.item;
    // an `async fn`'s call: the call is made here (its `requires`, its `&mut` arguments written),
    // its value held by the future the library's `AsyncFuture` is (the checking phase typed it so)
    if (f.isAsync && !asyncBody) {
      const got = this.callFn(info, args, st, m, sp, call, knownTyArgs, true);
      // (a unit result is `true` here: the future holds the unit value)
      const unit = !got || (got.ty.k === 'tuple' && !got.ty.elems.length);
      const v = unit ? { t: this.sorts.datatype(UNIT).ctors[0]!.ctor, ty: UNIT } : got;
      const ty: Ty = { k: 'struct', name: ASYNC_FUTURE, args: [v.ty] };
      return { t: [this.sorts.datatype(ty).ctors[0]!.ctor, v.t], ty };
    }
    const tyArgs = knownTyArgs ?? this.callTyArgs(call, f, sp);
    // a trait method declaration at a datatype with an impl (a generic callee's contract read at
    // the caller's types): the impl's method, as Verus resolves it statically
    const impl = this.traitDispatch(info, tyArgs);
    if (impl) return this.callFn(impl.info, args, st, m, sp, call, impl.tyArgs);
    const env = genericEnv(f, tyArgs);
    this.callees.add(info.key);
    const ps = this.paramTypes(f, env);
    if (ps.length !== args.length) throw new ResolveError(`\`${info.qname}\` takes ${ps.length} arguments but ${args.length} were supplied`, sp);
    const retTy = this.retType(f, env);
    // a callee's clauses are its own syntax, read at the call's generic arguments
    const inCallee = <T>(fn: () => T): T => this.inItem(f, env, fn);
    if (f.mode === 'spec') {
      const vals = args.map((a, i) => {
        const v = this.fit(a.v ?? this.ev(this.derefCoerced(a.e), st, { ...m, exec: false }), ps[i]!.ty);
        return v.t;
      });
      const key = this.cvc.specInstance(info, tyArgs, sp);
      this.specUsed.add(key);
      if (m.recHook) m.recHook(info, vals, sp, m.path, m.bound.size > 0);
      // `#[verifier::inline]`: the body with the arguments in place of the parameters, so the
      // caller's trigger selection sees the body, as in Verus (the checking phase refused inline
      // fns that are recursive or without a body; an opaque one stays an application)
      // (nor while its own body is read: recursion is found before the crate's SCCs are known)
      // (also a trait's spec fn read as its default body: vcgen/api-safety.ts)
      const inline = hasVerifierAttr(f.attrs, 'inline') || (this.inlineTraitDefaults !== null && f.selfType === this.inlineTraitDefaults && isTraitMethodDeclaration(f));
      if (inline && f.body && this.bodyVisible(info) && !this.hides.has(info.key) && !this.cvc.recursive.has(info.key) && !hasVerifierAttr(f.attrs, 'opaque') && info.key !== this.info.key && !this.inlining.has(info.key)) {
        const ist = new State();
        ps.forEach((p, i) => ist.declare(p.name, { ty: p.ty, term: vals[i]!, mut: false }));
        this.inlining.add(info.key);
        try {
          // (the body is the callee's syntax, read at the call's generic arguments)
          return inCallee(() => this.specBody(this.evalBlockPure(f.body!, ist, { ...m, pure: true, exec: false }), retTy));
        } finally {
          this.inlining.delete(info.key);
        }
      }
      const name = quote(key);
      if (this.cvc.recursive.has(info.key)) {
        let fuel = 'fuel.zero';
        for (let i = 0; i < (this.fuel.get(info.key) ?? 1); i++) fuel = `(fuel.succ ${fuel})`;
        if (m.fuelVar && m.scc?.has(info.key)) fuel = m.fuelVar;
        return { t: [name, fuel, ...vals], ty: retTy };
      }
      return { t: vals.length ? [name, ...vals] : name, ty: retTy };
    }
    // `#[verifier::allow_in_spec]` called in ghost code (check/checker.ts): its `returns`
    // expression with the arguments in place of the parameters
    if (this.cvc.checked.allowInSpecCalls.has(call) && f.returns) {
      const ist = new State();
      args.forEach((a, i) => ist.declare(ps[i]!.name, { ty: ps[i]!.ty, term: this.fit(a.v ?? this.ev(this.derefCoerced(a.e), st, { ...m, exec: false }), ps[i]!.ty).t, mut: false }));
      return inCallee(() => this.fit(this.evalPure(f.returns!, ist, { ...m, pure: true, exec: false }), retTy));
    }
    if (m.pure) throw new ResolveError(`cannot call ${f.mode} function \`${info.qname}\` in spec code`, sp);
    if (f.mode === 'exec' && !m.exec && this.info.item.mode !== 'exec') throw new ResolveError(`cannot call exec function \`${info.qname}\` from proof code`, sp);
    // evaluate arguments; &mut args are places
    const pre: Term[] = [];
    const places: (Place | null)[] = [];
    // `&mut` places inside a value with a type invariant: asserted again after the call
    const guarded: Place[] = [];
    for (let i = 0; i < args.length; i++) {
      const p = ps[i]!;
      const a = args[i]!;
      const argMode = f.mode === 'proof' ? { ...m, exec: false } : m;
      if (p.mut) {
        let pe = a.e;
        // `Tracked(&mut perm)` for `Tracked(x): Tracked<&mut T>` (the checker required that form)
        if (pe.k === 'call' && pe.callee.k === 'path' && pe.callee.segs.length === 1 && pe.callee.segs[0] === 'Tracked' && pe.args.length === 1) pe = pe.args[0]!;
        if (pe.k === 'unary' && pe.op === '&mut') pe = pe.e;
        const place = this.place(pe, st, argMode);
        if (this.insideInvariant(place, st, sp)) guarded.push(place);
        places.push(place);
        const v = this.readPlace(place, st);
        pre.push(v.t);
      } else {
        // the callee assumes its parameters are in range: a ghost `int` needs `as`
        const v = this.fit(a.v ?? this.ev(this.derefCoerced(a.e), st, argMode), p.ty);
        pre.push(v.t);
        places.push(null);
      }
    }
    // preconditions
    const cst = new State();
    ps.forEach((p, i) => cst.declare(p.name, { ty: p.ty, term: pre[i]!, mut: false }));
    const oldMap = new Map<string, Term>();
    ps.forEach((p, i) => {
      if (p.mut) oldMap.set(p.name, pre[i]!);
    });
    const savedCtx = this.fnCtx;
    const withOld = <T>(old: Map<string, Term>, fn: () => T): T => {
      const prev = this.fnCtx;
      this.fnCtx = { ...(prev ?? ({} as FnCtx)), old, loops: prev?.loops ?? [] } as FnCtx;
      try {
        return fn();
      } finally {
        this.fnCtx = prev;
      }
    };
    const requiresTerms: Term[] = [];
    for (const r of f.requires) {
      const g = withOld(oldMap, () => inCallee(() => this.evalPure(r, cst, this.specMode(st.path))));
      requiresTerms.push(g.t);
      const ob = this.oblige(st, 'precondition', sp, g.t, r.sp, f.customReqErr);
      if (ob) {
        if (info.file !== this.info.file) ob.relatedFile = info.file;
        const text = this.callerTerms(info.file, r.sp, ps.map((p) => p.name), args.map((a) => a.e.sp));
        if (text) ob.assertion = text;
      }
    }
    // whether the call may unwind or open invariants the caller may not
    const effects = withOld(oldMap, () => inCallee(() => this.unwindAndMaskOf(f, (e) => this.evalPure(e, cst, this.specMode(st.path)).t)));
    this.checkCallEffects(st, sp, effects, f.noUnwind?.when?.sp);
    // (Verus requires a plain `no_unwind`: an unwinding callee would leave the invariant broken)
    if (guarded.length && effects.noUnwind !== 'true') throw new ResolveError('this function call takes a &mut ref of a field of a datatype with a user-defined type invariant; thus, this function should be marked no_unwind', sp);
    // recursion check (kept only if the callee is in this function's SCC; decided later)
    if (savedCtx) {
      const measure = this.myMeasure;
      const ob = () => {
        const cf = info.item;
        if (!measure.length || !cf.decreases.length) return this.makeOb(st, 'decreases', sp, 'false', undefined, 'could not prove termination (recursive function without `decreases`)');
        // the callee's measure at its entry: its `old(x)` is the value passed
        const newM = withOld(oldMap, () => inCallee(() => cf.decreases.map((d) => this.evalPure(d, cst, this.specMode([])))));
        return this.makeOb(st, 'decreases', sp, this.lexLessMeasures(newM, measure, sp), cf.decreases[0]!.sp, 'could not prove termination');
      };
      const made = ob();
      this.recCalls.push({ callee: info.key, ob: () => made });
    }
    // havoc &mut places, return value
    const post = new State();
    ps.forEach((p, i) => {
      if (p.mut) {
        const place = places[i]!;
        const nv = this.havoc(this.placeName(place), p.ty);
        this.writePlace(place, nv, st);
        post.declare(p.name, { ty: p.ty, term: nv, mut: false });
      } else post.declare(p.name, { ty: p.ty, term: pre[i]!, mut: false });
    });
    let ret: V = { t: 'true', ty: UNIT };
    const rtn = retTy;
    if (!(rtn.k === 'tuple' && rtn.elems.length === 0)) {
      const rc = this.havoc(`${info.item.name}$ret`, retTy);
      ret = { t: rc, ty: retTy };
      if (f.ret?.name) post.declare(f.ret.name, { ty: retTy, term: rc, mut: false });
    } else if (f.ret?.name) {
      // (a named result of type `()`, also one that is `()` at the call's generic arguments)
      post.declare(f.ret.name, { ty: retTy, term: this.sorts.datatype(UNIT).ctors[0]!.ctor, mut: false });
    }
    // (a call that runs a trait method's default body: its `default_ensures` too)
    const defaultEnsures = this.cvc.checked.defaultBodyCalls.has(call) ? f.defaultEnsures ?? [] : [];
    for (const en of [...f.ensures, ...defaultEnsures]) {
      const g = withOld(oldMap, () => inCallee(() => this.evalPure(en, post, this.specMode(st.path))));
      // (an integer_ring lemma is proved for non-zero divisors only: vcgen/integer-ring.ts)
      const t = f.by?.kind === 'integer_ring' ? implies(divisorGuard([...requiresTerms, g.t]), g.t) : g.t;
      this.assume(st, t, { kind: 'callee-ensures', file: info.file, sp: en.sp, callee: info.qname, callSp: sp });
    }
    if (f.returns) {
      const r = withOld(oldMap, () => inCallee(() => this.evalPure(f.returns!, post, this.specMode(st.path))));
      this.assume(st, this.compare('==', ret, r, sp).t);
    }
    for (const place of guarded) this.checkInvariantsAround(place, st, sp);
    // a function the crate also uses as a value: this call's result is one `call_ensures` allows
    // (most crates name no function as a value: no scan on their calls)
    const fnValues = this.cvc.checked.fnValues;
    const asValue = fnValues.size && f.mode === 'exec' && !tyArgs.length ? [...fnValues].find(([, i]) => i.key === info.key) : undefined;
    if (asValue) {
      const fv = this.fnItemValue(info, asValue[0]);
      this.assume(st, [this.closurePredicate('ensures', fv.ty), fv.t, ...pre, ret.t === 'true' && rtn.k === 'tuple' ? this.sorts.datatype(UNIT).ctors[0]!.ctor : ret.t]);
    }
    if (f.mode === 'exec' && f.body && !hasExternalBody(f.attrs)) st.crossed.push({ kind: 'call', name: info.qname, line: this.line(sp.start), sp });
    else if (f.mode === 'proof') st.crossed.push({ kind: 'call', name: info.qname, line: this.line(sp.start), sp });
    // `-> !`: control does not come back (its `ensures false` was just assumed)
    if (f.diverging) return null;
    return ret;
  }
}
