// The checking phase: between name resolution and VC generation, like rustc's type check and
// Verus's mode check. It types every expression it understands (Rust's integer-literal inference
// included), checks that no value changes type implicitly, and that ghost values, calls and
// statements stay in the modes Verus allows. Its output is plain data: a type per expression
// and a list of errors per function. VC generation reads the types and never works one out.
//
// What it does not understand (a construct VC generation reports as unsupported) gets the type
// `any`, which constrains nothing: the checker never rejects a program for being outside its
// reach, and never accepts one VC generation could mistype.

import type { Block, ConstItem, EnumItem, Expr, FnItem, GenericParam, Pat, QuantAttr, Sp, Stmt, StructItem, TraitImplItem, TrackedModes, TypeExpr, Visibility } from '../ast';
import { builtinDeepView } from './deep-view';
import { findNode, isTraitMethodDeclaration, positionalPats, someNode, wrapperPattern } from '../ast';
import { uncovered, type Ctor, type IntDomain } from './exhaustiveness';
import { decreasesByCycles, decreasesByTarget, isDecreasesByFn, unusedDecreasesBy, type HintError } from './termination-hints';
import { Crate, ResolveError, builtinCollection, UnsupportedType, ASYNC_FUTURE, isRawPtr, RAW_CONST_PTR, RAW_MUT_PTR, genericEnv, hasParam, implKey, implTypeName, intRange, isImplPrimitive, isIntKind, isOpaqueParam, substTy, sameTrackedModes, isMutRefParam, isWrappedMutRef, isMachine, smartPointerCall, SMART_POINTERS, tyKey, tyStr, type FnInfo, type SmartPointer, type Ty, type TypeScope } from '../resolver';
import { execTerminationWaived, type TerminationOptions } from './termination';
import { signatureErrors } from './signature';
import { recursionErrors, traitCycleErrors, type CallGraph } from './recursion';
import { invariantBlockErrors } from './invariant-blocks';
import { openBody, openBodyScope, scopeOf, specBodyVisible, within, type Scope } from './visibility';
import { checkReturnLifetimes } from './lifetimes';
import { C_ANY, C_BOOL, C_CHAR, C_INT, C_REAL, C_STR, C_NAT, C_SLICE_LEN, C_UNIT, IntVars, cTyStr, fromTy, isIntLike, isScalar, isSliceLen, shallow, substCTy, toTy, type CTy } from './types';
import { derivedTraits, externalDerives, hasExternalBody, hasVerifierAttr } from '../../syntax/attributes';
import { allowInSpecErrors, allowsInSpec, checkWhenUsedAsSpec, type WhenUsedAsSpec } from './when-used-as-spec';
import { broadcastCycleErrors, broadcastTargets, moduleBroadcastUses, moduleUseOf } from './broadcast';
import { isLibraryFile } from '../library/load';
import { findTypeInvariants, invariantNamed, invariantVisible, invisibleInvariantMessage } from './type-invariants';
import { MUT_REF_ARGUMENT, mutRefArgument, unsupportedGenerics } from './generic-params';
import { declaredCopy, holdsParam, isCopy, movesValue } from './copy';
import { prophecyErrors } from './prophecy';
import { printType } from '../printer';

/** Methods marker traits and `Fn` bounds give a type parameter (not modelled: their calls stay unsupported). */
const MARKER_METHODS: ReadonlySet<string> = new Set(['clone', 'clone_from', 'call', 'call_mut', 'call_once']);
import { printExpr } from '../printer';

// ---------------------------------------------------------------------------------------------
// Output

/** A binder of `forall` / `exists` / `choose` / `assert forall` (the AST node itself is the key). */
export type QuantParam = Extract<Expr, { k: 'quant' }>['params'][number];

export interface CheckError {
  message: string;
  sp: Sp;
}

export interface CheckedCrate {
  /** The type of each expression node the checker typed (literals always). */
  exprTypes: Map<Expr, Ty>;
  /** The type of each binding pattern (`let x`, `Some(v)`, ...) whose type is known. */
  bindingTypes: Map<Pat, Ty>;
  /**
   * The type of each quantifier / `choose` / `assert forall` binder, annotated or inferred from
   * its uses (`forall|i| f(i)`); a binder whose type stays unknown is an error of its function.
   */
  binderTypes: Map<QuantParam, Ty>;
  /** Type and mode errors of each function; a function with errors gets no verification conditions. */
  fnErrors: Map<FnItem, CheckError[]>;
  /** Errors in the value of a constant. */
  constErrors: Map<ConstItem, CheckError[]>;
  /** Datatypes that cannot exist (every variant needs a value of the type itself). */
  typeErrors: Map<StructItem | EnumItem, CheckError[]>;
  /**
   * User items named like a type the verifier builds in (`Option`, `Seq`, ...): Rust lets them
   * shadow it, the verifier resolves such names by name, so no function of the crate is checked.
   */
  shadowedBuiltins: { name: string; file: string; sp: Sp }[];
  /** Functions with a construct the checking phase cannot decide (check/lifetimes.ts): not verified. */
  fnUnsupported: Map<FnItem, CheckError>;
  /**
   * Calls (call or method-call expressions) in spec or proof code of an exec fn with
   * `#[verifier::when_used_as_spec(g)]`: the spec fn `g` each call means (check/when-used-as-spec.ts).
   */
  specCalls: Map<Expr, FnInfo>;
  /** Calls in ghost code of an exec fn with `#[verifier::allow_in_spec]`: its `returns` expression at the arguments. */
  allowInSpecCalls: Set<Expr>;
  /** The lemmas each `broadcast use` statement brings into scope, groups expanded (check/broadcast.ts). */
  broadcastUses: Map<Stmt, FnInfo[]>;
  /** The lemmas of the module-level `broadcast use` of each function's module, with that item's span. */
  moduleBroadcasts: Map<FnItem, { lemma: FnInfo; sp: Sp }[]>;
  /**
   * The generic arguments of each call (call or method-call expression) of a generic function, one
   * per entry of the callee's `generics` (the impl's first), in the caller's terms: they may
   * mention the caller's own generic parameters.
   */
  callTypeArgs: Map<Expr, Ty[]>;
  /**
   * Calls resolved through a trait: a method of a value of a type parameter (`x.m()`, `x: T`,
   * `T: Trait`): the trait's declaration of `m` (generic over `Self`, the receiver's type:
   * `callTypeArgs`); a default method a type's impl keeps: the trait's, at `Self` = that type; a
   * method of an impl for an integer type or `bool` (`x.m()`, `u8::m(..)`): that impl's method.
   */
  traitCalls: Map<Expr, FnInfo>;
  /**
   * Verus's operators on a user type that has the method: `x@` is `x.view()`, spec `x[i]` is
   * `x.spec_index(i)`, exec `x[i]` is `x.index(i)`; on a `Set` / `Map`, `a + b` is `a.spec_add(b)`
   * (also `-` `spec_sub`, `*` `spec_mul`, `<=` `spec_le`) when the library defines it. Each such expression maps to
   * the method call it means (a node the checker builds and types, with the operator's span and
   * the operator's own receiver and index expressions), which VC generation evaluates in its place.
   */
  operatorCalls: Map<Expr, Extract<Expr, { k: 'method' }>>;
  /** The `#[verifier::decreases_by]` proof fn each spec fn's `decreases_by(g)` names (check/termination-hints.ts). */
  decreasesBy: Map<FnItem, FnItem>;
  /**
   * Method calls on a built-in type (`Option`, `Seq`, `Set`, `Map`) that its built-in encoding
   * does not have, and the standard library's method each one calls (`s.no_duplicates()`).
   */
  libraryMethodCalls: Map<Expr, FnInfo>;
  /**
   * `x.borrow()` / `x.borrow_mut()` / `x.get()` of a `Tracked<T>` / `Ghost<T>` (Verus's builtins:
   * a `&T`, a `&mut T`, the value) and `x@` as an assignment's target: the value itself (a place,
   * for `borrow_mut` and `x@ = ..`), the wrapper and the reference being erased.
   */
  wrapperBorrows: Set<Expr>;
  /**
   * `x.view()` of an array or of a `Ghost<T>` / `Tracked<T>` (Verus's `x@` is that call): `x@`,
   * the array's sequence or the value the wrapper holds.
   */
  viewCalls: Set<Expr>;
  /**
   * `x.deep_view()` of a built-in type (check/deep-view.ts): the spec expression it stands for,
   * typed here, or the receiver itself when its deep view is its value.
   */
  deepViews: Map<Expr, Expr>;
  /**
   * rustc's deref coercion, in exec code, of a call's argument or a typed `let`'s value: a `Vec`
   * for a slice (`f(&v)` with `f(s: &[T])`, `let s: &[T] = &v;`) and a `String` for a `&str`, by
   * the library's `Vec::as_slice` / `String::as_str` call that stands for it.
   */
  derefCoercions: Map<Expr, Extract<Expr, { k: 'method' }>>;
  /** Each datatype's `#[verifier::type_invariant]` function (check/type-invariants.ts). */
  typeInvariants: Map<StructItem | EnumItem, FnItem>;
  /** Assignments to a place of a spec-mode variable: values no type invariant speaks of. */
  specWrites: Set<Expr>;
  /** Function items used as values (`let t = f;`, `call_requires(f, ..)`): the function each names. */
  fnValues: Map<Expr, FnInfo>;
  /**
   * Operations on a `union` (an enum with a variant per field): `U { x: e }` builds variant `x`,
   * `u.x` in exec / proof code reads it (an obligation that `x` is active), `is_variant(u, "x")`
   * tests it, `get_union_field::<_, T>(u, "x")` is its value (spec); over an enum,
   * `is_variant(e, "V")` and `get_variant_field::<_, T>(e, "V", "f")` likewise.
   */
  variantOps: Map<Expr, { op: 'build' | 'read' | 'is' | 'get'; variant: string; /** an enum's `get_variant_field`: the field */ field?: string }>;
  /** The loops that are isolated (Verus's default: `loop_isolation(false)` on neither the loop nor its function). */
  isolatedLoops: Set<Expr>;
  /** `r.clone()` that is the same value: of an `Rc` / `Arc` local (the types erase the pointer), of a reference to a type without `Clone`, of an integer, `bool` or `char`, or an array of them. */
  sharedClones: Set<Expr>;
  /** Calls of a trait method's default body at a type whose impl keeps it (`<u8 as T>::f(..)`): its `default_ensures` hold there */
  defaultBodyCalls: Set<Expr>;
  /** Each `as` cast from or to a float type (exec code): the same type (the value), or another one (`float_cast_spec`) */
  floatCasts: Map<Expr, 'same' | 'convert'>;
  /** Each call of Verus's `shr_ref_struct_wrap(r, &t, "V", "f")` the checker accepted: the variant (null: a struct) and the field (its value is `t`'s variant `V` with `f` := `*r`) */
  shrRefWraps: Map<Expr, { variant: string | null; field: string }>;
  /** `U` of a unit struct (`struct U;`) used as a value */
  unitStructs: Set<Expr>;
  /** a pattern naming a constant (`I`, `X::C`, of an integer type): matches values equal to the path's value */
  constPatterns: Map<Pat, Expr>;
  /**
   * The type each opaque type (`-> impl Tr`) of a function stands for, from what its body
   * returns: VC generation reads the function's own body and clauses at these types (callers
   * see only the opaque type and its bounds).
   */
  opaqueTypes: Map<FnItem, Map<string, Ty>>;
}

/** Type names the resolver and VC generation give a built-in meaning. */
const BUILTIN_TYPE_NAMES = new Set(['Option', 'Seq', 'Set', 'Map', 'Ghost', 'Tracked', 'Box', 'int', 'nat', 'bool']);

// ---------------------------------------------------------------------------------------------
// Modes

/** Where code runs: exec code is compiled; proof and spec code are ghost (erased). */
type CodeMode = 'exec' | 'proof' | 'spec';
/** What calling a value gives: a closure's, or an `Fn(A) -> B` bound's, signature. */
type CallSig = { k: 'sig'; params: CTy[]; ret: CTy };

/** A variable's mode: spec (ghost), tracked (proof), exec; `unknown` constrains nothing. */
type LocalMode = 'exec' | 'tracked' | 'spec' | 'unknown';

interface Local {
  ty: CTy;
  /** ghost (spec/proof) variable: never read by exec code */
  ghost: boolean;
  /**
   * An exec variable holding a `Ghost<T>` / `Tracked<T>` (whose type the resolver erases to `T`):
   * exec code may move it as a whole, but not compute with its (ghost) value; the mode of the
   * value inside (`Ghost` spec, `Tracked` proof).
   */
  wrapped?: 'spec' | 'proof';
  /** The type written for it (a parameter's, an annotated `let`'s): what rustc holds its value to. */
  declared?: TypeExpr;
  /** `let mut` / `mut x: T`; `uninit` for `let x;` (assigned later) */
  mutable: boolean | 'uninit';
  /** a `let ghost x` local: Verus declares it mutable (ghost code may assign it without `mut`) */
  ghostLet?: boolean;
  /** a `&mut T` parameter: the places behind it are mutable */
  mutRef: boolean;
  mode: LocalMode;
  /** `let x;`: whether it is assigned on every path that reaches the current point */
  cell?: { assigned: boolean };
  /** `let x;` without a type: typed by its first assignment (the pattern to record it on) */
  typedLater?: Pat;
  /**
   * The binding owns its value (a by-value parameter, `let x = e` of a value that is not a
   * reference): using it by value moves it when its type is not `Copy` (see `moved`). Bindings
   * whose ownership the checker cannot tell (match arms, references) are never moved.
   */
  owned?: boolean;
  /** The binding holds a reference (a `&T` / `&mut T` parameter, `let r = &x`). */
  ref?: boolean;
  /**
   * The binding holds a `Box<T>`, `Rc<T>` or `Arc<T>` (typed as the `T` it holds: the resolver
   * erases the pointer), which is moved, never copied; behind an `Rc` / `Arc` nothing is written.
   */
  boxed?: SmartPointer;
}

/** The checker's state that branches fork and join: definite initialization and moves. */
interface Flow {
  cells: boolean[];
  moved: Moved[];
}

/** A place moved out of: a local and a field path inside it (`''`: the whole local). */
interface Moved {
  local: Local;
  path: string;
}

/** What tells apart several impls of one trait for a type at a call (check/checker.ts `implMethod`). */
interface ImplChoice {
  /** the type's arguments: the receiver's, or written (`S::<u8>::m`) */
  selfArgs: () => readonly CTy[] | null;
  /** the trait's arguments written (`<S as T<u8>>::m`) */
  traitArgs?: () => Ty[] | null;
  /** the call's arguments, and the index of the first among the callee's parameters (1 after a receiver) */
  args: readonly Expr[];
  argOffset: number;
  ctx: Ctx;
  /** written `Self::m`: in one of the impls, that impl's own method */
  sameImpl?: boolean;
}

interface Ctx {
  code: CodeMode;
  fn: FnItem;
  scopes: Map<string, Local>[];
  retTy: CTy;
  /** the return value's expected mode (a `Ghost<T>` result is ghost) */
  retCode: CodeMode;
  /** inside the proof of an `assert .. by` / `assert forall .. by` */
  inAssertBy?: boolean;
  /** scopes below this depth are outside the `assert .. by` */
  outerDepth?: number;
  /** in an `ensures` clause: where `final(x)` may name a `&mut` parameter's value at the return */
  inEnsures?: boolean;
  /** inside a closure's body (a `return` there is the closure's) */
  inClosure?: boolean;
}

const ghost = (c: CodeMode): boolean => c !== 'exec';

/** The field path of a place below its root variable (`x.a.b` is `a.b`; an index, a deref end it). */
function fieldPath(e: Expr): string {
  const fields: string[] = [];
  let x = e;
  while (x.k === 'field' || x.k === 'index' || (x.k === 'unary' && x.op === '*')) {
    if (x.k === 'field') fields.unshift(x.name);
    else fields.length = 0; // (an element or a referent: the whole place below it)
    x = x.k === 'unary' ? x.e : x.recv;
  }
  return fields.join('.');
}
/**
 * A `#[trigger]` term in a quantifier's body that names a variable a `let` inside the body binds
 * (Verus: "let variables in triggers not supported"): its span, or null. `lets`: the names bound
 * so far on the way down.
 */
function triggerOnLetVariable(node: unknown, lets: ReadonlySet<string>): Sp | null {
  if (!node || typeof node !== 'object') return null;
  if (Array.isArray(node)) {
    for (const x of node) {
      const found = triggerOnLetVariable(x, lets);
      if (found) return found;
    }
    return null;
  }
  const o = node as { k?: string } & Record<string, unknown>;
  if (o.k === 'trigger' && lets.size) {
    const e = o as unknown as Extract<Expr, { k: 'trigger' }>;
    if (someNode(e.e, (x) => (x as Expr).k === 'path' && (x as Extract<Expr, { k: 'path' }>).segs.length === 1 && lets.has((x as Extract<Expr, { k: 'path' }>).segs[0]!))) return e.sp;
  }
  // (a nested quantifier's triggers are its own: a `let` outside it binds a free variable of it,
  // which its triggers may name; the checker visits it on its own)
  if (o.k === 'quant') return null;
  if (Array.isArray(o.stmts)) {
    const scope = new Set(lets);
    for (const st of o.stmts as Stmt[]) {
      const found = triggerOnLetVariable(st, scope);
      if (found) return found;
      if (st.k === 'let') someNode(st.pat, (x) => { if (x.k === 'bind') scope.add((x as unknown as { name: string }).name); return false; });
    }
    return null;
  }
  for (const key of Object.keys(o)) {
    if (key === 'sp') continue;
    const found = triggerOnLetVariable(o[key], lets);
    if (found) return found;
  }
  return null;
}

/**
 * Whether the statements after `stmts[index]` (up to one that binds `name` again) name `name` only
 * in assertions and assumptions: spec code, where a reference is a value and borrows nothing.
 */
function specUsesOnly(stmts: Stmt[], index: number, name: string): boolean {
  const names = (n: unknown) => someNode(n as Stmt, (x) => (x as Expr).k === 'path' && (x as Extract<Expr, { k: 'path' }>).segs.length === 1 && (x as Extract<Expr, { k: 'path' }>).segs[0] === name);
  for (let j = index + 1; j < stmts.length; j++) {
    const t = stmts[j]!;
    if (t.k === 'let' && t.pat.k === 'bind' && t.pat.name === name) return !t.init || !names(t.init);
    if (!names(t)) continue;
    if (t.k !== 'assert' && t.k !== 'assume') return false;
  }
  return true;
}

/** Whether two field paths of one variable overlap (one is a prefix of the other; `''` is all of it). */
function pathsOverlap(a: string, b: string): boolean {
  return a === b || a === '' || b === '' || a.startsWith(b + '.') || b.startsWith(a + '.');
}

/** An expression whose value is its last statement's (its statements keep their own code mode). */
const compoundTail = (e: Expr): boolean => e.k === 'if' || e.k === 'match' || e.k === 'block';

/**
 * The expressions whose value is a function body's result: its tail (through the tails of
 * `if`, `match` and blocks) and the values of its `return`s (not those of closures inside it).
 */
function resultExprs(body: Block): Set<Expr> {
  const out = new Set<Expr>();
  const tailOf = (b: Block): void => {
    const last = b.stmts[b.stmts.length - 1];
    if (last?.k === 'expr' && !last.semi) value(last.e);
  };
  const value = (e: Expr): void => {
    if (e.k === 'block') tailOf(e.block);
    else if (e.k === 'if') {
      tailOf(e.then);
      if (e.els) value(e.els);
    } else if (e.k === 'match') for (const a of e.arms) value(a.body);
    else out.add(e);
  };
  tailOf(body);
  const visit = (n: unknown): void => {
    if (!n || typeof n !== 'object') return;
    if (Array.isArray(n)) return n.forEach(visit);
    const x = n as { k?: string; e?: Expr | null };
    if (x.k === 'closure') return;
    if (x.k === 'return' && x.e) value(x.e);
    for (const v of Object.values(n)) if (v && typeof v === 'object') visit(v);
  };
  visit(body);
  return out;
}

/** The marker traits a proof closure implements when its flags say so. */
const PROOF_CLOSURE_MARKERS: ReadonlySet<string> = new Set(['Copy', 'Send', 'Sync']);

/**
 * Whether a proof closure with flags `found` may stand where `expected` flags are wanted: what may
 * be copied must be `Copy`, what may be called many times must not be `Once`, what is called
 * through a shared reference must be neither `Once` nor `Mut`, and `Send` / `Sync` are kept.
 */
function proofFlagsCover(expected: string[], found: string[]): boolean {
  const has = (fs: string[], f: string) => fs.includes(f);
  if (has(expected, 'Copy') && !has(found, 'Copy')) return false;
  if (has(expected, 'Send') && !has(found, 'Send')) return false;
  if (has(expected, 'Sync') && !has(found, 'Sync')) return false;
  if (!has(expected, 'Once') && has(found, 'Once')) return false;
  if (!has(expected, 'Once') && !has(expected, 'Mut') && has(found, 'Mut')) return false;
  return true;
}

/** The calls a specification's expanded form begins with (Verus's `builtin` header functions). */
const VERUS_HEADER_BUILTINS: ReadonlySet<string> = new Set(['requires', 'ensures', 'recommends', 'decreases', 'decreases_when', 'decreases_by', 'opens_invariants', 'opens_invariants_none', 'opens_invariants_any', 'no_unwind', 'no_unwind_when', 'returns', 'default_ensures']);

/** The first closure-type id of function items used as values (closure expressions count from 0). */
const FN_VALUE_IDS = 1_000_000;

/** Marks a `while` condition in `Checker.loopLabels` (not a label: no source label starts with `#`). */
const WHILE_CONDITION = '#while-condition';

/** Whether a `break` appears anywhere inside `b` (any loop, any label). */
function mentionsBreak(b: Block): boolean {
  return someNode(b, (n) => n.k === 'break');
}

class CheckFailed extends Error {}

/** The smart pointer written type `t` is (`Box<..>`, `Rc<..>`, `Arc<..>`: the resolver erases it to what it holds), or undefined. */
function pointerOf(t: TypeExpr | null | undefined): SmartPointer | undefined {
  return t?.k === 'path' && SMART_POINTERS.has(t.name) ? (t.name as SmartPointer) : undefined;
}
/** Whether a pointer shares what it holds (`Rc`, `Arc`: nothing behind it is written). */
function isShared(ptr: SmartPointer | string | undefined): ptr is 'Rc' | 'Arc' {
  return ptr === 'Rc' || ptr === 'Arc';
}
/** Whether written type `t` holds an `Rc` / `Arc` below its top (a tuple's element, a generic argument, ..). */
function nestedShared(t: TypeExpr, top = true): boolean {
  const here = !top && t.k === 'path' && isShared(t.name);
  if (here) return true;
  switch (t.k) {
    case 'path': return t.args.some((a) => nestedShared(a, false));
    case 'tuple': return t.elems.some((a) => nestedShared(a, false));
    case 'array': case 'slice': return nestedShared(t.elem, false);
    // (`&mut Rc<T>`: a write of `**r` would reach what the `Rc` shares)
    case 'ref': return nestedShared(t.inner, top && !t.mut);
    default: return false;
  }
}

/** A type the resolver erases to what it wraps (`&T`, `Box<T>`, `Ghost<T>`, `Tracked<T>`), anywhere in `t`. */
function erasedWrapper(t: TypeExpr): boolean {
  if (t.k === 'ref') return true;
  if (t.k === 'path') return ['Box', 'Rc', 'Arc', 'Ghost', 'Tracked'].includes(t.name) || t.args.some(erasedWrapper);
  if (t.k === 'array' || t.k === 'slice') return erasedWrapper(t.elem);
  if (t.k === 'tuple') return t.elems.some(erasedWrapper);
  return false;
}

/** A `Ghost<T>` / `Tracked<T>` type: the value is ghost even in an exec signature. */
/** The generic arguments written at a call (`f::<T>(..)`, `S::<T>::f(..)`, `x.m::<T>(..)`). */
function writtenGenerics(call: Expr): TypeExpr[] {
  return call.k === 'call' && call.callee.k === 'path' ? call.callee.generics : call.k === 'method' ? call.generics : [];
}

/** Verus's functions of a `&mut` value's current and final values (`final` has its own rules). */
const PROPHECY_BUILTINS: ReadonlySet<string> = new Set(['mut_ref_current', 'mut_ref_future', 'has_resolved', 'after_borrow']);

/** A local variable, possibly with dereferences or field accesses (`x`, `*x`, `x.f.0`). */
function isLocalPlace(e: Expr): boolean {
  if (e.k === 'path') return e.segs.length === 1;
  if (e.k === 'field') return isLocalPlace(e.recv);
  if (e.k === 'unary' && e.op === '*') return isLocalPlace(e.e);
  return false;
}

/**
 * `#[verifier::loop_isolation(false)]` on the function, or (without its own) at the top of its
 * module: its loops see the facts before them.
 */
function withoutLoopIsolation(f: FnItem): boolean {
  for (const a of f.attrs) {
    const m = /^verifier(?:::loop_isolation\((true|false)\)|\(loop_isolation\((true|false)\)\))$/.exec(a);
    if (m) return (m[1] ?? m[2]) === 'false';
  }
  return f.moduleLoopIsolation === false;
}

function ghostWrapper(t: TypeExpr | null | undefined): 'spec' | 'proof' | null {
  if (!t) return null;
  if (t.k === 'ref') return ghostWrapper(t.inner);
  if (t.k === 'path' && t.name === 'Ghost') return 'spec';
  if (t.k === 'path' && t.name === 'Tracked') return 'proof';
  return null;
}

/** What a value is wrapped in, as far as rustc's types say: `Ghost<T>`, `Tracked<T>`, or neither. */
type WrapperKind = 'spec' | 'proof' | 'none';

/** Types that are never a `Ghost` / `Tracked` (the resolver erases the wrappers, rustc does not). */
const UNWRAPPED_TYPE_NAMES: ReadonlySet<string> = new Set(['u8', 'u16', 'u32', 'u64', 'u128', 'usize', 'i8', 'i16', 'i32', 'i64', 'i128', 'isize', 'int', 'nat', 'bool', 'char', 'str', 'String', 'Option', 'Vec', 'Seq', 'Set', 'Map', 'Multiset']);

const COMPARISONS = new Set(['==', '!=', '<', '<=', '>', '>=']);
const BIT_OPS = new Set(['&', '|', '^']);

// ---------------------------------------------------------------------------------------------

export function checkCrate(crate: Crate, options: TerminationOptions = {}): CheckedCrate {
  return new Checker(crate, options).run();
}

/** Verus's error for a use of an `#[verifier::external]` function or constant (Verus reads a constant as a function). */
function ignoredUse(name: string, sp: Sp, why = ''): ResolveError {
  return new ResolveError(`cannot use function \`${name}\` which is ignored${why}`, sp);
}

class Checker {
  private vars = new IntVars();
  private types = new Map<Expr, CTy>();
  /** every literal with the value its type must hold (negated under a unary minus) */
  private literals: { e: Expr; value: bigint; fn: FnItem | null; konst: ConstItem | null; exec: boolean }[] = [];
  private errors: CheckError[] = [];
  private bindings = new Map<Pat, CTy>();
  private out: CheckedCrate = { exprTypes: new Map(), bindingTypes: new Map(), binderTypes: new Map(), fnErrors: new Map(), constErrors: new Map(), typeErrors: new Map(), shadowedBuiltins: [], fnUnsupported: new Map(), specCalls: new Map(), allowInSpecCalls: new Set(), broadcastUses: new Map(), moduleBroadcasts: new Map(), callTypeArgs: new Map(), traitCalls: new Map(), operatorCalls: new Map(), decreasesBy: new Map(), libraryMethodCalls: new Map(), wrapperBorrows: new Set(), viewCalls: new Set(), deepViews: new Map(), derefCoercions: new Map(), typeInvariants: new Map(), specWrites: new Set(), fnValues: new Map(), variantOps: new Map(), isolatedLoops: new Set(), sharedClones: new Set(), floatCasts: new Map(), defaultBodyCalls: new Set(), shrRefWraps: new Map(), unitStructs: new Set(), opaqueTypes: new Map(), constPatterns: new Map() };

  constructor(private crate: Crate, private options: TerminationOptions) {}

  run(): CheckedCrate {
    for (const f of this.crate.files) if (isLibraryFile(f.path)) for (const it of f.items) if (it.k === 'fn') this.libraryFns.add(it);
    for (const f of this.crate.files) {
      for (const it of f.items) if ((it.k === 'struct' || it.k === 'enum' || it.k === 'type') && BUILTIN_TYPE_NAMES.has(it.name)) this.out.shadowedBuiltins.push({ name: it.name, file: f.path, sp: it.sp });
    }
    this.checkWellFounded();
    const invariants = findTypeInvariants(this.crate);
    this.out.typeInvariants = invariants.byType;
    const perFn: { fn: FnItem; errors: CheckError[] }[] = [];
    const moduleUses = moduleBroadcastUses(this.crate.files);
    const moduleTargets = new Map([...moduleUses.values()].map((u) => [u.item, broadcastTargets(this.crate, u.item.names, null)]));
    const defaultGroup = this.crate.broadcastGroups.get('group_vstd_default')?.filter((g) => isLibraryFile(g.file)) ?? [];
    const vstdDefaults = defaultGroup.length === 1 ? broadcastTargets(this.crate, [{ segs: ['group_vstd_default'], sp: defaultGroup[0]!.item.sp }], null).lemmas : [];
    // trait method declarations: their signatures and clauses, read by generic callers
    // (a default method is an item of its file, checked below)
    for (const decl of this.traitDecls().filter((d) => !d.body)) perFn.push({ fn: decl, errors: this.guard(() => this.checkFn(decl), decl) });
    for (const f of this.crate.files) {
      for (const it of f.items) {
        if (it.k === 'const') {
          this.currentConst = it;
          this.out.constErrors.set(it, this.guard(() => this.checkConst(it)));
          this.currentConst = null;
        }
        if (it.k === 'fn') {
          const errors = this.guard(() => this.checkFn(it), it);
          // an impl method's conformance to its trait (traits.ts)
          if (it.traitImpl?.errors) errors.unshift(...it.traitImpl.errors);
          // a place used while a local `&mut` borrow of it lasts (local-borrows.ts)
          if (it.borrowErrors) errors.unshift(...it.borrowErrors);
          if (it.traitImpl?.unsupported && !this.out.fnUnsupported.has(it)) this.out.fnUnsupported.set(it, it.traitImpl.unsupported);
          const mu = moduleUseOf(moduleUses, f.path, it);
          if (mu) {
            const tg = moduleTargets.get(mu.item)!;
            errors.push(...tg.errors);
            for (const extra of mu.extra) errors.push({ message: 'only one module-level `broadcast use` allowed for each module', sp: extra.sp });
            if (tg.unsupported && !this.out.fnUnsupported.has(it)) this.out.fnUnsupported.set(it, tg.unsupported);
            this.out.moduleBroadcasts.set(it, tg.lemmas.map((lemma) => ({ lemma, sp: mu.item.sp })));
            for (const lemma of tg.lemmas) this.useLemma(it, lemma.item, mu.item.sp);
          }
          const lt = checkReturnLifetimes(it, (e) => this.calleeItem(e, it));
          errors.push(...lt.errors);
          if (lt.unsupported) this.out.fnUnsupported.set(it, lt.unsupported);
          perFn.push({ fn: it, errors });
        }
      }
    }
    // literal types are known only now: range checks and the output types
    const opaque = new Set(this.opaqueVars.map((id) => this.vars.find(id)));
    for (const lit of this.literals) {
      const t = shallow(this.types.get(lit.e) ?? C_ANY, this.vars);
      const kind = t.k === 'int' ? t.kind : t.k === 'ivar' ? this.vars.resolved(t.id) : null;
      if (t.k === 'ivar' && opaque.has(this.vars.find(t.id))) continue;
      const report = (err: CheckError) => {
        const entry = lit.fn ? perFn.find((p) => p.fn === lit.fn) : null;
        if (entry) entry.errors.push(err);
        else if (lit.konst) {
          const errs = this.out.constErrors.get(lit.konst) ?? [];
          errs.push(err);
          this.out.constErrors.set(lit.konst, errs);
        }
      };
      // an unsuffixed literal in exec code is a machine integer (rustc has no `int`/`nat`)
      if (lit.exec && kind && !isMachine(kind) && lit.e.k === 'int' && !lit.e.suffix) report({ message: `mismatched types: expected \`${kind}\`, found integer (\`${kind}\` values exist only in ghost code)`, sp: lit.e.sp });
      // Verus: negation of a `nat` is an `int` (`-1` never is a `nat`)
      if (kind === 'nat' && lit.value < 0n) report({ message: 'mismatched types: expected `nat`, found `int`', sp: lit.e.sp });
      if (!kind || !isMachine(kind)) continue;
      const r = intRange(kind);
      if (lit.value < r.min! || lit.value > r.max!) report({ message: `literal out of range for \`${kind}\`: \`${lit.value}\` does not fit into the type \`${kind}\` whose range is \`${r.min}..=${r.max}\``, sp: lit.e.sp });
      // (rustc reads it at the host's 64 bits; the proofs also hold at 32, where it does not fit)
      else if (lit.exec && (kind === 'usize' || kind === 'isize') && this.crate.wordBits === null && (lit.value > (kind === 'usize' ? 0xffff_ffffn : 0x7fff_ffffn) || lit.value < -0x8000_0000n)) {
        const gap = { message: `a \`${kind}\` literal beyond 32 bits while the width of usize is not fixed (\`global size_of usize == 8;\`)`, sp: lit.e.sp };
        if (lit.fn) {
          if (!this.out.fnUnsupported.has(lit.fn)) this.out.fnUnsupported.set(lit.fn, gap);
        } else report(gap);
      }
    }
    // rustc E0391: a constant whose value reads itself (through other constants)
    for (const c of this.constDeps.keys()) {
      const seen = new Set<ConstItem>();
      const work = [...this.constDeps.get(c)!.consts];
      while (work.length) {
        const x = work.pop()!;
        if (x === c) {
          this.out.constErrors.set(c, [...(this.out.constErrors.get(c) ?? []), { message: `cycle detected when evaluating the constant \`${c.name}\``, sp: c.sp }]);
          break;
        }
        if (!seen.has(x)) seen.add(x), work.push(...(this.constDeps.get(x)?.consts ?? []));
      }
    }
    // a function reading a constant whose definition has errors has no trustworthy value for it
    for (const u of this.constUses) {
      if (this.out.constErrors.get(u.konst)?.length) perFn.find((p) => p.fn === u.fn)?.errors.push({ message: `uses the constant \`${u.konst.name}\`, which has errors`, sp: u.sp });
    }
    // vstd's default broadcast group holds in every function of a crate that uses the library, as
    // in Verus (the library's axioms of its external types: multiset.rs); a lemma without type
    // parameters, whose facts are about particular terms such as `size_of::<u8>()`, only where the
    // function's code reaches one of its spec fns, as Verus's triggers on those terms would (ground
    // facts elsewhere only slow the solver). (After every function is checked: the call graph is
    // complete, the library's lemmas included.)
    if (vstdDefaults.length) {
      for (const { fn: it } of perFn) {
        if (this.libraryFns.has(it)) continue;
        const have = this.out.moduleBroadcasts.get(it) ?? [];
        const reached = this.specFnsReached(it);
        const relevant = (l: (typeof vstdDefaults)[number]) => l.item.generics.length > 0 || [...(this.graph.calls.get(l.item) ?? [])].some((c) => reached.has(c));
        this.out.moduleBroadcasts.set(it, [...have, ...vstdDefaults.filter((l) => !have.some((h) => h.lemma === l) && relevant(l)).map((lemma) => ({ lemma, sp: it.nameSp }))]);
      }
    }
    this.constEdges();
    // a call of a trait method declaration may run any impl's method: the cycles through them
    for (const decl of this.traitDecls()) this.graph.calls.set(decl, new Set([...(this.graph.calls.get(decl) ?? []), ...this.implsOf(decl)]));
    for (const [fn, errs] of recursionErrors(this.graph, this.options)) perFn.find((p) => p.fn === fn)?.errors.push(...errs);
    for (const [fn, errs] of traitCycleErrors(this.graph, new Set(this.traitDecls()))) perFn.find((p) => p.fn === fn)?.errors.push(...errs);
    // a call of a trait method whose declaration has errors or is not supported
    for (const u of this.declUses) {
      const gap = this.out.fnUnsupported.get(u.decl);
      if (gap && !this.out.fnUnsupported.has(u.fn)) this.out.fnUnsupported.set(u.fn, gap);
      if (perFn.find((p) => p.fn === u.decl)?.errors.length) perFn.find((p) => p.fn === u.fn)?.errors.push({ message: `uses the trait method \`${u.decl.selfType}::${u.decl.name}\`, whose declaration has errors`, sp: u.sp });
    }
    for (const [fn, errs] of broadcastCycleErrors(this.graph.calls, this.lemmaUses)) perFn.find((p) => p.fn === fn)?.errors.push(...errs);
    this.fnValueCycles(perFn);
    for (const [fn, err] of decreasesByCycles(this.out.decreasesBy, this.graph.calls)) perFn.find((p) => p.fn === fn)?.errors.push(err);
    for (const pr of invariants.problems) {
      if (pr.unsupported) {
        if (!this.out.fnUnsupported.has(pr.fn)) this.out.fnUnsupported.set(pr.fn, { message: pr.message, sp: pr.sp });
      } else {
        const entry = perFn.find((p) => p.fn === pr.fn);
        if (entry) entry.errors.push({ message: pr.message, sp: pr.sp });
        else perFn.push({ fn: pr.fn, errors: [{ message: pr.message, sp: pr.sp }] });
      }
    }
    for (const p of perFn) if (p.errors.length) this.out.fnErrors.set(p.fn, p.errors);
    for (const [e, t] of this.types) {
      const ty = toTy(t, this.vars);
      if (ty) this.out.exprTypes.set(e, ty);
    }
    for (const [p, t] of this.bindings) {
      const ty = toTy(t, this.vars);
      if (ty) this.out.bindingTypes.set(p, ty);
    }
    for (const [p, t] of this.binders) {
      const ty = toTy(t, this.vars);
      if (ty) this.out.binderTypes.set(p, ty);
    }
    return this.out;
  }

  private currentFn: FnItem | null = null;
  /** Checking the value of a plain `const` (exec and spec at once). */
  private dualConst = false;
  /** The functions of the standard library (library/load.ts), which see its private fields. */
  private libraryFns = new Set<FnItem>();
  /** while checking the body of an open spec fn: where that body is visible (check/visibility.ts) */
  private openScope: Scope | undefined = undefined;
  /** While `openScope` is that of a public function's clause (not of an open body): which clause. */
  private openClause: 'requires' | 'ensures' | 'opens_invariants' | null = null;
  private openBodyError(message: string | null, sp: Sp): void {
    if (message) this.error(this.openClause ? message.replace('in pub open spec function', `in '${this.openClause}' clause of public function`) : message, sp);
  }
  /** calls and `reveal_with_fuel`s of every function checked (check/recursion.ts) */
  private graph: CallGraph = { calls: new Map(), fuels: [] };
  /** while checking a trusted (`external_body`) body: what it holds does not make its function unsupported */
  private trustedBody = false;
  /** while checking a proof fn with a `tracked` result: the expressions whose values it is */
  private trackedResults: ReadonlySet<Expr> = new Set();
  /** Closure expressions written as arguments for a parameter with an `Fn` bound (`callFn`). */
  private closureArgsTaken = new Set<Expr>();
  /** Each call of a proof closure: whether its result is tracked (else it is a spec value). */
  private proofClosureCalls = new Map<Expr, boolean>();
  /**
   * The function being checked uses a construct that is read but not modelled: it is `unsupported`
   * there (the first one), and its check stops (what follows could not be judged either).
   */
  private unsupportedHere(message: string, sp: Sp): never {
    if (this.currentFn && !this.trustedBody && !this.out.fnUnsupported.has(this.currentFn)) this.out.fnUnsupported.set(this.currentFn, { message, sp });
    throw new CheckFailed();
  }
  /** the broadcast lemmas each function uses, in its body or through its module (check/broadcast.ts) */
  private lemmaUses = new Map<FnItem, { lemma: FnItem; sp: Sp }[]>();
  private useLemma(fn: FnItem, lemma: FnItem, sp: Sp): void {
    this.lemmaUses.set(fn, [...(this.lemmaUses.get(fn) ?? []), { lemma, sp }]);
  }
  /** every read of a constant inside a function (a constant with errors taints its readers) */
  private constUses: { fn: FnItem; konst: ConstItem; sp: Sp }[] = [];
  /** every binder's (working) type, and those of the item being checked */
  private binders = new Map<QuantParam, CTy>();
  private itemBinders: QuantParam[] = [];

  /** A binder's type: its annotation, or a type variable its uses fix (`forall|i| f(i)`). */
  private binderType(p: QuantParam, ctx: Ctx): CTy {
    const t = p.ty.k === 'infer' ? this.vars.freshType() : this.resolve(p.ty, ctx.fn ?? null);
    this.binders.set(p, t);
    this.itemBinders.push(p);
    return t;
  }
  private currentConst: ConstItem | null = null;
  /** What each constant's value calls, names as a function value, and reads of other constants. */
  private constDeps = new Map<ConstItem, { calls: Set<FnItem>; values: { target: FnInfo; e: Expr }[]; consts: Set<ConstItem> }>();
  private constDepsOf(c: ConstItem): { calls: Set<FnItem>; values: { target: FnInfo; e: Expr }[]; consts: Set<ConstItem> } {
    return this.constDeps.get(c) ?? this.constDeps.set(c, { calls: new Set(), values: [], consts: new Set() }).get(c)!;
  }
  /**
   * A function reading a constant depends on what the constant's value calls or names as a
   * function value (through other constants too): edges of the call graph, and function-value
   * uses of the reading function, so that a cycle through a constant (`spec const x: bool =
   * call_requires(f, (0,))` read in `f`'s `requires`) is the recursion or cyclic-dependency
   * error it would be written inline.
   */
  private constEdges(): void {
    const reach = (c: ConstItem, seen: Set<ConstItem>): { calls: Set<FnItem>; values: { target: FnInfo; e: Expr }[] } => {
      const d = this.constDeps.get(c);
      if (!d || seen.has(c)) return { calls: new Set(), values: [] };
      seen.add(c);
      const out = { calls: new Set(d.calls), values: [...d.values] };
      for (const c2 of d.consts) {
        const r = reach(c2, seen);
        r.calls.forEach((f) => out.calls.add(f));
        out.values.push(...r.values);
      }
      return out;
    };
    for (const u of this.constUses) {
      const r = reach(u.konst, new Set());
      if (!r.calls.size && !r.values.length) continue;
      const calls = this.graph.calls.get(u.fn) ?? new Set();
      r.calls.forEach((f) => calls.add(f));
      r.values.forEach((v) => calls.add(v.target.item));
      this.graph.calls.set(u.fn, calls);
      for (const v of r.values) this.fnValueUses.push({ user: u.fn, target: v.target, e: v.e });
    }
  }
  /** the first construct of the item being checked read but not understood (an `unsupported` node) */
  private sawUnsupported: { what: string; sp: Sp } | null = null;
  /** the loops around the expression being checked, innermost last */
  private loops: { label?: string; isolated: boolean; decreases: boolean; written: Set<Local>; captured: Map<Local, Sp> }[] = [];
  /**
   * The locals a closure (not `move`) of the function borrows, with the closure's span: writing one
   * later while the closure may still be called is rustc's borrow error, and the closure's facts
   * speak of the captured value (vcgen/closures.ts), so such a write is not modelled.
   */
  private closureBorrows = new Map<Local, Sp>();
  /** the labels of the loops around the expression being checked (`undefined`: unlabelled) */
  private loopLabels: (string | undefined)[] = [];
  /** the `let x;` variables of the function being checked (definite initialization, as rustc) */
  private cells: { assigned: boolean }[] = [];

  /** The code mode the value of an `if` / `match` / block is computed in, when it is a function's result (see `block`). */
  private tailCodes = new Map<Expr, CodeMode>();
  /** Places moved out of on some path to the current point (rustc's move check, see `useOfPlace`). */
  private moved: Moved[] = [];
  /** In statements after one that diverges in the same block: no path reaches them. */
  private unreachable = false;
  /** How the parent uses the place expression inferred next: by value, borrowed, as the base of a longer place, or written. */
  private placeUse: 'value' | 'borrow' | 'base' | 'write' = 'value';

  private snap(): Flow {
    return { cells: this.cells.map((c) => c.assigned), moved: [...this.moved] };
  }

  /**
   * After branches: assigned where every branch that goes on assigned it (null: diverges); moved
   * where some branch that goes on moved it (rustc: a value maybe moved cannot be used).
   */
  private join(before: Flow, branches: (Flow | null)[]): void {
    const live = branches.filter((b): b is Flow => b !== null);
    before.cells.forEach((_, i) => (this.cells[i]!.assigned = live.length ? live.every((b) => b.cells[i]) : true));
    this.moved = [...before.moved];
    for (const b of live) for (const m of b.moved) if (!this.moved.includes(m)) this.moved.push(m);
  }

  private restore(before: Flow): void {
    before.cells.forEach((v, i) => (this.cells[i]!.assigned = v));
    this.moved = [...before.moved];
  }

  /** The user function each call expression calls (read by the prophecy check). */
  private callees = new Map<Expr, FnItem>();

  /** Runs one item's check; a resolver error ends that item's check as its error. */
  private guard(f: () => void, fn: FnItem | null = null): CheckError[] {
    this.errors = [];
    this.cells = [];
    this.closureBorrows = new Map();
    this.refBorrows = new Map();
    this.blockPositions = [];
    this.currentFn = fn;
    this.itemBinders = [];
    this.pendingGeneric = [];
    this.deferred = [];
    this.moved = [];
    this.unreachable = false;
    this.placeUse = 'value';
    this.sawUnsupported = null;
    try {
      f();
      if (fn && !this.errors.length) this.errors.push(...prophecyErrors(fn, { callee: (call) => this.callees.get(call) ?? null }));
      if (fn && !this.errors.length) this.errors.push(...invariantBlockErrors(fn, { callee: (call) => this.callees.get(call) ?? null }));
      // like rustc: a binder's type must be known once the whole item is typed (unless part of
      // the item was not typed: a construct read but not understood may be what fixes it)
      if (!this.sawUnsupported) for (const p of this.itemBinders) if (shallow(this.binders.get(p)!, this.vars).k === 'tvar') this.error(`type annotations needed: cannot infer the type of \`${p.name}\``, p.sp);
      if (fn) this.writtenTypeBounds(fn);
      this.resolveGenericArgs();
      // VC generation would stop at that construct: the function is unsupported there (without
      // reaching what the construct left untyped)
      const seen = this.sawUnsupported as { what: string; sp: Sp } | null;
      if (seen && fn && !this.errors.length && !this.out.fnUnsupported.has(fn)) this.out.fnUnsupported.set(fn, { message: `unsupported: ${seen.what}`, sp: seen.sp });
    } catch (e) {
      // a type read but given no meaning (a raw pointer): the function is unsupported, not wrong
      if (e instanceof UnsupportedType && fn) {
        if (!this.out.fnUnsupported.has(fn)) this.out.fnUnsupported.set(fn, { message: `unsupported: ${e.message}`, sp: e.sp });
      } else if (e instanceof ResolveError) this.errors.push({ message: e.message, sp: e.sp });
      else if (!(e instanceof CheckFailed)) throw e;
    }
    return this.errors;
  }

  private error(message: string, sp: Sp): void {
    this.errors.push({ message, sp });
  }

  // -------------------------------------------------------------------------------------------
  // Items

  /**
   * Every datatype needs a variant that can be built without a value of the type itself (Verus:
   * "datatype must have at least one non-recursive variant"); otherwise its SMT declaration is
   * not well founded. Computed as a least fixpoint over the crate's types.
   */
  private checkWellFounded(): void {
    const all: (StructItem | EnumItem)[] = [];
    for (const f of this.crate.files) for (const it of f.items) if (it.k === 'struct' || it.k === 'enum') all.push(it);
    const items = all.filter((it) => !it.generics.length);
    const founded = new Set<string>();
    const ok = (t: Ty): boolean => {
      switch (t.k) {
        case 'struct': return founded.has(t.name);
        case 'enum': return t.name === 'Option' || founded.has(t.name);
        case 'tuple': return t.elems.every(ok);
        // (a `spec_fn`'s every value gives results: it needs one of its result type, as in Verus)
        case 'fn': return ok(t.ret);
        // integers, bool, Seq/Set/Map (which can be empty) and arrays (a container, as in Verus)
        default: return true;
      }
    };
    const fieldTypes = (it: StructItem | EnumItem): Ty[][] | null => {
      try {
        if (it.k === 'struct') return [it.fields.map((f) => this.crate.resolveType(f.ty, it))];
        return it.variants.map((v) => v.fields.map((f) => this.crate.resolveType(f.ty, it)));
      } catch {
        return null; // an unresolvable field type is reported where the type is used
      }
    };
    const variants = new Map(items.map((it) => [it, fieldTypes(it)]));
    // generic datatypes, read from their syntax: a type parameter that accepts recursive types
    // may be the datatype itself, so a variant needing one is not ground
    const params = new Map(all.map((it) => [it, this.typeParamAttrs(it)]));
    const okSyntax = (it: StructItem | EnumItem, t: TypeExpr): boolean => {
      switch (t.k) {
        case 'array': return true;
        case 'tuple': return t.elems.every((x) => okSyntax(it, x));
        case 'ref': return okSyntax(it, t.inner);
        case 'slice': return true;
        case 'fn': return okSyntax(it, t.ret);
        case 'path':
          if (it.generics.includes(t.name)) return !params.get(it)!.accept.has(t.name);
          if (t.name === 'Box' || t.name === 'Ghost' || t.name === 'Tracked') return t.args.every((x) => okSyntax(it, x));
          return !all.some((x) => x.name === t.name) || founded.has(t.name);
        default: return true;
      }
    };
    const generic = all.filter((it) => it.generics.length);
    // an external_body datatype is opaque: its values exist without looking inside
    for (const it of all) if (hasExternalBody(it.attrs)) founded.add(it.name);
    const syntaxVariants = (it: StructItem | EnumItem): TypeExpr[][] => (it.k === 'struct' ? [it.fields.map((f) => f.ty)] : it.variants.map((v) => v.fields.map((f) => f.ty)));
    for (let changed = true; changed; ) {
      changed = false;
      for (const it of items) {
        if (founded.has(it.name)) continue;
        const vs = variants.get(it);
        if (!vs || vs.some((fields) => fields.every(ok))) {
          founded.add(it.name);
          changed = true;
        }
      }
      for (const it of generic) {
        if (founded.has(it.name) || hasExternalBody(it.attrs)) continue;
        if (syntaxVariants(it).some((fields) => fields.every((t) => okSyntax(it, t)))) {
          founded.add(it.name);
          changed = true;
        }
      }
    }
    const addError = (it: StructItem | EnumItem, message: string) => {
      const errs = this.out.typeErrors.get(it) ?? [];
      errs.push({ message, sp: it.sp });
      this.out.typeErrors.set(it, errs);
    };
    for (const it of all) {
      if (hasExternalBody(it.attrs)) continue;
      if (!founded.has(it.name)) addError(it, `datatype must have at least one non-recursive variant (every value of \`${it.name}\` would contain another one)`);
    }
    this.checkPositivity(all, params, syntaxVariants, addError);
    // a `&mut` field: mutation through it is not modelled (as for local `&mut` references)
    for (const it of all) {
      if (it.attrs?.some((a) => a.includes('external'))) continue;
      if (syntaxVariants(it).some((fields) => fields.some((t) => t.k === 'ref' && t.mut))) addError(it, `not supported: a \`&mut\` field in \`${it.name}\` (mutation through it would not reach the borrowed place)`);
      // (an `Rc` / `Arc` field: the types erase it, and what is behind it is not refused a write)
      else if (syntaxVariants(it).some((fields) => fields.some((t) => nestedShared(t, false)))) addError(it, `not supported: an \`Rc\` / \`Arc\` in a field of \`${it.name}\` (the types erase the pointer)`);
    }
    for (const it of all) if (it.k === 'struct' && it.attrs?.includes('is_variant')) addError(it, '#[is_variant] is only allowed on enums');
    // #[derive(Structural)] needs every field's datatype to be Structural too (rustc trait bound)
    const derives = (it: StructItem | EnumItem, what: string) => derivedTraits(it.attrs).includes(what);
    const byName = new Map(all.map((it) => [it.name, it]));
    // rustc E0204: `#[derive(Copy)]` needs every field to be `Copy` (a type parameter gets a
    // `Copy` bound from the derive); here the fields known not to be: a `&mut`, a `Box`, a
    // datatype (the crate's or the library's) that does not derive `Copy`
    const notCopy = (t: TypeExpr): string | null => {
      switch (t.k) {
        case 'ref': return t.mut ? '&mut' : null;
        case 'tuple': return t.elems.map(notCopy).find((x) => x) ?? null;
        case 'array': case 'slice': return notCopy(t.elem);
        case 'path': {
          if (t.name === 'Ghost') return null;
          if (pointerOf(t) && !byName.has(t.name)) return t.name;
          if ((t.name === 'Tracked' || t.name === 'Option') && !byName.has(t.name)) return t.args.map(notCopy).find((x) => x) ?? null;
          const def = this.crate.structs.get(t.name)?.[0] ?? this.crate.enums.get(t.name)?.[0];
          if (!def) return null;
          if (!declaredCopy(def.item, this.crate)) return t.name;
          // (a library datatype that derives `Copy` is `Copy` at every argument: `PPtr<V>`,
          // `PhantomData<T>`; the crate's, at `Copy` arguments, as the derive bounds them)
          return isLibraryFile(def.file) ? null : t.args.map(notCopy).find((x) => x) ?? null;
        }
        default: return null;
      }
    };
    for (const it of all) {
      if (!declaredCopy(it, this.crate) || it.attrs?.some((a) => a.includes('external'))) continue;
      const bad = syntaxVariants(it).flat().map(notCopy).find((x) => x);
      if (bad) addError(it, `the trait \`Copy\` cannot be implemented for this type (\`${it.name}\` has a field of type \`${bad}\`, which is not \`Copy\`)`);
    }
    for (const it of all) {
      if (!derives(it, 'Structural')) continue;
      for (const fields of syntaxVariants(it)) {
        for (const f of fields) {
          const other = f.k === 'path' ? byName.get(f.name) : undefined;
          if (other && !derives(other, 'Structural')) addError(it, `the trait bound \`${other.name}: Structural\` is not satisfied (field of \`${it.name}\`, which derives Structural)`);
        }
      }
    }
  }

  /** The spec fns `f`'s code calls, and the ones their bodies call, transitively. */
  private specFnsReached(f: FnItem): Set<FnItem> {
    const out = new Set<FnItem>();
    const seen = new Set<FnItem>();
    const queue = [...(this.graph.calls.get(f) ?? [])];
    while (queue.length) {
      const g = queue.pop()!;
      if (seen.has(g)) continue;
      seen.add(g);
      // (a library exec / proof function is its contract: what it states is reached by its callers)
      if (g.mode !== 'spec' && !this.libraryFns.has(g)) continue;
      if (g.mode === 'spec') out.add(g);
      queue.push(...(this.graph.calls.get(g) ?? []));
    }
    return out;
  }

  /** The `accept_recursive_types` / `reject_recursive_types` attributes of a datatype's type parameters. */
  private typeParamAttrs(it: StructItem | EnumItem): { accept: Set<string>; reject: Set<string>; errors: string[] } {
    const accept = new Set<string>();
    const reject = new Set<string>();
    const errors: string[] = [];
    for (const a of it.attrs ?? []) {
      // `verifier::reject_recursive_types(A)` or `verifier(reject_recursive_types(A))`
      const m = /^(?:verifier::|verifier\()?(accept_recursive_types|reject_recursive_types|reject_recursive_types_in_ground_variants)\((\w+)\)\)?$/.exec(a);
      if (!m) continue;
      const p = m[2]!;
      if (!it.generics.includes(p)) errors.push(`\`${p}\` in \`${m[1]}\` is not a type parameter of \`${it.name}\``);
      else if (accept.has(p) || reject.has(p)) errors.push(`duplicate recursive-types attribute for type parameter \`${p}\` of \`${it.name}\``);
      else if (m[1] === 'accept_recursive_types') accept.add(p);
      else if (m[1] === 'reject_recursive_types') reject.add(p);
      else accept.add(p); // rejected in ground variants only: as good as accepted for positivity
    }
    return { accept, reject, errors };
  }

  /**
   * Verus's positivity check: a datatype may not contain itself (or a type that contains it) in
   * a non-positive position, such as the element of an `ISet` (a function to bool) or an
   * `IMap`'s key, or a type parameter declared `reject_recursive_types`; otherwise its SMT axioms
   * would be inconsistent (Cantor). A type parameter used in such a position must be declared
   * `#[verifier::reject_recursive_types(..)]`. (Verus's finite `Set` / `Map` accept recursive
   * types; VC generation, whose sets are not finite, reports a function using such a type
   * `unsupported`.)
   */
  private checkPositivity(
    all: (StructItem | EnumItem)[],
    params: Map<StructItem | EnumItem, { accept: Set<string>; reject: Set<string>; errors: string[] }>,
    syntaxVariants: (it: StructItem | EnumItem) => TypeExpr[][],
    addError: (it: StructItem | EnumItem, message: string) => void,
  ): void {
    const byName = new Map(all.map((it) => [it.name, it]));
    /** For each type constructor, which argument positions are non-positive. */
    // (Verus's `Set` and `Map` are finite and accept recursive types; `ISet` / `IMap` may be
    // infinite: an element or key of the type itself is non-positive there)
    const rejected = (name: string, i: number): boolean => {
      if (name === 'ISet') return i === 0;
      if (name === 'IMap') return i === 0;
      const it = byName.get(name);
      if (!it) return false;
      const p = it.generics[i];
      return p !== undefined && params.get(it)!.reject.has(p);
    };
    // which datatypes each one mentions, transitively
    const direct = new Map<string, Set<string>>();
    const mentions = (t: TypeExpr, out: Set<string>): void => {
      if (t.k === 'path') {
        if (byName.has(t.name)) out.add(t.name);
        t.args.forEach((a) => mentions(a, out));
      } else if (t.k === 'array' || t.k === 'slice') mentions(t.elem, out);
      else if (t.k === 'ref') mentions(t.inner, out);
      else if (t.k === 'tuple') t.elems.forEach((a) => mentions(a, out));
    };
    for (const it of all) {
      const out = new Set<string>();
      for (const fields of syntaxVariants(it)) for (const f of fields) mentions(f, out);
      direct.set(it.name, out);
    }
    const reaches = (from: string, to: string): boolean => {
      const seen = new Set<string>();
      const stack = [from];
      while (stack.length) {
        const x = stack.pop()!;
        for (const y of direct.get(x) ?? []) {
          if (y === to) return true;
          if (!seen.has(y)) {
            seen.add(y);
            stack.push(y);
          }
        }
      }
      return false;
    };
    for (const it of all) {
      if (it.k === 'enum' && it.union && (it.union.modeSp || it.dataMode)) addError(it, "a 'union' can only be exec-mode");
      else if (it.k === 'enum' && it.union?.fieldModeSp) addError(it, 'a union field can only be exec-mode');
      const ps = params.get(it)!;
      for (const e of ps.errors) addError(it, e);
      const external = hasExternalBody(it.attrs);
      if (external) {
        for (const g of it.generics) {
          if (it.genericParams?.some((p) => p.name === g && p.kind === 'const')) continue; // `const N: usize` is not a type parameter
          if (!ps.accept.has(g) && !ps.reject.has(g)) addError(it, `in external_body datatype \`${it.name}\`, each type parameter must be one of: #[verifier::reject_recursive_types], #[verifier::reject_recursive_types_in_ground_variants], #[verifier::accept_recursive_types] (\`${g}\` is not)`);
        }
        continue;
      }
      const reported = new Set<string>();
      const walk = (t: TypeExpr, positive: boolean): void => {
        switch (t.k) {
          case 'path': {
            // (`const N: usize` is not a type parameter: a value cannot hold the datatype)
            if (!positive && it.generics.includes(t.name) && !ps.reject.has(t.name) && !reported.has(t.name) && !it.genericParams?.some((p) => p.name === t.name && p.kind === 'const')) {
              reported.add(t.name);
              addError(it, `type parameter \`${t.name}\` of \`${it.name}\` is used in a non-positive position; declare it #[verifier::reject_recursive_types(${t.name})]`);
            }
            if (!positive && byName.has(t.name) && (t.name === it.name || reaches(t.name, it.name)) && !reported.has(t.name)) {
              reported.add(t.name);
              addError(it, `datatype \`${it.name}\` recursively uses type \`${t.name}\` in a non-positive position`);
            }
            t.args.forEach((a, i) => walk(a, positive && !rejected(t.name, i)));
            return;
          }
          case 'array': case 'slice': return walk(t.elem, positive);
          case 'ref': return walk(t.inner, positive);
          case 'tuple': return t.elems.forEach((a) => walk(a, positive));
          // (a function's argument is a non-positive position: `S(spec_fn(S) -> int)` is Cantor's)
          case 'fn': case 'proofFn':
            t.params.forEach((a) => walk(a, false));
            return walk(t.ret, positive);
          default: return;
        }
      };
      for (const fields of syntaxVariants(it)) for (const f of fields) walk(f, true);
    }
  }

  private wuas = new Map<FnItem, WhenUsedAsSpec | null>();
  /** `f`'s `when_used_as_spec` attribute, checked once (null: it has none). */
  private whenUsedAsSpec(f: FnItem): WhenUsedAsSpec | null {
    if (!this.wuas.has(f)) {
      const tyKey = (t: TypeExpr, scope: FnItem): string | null => {
        try {
          return cTyStr(this.resolve(t, scope), this.vars);
        } catch (err) {
          if (err instanceof ResolveError) return null;
          throw err;
        }
      };
      this.wuas.set(f, checkWhenUsedAsSpec(this.crate, f, tyKey));
    }
    return this.wuas.get(f)!;
  }

  private resolve(t: TypeExpr, scope: TypeScope): CTy {
    return fromTy(this.crate.resolveType(t, scope));
  }

  private checkConst(c: ConstItem): void {
    const ty = this.resolve(c.ty, c.selfType);
    // (a `spec const`'s value is spec code; a plain one's is both exec and spec: checked as exec
    // code that may not read an `exec const`, `dualConst`)
    const code: CodeMode = c.mode === 'spec' ? 'spec' : c.mode === 'proof' ? 'proof' : 'exec';
    const ctx: Ctx = { code, fn: null as unknown as FnItem, scopes: [new Map()], retTy: C_UNIT, retCode: code };
    this.dualConst = !c.mode;
    if (c.traitConst) this.traitConstCalls(c);
    try {
      this.expect(c.value, ty, ctx);
    } finally {
      this.dualConst = false;
    }
    // rustc evaluates a constant at compile time: an arithmetic overflow there is an error
    const t = shallow(ty, this.vars);
    if (t.k !== 'int' || !isMachine(t.kind)) return;
    const r = intRange(t.kind);
    const walk = (e: Expr): void => {
      if (e.k !== 'binary' || !['+', '-', '*'].includes(e.op)) return;
      walk(e.l);
      walk(e.r);
      const v = this.crate.constIntValue(e);
      if (v !== null && (v < r.min! || v > r.max!)) this.error(`this arithmetic operation will overflow: evaluation of constant value failed (\`${v}\` does not fit into \`${t.kind}\`)`, e.sp);
    };
    walk(c.value);
  }

  /**
   * Verus's rule for a trait constant's value (a default or an impl's): no exec function is
   * called, not even a `const fn` (its messages: the impl's is a limit of Verus, the default's a
   * mode error).
   */
  private traitConstCalls(c: ConstItem): void {
    someNode(c.value, (n) => {
      const e = n as Expr;
      if (e.k !== 'call' || e.callee.k !== 'path') return false;
      const callee = this.crate.fn(this.crate.memberName(e.callee.segs, null), e.sp);
      if (callee?.item.mode !== 'exec') return false;
      const name = e.callee.segs.join('::');
      this.error(c.traitConst === 'impl' ? `Verus does not support const items in traits, except for those whose value calls no exec function (\`${name}\` is one)` : `cannot call function \`${name}\` with mode exec`, e.sp);
      return true;
    });
  }

  private checkFn(f: FnItem): void {
    this.errors.push(...signatureErrors(f));
    // (rustc E0116; the standard library's own `impl<A> Seq<A>` stands for vstd's)
    if (f.selfType && BUILTIN_TYPE_NAMES.has(f.selfType) && !this.libraryFns.has(f) && !f.traitImpl) this.error(`cannot define inherent \`impl\` for the built-in type \`${f.selfType}\`: define and implement a trait or new type instead`, f.sp);
    this.errors.push(...(this.whenUsedAsSpec(f)?.errors ?? []), ...allowInSpecErrors(f));
    if (hasVerifierAttr(f.attrs, 'allow_complex_invariants') && !withoutLoopIsolation(f)) this.error("attribute 'allow_complex_invariants' can only be used with 'loop_isolation(false)'", f.nameSp);
    // (an opaque result's value is not known to callers: Verus refuses to state it)
    if (f.returns && f.ret?.ty.k === 'impl') this.error('`returns` clause is not allowed for function that returns opaque type', f.returns.sp);
    // (the mode of the result is not modelled: traits.ts compares it between a trait and its impls)
    if (hasVerifierAttr(f.attrs, 'returns') && !f.traitImpl?.errors?.length && !this.out.fnUnsupported.has(f)) this.out.fnUnsupported.set(f, { message: 'unsupported: `#[verifier::returns(..)]` (the mode of an exec function\'s result)', sp: f.nameSp });
    // generic parameters with bounds that are not supported: unsupported, the body unchecked
    const gaps = unsupportedGenerics(f, (name) => this.crate.traits.get(name)?.length === 1);
    if (gaps) {
      if (!this.out.fnUnsupported.has(f)) this.out.fnUnsupported.set(f, gaps);
      return;
    }
    // an item inside the body that is not given a meaning (parser.ts nestedItem): the body's uses
    // of its name would read as errors of the program, so the body is not checked
    const nested = findNode(f.body, (n): n is Extract<Expr, { k: 'unsupported' }> => n.k === 'unsupported' && (n as { what?: string }).what === 'nested item');
    if (nested) {
      if (!this.out.fnUnsupported.has(f)) this.out.fnUnsupported.set(f, { message: 'unsupported: nested item', sp: nested.sp });
      return;
    }
    // (Verus's `default_ensures` belongs to a trait method's default body: traits.ts judges those)
    if (f.defaultEnsures?.length && !isTraitMethodDeclaration(f) && !f.traitImpl) this.error('default_ensures not allowed here', f.defaultEnsures[0]!.sp);
    // (Verus's prophetic functions are spec fns; proof and exec fns are not read that way here)
    if (f.mode !== 'spec' && hasVerifierAttr(f.attrs, 'prophetic')) throw new UnsupportedType(`\`#[verifier::prophetic]\` on a ${f.mode} fn`, f.nameSp);
    // (on a trait's own method the trait phase judged it; an impl's method reports it there too)
    if (!isTraitMethodDeclaration(f) && !f.traitImpl && hasVerifierAttr(f.attrs, 'impls_cannot_extend_spec')) this.error('only exec trait functions can be marked impls_cannot_extend_spec', f.nameSp);
    const code: CodeMode = f.mode;
    const params = new Map<string, Local>();
    // (an `Rc` / `Arc` inside a parameter's or the result's type: the types erase the pointer)
    const sharedInside = [...f.params.map((p) => p.ty), ...(f.ret ? [f.ret.ty] : [])].find((t) => nestedShared(t));
    if (sharedInside && !this.out.fnUnsupported.has(f)) this.out.fnUnsupported.set(f, { message: 'unsupported: an `Rc` / `Arc` inside a parameter\'s or the result\'s type (the types erase the pointer)', sp: sharedInside.sp });
    for (const p of f.params) {
      const wrapped = ghostWrapper(p.ty);
      if (p.name === '_') this.error('Verus requires a plain identifier pattern for a parameter, found `_`', p.sp);
      if (p.unwrap) {
        // `Tracked(x): Tracked<T>` / `Ghost(x): Ghost<T>`: x is the tracked / ghost value of type T
        const inner = p.ty.k === 'path' ? p.ty.args[0] : undefined;
        // `Tracked(x): Tracked<&mut T>` is read as `x: &mut T`, by callers (vcgen/calls.ts) and in
        // the body (a tracked `&mut` parameter: what it points to at the return is `final(x)`)
        const wrappedMut = isWrappedMutRef(p);
        if (inner?.k === 'ref' && inner.mut && !wrappedMut) throw new UnsupportedType(`\`${p.unwrap}(${p.name}): ${p.unwrap}<&mut ..>\` (a \`Ghost\` of a mutable reference)`, p.sp);
        const unwrapped: LocalMode = p.unwrap === 'Tracked' ? 'tracked' : 'spec';
        // (an owned wrapped value is moved as any other: `Tracked(perm): Tracked<PointsTo<V>>`)
        const byRef = inner?.k === 'ref';
        params.set(p.name, { ty: this.resolve(p.ty, f), ghost: true, mutable: !!p.mut, mutRef: wrappedMut, mode: unwrapped, owned: !byRef, ref: byRef });
        continue;
      }
      // (an exec fn's `tracked x: T` / `ghost x: T` parameter is a tracked / spec local, as a
      // `let tracked` / `let ghost` one: exec code may not use it)
      const moded = code === 'exec' && p.mode ? (p.mode === 'tracked' ? 'tracked' : 'spec') : null;
      const mode: LocalMode = moded ?? (code === 'spec' ? 'spec' : code === 'proof' ? (p.mode === 'tracked' ? 'tracked' : 'spec') : wrapped === 'spec' ? 'spec' : wrapped === 'proof' ? 'tracked' : 'exec');
      params.set(p.name, { ty: this.resolve(p.ty, f), ghost: code !== 'exec' || moded !== null, wrapped: code === 'exec' && wrapped !== null ? wrapped : undefined, declared: p.ty, mutable: !!p.mut, mutRef: p.ty.k === 'ref' && p.ty.mut, mode, owned: p.ty.k !== 'ref', ref: p.ty.k === 'ref', boxed: pointerOf(p.ty) });
    }
    const retTy = f.ret ? this.resolve(f.ret.ty, f) : C_UNIT;
    const retCode: CodeMode = code === 'exec' ? ghostWrapper(f.ret?.ty) ?? 'exec' : code;
    const specCtx = (extra?: Map<string, Local>): Ctx => ({ code: 'spec', fn: f, scopes: extra ? [params, extra] : [params], retTy, retCode });
    // Verus: a public function's `requires` / `ensures` are read wherever it is called, so they
    // may mention only what is visible there (as an open spec fn's body)
    const clauseScope = f.vis && f.vis.k !== 'private' && !f.traitImpl && !this.libraryFns.has(f) ? scopeOf(f.vis, this.crate.moduleOf(f)) : undefined;
    const inClause = (clause: 'requires' | 'ensures' | 'opens_invariants', check: () => void) => {
      this.openScope = clauseScope;
      this.openClause = clause;
      try {
        check();
      } finally {
        this.openScope = undefined;
        this.openClause = null;
      }
    };
    inClause('requires', () => {
      for (const r of f.requires) this.expect(r, C_BOOL, specCtx());
    });
    for (const r of f.recommends) this.expect(r, C_BOOL, specCtx());
    for (const d of f.decreases) this.decreasesMeasure(d, specCtx());
    this.terminationHints(f, specCtx());
    const withRet = new Map<string, Local>();
    // (an exec fn's `Ghost<T>` / `Tracked<T>` result: `r@` / `r.view()` in `ensures` is the `T`, as for a parameter)
    const retWrapped = code === 'exec' ? ghostWrapper(f.ret?.ty) ?? undefined : undefined;
    if (f.ret?.name) withRet.set(f.ret.name, { ty: retTy, ghost: true, mutable: false, mutRef: false, mode: 'spec', ...(retWrapped ? { wrapped: retWrapped } : {}) });
    // (before the clauses are typed: Verus's errors about how they read `&mut` parameters come first)
    this.finalStyle(f, params);
    inClause('ensures', () => {
      for (const e of [...f.ensures, ...(f.defaultEnsures ?? [])]) this.expect(e, C_BOOL, { ...specCtx(withRet), inEnsures: true });
      // (a broadcast lemma's `#![trigger ..]` terms: spec expressions of its parameters)
      for (const t of (f.clauseTriggers ?? []).flat()) this.infer(t, { ...specCtx(withRet), inEnsures: true });
    });
    this.unwindAndMask(f, specCtx(), inClause);
    // `returns e` is `ensures result == e`
    if (f.returns) this.expect(f.returns, retTy, specCtx());
    // the body returns values of the types the opaque ones stand for (found from the body)
    const opaques = new Map<string, CTy>();
    if (f.ret && someNode(f.ret.ty, (n) => n.k === 'impl')) {
      // (resolving the result registered them with the resolver)
      for (const [name, o] of this.crate.opaqueTypes) if (o.fn === f) opaques.set(name, this.vars.freshType());
      if (f.returns) this.error('`returns` clause is not allowed for function that returns opaque type', f.returns.sp);
    }
    if (!f.body) return;
    const bodyRetTy = opaques.size ? substCTy(retTy, opaques) : retTy;
    const ctx: Ctx = { code, fn: f, scopes: [params, new Map()], retTy: bodyRetTy, retCode };
    const trusted = hasExternalBody(f.attrs);
    const open = openBodyScope(f);
    if (open.error) this.error(open.error.message, open.error.sp);
    const before = this.errors.length;
    // (the library's open bodies are its trusted specification: they may read its private fields,
    // which users cannot name)
    this.openScope = this.libraryFns.has(f) ? undefined : open.scope;
    const bindersBefore = this.itemBinders.length;
    this.trustedBody = trusted;
    // (the values a proof fn's `tracked` result is made of: its body's tail and `return` values)
    this.trackedResults = f.mode === 'proof' && f.retTracked ? resultExprs(f.body) : new Set();
    try {
      const tail = f.body.stmts[f.body.stmts.length - 1];
      if (pointerOf(f.ret?.ty) && tail?.k === 'expr' && !tail.semi && tail.e.k === 'path') this.pointerUses.add(tail.e);
      const bodyTy = this.block(f.body, ctx, bodyRetTy, retCode);
      if (bodyTy) this.unify(bodyRetTy, bodyTy, this.tailSpan(f.body));
      if (tail?.k === 'expr' && !tail.semi) this.wrapperAgrees(tail.e, f.ret?.ty, f, ctx);
      if (opaques.size && !trusted) this.opaqueTypesOf(f, opaques);
    } catch (e) {
      if (!trusted) throw e;
    } finally {
      this.trustedBody = false;
      this.openScope = undefined;
    }
    // a trusted body is typed (its literals get types) but not judged: only the signature counts
    if (trusted) {
      this.errors.length = before;
      this.itemBinders.length = bindersBefore;
    }
  }

  /**
   * Records the type each opaque type of `f`'s result stands for (`found`: from its body), and
   * checks it has the opaque type's bounds (rustc: "the trait bound .. is not satisfied").
   */
  private opaqueTypesOf(f: FnItem, found: Map<string, CTy>): void {
    const out = new Map<string, Ty>();
    for (const [name, v] of found) {
      const hidden = toTy(v, this.vars);
      const sp = f.ret!.ty.sp;
      if (!hidden) {
        this.error(`type annotations needed: the type \`${tyStr({ k: 'param', name })}\` stands for is not known`, sp);
        continue;
      }
      // (rustc E0720: a body returning its own opaque type gives it no type to stand for)
      if (tyKey(hidden).includes(`$${name}`)) {
        this.error(`cannot resolve opaque type \`${tyStr({ k: 'param', name })}\`: it stands for itself`, sp);
        continue;
      }
      out.set(name, hidden);
      for (const b of this.crate.opaqueTypes.get(name)?.bounds ?? []) {
        const unsatisfied = () => this.error(`the trait bound \`${tyStr(hidden)}: ${b}\` is not satisfied`, sp);
        if (hidden.k === 'param') {
          if (!this.boundTraitsOf(f, hidden.name).includes(b)) unsatisfied();
          continue;
        }
        const typeName = implTypeName(hidden);
        const impls = typeName ? this.crate.traitImpls.get(`${b}|${typeName}`) ?? [] : [];
        // (an impl refused as unsupported, `impl<T> Tr for T`, may be the one that applies)
        const refused = [...this.crate.traitImpls].some(([key, l]) => key.startsWith(`${b}|`) && l.some((i) => i.verdict !== 'ok'));
        if (!impls.length && refused) this.unsupportedHere(`\`${tyStr(hidden)}: ${b}\` through an impl that is not supported`, sp);
        else if (!impls.length) unsatisfied();
        else if (impls.length > 1 || impls[0]!.verdict !== 'ok') this.unsupportedHere(`the impl of \`${b}\` for \`${typeName}\` is not supported`, sp);
        else if (hidden.k === 'struct' || hidden.k === 'enum' ? hidden.args.length : false) this.unsupportedHere(`an opaque type standing for the generic type \`${tyStr(hidden)}\``, sp);
      }
    }
    this.out.opaqueTypes.set(f, out);
  }

  private tailSpan(b: Block): Sp {
    const last = b.stmts[b.stmts.length - 1];
    return last && last.k === 'expr' && !last.semi ? last.e.sp : b.sp;
  }

  /** `decreases_when(c)` / `decreases_by(g)` of a spec fn, and the rules on `#[verifier::decreases_by]` fns. */
  private terminationHints(f: FnItem, spec: Ctx): void {
    this.unusedHints ??= unusedDecreasesBy(this.crate);
    const unused = this.unusedHints.get(f);
    if (unused) this.error(unused.message, unused.sp);
    if (f.decreasesWhen) {
      if (f.mode !== 'spec') this.error('`decreases_when` is only allowed in spec functions', f.decreasesWhen.sp);
      this.expect(f.decreasesWhen, C_BOOL, spec);
    }
    const errors: HintError[] = [];
    const g = decreasesByTarget(this.crate, f, errors);
    for (const e of errors) {
      if (e.message.startsWith('unsupported: ')) this.unsupportedHere(e.message, e.sp);
      this.error(e.message, e.sp);
    }
    if (g) this.out.decreasesBy.set(f, g);
  }
  private unusedHints: Map<FnItem, HintError> | undefined;

  private decreasesMeasure(e: Expr, ctx: Ctx): void {
    // integers, and datatypes (structural decrease): VC generation reports what it cannot measure
    this.infer(e, ctx);
  }

  // -------------------------------------------------------------------------------------------
  // Unification

  /** `found` must be usable where `expected` is wanted (rustc: no implicit conversion). */
  private unify(expected: CTy, found: CTy, sp: Sp): boolean {
    if (!this.unifies(expected, found)) {
      const [x, y] = [shallow(expected, this.vars), shallow(found, this.vars)];
      // two closures never have the same type, but rustc coerces closures that capture nothing to
      // one `fn` pointer type where branches meet (`if b { f } else { g }`): not modelled
      if (x.k === 'closure' && y.k === 'closure' && (x.id === -1 || y.id === -1)) {
        this.error(`mismatched types: expected \`${cTyStr(expected, this.vars)}\`, found \`${cTyStr(found, this.vars)}\` (another signature, or flags it lacks)`, sp);
        return false;
      }
      if (x.k === 'closure' && y.k === 'closure') this.unsupportedHere('not supported: two different closures where one type is expected (a coercion to a `fn` pointer)', sp);
      // rustc's deref coercion of `&String` to `&str` or `&Vec<T>` to `&[T]` where `expect` does not
      // read it (references are erased here): not modelled
      const coercion = this.derefCoercion(x, y);
      if (coercion) {
        this.unsupportedHere(coercion === 'String::as_str' ? 'not supported: a `String` where a `&str` is expected (deref coercion)' : 'not supported: a `Vec` where a slice is expected (deref coercion; `v.as_slice()` is supported)', sp);
        return false;
      }
      this.error(`mismatched types: expected \`${cTyStr(expected, this.vars)}\`, found \`${cTyStr(found, this.vars)}\``, sp);
      return false;
    }
    return true;
  }

  private unifies(a: CTy, b: CTy): boolean {
    a = shallow(a, this.vars);
    b = shallow(b, this.vars);
    if (a.k === 'any' || b.k === 'any') return true;
    if (a.k === 'tvar' && b.k === 'tvar' && a.id === b.id) return true;
    if (a.k === 'tvar') return this.vars.bindType(a.id, b);
    if (b.k === 'tvar') return this.vars.bindType(b.id, a);
    if (a.k === 'ivar' && b.k === 'ivar') return this.vars.union(a.id, b.id);
    if (a.k === 'ivar') return b.k === 'int' && this.vars.fix(a.id, b.kind);
    if (b.k === 'ivar') return a.k === 'int' && this.vars.fix(b.id, a.kind);
    if (a.k !== b.k) return false;
    switch (a.k) {
      case 'int': return a.kind === (b as typeof a).kind;
      case 'bool': case 'char': case 'str': case 'real': return true;
      case 'param': return a.name === (b as typeof a).name;
      case 'cval': return a.n === (b as typeof a).n;
      case 'struct': case 'enum': {
        const bb = b as typeof a;
        return a.name === bb.name && a.args.length === bb.args.length && a.args.every((x, i) => this.unifies(x, bb.args[i]!));
      }
      case 'seq': case 'set': return this.unifies(a.elem, (b as typeof a).elem);
      case 'map': return this.unifies(a.key, (b as typeof a).key) && this.unifies(a.val, (b as typeof a).val);
      case 'array': return this.unifies(a.len, (b as typeof a).len) && this.unifies(a.elem, (b as typeof a).elem);
      case 'tuple': {
        const bb = b as typeof a;
        return a.elems.length === bb.elems.length && a.elems.every((x, i) => this.unifies(x, bb.elems[i]!));
      }
      case 'fn': {
        const bb = b as typeof a;
        return a.params.length === bb.params.length && a.params.every((x, i) => this.unifies(x, bb.params[i]!)) && this.unifies(a.ret, bb.ret);
      }
      // (each closure expression has its own type, as in Rust; a `proof_fn(..)` type, id -1, is
      // any proof closure of its signature with the flags it needs)
      case 'closure': {
        const bb = b as typeof a;
        if (a.id === bb.id && a.id !== -1) return true;
        if ((a.id !== -1 && bb.id !== -1) || !a.proof || !bb.proof || !proofFlagsCover(a.proof, bb.proof) || !sameTrackedModes(a.tracked, bb.tracked)) return false;
        return a.params.length === bb.params.length && a.params.every((x, i) => this.unifies(x, bb.params[i]!)) && this.unifies(a.ret, bb.ret);
      }
    }
  }

  // -------------------------------------------------------------------------------------------
  // Expressions

  private expect(e: Expr, want: CTy, ctx: Ctx, site: 'argument' | 'let' | null = null): CTy {
    // a cast's target is a hint for an unsuffixed literal, as in rustc
    const t = this.infer(e, ctx, want);
    // rustc's unsized coercion at a coercion site: `&[T; N]` where `&[T]` is wanted (one value:
    // the slice is the array's elements; references are erased)
    const w = shallow(want, this.vars);
    const found = shallow(t, this.vars);
    if (w.k === 'array' && isSliceLen(w.len) && found.k === 'array' && !isSliceLen(found.len)) {
      this.unify(w.elem, found.elem, e.sp);
      return t;
    }
    // and its deref coercion, in exec code, of a shared borrow of a `Vec<T>` to `&[T]` and of a
    // `String` to `&str` (an exec call's argument, a `let` with a type): `v.as_slice()` / `s.as_str()`
    const coerce = site !== null && ctx.code === 'exec' && !(e.k === 'unary' && e.op === '&mut') ? this.derefCoercion(w, found) : null;
    const target = coerce ? this.crate.fn(coerce, e.sp) : null;
    if (coerce && target) {
      const call: Extract<Expr, { k: 'method' }> = { k: 'method', recv: e, name: coerce.split('::')[1]!, generics: [], args: [], sp: e.sp, nameSp: e.sp };
      this.out.libraryMethodCalls.set(call, target);
      this.out.derefCoercions.set(e, call);
      const coerced = this.callFn(target, [], found, ctx, e.sp, call);
      this.unify(want, coerced, e.sp);
      return coerced;
    }
    // and `*mut T` where `*const T` is wanted (one value: the two pointer types are one sort)
    if (w.k === 'struct' && w.name === RAW_CONST_PTR && found.k === 'struct' && found.name === RAW_MUT_PTR) {
      this.unify(w.args[0]!, found.args[0]!, e.sp);
      return t;
    }
    this.unify(want, t, e.sp);
    return t;
  }

  private record(e: Expr, t: CTy): CTy {
    this.types.set(e, t);
    return t;
  }

  private lookup(name: string, ctx: Ctx): Local | null {
    for (let i = ctx.scopes.length - 1; i >= 0; i--) {
      const l = ctx.scopes[i]!.get(name);
      if (l) return l;
    }
    return null;
  }

  /** The library method that stands for rustc's deref coercion of a `found` value to a `want`ed reference, if any. */
  private derefCoercion(want: CTy, found: CTy): 'Vec::as_slice' | 'String::as_str' | null {
    if (want.k === 'array' && isSliceLen(want.len) && found.k === 'struct' && found.name === 'Vec' && this.isLibraryStruct('Vec')) return 'Vec::as_slice';
    if (want.k === 'str' && found.k === 'struct' && found.name === 'String' && this.isLibraryStruct('String')) return 'String::as_str';
    return null;
  }

  /** Whether the datatype `name` is the library's (`String`, `Vec`, ..), not a crate's of that name. */
  private isLibraryStruct(name: string): boolean {
    return isLibraryFile(this.crate.structs.get(name)?.[0]?.file ?? '');
  }

  /** The local a one-segment path names (`x`), or null (another path or expression, or no such local). */
  private pathLocal(e: Expr, ctx: Ctx): Local | null {
    return e.k === 'path' && e.segs.length === 1 ? this.lookup(e.segs[0]!, ctx) : null;
  }

  /**
   * `reveal_strlit` / `reveal_byteslit`: proof code, with one literal of kind `lit` as argument.
   * `modeError(code)` is Verus's message for a call in spec or exec code.
   */
  private revealLiteral(e: Extract<Expr, { k: 'call' }>, ctx: Ctx, lit: 'str' | 'bytes', litError: string, modeError: (code: 'spec' | 'exec') => string): CTy {
    if (ctx.code !== 'proof') this.error(modeError(ctx.code), e.sp);
    if (e.args.length !== 1) this.error(`this function takes 1 argument but ${e.args.length} arguments were supplied`, e.sp);
    else if (e.args[0]!.k !== lit) this.error(litError, e.args[0]!.sp);
    else this.infer(e.args[0]!, ctx);
    return C_UNIT;
  }

  /**
   * Verus's `use_type_invariant(&x)` (proof code): `x` an exec or tracked place (a `Tracked<T>`
   * holds one, a `Ghost<T>` does not) of a datatype with a type invariant visible here.
   */
  private useTypeInvariant(arg: Expr, ctx: Ctx, sp: Sp): void {
    if (ctx.code === 'exec') this.error('cannot call function `use_type_invariant` with mode proof in exec code', sp);
    const place = arg.k === 'unary' && arg.op === '&' ? arg.e : arg;
    // (typed as a spec read: a borrow neither moves nor uses the value)
    const t = shallow(this.infer(place, { ...ctx, code: 'spec' }), this.vars);
    let root: Expr = place;
    while (root.k === 'field' || (root.k === 'unary' && root.op === '*')) root = root.k === 'field' ? root.recv : root.e;
    const local = this.pathLocal(root, ctx);
    if (!local) {
      this.unsupportedHere('`use_type_invariant` of something other than a variable or its field', place.sp);
      return;
    }
    if (local.cell && !local.cell.assigned) this.error(`used binding \`${(root as { segs: string[] }).segs[0]}\` isn't initialized`, place.sp);
    if (local.wrapped === 'spec') this.error('cannot apply use_type_invariant for Ghost<_>', place.sp);
    else if (local.mode === 'spec' || local.ghost && local.mode !== 'tracked' && !local.wrapped) this.error('expected mode proof, found mode spec: `use_type_invariant` needs an exec or tracked value', place.sp);
    if (t.k !== 'struct' && t.k !== 'enum') {
      this.error('this type is not a datatype', place.sp);
      return;
    }
    const inv = invariantNamed(this.out.typeInvariants, t.name);
    if (!inv) {
      this.error('this type does not have any type invariant', place.sp);
      return;
    }
    if (!invariantVisible(this.crate, inv, this.crate.moduleOf(ctx.fn))) this.error(invisibleInvariantMessage(inv), place.sp);
    this.borrowOfMoved(place, ctx);
  }

  /** Spec-only operations (views, `old`, ghost reads) in code that is compiled. */
  private requireGhost(ctx: Ctx, what: string, sp: Sp): void {
    if (ctx.code === 'exec') this.error(`expression has mode spec, expected mode exec: ${what} can only be used in ghost code`, sp);
  }

  private infer(e: Expr, ctx: Ctx, hint?: CTy): CTy {
    if ((e.k === 'unary' || e.k === 'path') && e.viaMutRefTracked && ctx.code === 'exec') this.error("`mut_ref_tracked` must be in a 'proof' block", e.viaMutRefTracked);
    const use = this.placeUse;
    this.placeUse = 'value';
    const t = this.record(e, this.inferInner(e, ctx, hint));
    // (after typing it: what it calls is known then)
    if (this.trackedResults.has(e)) this.trackedValue(e, ctx);
    if (use === 'value' && e.k === 'path' && e.segs.length === 1 && !this.pointerUses.has(e)) {
      const ptr = this.pointerLocal(e, ctx);
      if (ptr) this.unsupportedHere(`unsupported: a \`${ptr}\` used by value other than as a \`${ptr}\` (the types erase the pointer: \`*${e.segs[0]}\` is the value it holds)`, e.sp);
    }
    if (use === 'value' || use === 'borrow') this.useOfPlace(e, t, use, ctx);
    return t;
  }
  /** Infers `e` as a place the parent borrows (`&e`, a `&self` receiver, a compared operand). */
  private inferBorrowed(e: Expr, ctx: Ctx, hint?: CTy): CTy {
    this.placeUse = 'borrow';
    return this.infer(e, ctx, hint);
  }

  // -------------------------------------------------------------------------------------------
  // Moves (rustc's move check, for what generic code adds)

  /** Whether a value of type `t` is moved when used by value (check/copy.ts). */
  private moves(t: CTy, ctx: Ctx): boolean {
    return movesValue(t, this.vars, ctx.fn ?? null, this.crate);
  }
  /** Whether a use by value of place `pl` (of type `t`) moves it: a boxed local is moved whole. */
  private placeMoves(pl: { local: Local; path: string }, t: CTy, ctx: Ctx): boolean {
    return this.moves(t, ctx) || (!!pl.local.boxed && pl.path === '');
  }

  /** The owned local and field path a place expression names (`x`, `x.a.b`), or null. */
  private ownedPlace(e: Expr, ctx: Ctx): { name: string; local: Local; path: string } | null {
    if (e.k === 'path' && e.segs.length === 1) {
      const local = this.lookup(e.segs[0]!, ctx);
      return local?.owned ? { name: e.segs[0]!, local, path: '' } : null;
    }
    if (e.k === 'field') {
      const r = this.ownedPlace(e.recv, ctx);
      return r && { ...r, path: r.path ? `${r.path}.${e.name}` : e.name };
    }
    return null;
  }

  /**
   * A place (`x`, `x.f`) used by value or borrowed in code rustc checks (exec code; tracked
   * values in proof code; spec code is erased first): a use of what an earlier use moved is
   * "use of moved value"; a use by value of a non-`Copy` value moves it. Moving out of an array
   * element is refused, as rustc does.
   */
  private useOfPlace(e: Expr, t: CTy, use: 'value' | 'borrow', ctx: Ctx): void {
    if (ctx.code === 'spec') return;
    // (a ghost field is a spec value: reading it moves nothing; a tracked field of an exec value
    // is a proof-mode place, checked as a tracked local's)
    const fieldMode = this.fieldPathMode(e, ctx);
    if (fieldMode === 'spec') return;
    const trackedField = fieldMode === 'proof' && ctx.code === 'proof';
    // a place written `*r` / `r.f` of a local borrow (local-borrows.ts): behind a mutable reference
    let root = e;
    while (root.k === 'field') root = root.recv;
    if (root.k === 'path' && root.through) {
      const pl = this.ownedPlace(e, ctx);
      if (pl && this.wasMoved(pl)) this.error(`borrow of moved value: \`${root.segs[0]}\``, e.sp);
      if (use === 'value' && !isCopy(t, this.vars, ctx.fn ?? null, this.crate)) this.error(`cannot move out of \`${e === root ? `*${root.through}` : printExpr(e).replace(/^[A-Za-z_][A-Za-z0-9_]*/, root.through)}\` which is behind a mutable reference`, e.sp);
      return;
    }
    // rustc: a value behind a reference cannot be moved out (`*r`, a field `r.f` / `(*r).f`, of a
    // non-`Copy` type; `r` a `&T` / `&mut T` local or parameter)
    const deref = e.k === 'unary' && e.op === '*' && e.e.k === 'path' && e.e.segs.length === 1;
    if (deref || e.k === 'field') {
      const base: Expr = deref ? (e as Extract<Expr, { k: 'unary' }>).e : root.k === 'unary' && root.op === '*' ? root.e : root;
      const l = this.pathLocal(base, ctx);
      if (deref || l?.ref) {
        const checked = l && (ctx.code === 'exec' ? l.mode === 'exec' : l.mode === 'tracked' || trackedField);
        if (use === 'value' && checked && l.ref && !isCopy(t, this.vars, ctx.fn ?? null, this.crate)) this.error(`cannot move out of \`${deref ? `*${(base as Extract<Expr, { k: 'path' }>).segs[0]}` : printExpr(e)}\` which is behind a ${l.mutRef ? 'mutable' : 'shared'} reference`, e.sp);
        return;
      }
    }
    if (e.k === 'unary' && e.op === '*' && e.e.k === 'method' && this.out.wrapperBorrows.has(e.e) && e.e.name !== 'get') {
      // `*x.borrow_mut()` / `*x.borrow()`: a value behind a reference (of a `Ghost`, a spec
      // value, which is copied, never moved)
      if (use === 'value' && this.wrapperOf(e.e.recv, ctx) !== 'spec' && !isCopy(t, this.vars, ctx.fn ?? null, this.crate)) this.error(`cannot move out of a ${e.e.name === 'borrow_mut' ? 'mutable' : 'shared'} reference`, e.sp);
      return;
    }
    if (e.k === 'index') {
      if (use === 'value' && !isCopy(t, this.vars, ctx.fn ?? null, this.crate)) this.error(`cannot move out of an array element of non-Copy type \`${cTyStr(t, this.vars)}\``, e.sp);
      return;
    }
    const pl = this.ownedPlace(e, ctx);
    if (!pl) return;
    const checked = ctx.code === 'exec' ? pl.local.mode === 'exec' && pl.local.wrapped !== 'spec' : pl.local.mode === 'tracked' || trackedField;
    // (rustc's move check does not look at code no path reaches)
    if (!checked || this.unreachable) return;
    if (this.wasMoved(pl)) {
      this.error(`use of moved value: \`${pl.path ? `${pl.name}.${pl.path}` : pl.name}\``, e.sp);
      return;
    }
    const moves = this.placeMoves(pl, t, ctx);
    if (use === 'value' && moves && this.refBorrowed(pl.local, pl.path)) this.unsupportedHere(`not supported: \`${pl.name}\` is moved while a reference to it is kept in a variable (references are copies here)`, e.sp);
    if (use === 'value' && moves) this.moved.push({ local: pl.local, path: pl.path });
  }
  /** Whether an earlier move took `pl` or a part of it, or a place holding it. */
  private wasMoved(pl: { local: Local; path: string }): boolean {
    return this.moved.some((m) => m.local === pl.local && pathsOverlap(m.path, pl.path));
  }
  /**
   * A place already checked by a borrow, then moved (a by-value `self`). `wrapper`: the place is
   * an exec local's `Tracked<T>`, moved by ghost code (`x.get()`): checked as a tracked value.
   */
  private markMoved(e: Expr, t: CTy, ctx: Ctx, wrapper = false): void {
    if (ctx.code === 'spec') return;
    const pl = this.ownedPlace(e, ctx);
    if (!pl) return;
    if (!this.placeMoves(pl, t, ctx)) return;
    const checked = wrapper ? pl.local.wrapped === 'proof' : ctx.code === 'exec' ? pl.local.mode === 'exec' && pl.local.wrapped !== 'spec' : pl.local.mode === 'tracked';
    if (checked) this.moved.push({ local: pl.local, path: pl.path });
  }
  /**
   * A mutable borrow by ghost code (`x.borrow_mut()`, `x.a@ = v`) of a place an earlier use moved:
   * rustc's "borrow of moved value" (a ghost read of it is allowed, a write is not).
   */
  private borrowOfMoved(e: Expr, ctx: Ctx): void {
    const pl = this.ownedPlace(e, ctx);
    if (pl && this.wasMoved(pl)) this.error(`borrow of moved value: \`${pl.name}\``, e.sp);
  }
  /** A place written as a whole (`x = e`, `x.f = e`) holds a value again. */
  private reinitialize(e: Expr, ctx: Ctx): void {
    const pl = this.ownedPlace(e, ctx);
    if (!pl) return;
    this.moved = this.moved.filter((m) => m.local !== pl.local || !(m.path === pl.path || m.path.startsWith(pl.path ? pl.path + '.' : '')));
  }
  /** The smart pointer `e`'s value is: `Box::new(..)`, `Rc::clone(&r)`, a boxed local, its `clone()`, a call of a function returning one. */
  private pointerValue(e: Expr, ctx: Ctx): SmartPointer | undefined {
    const call = smartPointerCall(e);
    if (call) return call.ptr;
    if (e.k === 'path') return this.pointerLocal(e, ctx);
    if (e.k === 'method' && this.out.sharedClones.has(e)) return this.pointerValue(e.recv, ctx);
    if (e.k === 'call' && ctx.fn) return pointerOf(this.calleeItem(e, ctx.fn)?.ret?.ty);
    return undefined;
  }
  /** The pointer the local `e` names holds (`e` a one-segment path), if any. */
  private pointerLocal(e: Expr, ctx: Ctx): SmartPointer | undefined {
    return this.pathLocal(e, ctx)?.boxed;
  }
  /** The `Rc` / `Arc` a place is behind (`*r`, `r.f` of a local holding one), if any: nothing there is written (no `DerefMut`). */
  private sharedPlace(e: Expr, ctx: Ctx): SmartPointer | undefined {
    const place = this.placeRoot(e, ctx);
    const ptr = place && !place.direct ? place.local.boxed : undefined;
    return isShared(ptr) ? ptr : undefined;
  }
  /** Whether `e`'s value is a reference (so a binding of it does not own what it points to). */
  private isRefValue(e: Expr, ctx: Ctx): boolean {
    if (e.k === 'unary' && (e.op === '&' || e.op === '&mut')) return true;
    if (e.k === 'path' && e.segs.length === 1) return !!this.lookup(e.segs[0]!, ctx)?.ref;
    // (`shr_ref_struct_wrap(&y, ..)` is a reference that borrows its first argument)
    if (e.k === 'call' && e.callee.k === 'path' && e.callee.segs.length === 1 && e.callee.segs[0] === 'shr_ref_struct_wrap' && ctx.fn && !this.calleeItem(e, ctx.fn)) return true;
    if (e.k === 'call' && ctx.fn) return this.calleeItem(e, ctx.fn)?.ret?.ty.k === 'ref';
    if (e.k === 'method') {
      // `x.borrow()` / `x.borrow_mut()` of a wrapper are references, its `get()` the value
      if (this.out.wrapperBorrows.has(e)) return e.name !== 'get';
      // a method the checker resolved (the library's, a trait's): its declared result
      const resolved = this.out.libraryMethodCalls.get(e) ?? this.out.traitCalls.get(e);
      if (resolved) return resolved.item.ret?.ty.k === 'ref';
      const r = this.types.get(e.recv);
      const rs = r && shallow(r, this.vars);
      if (rs && (rs.k === 'struct' || rs.k === 'enum')) return this.crate.fns.get(`${rs.name}::${e.name}`)?.[0]?.item.ret?.ty.k === 'ref';
      return true; // a method the checker does not resolve: its ownership is unknown
    }
    return false;
  }

  /** The expression whose value is used as a whole (moved, passed, returned, bound). */
  private wholeUse: Expr | null = null;
  private inferWhole(e: Expr, ctx: Ctx, hint?: CTy): CTy {
    this.wholeUse = e;
    return this.infer(e, ctx, hint);
  }
  private isWrappedRead(e: Expr, ctx: Ctx): boolean {
    return e.k === 'path' && e.segs.length === 1 && !!this.lookup(e.segs[0]!, ctx)?.wrapped;
  }

  private inferInner(e: Expr, ctx: Ctx, hint?: CTy): CTy {
    switch (e.k) {
      case 'int': {
        this.literals.push({ e, value: e.value, fn: this.currentFn, konst: this.currentConst, exec: !ghost(ctx.code) });
        if (e.suffix) {
          if (!isIntKind(e.suffix)) return C_ANY;
          return { k: 'int', kind: e.suffix };
        }
        const v = this.vars.fresh(ghost(ctx.code));
        if (hint && shallow(hint, this.vars).k === 'int' && ctx.code === 'exec') this.unifies(v, hint);
        return v;
      }
      case 'bool':
        return C_BOOL;
      case 'char':
        return C_CHAR;
      case 'real':
        // (a float literal without a suffix is a `real` in ghost code; exec code has no floats here)
        if (!e.suffixed && ctx.code === 'exec') this.unsupportedHere('unsupported: a floating-point literal in exec code (float values are known only through casts: literals, arithmetic and comparisons are not modelled)', e.sp);
        this.requireGhost(ctx, 'a `real` literal', e.sp);
        return C_REAL;
      case 'str':
        return C_STR;
      case 'try':
        return this.tryOperator(e, ctx);
      // (a `&'static [u8; N]`: references are erased)
      case 'bytes':
        return { k: 'array', elem: { k: 'int', kind: 'u8' }, len: { k: 'cval', n: BigInt(e.value.length) } };
      case 'path':
        return this.path(e, ctx);
      case 'unary': {
        if (e.op === '&mut') this.mutBorrow(e, ctx);
        if (e.op === '&mut') {
          const t = this.inferBorrowed(e.e, ctx, hint);
          if (this.out.variantOps.get(e.e)?.op === 'read') this.unsupportedHere('unsupported: a `&mut` borrow of a union field', e.sp);
          return t;
        }
        if (e.op === '&') return this.inferBorrowed(e.e, ctx, hint);
        if (e.op === '*') {
          this.placeUse = 'base';
          const t = this.infer(e.e, ctx, hint);
          // (the types erase references: `*r` of an `r: &*mut T` is a reference's deref; only a
          // local known to hold no reference is surely a raw pointer)
          if (isRawPtr(shallow(t, this.vars)) && !(e.e.k === 'unary' && (e.e.op === '&' || e.e.op === '&mut'))) {
            const local = this.pathLocal(e.e, ctx);
            if (local && !local.ref) this.error('The verifier does not yet support the following Rust feature: dereferencing a raw pointer (`ptr_ref`, `ptr_mut_read` and `ptr_mut_write` with a permission are supported)', e.sp);
            else if (!local?.ref) this.unsupportedHere('unsupported: `*` of a raw pointer, or of a reference to one (the types erase references)', e.sp);
          }
          return t;
        }
        if (e.op === '-' && e.e.k === 'int') {
          const t = this.infer(e.e, ctx, hint);
          this.literals[this.literals.length - 1]!.value = -e.e.value;
          return t;
        }
        const t = shallow(this.infer(e.e, ctx, hint), this.vars);
        if (e.op === '!') {
          if (t.k !== 'any' && t.k !== 'bool' && !isIntLike(t)) this.error(`cannot apply unary operator \`!\` to type \`${cTyStr(t, this.vars)}\``, e.sp);
          return t;
        }
        if (t.k === 'int' && !ghost(ctx.code) && isMachine(t.kind) && !t.kind.startsWith('i')) this.error(`cannot apply unary operator \`-\` to type \`${t.kind}\``, e.sp);
        if (t.k === 'real') return t;
        if (t.k !== 'any' && !isIntLike(t)) this.error(`cannot apply unary operator \`-\` to type \`${cTyStr(t, this.vars)}\``, e.sp);
        // spec negation is integer negation
        return ghost(ctx.code) && t.k === 'int' ? C_INT : t;
      }
      case 'binary':
        return this.binary(e.op, e.l, e.r, e.sp, ctx, false, e);
      case 'chain': {
        for (let i = 0; i < e.ops.length; i++) this.binary(e.ops[i]!, e.operands[i]!, e.operands[i + 1]!, e.sp, ctx, i > 0);
        return C_BOOL;
      }
      case 'bullets':
        for (const x of e.items) this.expect(x, C_BOOL, ctx);
        return C_BOOL;
      case 'call':
      case 'method': {
        // `r.clone()` of an `Rc` / `Arc`: another pointer to the same value (whatever it holds)
        if (e.k === 'method' && e.name === 'clone' && !e.args.length && isShared(this.pointerLocal(e.recv, ctx))) {
          this.out.sharedClones.add(e);
          return this.inferBorrowed(e.recv, ctx);
        }
        // `g.clone()` of a `Ghost<T>` (always `Clone`) or a `Tracked<T>` of a `Copy` `T`: the
        // wrapper's clone, the same value (the types erase the wrapper, not its `Clone` impl)
        const wrapper = e.k === 'method' && e.name === 'clone' && !e.args.length ? this.wrapperOf(e.recv, ctx) : null;
        if (wrapper && e.k === 'method') {
          // (the wrapper itself is read, by reference: a use of it as a whole)
          const t = this.inferWhole(e.recv, ctx);
          if (wrapper === 'spec' || isCopy(t, this.vars, ctx.fn ?? null, this.crate)) {
            this.out.sharedClones.add(e);
            return t;
          }
        }
        // a call taking a construct read but not understood (a closure: `Seq::new(n, |i| ..)`):
        // its callee is not judged either, so the function is `unsupported` at that construct
        if (e.k === 'call') {
          const built = this.specClosureCall(e, ctx);
          if (built) return built;
        }
        // (a closure argument in ghost code is a spec_fn value: typed against the parameter)
        // (a range is an argument only of an array's or slice's methods: `method`)
        const gap = e.args.find((a) => a.k === 'unsupported' || (a.k === 'range' && e.k === 'call'));
        if (gap) this.unsupportedHere(`unsupported: ${gap.k === 'unsupported' ? gap.what : 'range expression'}`, gap.sp);
        const result = e.k === 'call' ? this.call(e, ctx, hint) : this.method(e, ctx);
        // an exec closure written as an argument: only for a function's parameter with an `Fn`
        // bound (`callFn` takes it); a builtin's closure argument is not modelled
        const closureArg = ctx.code === 'exec' ? e.args.find((a) => a.k === 'closure' && !this.closureArgsTaken.has(a)) : undefined;
        if (closureArg) this.unsupportedHere('unsupported: closure in exec code (only spec closures, `spec_fn` values, are modelled)', closureArg.sp);
        return result;
      }
      case 'field': {
        this.placeUse = 'base';
        const r = shallow(this.infer(e.recv, ctx), this.vars);
        const union = this.unionOf(r);
        if (union) {
          // (in a spec fn: Verus's error; in the ghost code of an exec or proof fn, which may be
          // the local-borrow phase's rewrite of `&mut u.f`, not modelled)
          if (ctx.code === 'spec' && ctx.fn?.mode === 'spec') throw new ResolveError('union field access is not allowed in pure context (use the Verus `get_union_field` builtin instead)', e.sp);
          if (ctx.code === 'spec') this.unsupportedHere('unsupported: a union field read in ghost code (use `get_union_field`)', e.sp);
          if (union.generics.length) this.unsupportedHere('unsupported: a generic union', e.sp);
          return this.unionField(e, union, r, e.name, 'read', e.sp);
        }
        const mode = this.fieldMode(r, e.name);
        if (mode && ctx.code === 'exec') this.error(`expression has mode ${mode}, expected mode exec: field \`${e.name}\` is ${mode === 'spec' ? 'ghost' : 'tracked'}, and exists only in ghost code`, e.sp);
        return this.fieldType(r, e.name, e.sp);
      }
      case 'index': {
        this.placeUse = 'base';
        const r = shallow(this.infer(e.recv, ctx), this.vars);
        // `a[i..j]`: a slice of an array or slice
        if (e.idx.k === 'range') {
          if (r.k === 'array') return this.rangeIndex(r, e.idx, ctx);
          this.infer(e.idx, ctx);
          return C_ANY;
        }
        if (r.k === 'array' || r.k === 'seq') {
          const i = this.infer(e.idx, ctx);
          if (r.k === 'array' && ctx.code === 'exec') this.unify({ k: 'int', kind: 'usize' }, i, e.idx.sp);
          // a spec index is an `int` (Verus's `Seq::index(i: int)`): it types an unannotated binder
          else if (shallow(i, this.vars).k === 'tvar') this.unify(C_INT, i, e.idx.sp);
          else if (!isIntLike(shallow(i, this.vars)) && i.k !== 'any') this.error('the index must be an integer', e.idx.sp);
          return r.elem;
        }
        if (r.k === 'map') {
          this.expect(e.idx, r.key, ctx);
          return r.val;
        }
        // a user type: spec `x[i]` is `x.spec_index(i)`, exec `x[i]` is `x.index(i)` (Verus)
        const viaMethod = this.operatorMethod(e, e.recv, r, ghost(ctx.code) ? 'spec_index' : 'index', [e.idx], ctx);
        if (viaMethod) {
          if (ctx.code === 'exec') this.assignWhileBorrowed(e.recv, [e.idx], ctx);
          return viaMethod;
        }
        this.infer(e.idx, ctx);
        // (a `for` loop reads its collection by index, parser.ts: one that has none is not iterated here)
        if (r.k !== 'any' && e.recv.k === 'path' && e.recv.segs[0] === '$for_src') this.unsupportedHere(`a \`for\` loop over a value of type \`${cTyStr(r, this.vars)}\` (only ranges, Vec, slices and arrays are iterated)`, e.sp);
        else if (r.k !== 'any') this.error(`cannot index into a value of type \`${cTyStr(r, this.vars)}\``, e.sp);
        return C_ANY;
      }
      case 'view': {
        this.requireGhost(ctx, '`@` (the view of a value)', e.sp);
        // (vstd: a pointer's view is the view of what it holds)
        if (e.e.k === 'path') this.pointerUses.add(e.e);
        const r = shallow(this.infer(e.e, ctx), this.vars);
        if (r.k === 'array') return { k: 'seq', elem: r.elem };
        // `g@` of a `Ghost<T>` / `Tracked<T>` is the `T` (the resolver erases the wrapper);
        // otherwise a user type's `view` method (Verus's `View` trait), else the value itself
        if (this.viewsWrapper(e.e, ctx)) return r;
        return this.operatorMethod(e, e.e, r, 'view', [], ctx) ?? r;
      }
      case 'cast': {
        const to = this.resolve(e.ty, ctx.fn ?? null);
        const from = shallow(this.infer(e.e, ctx, to), this.vars);
        if (this.isFloat(to) || this.isFloat(from)) return this.floatCast(e, from, to, ctx);
        // a raw pointer as another (the address and provenance kept) or as an integer (its
        // address); nothing else is one (Verus: no integer-to-pointer cast)
        if (isRawPtr(to) || isRawPtr(from)) {
          if (isRawPtr(from) && (isRawPtr(to) || (to.k === 'int' && (ghost(ctx.code) || isMachine(to.kind))))) return to;
          // (`&x as *const T`: the types erase the reference, so it looks like `x`'s value)
          const local = this.pathLocal(e.e, ctx);
          if ((e.e.k === 'unary' && (e.e.op === '&' || e.e.op === '&mut')) || local?.ref) this.unsupportedHere('unsupported: a reference cast to a raw pointer', e.sp);
          else this.error(`Verus does not support this cast: \`${cTyStr(from, this.vars)}\` as \`${cTyStr(to, this.vars)}\``, e.sp);
          return to;
        }
        // Verus's `real` (ghost code): any integer (or real) as a real; a real casts to nothing else
        if (to.k === 'real') {
          this.requireGhost(ctx, 'a cast to `real`', e.sp);
          if (from.k !== 'any' && from.k !== 'real' && !isIntLike(from)) this.error(`non-primitive cast: \`${cTyStr(from, this.vars)}\` as \`real\``, e.sp);
          return to;
        }
        if (from.k === 'real') {
          this.error(`non-primitive cast: \`real\` as \`${cTyStr(to, this.vars)}\` (\`floor()\` gives the integer part)`, e.sp);
          return to;
        }
        if (to.k === 'char') {
          // rustc: only `u8` casts to `char` (an unsuffixed literal becomes one); Verus's ghost
          // code casts any integer (a value that is not a scalar value gives some char)
          if (from.k === 'ivar' && ctx.code === 'exec') this.unifies(from, { k: 'int', kind: 'u8' });
          const f = shallow(from, this.vars);
          if (ghost(ctx.code) && isIntLike(f)) return to;
          if (f.k !== 'any' && f.k !== 'char' && !(f.k === 'int' && f.kind === 'u8')) this.error(`only \`u8\` can be cast as \`char\`, not \`${cTyStr(f, this.vars)}\``, e.sp);
          return to;
        }
        if (from.k === 'char' && to.k !== 'int') this.error(`non-primitive cast: \`char\` as \`${cTyStr(to, this.vars)}\``, e.sp);
        else if (from.k !== 'any' && from.k !== 'char' && !isIntLike(from) && from.k !== 'bool' && !this.unifies(to, from)) this.error(`non-primitive cast: \`${cTyStr(from, this.vars)}\` as \`${cTyStr(to, this.vars)}\``, e.sp);
        if (ctx.code === 'exec' && to.k === 'int' && !isMachine(to.kind)) this.requireGhost(ctx, `a cast to \`${to.kind}\``, e.sp);
        return to;
      }
      case 'if': {
        this.expect(e.cond, C_BOOL, ctx);
        const before = this.snap();
        const tail = this.tailCodes.get(e);
        if (tail && e.els) this.tailCodes.set(e.els, tail);
        const t = this.block(e.then, ctx, hint, tail);
        const afterThen = t === null ? null : this.snap();
        this.restore(before);
        if (!e.els) {
          this.join(before, [afterThen, before]);
          return C_UNIT;
        }
        const f = this.infer(e.els, ctx, hint);
        this.join(before, [afterThen, this.diverges(e.els) ? null : this.snap()]);
        if (t === null) return f;
        this.unify(t, f, e.els.sp);
        return t;
      }
      case 'match': {
        // (matched in place; a by-value binding of a non-`Copy` part moves the scrutinee, below)
        if (e.letElse && ctx.code !== 'exec') this.error('The verifier does not yet support the following Rust feature: let-else in spec/proof', e.sp);
        if (e.letElse && !this.diverges(e.arms[1]!.body)) this.error('`else` clause of `let...else` does not diverge (it must end in `return`, `break` or `continue`)', e.arms[1]!.body.sp);
        const s = this.inferBorrowed(e.scrut, ctx);
        if (ctx.code !== 'spec' && this.isMutRef(e.scrut, ctx) && e.arms.some((a) => this.binds(a.pat))) this.error('not supported: bindings in a match on a `&mut` reference (mutation through them would not reach the matched place)', e.scrut.sp);
        let result: CTy | null = null;
        const before = this.snap();
        const after: (Flow | null)[] = [];
        for (const arm of e.arms) {
          this.restore(before);
          ctx.scopes.push(new Map());
          if (arm.guard && this.hasRefMut(arm.pat)) this.error('Not supported: match arm containing both a match-guard and a binding by mutable reference', arm.pat.sp);
          // (Rust tries each alternative with the guard in turn, binding anew: `(true, a) | (a,
          // false) if a` enters the arm on `(true, false)` through the second; Verus refuses it)
          if (arm.guard && someNode(arm.pat, (n) => n.k === 'or')) this.error('Not supported: match arm containing both an or-pattern (|) and a match-guard', arm.pat.sp);
          // (ghost code matching a spec value: its bindings are spec ones, for the `ref mut` rule)
          this.specScrutinee = ghost(ctx.code) && this.specValue(e.scrut, ctx);
          try {
            this.refMutIntoInvariant(e.scrut, arm.pat);
            // (matching a spec value binds spec values: never tracked ones)
            this.pattern(arm.pat, s, ctx, ghost(ctx.code), this.specScrutinee ? 'spec' : ghost(ctx.code) ? 'unknown' : 'exec');
          } finally {
            this.specScrutinee = false;
          }
          if (arm.guard) this.expect(arm.guard, C_BOOL, ctx);
          const tail = this.tailCodes.get(e);
          if (tail && compoundTail(arm.body)) this.tailCodes.set(arm.body, tail);
          const t = this.infer(arm.body, tail && !compoundTail(arm.body) ? { ...ctx, code: tail } : ctx, hint ?? result ?? undefined);
          if (!this.diverges(arm.body)) {
            if (result === null) result = t;
            else this.unify(result, t, arm.body.sp);
          }
          after.push(this.diverges(arm.body) ? null : this.snap());
          ctx.scopes.pop();
        }
        if (e.arms.length) this.join(before, after);
        // rustc (E0004): the arms without a guard cover every value
        const known = !['any', 'tvar'].includes(shallow(s, this.vars).k);
        const missing = known ? uncovered(e.arms.filter((a) => !a.guard).map((a) => [a.pat]), [s], (t) => this.ctorsOf(t), 0, this.intDomain()) : null;
        // (a range bound whose value is not known here covers nothing above: not decided)
        const unknownBound = (p: Pat) => someNode(p, (n) => n.k === 'range' && [(n as Extract<Pat, { k: 'range' }>).lo, (n as Extract<Pat, { k: 'range' }>).hi].some((b) => b && b.k !== 'char' && this.crate.constIntValue(b) === null));
        if (missing && e.arms.some((a) => unknownBound(a.pat))) this.unsupportedHere('the exhaustiveness of a match on range patterns with bounds whose values are not known', e.scrut.sp);
        else if (missing) this.error(`non-exhaustive patterns: \`${shallow(s, this.vars).k === 'char' && /^\d+$/.test(missing[0]!) ? charOfIndex(BigInt(missing[0]!)) : missing[0]}\` not covered`, e.scrut.sp);
        // matching an owned place binds its parts by value: one of a non-`Copy` type moves it out
        // (rustc: "use of partially moved value" afterwards)
        if (e.arms.some((a) => this.bindsByValue(a.pat, ctx))) this.markMoved(e.scrut, s, ctx);
        return result ?? C_ANY;
      }
      case 'block':
        return this.block(e.block, ctx, hint, this.tailCodes.get(e)) ?? C_ANY;
      case 'quant': {
        this.quantAttrs(e.attrs);
        // quantifiers and `choose` are spec expressions (Verus: mode spec)
        this.requireGhost(ctx, `\`${e.q}\``, e.sp);
        const scope = new Map<string, Local>();
        const tys = e.params.map((p) => this.binderType(p, ctx));
        e.params.forEach((p, i) => scope.set(p.name, { ty: tys[i]!, ghost: true, mutable: false, mutRef: false, mode: 'spec' }));
        const inner: Ctx = { ...ctx, code: 'spec', scopes: [...ctx.scopes, scope] };
        for (const tr of e.triggers) for (const t of tr) this.infer(t, inner);
        const letInTrigger = triggerOnLetVariable(e.body, new Set());
        if (letInTrigger) this.error('let variables in triggers not supported', letInTrigger);
        if (e.q === 'choose') {
          this.expect(e.body, C_BOOL, inner);
          return tys.length === 1 ? tys[0]! : { k: 'tuple', elems: tys };
        }
        this.expect(e.body, C_BOOL, inner);
        return C_BOOL;
      }
      case 'struct':
        this.noStoredMutBorrow(e.fields.map((f) => f.e));
        return this.structLit(e, ctx);
      case 'tuple':
        this.noStoredMutBorrow(e.elems);
        // (an element moves its value whole: a `Tracked` local may be one)
        return { k: 'tuple', elems: e.elems.map((x) => this.inferWhole(x, ctx)) };
      case 'array': {
        this.noStoredMutBorrow(e.elems);
        const hintElem = hint && shallow(hint, this.vars).k === 'array' ? (shallow(hint, this.vars) as { elem: CTy }).elem : undefined;
        // each element is a coercion site for a slice element type (`&[&[1u8]]` as a `&[&[u8]]`)
        const sliceElem = hintElem && shallow(hintElem, this.vars);
        if (sliceElem?.k === 'array' && isSliceLen(sliceElem.len)) {
          for (const x of e.elems) this.expect(x, sliceElem, ctx);
          return e.elems.length ? { k: 'array', elem: sliceElem, len: { k: 'cval', n: BigInt(e.elems.length) } } : C_ANY;
        }
        let elem: CTy | null = null;
        for (const x of e.elems) {
          const t = this.infer(x, ctx, hintElem);
          if (elem === null) elem = t;
          else this.unify(elem, t, x.sp);
        }
        return elem ? { k: 'array', elem, len: { k: 'cval', n: BigInt(e.elems.length) } } : C_ANY;
      }
      case 'array-rep': {
        const hintElem = hint && shallow(hint, this.vars).k === 'array' ? (shallow(hint, this.vars) as { elem: CTy }).elem : undefined;
        const elem = this.infer(e.elem, ctx, hintElem);
        const n = this.crate.constIntValue(e.len);
        this.infer(e.len, { ...ctx, code: 'exec' }, { k: 'int', kind: 'usize' });
        // rustc: the element is copied into each place, so it is `Copy` (or a constant, or there
        // are at most one of it)
        const constElem = e.elem.k === 'path' && !this.pathLocal(e.elem, ctx) && !!this.crate.consts.get(e.elem.segs[e.elem.segs.length - 1]!);
        if (!(n !== null && n <= 1n) && !constElem && movesValue(elem, this.vars, ctx.fn ?? null, this.crate)) this.error(`the trait bound \`${cTyStr(elem, this.vars)}: Copy\` is not satisfied`, e.elem.sp);
        if (n !== null) return { k: 'array', elem, len: { k: 'cval', n } };
        // `[a; N]` of a const generic parameter `N`: an array of length `N`
        const constParam = e.len.k === 'path' && e.len.segs.length === 1 && ctx.fn?.genericParams?.some((p) => p.kind === 'const' && p.name === (e.len as { segs: string[] }).segs[0]);
        return constParam ? { k: 'array', elem, len: { k: 'param', name: (e.len as { segs: string[] }).segs[0]! } } : C_ANY;
      }
      case 'macro': {
        if (e.name === 'map') {
          // keys and values alternate
          this.requireGhost(ctx, '`map!`', e.sp);
          const spec: Ctx = { ...ctx, code: 'spec' };
          const key = this.vars.freshType();
          const val = this.vars.freshType();
          e.args.forEach((a, i) => this.expect(a, i % 2 === 0 ? key : val, spec));
          return { k: 'map', key, val };
        }
        if (e.name === 'decreases_to' && e.split !== undefined) {
          // (each side a `decreases` measure: integers or datatypes, vcgen/spec-fns.ts measureOf)
          this.requireGhost(ctx, '`decreases_to!`', e.sp);
          for (const a of e.args) this.infer(a, { ...ctx, code: 'spec' });
          return C_BOOL;
        }
        if (e.name !== 'seq' && e.name !== 'set') {
          for (const a of e.args) this.infer(a, ctx);
          return C_ANY;
        }
        this.requireGhost(ctx, `\`${e.name}!\``, e.sp);
        let elem: CTy | null = null;
        for (const a of e.args) {
          const t = this.infer(a, { ...ctx, code: 'spec' });
          if (elem === null) elem = t;
          else this.unify(elem, t, a.sp);
        }
        // (an empty one takes its element type from its context: `let s: Set<u64> = set![]`)
        return { k: e.name, elem: elem ?? this.vars.freshType() };
      }
      case 'trigger':
        if (e.attrArgs) this.error('invalid trigger attribute: to provide a trigger expression, use the #![trigger <expr>] attribute', e.attrArgs);
        return this.infer(e.e, ctx, hint);
      case 'return': {
        if (e.e?.k === 'path' && pointerOf(ctx.fn?.ret?.ty)) this.pointerUses.add(e.e);
        if (ctx.code === 'spec') this.error('`return` is not allowed in spec code', e.sp);
        if (e.e) this.expect(e.e, ctx.retTy, { ...ctx, code: ctx.code === 'exec' ? ctx.retCode : ctx.code });
        else this.unify(ctx.retTy, C_UNIT, e.sp);
        if (e.e && !ctx.inClosure) this.wrapperAgrees(e.e, ctx.fn?.ret?.ty, ctx.fn, ctx);
        return C_ANY;
      }
      case 'break': case 'continue': {
        if (e.label !== undefined && !this.loopLabels.includes(e.label)) this.error(`use of undeclared label \`${e.label}\``, e.sp);
        if (e.label === undefined && this.loopLabels[this.loopLabels.length - 1] === WHILE_CONDITION) this.error(`\`${e.k}\` with no label in the condition of a \`while\` loop`, e.sp);
        // Verus's rules for a labelled jump out of nested loops
        const at = e.label === undefined ? this.loops.length - 1 : this.loops.map((l) => l.label).lastIndexOf(e.label);
        const target = this.loops[at];
        if (target && e.k === 'continue' && e.label !== undefined && target.decreases && at < this.loops.length - 1) this.error('decrease checking for labeled continue not supported', e.sp);
        if (target && e.k === 'break' && !target.isolated && this.loops.slice(at + 1).some((l) => l.isolated)) this.error("loop with loop_isolation=false contains 'break' statement inside a nested loop with loop_isolation=true", e.sp);
        return C_ANY;
      }
      case 'while': case 'loop': {
        if (ctx.code !== 'exec') this.error(`cannot use ${e.k} in proof or spec mode`, e.sp);
        // a loop that sees the facts before it (Verus) keeps its invariants simple
        const isolated = e.isolation ?? !(ctx.fn && withoutLoopIsolation(ctx.fn));
        if (isolated) this.out.isolatedLoops.add(e);
        if (!isolated && e.complex && !hasVerifierAttr(ctx.fn?.attrs ?? [], 'allow_complex_invariants')) this.error("loop invariants with 'loop_isolation(false)' cannot be invariant_except_break or ensures, unless #[verifier::allow_complex_invariants] is used", e.complex);
        if (e.k === 'while') {
          // (in the condition, only a labelled `break` / `continue` may name this loop: rustc E0590)
          this.loopLabels.push(e.label, WHILE_CONDITION);
          try {
            this.expect(e.cond, C_BOOL, ctx);
          } finally {
            this.loopLabels.length -= 2;
          }
        }
        const spec: Ctx = { ...ctx, code: 'spec' };
        for (const i of [...e.inv, ...e.invEnsures]) this.expect(i, C_BOOL, spec);
        for (const d of e.dec) this.decreasesMeasure(d, spec);
        if (!e.dec.length && ctx.code === 'exec' && !execTerminationWaived(ctx.fn, this.options)) this.error('loop must have a decreases clause', { start: e.sp.start, end: e.sp.start + e.k.length });
        const before = this.snap();
        this.loopLabels.push(e.label);
        const loop = { label: e.label, isolated, decreases: e.dec.length > 0, written: new Set<Local>(), captured: new Map<Local, Sp>() };
        this.loops.push(loop);
        try {
          this.block(e.body, ctx);
        } finally {
          this.loopLabels.pop();
          this.loops.pop();
        }
        // a closure made in the loop borrows what the next iteration's earlier code writes
        for (const [local, sp] of loop.captured) if (loop.written.has(local)) this.unsupportedHere('not supported: a loop writes a variable that a closure made in it borrows', sp);
        const afterBody = this.snap();
        // the body may not run (or stop at a `break` before an assignment); what it moved may be moved
        this.join(before, [before, afterBody]);
        return e.k === 'while' ? C_UNIT : C_ANY;
      }
      case 'assign':
        return this.assign(e, ctx);
      case 'closure':
        return ctx.code === 'exec' || e.exec?.proofFn ? this.execClosure(e, ctx) : this.specClosure(e, ctx, hint);
      case 'range':
        // (as an index: `index`; anywhere else a range is not modelled)
        this.sawUnsupported ??= { what: 'range expression', sp: e.sp };
        return C_ANY;
      case 'unsupported':
        this.sawUnsupported ??= { what: e.what, sp: e.sp };
        return C_ANY;
    }
  }

  /**
   * `a[lo..hi]` (any of Rust's range forms) of an array or slice: a slice of its elements; the
   * bounds are `usize` in exec code, integers in ghost code (VC generation checks them in exec code).
   */
  private rangeIndex(r: CTy, range: Extract<Expr, { k: 'range' }>, ctx: Ctx): CTy {
    for (const b of [range.lo, range.hi]) if (b) (ctx.code === 'exec' ? this.expect(b, { k: 'int', kind: 'usize' }, ctx) : this.intArg(b, ctx));
    this.record(range, C_ANY);
    return { k: 'array', elem: (r as Extract<CTy, { k: 'array' }>).elem, len: C_SLICE_LEN };
  }

  /**
   * `Seq::new(n, |i: int| e)` (a `Seq` of length `n: nat` whose element `i` is `e`) and
   * `Set::new(|x: T| p)` (the `Set<T>` of the `x` where `p` holds): spec closures, typed like a
   * quantifier's body (the parameter is a binder: `binderTypes`). Null for any other call.
   */
  private specClosureCall(e: Extract<Expr, { k: 'call' }>, ctx: Ctx): CTy | null {
    if (e.callee.k !== 'path' || e.callee.segs.length !== 2 || e.callee.segs[1] !== 'new') return null;
    const owner = builtinCollection(e.callee.segs[0]);
    const fnArg = owner === 'Seq' ? e.args[1] : owner === 'Set' ? e.args[0] : undefined;
    if (!fnArg || fnArg.k !== 'closure' || e.args.length !== (owner === 'Seq' ? 2 : 1)) return null;
    this.requireGhost(ctx, `\`${owner}::new\``, e.sp);
    if (fnArg.params.length !== 1) {
      this.error(`\`${owner}::new\` takes a closure of one parameter`, fnArg.sp);
      return C_ANY;
    }
    const p = fnArg.params[0]!;
    const pty = this.binderType(p, ctx);
    const scope = new Map<string, Local>([[p.name, { ty: pty, ghost: true, mutable: false, mutRef: false, mode: 'spec' }]]);
    const inner: Ctx = { ...ctx, code: 'spec', scopes: [...ctx.scopes, scope] };
    const g = e.callee.generics.map((x) => this.resolve(x, ctx.fn?.selfType ?? null));
    if (owner === 'Seq') {
      this.expect(e.args[0]!, C_NAT, { ...ctx, code: 'spec' });
      this.unify(C_INT, pty, p.sp);
      const elem = g[0] ? this.expect(fnArg.body, g[0], inner) : this.inferWhole(fnArg.body, inner);
      return { k: 'seq', elem: g[0] ?? elem };
    }
    if (g[0]) this.unify(g[0], pty, p.sp);
    this.expect(fnArg.body, C_BOOL, inner);
    return { k: 'set', elem: g[0] ?? pty };
  }

  /**
   * A closure in ghost code is a `spec_fn` value (Verus): its parameters are binders (typed from
   * their annotation or the expected `spec_fn` type), its body is spec code that may read the
   * variables around it (their values where the closure is written). Exec closures are not modelled.
   */
  private specClosure(e: Extract<Expr, { k: 'closure' }>, ctx: Ctx, hint?: CTy): CTy {
    // (a spec closure's body is pure: Verus refuses a `return` in it)
    if (someNode(e.body, (n) => n.k === 'return', (n) => n.k === 'closure')) this.error('return is not allowed in pure context', e.body.sp);
    if (e.exec) this.unsupportedHere('unsupported: a closure with `move`, a result annotation or `requires` / `ensures` in ghost code (`proof_fn`)', e.sp);
    const want = hint ? shallow(hint, this.vars) : null;
    const wantFn = want?.k === 'fn' && want.params.length === e.params.length ? want : null;
    const scope = new Map<string, Local>();
    const params = e.params.map((p, i) => {
      if (p.mut) this.unsupportedHere('unsupported: a `mut` parameter of a spec closure', p.sp);
      const t = this.binderType(p, ctx);
      if (wantFn) this.unify(wantFn.params[i]!, t, p.sp);
      scope.set(p.name, { ty: t, ghost: true, mutable: false, mutRef: false, mode: 'spec' });
      return t;
    });
    const inner: Ctx = { ...ctx, code: 'spec', scopes: [...ctx.scopes, scope] };
    const ret = wantFn ? this.expect(e.body, wantFn.ret, inner) : this.inferWhole(e.body, inner);
    // (its body is checked first: Verus's errors there stand)
    if (!e.params.length) this.unsupportedHere('unsupported: a closure without parameters', e.sp);
    return { k: 'fn', params, ret: wantFn?.ret ?? ret };
  }

  /**
   * A closure in exec code (Verus's exec closure): a value of its own type (`closure`, this
   * expression's id) whose parameters are exec values, whose body is exec code returning the
   * closure's result (a `return` inside returns from the closure; no loop around it can be left),
   * and whose `requires` / `ensures` are spec code over the parameters, the named result and the
   * values around it. What VC generation models is a closure that only reads what it captures.
   */
  private execClosure(e: Extract<Expr, { k: 'closure' }>, ctx: Ctx): CTy {
    const clauses = e.exec;
    // a `proof_fn` (Verus's proof closure): written in proof code, its body is proof code, its
    // parameters spec values; it is tracked and, unless `[Copy]`, moved by a use
    const proof = clauses?.proofFn;
    if (proof) {
      if (ctx.code !== 'proof') this.error('proof closure can only appear in proof mode', e.sp);
      const unknown = proof.find((x) => !['Once', 'Mut', 'Copy', 'Send', 'Sync'].includes(x));
      if (unknown) this.unsupportedHere(`unsupported: \`proof_fn[${unknown}]\``, e.sp);
      if (someNode(e.body, (n) => n.k === 'return', (n) => n.k === 'closure')) this.error('Verus does not yet support `return` inside `proof_fn`', e.body.sp);
    }
    const code: CodeMode = proof ? 'proof' : 'exec';
    const scope = new Map<string, Local>();
    const params = e.params.map((p) => {
      if (p.ty.k === 'ref' && p.ty.mut) this.unsupportedHere('not supported: a closure parameter of type `&mut ..` (mutation through it would not reach the caller\'s place)', p.sp);
      if (p.mut && proof) this.unsupportedHere('unsupported: a `mut` parameter of a proof closure', p.sp);
      const t = this.binderType(p, ctx);
      scope.set(p.name, proof ? { ty: t, ghost: true, mutable: false, mutRef: false, mode: p.tracked ? 'tracked' : 'spec' } : { ty: t, ghost: false, mutable: !!p.mut, mutRef: false, mode: 'exec' });
      return t;
    });
    // (a proof closure's `tracked` parameters and result: part of its type, as in Verus)
    const tracked: TrackedModes | undefined = proof && (clauses.ret?.tracked || e.params.some((p) => p.tracked)) ? { params: e.params.map((p) => !!p.tracked), ret: !!clauses.ret?.tracked } : undefined;
    const ret = clauses?.ret ? this.resolve(clauses.ret.ty, ctx.fn ?? null) : this.vars.freshType();
    const inner: Ctx = { ...ctx, code, scopes: [...ctx.scopes, scope], retTy: ret, retCode: proof ? 'spec' : 'exec', inAssertBy: false, inEnsures: false, inClosure: true };
    const spec: Ctx = { ...inner, code: 'spec' };
    for (const r of clauses?.requires ?? []) this.expect(r, C_BOOL, spec);
    const [loops, labels] = [this.loops, this.loopLabels];
    this.loops = [];
    this.loopLabels = [];
    const movedBefore = this.moved.length;
    // (a tracked result is a proof-mode value, judged as a proof fn's tracked result is)
    const trackedResults = this.trackedResults;
    this.trackedResults = tracked?.ret ? resultExprs({ stmts: [{ k: 'expr', e: e.body, semi: false, sp: e.body.sp }], sp: e.body.sp }) : new Set();
    try {
      const body = this.infer(e.body, inner);
      if (!this.diverges(e.body)) this.unify(ret, body, e.body.sp);
    } finally {
      [this.loops, this.loopLabels] = [loops, labels];
      this.trackedResults = trackedResults;
    }
    // Verus refuses a closure that captures a variable by mutable reference (a proof closure may
    // still hand on a spec `&mut` it captures: a spec value, copied)
    const mutCapture = this.mutableCapture(e, ctx, !!proof);
    if (mutCapture) this.error('Verus does not currently support closures capturing a mutable reference', mutCapture);
    // rustc: a closure that moves what it captures can be called once (FnOnce), and a `move`
    // closure takes what it captures at once: neither is modelled
    const outer = (l: Local) => ctx.scopes.some((m) => [...m.values()].includes(l));
    const movedCapture = this.moved.slice(movedBefore).find((m) => outer(m.local));
    if (movedCapture) this.unsupportedHere('not supported: a closure that moves a value it captures (an `FnOnce` closure)', e.sp);
    // (a `[Copy]` proof closure holds what it captures: each must be `Copy`, as rustc requires)
    if (proof?.includes('Copy')) {
      for (const { use, local } of this.namedLocals(e.body, ctx)) {
        if (!isCopy(local.ty, this.vars, ctx.fn ?? null, this.crate)) this.error(`the trait bound \`${cTyStr(local.ty, this.vars)}: Copy\` is not satisfied in a \`proof_fn[Copy]\` closure capturing \`${printExpr(use)}\``, use.sp);
      }
    }
    const captured = this.namedLocals([e.body, clauses?.requires, clauses?.ensures], ctx);
    for (const { use, local } of captured) {
      if (clauses?.move) {
        if (!local.ghost && this.moves(local.ty, { ...ctx, code: 'proof' })) this.unsupportedHere('not supported: a `move` closure capturing a value that is not `Copy`', use.sp);
        if (local.mode === 'tracked') this.unsupportedHere('not supported: a `move` closure capturing a tracked value', use.sp);
      } else {
        this.closureBorrows.set(local, e.sp);
        for (const l of this.loops) l.captured.set(local, e.sp);
      }
    }
    const named = clauses?.ret?.name;
    const after: Ctx = named ? { ...spec, scopes: [...spec.scopes, new Map([[named, { ty: ret, ghost: true, mutable: false, mutRef: false, mode: 'spec' } as Local]])] } : spec;
    for (const en of clauses?.ensures ?? []) this.expect(en, C_BOOL, after);
    return { k: 'closure', id: this.closureIds.get(e) ?? this.closureIds.set(e, this.closureIds.size).get(e)!, params, ret, ...(proof ? { proof } : {}), ...(tracked ? { tracked } : {}) };
  }
  /**
   * Where an exec closure's body (its nested closures' too) borrows a variable from around it
   * mutably (rustc then captures it by `&mut`): an assignment to it or a field of it, `&mut` of
   * it, a `ref mut` binding of it, a call taking a `&mut` parameter of the function as argument
   * (a reborrow), a method taking `&mut self` on it. Names the body binds itself are its own.
   */
  private mutableCapture(e: Extract<Expr, { k: 'closure' }>, ctx: Ctx, proof: boolean): Sp | null {
    let at: Sp | null = null;
    const isMutRefType = (t: TypeExpr | undefined): boolean => t?.k === 'ref' && t.mut;
    const rootOf = (x: Expr): string | null => {
      while (x.k === 'field' || x.k === 'index' || (x.k === 'unary' && x.op === '*')) x = x.k === 'unary' ? x.e : x.recv;
      return x.k === 'path' && x.segs.length === 1 ? x.segs[0]! : null;
    };
    const walk = (node: unknown, own: Set<string>): void => {
      if (at || !node || typeof node !== 'object') return;
      if (Array.isArray(node)) {
        // (a statement list binds as it goes: a `let` shadows for what follows)
        const scope = new Set(own);
        for (const x of node) {
          walk(x, scope);
          if (x && typeof x === 'object' && (x as Stmt).k === 'let') someNode((x as Extract<Stmt, { k: 'let' }>).pat, (p) => (p.k === 'bind' && scope.add((p as unknown as { name: string }).name), false));
        }
        return;
      }
      const o = node as Expr | Stmt | Pat;
      const outer = (name: string | null): boolean => name !== null && !own.has(name) && this.lookup(name, ctx) !== null;
      if (o.k === 'closure') {
        walk(o.body, new Set([...own, ...o.params.map((p) => p.name)]));
        return;
      }
      if (o.k === 'assign' && outer(rootOf(o.lhs))) at = o.lhs.sp;
      else if (o.k === 'unary' && o.op === '&mut' && outer(rootOf(o.e))) at = o.sp;
      else if (o.k === 'call' && o.args.some((a, i) => a.k === 'path' && a.segs.length === 1 && outer(a.segs[0]!) && this.lookup(a.segs[0]!, ctx)?.mutRef && (!proof || this.lookup(a.segs[0]!, ctx)?.mode === 'tracked') && isMutRefType(this.callees.get(o)?.params[i]?.ty))) at = o.sp;
      else if (o.k === 'method' && outer(rootOf(o.recv))) {
        const self = this.callees.get(o)?.params[0];
        if (self?.isSelf && self.ty.k === 'ref' && self.ty.mut) at = o.sp;
      } else if ((o.k === 'let' && o.init && outer(rootOf(o.init))) || (o.k === 'match' && outer(rootOf(o.scrut)))) {
        const pats = o.k === 'let' ? [o.pat] : o.arms.map((a) => a.pat);
        if (someNode(pats, (p) => p.k === 'bind' && !!(p as unknown as { ref?: boolean }).ref && (p as unknown as { mut: boolean }).mut)) at = o.sp;
      }
      if (at) return;
      if (o.k === 'match') {
        walk(o.scrut, own);
        for (const arm of o.arms) {
          const inArm = new Set(own);
          someNode(arm.pat, (p) => (p.k === 'bind' && inArm.add((p as unknown as { name: string }).name), false));
          walk([arm.guard, arm.body], inArm);
        }
        return;
      }
      for (const key of Object.keys(o)) if (key !== 'sp') walk((o as unknown as Record<string, unknown>)[key], own);
    };
    walk(e.body, new Set(e.params.map((p) => p.name)));
    return at;
  }

  /** Each variable named in `syntax` (a single-segment path) that `ctx` binds, with the use naming it (an over-approximation of a closure's captures: a name the closure binds again counts too). */
  private namedLocals(syntax: unknown, ctx: Ctx): { use: Expr; local: Local }[] {
    const out: { use: Expr; local: Local }[] = [];
    someNode(syntax, (n) => {
      const x = n as Expr;
      const local = this.pathLocal(x, ctx);
      if (local) out.push({ use: x, local });
      return false;
    });
    return out;
  }
  /** The type identity of each exec closure expression (rustc: every closure has a type of its own). */
  private closureIds = new Map<Expr, number>();

  /**
   * The `Fn(A) -> B` / `FnMut` / `FnOnce` bound of the generic parameter `name` of `f` (at most one:
   * check/generic-params.ts), with its signature as checker types.
   */
  private fnBound(f: FnItem | null, name: string): { kind: string; sig: CallSig } | null {
    const b = f?.genericParams?.find((p) => p.name === name)?.bounds.find((x) => x.fnSig);
    if (!f || !b?.fnSig) return null;
    return { kind: b.name, sig: { k: 'sig', params: b.fnSig.params.map((t) => this.resolve(t, f)), ret: b.fnSig.ret ? this.resolve(b.fnSig.ret, f) : C_UNIT } };
  }

  /** `f(a, b)` of an exec closure `f` (or of a value whose type parameter has an `Fn` bound): exec code only (Verus: ghost code calls only `spec_fn` values). */
  private applyClosure(e: Extract<Expr, { k: 'call' }>, f: Extract<CTy, { k: 'closure' }> | CallSig, ctx: Ctx): CTy {
    const proof = f.k === 'closure' ? f.proof : undefined;
    if (proof && f.k === 'closure') {
      if (proof.includes('NotCallable')) this.error(`expected function, found \`${cTyStr(f, this.vars)}\` (its marker parameter has no \`ProofFn\` bound)`, e.sp);
      if (ctx.code !== 'proof') this.error('cannot call function with mode proof', e.sp);
      const callee = this.pathLocal(e.callee, ctx);
      // (a proof closure held by a spec binding, `let f = proof_fn|..| ..`, is a spec value)
      if (callee?.mode === 'spec') this.error('expression has mode spec, expected mode proof', e.callee.sp);
      // `[Once]` is consumed by its call, `[Mut]` needs a `mut` binding
      if (proof.includes('Once')) this.useOfPlace(e.callee, f, 'value', ctx);
      if (proof.includes('Mut') && callee?.mutable === false) this.error(`cannot borrow \`${(e.callee as { segs: string[] }).segs[0]}\` as mutable, as it is not declared as mutable`, e.callee.sp);
      if (e.args.length !== f.params.length) this.error(`this function takes ${f.params.length} arguments but ${e.args.length} were supplied`, e.sp);
      // a spec parameter reads its argument; a tracked one takes (moves) a proof-mode value
      e.args.forEach((a, i) => {
        if (!f.params[i]) return this.infer(a, ctx);
        const tracked = !!f.tracked?.params[i];
        this.expect(a, f.params[i]!, tracked ? ctx : { ...ctx, code: 'spec' });
        if (tracked) this.trackedValue(a, ctx);
      });
      this.proofClosureCalls.set(e, !!f.tracked?.ret);
      return f.ret;
    }
    if (ghost(ctx.code)) this.error('to call a non-static function in ghost code, it must be a spec_fn', e.sp);
    if (e.args.length !== f.params.length) this.error(`this function takes ${f.params.length} arguments but ${e.args.length} were supplied`, e.sp);
    e.args.forEach((a, i) => (f.params[i] ? this.expect(a, f.params[i]!, ctx) : this.infer(a, ctx)));
    return f.ret;
  }

  /**
   * `f.requires((a, b))` / `f.ensures((a, b), r)` of an exec closure and vstd's `call_requires(f,
   * (a, b))` / `call_ensures(f, (a, b), r)`: spec predicates (what the closure needs of its
   * arguments; what it may give).
   */
  private closurePredicate(kind: 'requires' | 'ensures', fTy: CTy, args: Expr[], sp: Sp, ctx: Ctx): CTy {
    if (ctx.code === 'exec') this.error('cannot call spec function from exec mode', sp);
    const spec: Ctx = { ...ctx, code: 'spec' };
    const t = shallow(fTy, this.vars);
    const ft = t.k === 'param' ? this.fnBound(ctx.fn, t.name)?.sig ?? t : t;
    if (ft.k !== 'closure' && ft.k !== 'sig') {
      if (ft.k !== 'any') this.error(`\`${kind}\` needs an exec closure, found \`${cTyStr(ft, this.vars)}\``, sp);
      args.forEach((a) => this.infer(a, spec));
      return C_BOOL;
    }
    const want = kind === 'requires' ? 1 : 2;
    if (args.length !== want) this.error(`\`${kind}\` takes ${want} arguments but ${args.length} were supplied`, sp);
    if (args[0]) this.expect(args[0], { k: 'tuple', elems: ft.params }, spec);
    if (args[1] && kind === 'ensures') this.expect(args[1], ft.ret, spec);
    return C_BOOL;
  }

  /**
   * `[&mut a, &mut b]`, `(&mut a, 1)`, `S { r: &mut a }`: references are erased here, so the value
   * would hold a copy of `a` and a write through it would not reach `a`: not modelled.
   */
  private noStoredMutBorrow(elems: Expr[]): void {
    const b = elems.find((x) => x.k === 'unary' && x.op === '&mut');
    if (b) this.unsupportedHere('not supported: a `&mut` reference stored in an array, tuple or struct (mutation through it would not reach the borrowed place)', b.sp);
  }

  /** Whether `e` calls a proof or spec fn of the crate that returns `!`. */
  private ghostNeverCall(e: Expr): boolean {
    if (e.k !== 'call' || e.callee.k !== 'path' || e.callee.segs.length !== 1) return false;
    const fs = this.crate.fnsByName.get(e.callee.segs[0]!) ?? [];
    // (a tracked `!` result, `-> (tracked x: !)`, is a real divergence: not a ghost one)
    return fs.length === 1 && !!fs[0]!.item.diverging && fs[0]!.item.mode !== 'exec' && !fs[0]!.item.retTracked;
  }

  private diverges(e: Expr): boolean {
    if (e.k === 'return' || e.k === 'break' || e.k === 'continue') return true;
    // `loop { .. }` with no `break` anywhere in it never ends
    if (e.k === 'loop') return !mentionsBreak(e.body);
    // a call of a `-> !` function of the crate
    if (e.k === 'call' && e.callee.k === 'path' && e.callee.segs.length === 1) {
      const fs = this.crate.fnsByName.get(e.callee.segs[0]!) ?? [];
      return fs.length === 1 && !!fs[0]!.item.diverging;
    }
    if (e.k === 'block') {
      const last = e.block.stmts[e.block.stmts.length - 1];
      return !!last && last.k === 'expr' && this.diverges(last.e);
    }
    return false;
  }

  private path(e: Extract<Expr, { k: 'path' }>, ctx: Ctx): CTy {
    const segs = e.segs;
    const last = segs[segs.length - 1]!;
    if (segs.length === 1) {
      const l = this.lookup(last, ctx);
      if (l) {
        // rustc's definite initialization sees exec and tracked code; spec code is erased before
        // it (Verus): a spec read of a `let x;` not yet assigned is an arbitrary value of its type
        if (l.cell && !l.cell.assigned && ctx.code !== 'spec') this.error(`used binding \`${last}\` is possibly-uninitialized`, e.sp);
        if (l.ghost && ctx.code === 'exec') this.error(`expression has mode spec, expected mode exec: \`${last}\` is a ghost variable and cannot be used in exec code`, e.sp);
        else if (l.wrapped && ctx.code === 'exec' && this.wholeUse !== e) this.error(`expression has mode spec, expected mode exec: \`${last}\` holds a Ghost/Tracked value, which exec code can only move as a whole`, e.sp);
        return l.ty;
      }
      // (its payload type comes from the context: VC generation reads it from the recorded type)
      if (last === 'None') return { k: 'enum', name: 'Option', args: [this.vars.freshType()] };
      // a generic parameter of the function (or its impl): a const one is a value of its type
      const gp = ctx.fn?.genericParams?.find((p) => p.name === last);
      if (gp?.kind === 'const' && gp.constTy) return this.resolve(gp.constTy, ctx.fn);
      if (gp) throw new ResolveError(`expected value, found type parameter \`${last}\``, e.sp);
    }
    const intType = segs.length === 2 ? this.crate.intTypeNamed(segs[0]!) : null;
    if (intType && (last === 'MAX' || last === 'MIN' || last === 'BITS')) {
      return last === 'BITS' ? { k: 'int', kind: 'u32' } : { k: 'int', kind: intType };
    }
    const variant = this.variant(segs, ctx, e.sp, e.generics);
    if (variant) {
      this.ctorAccess(variant.ty, e.sp);
      this.ctorMode(variant.ty, ctx, e.sp);
      return variant.ty;
    }
    // (in an associated constant's value, `Self` is its impl's type)
    const c = this.crate.constItem(this.crate.memberName(segs, ctx.fn?.selfType ?? this.currentConst?.selfType ?? null), e.sp);
    if (c) {
      // Verus: a `spec const` is read only in ghost code, an `exec const` only in exec code (not
      // in a plain constant's value either: that one is spec too)
      // (a trait's constant is exec and spec at once, as Verus words it)
      if (c.mode === 'spec' && ctx.code === 'exec') this.error(this.currentConst?.traitConst ? 'expression has mode spec, expected mode exec' : 'cannot read const with mode spec', e.sp);
      else if (c.mode === 'exec' && (ctx.code !== 'exec' || this.dualConst)) this.error('cannot read const with mode exec', e.sp);
      else if (c.mode === 'proof') this.unsupportedHere('unsupported: a `proof const`', e.sp);
      if (this.currentFn) this.constUses.push({ fn: this.currentFn, konst: c, sp: e.sp });
      else if (this.currentConst) this.constDepsOf(this.currentConst).consts.add(c);
      if (this.openScope !== undefined) this.openBodyError(openBody.konst(this.openScope, c), e.sp);
      return this.resolve(c.ty, c.selfType);
    }
    // `U` of a unit struct (`struct U;`): its one value (a generic one's arguments inferred)
    const unitStruct = this.crate.structs.get(last);
    if (unitStruct?.length === 1 && unitStruct[0]!.item.unit) {
      const s = unitStruct[0]!.item;
      const ty: CTy = { k: 'struct', name: s.name, args: this.freshArgs(s, s.name, e.sp) };
      this.ctorAccess(ty, e.sp);
      this.ctorMode(ty, ctx, e.sp);
      this.out.unitStructs.add(e);
      return ty;
    }
    // `A` / `Self` of a tuple struct `struct A(..);` as a value is its constructor function,
    // which Verus refuses as a value
    const ctorName = segs.length === 1 ? (last === 'Self' ? ctx.fn?.selfType ?? null : last) : null;
    const tupleStruct = ctorName && !this.lookup(last, ctx) ? this.crate.structs.get(ctorName) : undefined;
    if (tupleStruct?.length === 1 && tupleStruct[0]!.item.tupleLike && !tupleStruct[0]!.item.unit) throw new ResolveError('using a datatype constructor as a function value is not supported', e.sp);
    // `let t = llama;`: a function item as a value (Verus's FnDef values)
    // (a method: `X::m`, `Self::m`; `T::m` of a bounded type parameter `T: Tr`: the trait's
    // declaration at `Self` = `T`; `<X as Tr>::m` is not modelled)
    const typeParam = segs.length === 2 && !!ctx.fn?.genericParams?.some((p) => p.name === segs[0]);
    if (typeParam) {
      const decls = this.boundTraits(segs[0]!, ctx).map((t) => this.crate.fn(`${t}::${last}`, e.sp)).filter((x): x is FnInfo => x !== null);
      if (decls.length > 1) this.unsupportedHere(`method \`${last}\` of more than one trait bounding \`${segs[0]}\` used as a value`, e.sp);
      if (decls[0]) {
        this.out.traitCalls.set(e, decls[0]);
        if (this.currentFn) this.declUses.push({ fn: this.currentFn, decl: decls[0].item, sp: e.sp });
        return this.fnValue(e, decls[0], ctx);
      }
    }
    const method = segs.length >= 2 && !typeParam;
    if (this.crate.fnsByName.has(last) || (segs.length >= 2 && [...this.crate.fns.keys()].some((k) => k.endsWith(`::${last}`)))) {
      const found = segs.length >= 2 && !method ? null : this.crate.fn(this.crate.memberName(segs, ctx.fn?.selfType ?? null), e.sp, ctx.fn ?? undefined, segs);
      // (`<X as Tr>::m`: X's method of that trait)
      const info = e.asTrait && found?.item.traitImpl?.trait !== e.asTrait.name ? null : found;
      // (an impl's method of a trait: its contract is partly the trait's, read at the impl's type,
      // which must not be generic)
      if (info && (!info.item.traitImpl || this.traitDeclOf(info))) return this.fnValue(e, info, ctx);
      // `X::m` of a default method X's impl keeps: the trait's at `Self` = X (`instantiate`)
      const typeName = segs.length === 2 && !found ? (segs[0] === 'Self' ? ctx.fn?.selfType : segs[0]) : undefined;
      const dflt = typeName && !e.asTrait ? this.defaultMethod(typeName, last, e) : null;
      if (dflt) return this.fnValue(e, dflt, ctx);
      this.unsupportedHere(`not supported: the function \`${segs.join('::')}\` used as a value`, e.sp);
    }
    // a constant of plain Rust (outside verus!): Verus's constants are functions without arguments
    if (segs.length === 1 && this.crate.externalConsts.has(last)) throw ignoredUse(last, e.sp);
    // (an `#[verifier::external]` fn as a value, as when it is called)
    const named = this.crate.memberName(segs, ctx.fn?.selfType ?? null);
    if (this.crate.externalFns.has(named)) throw ignoredUse(named, e.sp);
    throw new ResolveError(`cannot find value \`${segs.join('::')}\` in this scope`, e.sp);
  }

  /**
   * A function item as a value (Verus's `FnDef` type): a value of a callable type of its own, whose
   * `call_requires` / `call_ensures` are exactly the function's `requires` / `ensures` (VC
   * generation: vcgen/closures.ts `fnItemValue`). Calls through it, its clauses and passing it for
   * an `F: Fn(..)` parameter are those of closures. Where it may lead to a cycle: `fnValueCycles`.
   */
  private fnValue(e: Extract<Expr, { k: 'path' }>, info: FnInfo, ctx: Ctx): CTy {
    const f = info.item;
    if (f.mode !== 'exec') throw new ResolveError("cannot use a function as a value unless it as mode 'exec'", e.sp);
    // (a declaration is a value only at a bounded parameter, `T::m`: any impl's method, whose
    // `requires` are the declaration's and whose `ensures` imply the declaration's; its one
    // generic parameter, `Self`, is `T`)
    const atParam = this.out.traitCalls.get(e) === info;
    if (!f.generics.length && e.generics.length) this.unsupportedHere(`not supported: the function \`${info.qname}\` with generic arguments it does not take, used as a value`, e.sp);
    if (atParam && f.generics.length !== 1) this.unsupportedHere(`not supported: the method \`${info.qname}\` of a generic trait, or with generic parameters of its own, used as a value`, e.sp);
    if (f.params.some(isMutRefParam)) this.unsupportedHere(`not supported: the function \`${info.qname}\` (with a \`&mut\` parameter) used as a value`, e.sp);
    if (!f.body && !hasExternalBody(f.attrs) && !atParam) this.unsupportedHere(`not supported: the function \`${info.qname}\` (a trait method declaration) used as a value`, e.sp);
    if (this.openScope !== undefined) this.openBodyError(openBody.fn(this.openScope, f), e.sp);
    if (this.currentFn) this.fnValueUses.push({ user: this.currentFn, target: info, e });
    else if (this.currentConst) this.constDepsOf(this.currentConst).values.push({ target: info, e });
    this.out.fnValues.set(e, info);
    // a generic function's value is at the generic arguments written or inferred here (recorded
    // as a call's: `callTypeArgs`), a type of its own per use
    // (the arguments written, on the type or the function, are `instantiate`'s)
    const env: Map<string, CTy> | null = f.generics.length ? this.instantiate(info, e, ctx, e.sp) : null;
    const key = env ? `${info.key}#${this.fnValueIds.size}` : info.key;
    const id = this.fnValueIds.get(key) ?? this.fnValueIds.set(key, FN_VALUE_IDS + this.fnValueIds.size).get(key)!;
    const inst = (t: CTy): CTy => (env ? substCTy(t, env) : t);
    return { k: 'closure', id, params: f.params.map((p) => inst(this.resolve(p.ty, f))), ret: f.ret ? inst(this.resolve(f.ret.ty, f)) : C_UNIT };
  }
  /**
   * A function used as a value by code it reaches (by calls or by naming function values: a cycle)
   * is Verus's "cyclic dependency" error: the value's clauses would be defined through
   * themselves, and a call through the value checks no `decreases`. Comparing function values
   * (`f == f`) uses no clause of theirs.
   */
  private fnValueCycles(perFn: { fn: FnItem; errors: CheckError[] }[]): void {
    const uses = this.fnValueUses.filter((u) => !someNode(u.user, (n) => {
      const b = n as Extract<Expr, { k: 'binary' }>;
      return b.k === 'binary' && (b.op === '==' || b.op === '!=') && (b.l === u.e || b.r === u.e);
    }));
    const edges = new Map<FnItem, Set<FnItem>>();
    for (const [x, ys] of this.graph.calls) edges.set(x, new Set(ys));
    for (const u of uses) edges.set(u.user, (edges.get(u.user) ?? new Set()).add(u.target.item));
    const reaches = (from: FnItem, to: FnItem): boolean => {
      const seen = new Set<FnItem>([from]);
      const work = [from];
      while (work.length) {
        const x = work.pop()!;
        if (x === to) return true;
        for (const y of edges.get(x) ?? []) if (!seen.has(y)) work.push(y), seen.add(y);
      }
      return false;
    };
    for (const u of uses) if (reaches(u.target.item, u.user)) perFn.find((p) => p.fn === u.user)?.errors.push({ message: `cyclic dependency in the requires/ensures of function \`${u.target.qname}\``, sp: u.e.sp });
  }
  /** The declaration in a non-generic trait of an impl's method (null: not an impl's method, or not that). */
  traitDeclOf(info: FnInfo): FnInfo | null {
    const ti = info.item.traitImpl;
    if (!ti) return null;
    const decl = this.crate.fn(`${ti.trait}::${info.item.name}`, info.item.sp);
    return decl && isTraitMethodDeclaration(decl.item) && decl.item.generics.length === 1 ? decl : null;
  }
  /** The closure-type id of each function used as a value (after every closure's: FN_VALUE_IDS). */
  private fnValueIds = new Map<string, number>();
  private fnValueUses: { user: FnItem; target: FnInfo; e: Expr }[] = [];

  /**
   * `is_variant(e, "V")` (whether `e` is variant `V`) and `get_variant_field::<_, T>(e, "V", "f")`
   * (its field `f`, spec) of a user enum; recorded as `variantOps` (vcgen reads testers and fields).
   */
  private variantBuiltin(e: Extract<Expr, { k: 'call' }>, en: EnumItem, ty: Extract<CTy, { k: 'enum' }>, ctx: Ctx): CTy {
    const get = e.args.length === 3;
    if (get && ctx.code === 'exec') throw new ResolveError('cannot get variant in exec mode', e.sp);
    if (!get) this.requireGhost(ctx, '`is_variant`', e.sp);
    const lit = (a: Expr): string => {
      if (a.k !== 'str') throw new ResolveError('expected a string literal naming the variant or field', a.sp);
      return a.value;
    };
    const variantName = lit(e.args[1]!);
    const v = en.variants.find((x) => x.name === variantName);
    if (!v) throw new ResolveError(`no variant \`${variantName}\` for this datatype`, e.args[1]!.sp);
    if (!get) {
      this.out.variantOps.set(e, { op: 'is', variant: variantName });
      return C_BOOL;
    }
    const fieldName = lit(e.args[2]!);
    const field = v.fields.find((f) => f.name === fieldName);
    if (!field) throw new ResolveError(`no field \`${fieldName}\` for this variant`, e.args[2]!.sp);
    const fty = this.memberTy(field.ty, en, ty.args);
    const want = e.callee.k === 'path' ? e.callee.generics[1] : undefined;
    if (want && want.k !== 'infer' && !this.unifies(fty, this.resolve(want, ctx.fn ?? null))) throw new ResolveError(`field has the wrong type: \`${fieldName}\` is \`${cTyStr(fty, this.vars)}\``, e.sp);
    this.out.variantOps.set(e, { op: 'get', variant: variantName, field: fieldName });
    return fty;
  }

  /** A user enum's variant (or `Some`/`None`) named by a path, with its field types. */
  /** `written`: the turbofish of the path (`E::<u8, bool>::V`, `E::V::<u8, bool>`): the enum's arguments. */
  private variant(segs: string[], ctx: Ctx, sp: Sp, written: TypeExpr[] = []): { ty: CTy; fields: CTy[]; named: string[] } | null {
    const last = segs[segs.length - 1]!;
    if ((segs.length === 1 || (segs.length === 2 && segs[0] === 'Option')) && (last === 'Some' || last === 'None')) {
      // (`None::<T>`, `Option::<T>::None`: the written element type)
      const w = written.length === 1 && written[0]!.k !== 'infer' ? written[0]! : null;
      const elem: CTy = w ? fromTy(this.crate.typeArg(w, ctx.fn ?? null)) : C_ANY;
      return { ty: { k: 'enum', name: 'Option', args: [elem] }, fields: last === 'Some' ? [elem] : [], named: [] };
    }
    if (segs.length < 2) return null;
    let en = segs[segs.length - 2]!;
    const viaSelf = en === 'Self';
    if (viaSelf) en = ctx.fn?.selfType ?? en;
    const item = this.crate.enumItem(en);
    if (!item) return null;
    const v = item.variants.find((x) => x.name === last);
    if (!v) throw new ResolveError(`no variant named \`${last}\` found for enum \`${en}\``, sp);
    // a generic enum: `Self::V` in its impl has the impl's arguments; `E::V` infers them
    const self = viaSelf && item.generics.length && ctx.fn ? shallow(this.resolve({ k: 'path', name: 'Self', segs: ['Self'], args: [], sp }, ctx.fn), this.vars) : null;
    const args = self?.k === 'enum' ? self.args : this.freshArgs(item, en, sp);
    if (written.length && !viaSelf) this.unifyWritten('enum', item.genericParams ?? [], args, written, ctx, sp);
    return { ty: { k: 'enum', name: en, args }, fields: v.fields.map((f) => this.memberTy(f.ty, item, args)), named: v.tupleLike ? [] : v.fields.map((f) => f.name) };
  }

  /** A value of user datatype `ty` built in an open spec fn's body. */
  /** A `tracked` / `ghost` datatype is built in ghost code only (Verus: its constructor has the datatype's mode). */
  private ctorMode(ty: CTy, ctx: Ctx, sp: Sp): void {
    if (ctx.code !== 'exec') return;
    const dt = ty.k === 'struct' ? this.crate.struct(ty.name, sp) : ty.k === 'enum' && ty.name !== 'Option' ? this.crate.enumItem(ty.name) : null;
    if (dt?.dataMode) this.error(`expression has mode ${dt.dataMode === 'ghost' ? 'spec' : 'proof'}, expected mode exec: \`${dt.name}\` is a ${dt.dataMode} datatype, whose values exist only in ghost code`, sp);
  }
  /** What a constructor of user datatype `ty` must satisfy: an opaque datatype's, or one in an open spec fn's body. */
  private ctorAccess(ty: CTy, sp: Sp): void {
    const dt = ty.k === 'struct' ? this.crate.struct(ty.name, sp) : ty.k === 'enum' && ty.name !== 'Option' ? this.crate.enumItem(ty.name) : null;
    if (!dt) return;
    this.opaqueDatatype(dt, 'constructor', sp);
    if (this.openScope !== undefined) this.openBodyError(openBody.datatype(this.openScope, dt, 'constructor'), sp);
    // building a value of a type with an invariant asserts the invariant (outside spec fns: a
    // spec value carries none): a call of it, and of what it calls, for the cycle checks
    const inv = this.out.typeInvariants.get(dt);
    if (inv && this.currentFn && this.currentFn.mode !== 'spec') this.graph.calls.set(this.currentFn, (this.graph.calls.get(this.currentFn) ?? new Set()).add(inv));
  }
  /**
   * An `external_body` datatype of the crate is opaque (Verus): only trusted code builds its
   * values or looks inside them. (Its fields stay in its SMT datatype; nothing else reads them.)
   */
  private opaqueDatatype(dt: StructItem | EnumItem, what: 'constructor' | 'field expression', sp: Sp): void {
    if (this.trustedBody || !hasExternalBody(dt.attrs)) return;
    const def = (dt.k === 'struct' ? this.crate.structs.get(dt.name) : undefined)?.[0];
    if (def && isLibraryFile(def.file)) return;
    this.error(`disallowed: ${what} for an opaque datatype`, sp);
  }
  /**
   * A field of a library datatype that is not `pub` is private to the library (Rust's privacy, for
   * the one module boundary the verifier knows: library/load.ts): a user cannot forge or open up a
   * trusted type such as `PointsTo`.
   */
  private libraryPrivateField(structName: string, field: { name: string; vis?: Visibility }, sp: Sp): void {
    const def = this.crate.structs.get(structName)?.[0];
    if (!def || !isLibraryFile(def.file) || field.vis?.k === 'pub') return;
    if (this.currentFn && this.libraryFns.has(this.currentFn)) return;
    this.error(`field \`${field.name}\` of struct \`${structName}\` is private`, sp);
  }
  private fieldType(r: CTy, name: string, sp: Sp): CTy {
    if (r.k === 'any') return C_ANY;
    if (r.k === 'tvar') throw new ResolveError('type annotations needed', sp);
    if (r.k === 'tuple') {
      const i = Number(name);
      if (Number.isInteger(i) && i >= 0 && i < r.elems.length) return r.elems[i]!;
    }
    if (r.k === 'struct') {
      const s = this.crate.struct(r.name, sp);
      const f = s.fields.find((x) => x.name === name);
      if (f) this.opaqueDatatype(s, 'field expression', sp);
      if (f && this.openScope !== undefined) this.openBodyError(openBody.datatype(this.openScope, s, 'field expression'), sp);
      if (f) this.libraryPrivateField(r.name, f, sp);
      if (f) return this.memberTy(f.ty, s, r.args);
    }
    throw new ResolveError(`no field \`${name}\` on type \`${cTyStr(r, this.vars)}\``, sp);
  }

  /**
   * The mode of field `name` of a value of type `r` when the field is more ghost than the value:
   * a `ghost` field (and any field of a `ghost` datatype) is spec, a `tracked` field proof.
   */
  private fieldMode(r: CTy, name: string): 'spec' | 'proof' | null {
    const t = shallow(r, this.vars);
    if (t.k !== 'struct') return null;
    const s = this.crate.structs.get(t.name)?.[0]?.item;
    const f = s?.fields.find((x) => x.name === name);
    if (!s || !f) return null;
    if (f.mode === 'ghost' || s.dataMode === 'ghost') return 'spec';
    return f.mode === 'tracked' ? 'proof' : null;
  }
  /**
   * The struct fields on place `e`'s path (`x.g.h`), root first, each with the struct's type there.
   * The types are the recorded ones, or (before `e` is inferred) the local's type followed field
   * by field.
   */
  private structFieldsOnPath(e: Expr, ctx: Ctx): { ty: CTy; item: StructItem; field: StructItem['fields'][number] }[] {
    const steps: Expr[] = [];
    let root = e;
    while (root.k === 'field' || root.k === 'index' || (root.k === 'unary' && root.op === '*')) {
      steps.push(root);
      root = root.k === 'unary' ? root.e : root.recv;
    }
    const out: { ty: CTy; item: StructItem; field: StructItem['fields'][number] }[] = [];
    const local = this.pathLocal(root, ctx);
    let t: CTy | undefined = this.types.get(root) ?? local?.ty;
    for (const step of steps.reverse()) {
      const here: CTy | undefined = t && shallow(t, this.vars);
      let next = this.types.get(step);
      if (step.k === 'field') {
        const s = here?.k === 'struct' ? this.crate.structs.get(here.name)?.[0]?.item : undefined;
        const f = s?.fields.find((x) => x.name === step.name);
        if (s && f) out.push({ ty: here!, item: s, field: f });
        if (!next && s && f && here?.k === 'struct') next = this.memberTy(f.ty, s, here.args);
        else if (!next && here?.k === 'tuple') next = here.elems[Number(step.name)];
      } else if (step.k === 'index') next ??= here?.k === 'array' || here?.k === 'seq' ? here.elem : undefined;
      else next ??= here;
      t = next;
    }
    return out;
  }
  /**
   * How ghost place `e` is made by the fields on its path (`x.g.h`): spec when one of them is a
   * ghost field, proof when one is tracked, null when none has a mode of its own.
   */
  private fieldPathMode(e: Expr, ctx: Ctx): 'spec' | 'proof' | null {
    let mode: 'spec' | 'proof' | null = null;
    for (const { ty, field } of this.structFieldsOnPath(e, ctx)) {
      const m = this.fieldMode(ty, field.name);
      if (m === 'spec') return 'spec';
      mode = m ?? mode;
    }
    return mode;
  }
  /**
   * Whether place `e`'s path goes through a field its struct declares without a mode in a struct
   * that is not `tracked` / `ghost` (an exec-mode field), before any ghost field (below which
   * every place is a spec one: another rule).
   */
  private execFieldOnPath(e: Expr, ctx: Ctx): boolean {
    for (const { item, field } of this.structFieldsOnPath(e, ctx)) {
      if (field.mode === 'ghost' || item.dataMode === 'ghost') return false;
      if (!item.dataMode && !field.mode) return true;
    }
    return false;
  }
  /**
   * Verus: the ghost code of an exec fn may mutate (through a proof fn's `tracked` `&mut`
   * parameter) only tracked places: not an exec local or parameter, not a field that a
   * non-`tracked` struct declares without a mode, and, behind a tracked reference, only a value
   * whose type ghost code may write: a `tracked` / `ghost` datatype, a `Ghost` / `Tracked`
   * wrapper, a spec type (`int`, `Seq`, ..), not a machine integer, `bool`, `char` or a datatype
   * not declared `tracked` (`Option<X>`). Other types there (a type parameter, a tuple) are
   * `unsupported`.
   */
  private ghostMutatedPlace(a: Expr, ctx: Ctx): void {
    const place = a.k === 'unary' && a.op === '&mut' ? a.e : a;
    const root = this.placeRoot(place, ctx);
    if (!root || this.fieldPathMode(place, ctx)) return;
    const execPlace = (): void => this.error('cannot mutate exec-mode place in ghost code', a.sp);
    if (root.local.mode === 'exec') return execPlace();
    if (root.local.mode === 'tracked' && this.execFieldOnPath(place, ctx)) return execPlace();
    // (a whole value behind a reference: `r`, `*r`; a tracked local itself is a tracked place)
    const whole = place.k === 'path' || (place.k === 'unary' && place.op === '*' && place.e.k === 'path');
    if (!whole || !root.local.mutRef) return;
    // (the types erase `Ghost` / `Tracked`: a parameter's written reference type, inside its own
    // `Tracked(r): Tracked<&mut ..>`, tells `&mut Tracked<X>` from `&mut X`)
    const param = ctx.fn?.params.find((q) => q.name === root.name);
    const reference = param?.unwrap && param.ty.k === 'path' ? param.ty.args[0] : param?.ty;
    if (reference?.k === 'ref' && ghostWrapper(reference)) return;
    // (the argument's type as the call's check inferred it)
    const inferred = this.types.get(place);
    const t = inferred ? shallow(inferred, this.vars) : null;
    if (!t) return;
    switch (t.k) {
      case 'struct':
      case 'enum': {
        const item = this.crate.datatypeItem(t);
        if (!item) break;
        return item.dataMode ? undefined : execPlace();
      }
      case 'int':
        return t.kind === 'int' || t.kind === 'nat' ? undefined : execPlace();
      case 'bool':
      case 'char':
        return execPlace();
      case 'seq':
      case 'set':
      case 'map':
      case 'real':
        return;
    }
    this.unsupportedHere(`unsupported: ghost code mutating a \`${cTyStr(t, this.vars)}\` behind a tracked reference (which types ghost code may write there is not modelled for it)`, a.sp);
  }
  /** Whether values of type `t` hold a user struct with a `ghost` / `tracked` field (through datatypes, tuples and arrays). */
  private holdsModedField(t: CTy, seen: Set<string>): boolean {
    const s = shallow(t, this.vars);
    if (s.k === 'tuple') return s.elems.some((x) => this.holdsModedField(x, seen));
    if (s.k === 'array') return this.holdsModedField(s.elem, seen);
    if (s.k !== 'struct' && s.k !== 'enum') return false;
    if (s.args.some((x) => this.holdsModedField(x, seen))) return true;
    if (seen.has(s.name)) return false;
    seen.add(s.name);
    const item = this.crate.datatypeItem(s);
    if (!item) return false;
    if (item.k === 'struct' && item.fields.some((f) => f.mode)) return true;
    const fields = item.k === 'struct' ? item.fields : item.variants.flatMap((v) => v.fields);
    return fields.some((f) => this.holdsModedField(this.memberTy(f.ty, item, s.args), seen));
  }
  /** Whether place `e` holds a spec value: a spec local's, or behind a ghost field. */
  private specPlace(e: Expr, ctx: Ctx): boolean {
    return this.placeRoot(e, ctx)?.local.mode === 'spec' || this.fieldPathMode(e, ctx) === 'spec';
  }

  private binary(op: string, l: Expr, r: Expr, sp: Sp, ctx: Ctx, leftTyped = false, node?: Expr): CTy {
    void leftTyped;
    // Verus's spec equality of two `&mut` references compares the references (a current and a
    // prophesied final value, not extensional), where the erased references here would compare
    // what they point to now and prove more than Verus (`assume(*a == *b); assert(a == b);`).
    // (A reference compared with a value is the value it points to, as in Verus's postconditions
    // of the form `old(self).set(v) == self`.)
    if (ghost(ctx.code) && ['==', '!=', '===', '!==', '=~=', '!~=', '=~~=', '!~~='].includes(op) && this.isMutRef(l, ctx) && this.isMutRef(r, ctx)) {
      this.unsupportedHere(`unsupported: \`${op}\` of \`&mut\` references in ghost code (Verus compares the references, with their final values; \`*a ${op} *b\` compares what they point to)`, sp);
    }
    if (op === '&&' || op === '||' || op === '==>' || op === '<==' || op === '<==>') {
      if (op !== '&&' && op !== '||') this.requireGhost(ctx, `\`${op}\``, sp);
      this.expect(l, C_BOOL, ctx);
      this.expect(r, C_BOOL, ctx);
      return C_BOOL;
    }
    // `===` / `!==`: Verus's spec equality (`equal`), `==` of ghost code for any type
    if (op === '=~=' || op === '!~=' || op === '=~~=' || op === '!~~=' || op === '===' || op === '!==') {
      this.requireGhost(ctx, `\`${op}\``, sp);
      this.unify(this.infer(l, ctx), this.infer(r, ctx), sp);
      return C_BOOL;
    }
    // (operators take their operands by reference or are on `Copy` values)
    let lt = shallow(this.inferBorrowed(l, ctx), this.vars);
    // exec `==` of floats is IEEE equality (a NaN equals nothing), not the equality of the values
    // (their bits) that the types give: not modelled
    const floatOp = (t: CTy) => this.isFloat(t) && (ctx.code === 'exec' || !['==', '!='].includes(op));
    const floatGap = () => this.unsupportedHere(`unsupported: \`${op}\` of floats${ctx.code === 'exec' ? ' in exec code' : ''} (IEEE comparison and arithmetic are not modelled)`, sp);
    if (floatOp(lt)) floatGap();
    // `a + b` / `a - b` / `a * b` / `a <= b` on a built-in collection without a built-in meaning for
    // it: Verus's `spec_add` / `spec_sub` / `spec_mul` / `spec_le`, from the standard library
    const named = { '+': 'spec_add', '-': 'spec_sub', '*': 'spec_mul', '<=': 'spec_le' }[op];
    // (a datatype with the method: the library's `Multiset`, a crate's own type)
    const owner = lt.k === 'set' ? 'Set' : lt.k === 'map' ? 'Map' : (lt.k === 'struct' || lt.k === 'enum') && named && this.crate.fns.has(`${lt.name}::${named}`) ? lt.name : null;
    if (node && named && owner) {
      const info = this.crate.fn(`${owner}::${named}`, sp);
      if (info?.item.params[0]?.isSelf) {
        const call: Extract<Expr, { k: 'method' }> = { k: 'method', recv: l, name: named, generics: [], args: [r], sp, nameSp: sp };
        this.out.operatorCalls.set(node, call);
        this.out.libraryMethodCalls.set(call, info);
        return this.callFn(info, [r], lt, ctx, sp, call);
      }
    }
    let rt = shallow(this.inferBorrowed(r, ctx, lt), this.vars);
    if (floatOp(rt)) floatGap();
    // an operand whose type is still to be inferred (an unannotated binder) takes the other's
    if ((lt.k === 'tvar') !== (rt.k === 'tvar')) {
      this.unify(lt, rt, r.sp);
      lt = shallow(lt, this.vars);
      rt = shallow(rt, this.vars);
    }
    const g = ghost(ctx.code);
    // raw pointers: spec `==` compares the pointers (a `*mut T` with a `*const T` too: one value);
    // exec `==` is Rust's, which compares addresses only (the library's `exec_eq`); no order here
    if (isRawPtr(lt) && isRawPtr(rt) && COMPARISONS.has(op)) {
      if (op !== '==' && op !== '!=') {
        this.unsupportedHere(`unsupported: \`${op}\` of raw pointers`, sp);
        return C_BOOL;
      }
      if (g) {
        this.unify(lt.args[0]!, rt.args[0]!, r.sp);
        return C_BOOL;
      }
      this.unify(lt, rt, r.sp);
      const name = op === '==' ? 'exec_eq' : 'exec_ne';
      const info = this.crate.fn(`${lt.name}::${name}`, sp);
      if (!node || !info) {
        this.unsupportedHere(`unsupported: exec \`${op}\` of raw pointers here`, sp);
        return C_BOOL;
      }
      const call: Extract<Expr, { k: 'method' }> = { k: 'method', recv: l, name, generics: [], args: [r], sp, nameSp: sp };
      this.out.operatorCalls.set(node, call);
      this.out.libraryMethodCalls.set(call, info);
      return this.callFn(info, [r], lt, ctx, sp, call);
    }
    // (an `Rc` / `Arc` compared with a value of what it holds: the types would take them for one type)
    const [ls, rs] = [this.pointerLocal(l, ctx), this.pointerLocal(r, ctx)];
    if ((isShared(ls) || isShared(rs)) && ls !== rs) this.unsupportedHere(`unsupported: \`${op}\` of an \`${isShared(ls) ? ls : rs}\` and a value of another type (the types erase the pointer)`, sp);
    // a value of a type parameter has no operations: exec `==` would need `PartialEq` (a trait
    // bound this verifier does not support), and there is no order on it
    if (COMPARISONS.has(op) && (lt.k === 'param' || rt.k === 'param') && (!g || (op !== '==' && op !== '!='))) {
      this.error(`binary operation \`${op}\` cannot be applied to type \`${cTyStr(lt.k === 'param' ? lt : rt, this.vars)}\``, sp);
      return C_BOOL;
    }
    // (likewise exec `==` on a value holding one: `Option<T>`, `S<T>`, `(T, u8)`)
    if (!g && (op === '==' || op === '!=') && (holdsParam(lt, this.vars) || holdsParam(rt, this.vars))) {
      this.error(`binary operation \`${op}\` cannot be applied to type \`${cTyStr(holdsParam(lt, this.vars) ? lt : rt, this.vars)}\` (it needs \`PartialEq\` of a type parameter)`, sp);
      return C_BOOL;
    }
    // (the compiled value has no ghost or tracked field: exec `==` would compare fewer fields than spec `==`)
    if (!g && (op === '==' || op === '!=') && this.holdsModedField(lt, new Set())) this.unsupportedHere(`unsupported: exec \`${op}\` on \`${cTyStr(lt, this.vars)}\`, which holds a ghost or tracked field`, sp);
    if (COMPARISONS.has(op)) {
      // Verus compares any two integer types in spec code (as mathematical integers)
      if (g && isIntLike(lt) && isIntLike(rt)) {
        if (lt.k === 'ivar' && rt.k === 'ivar') this.unifies(lt, rt);
        return C_BOOL;
      }
      // (Verus: in ghost code a char is its code point, comparable with any integer)
      if (g && ((lt.k === 'char' && isIntLike(rt)) || (isIntLike(lt) && rt.k === 'char'))) return C_BOOL;
      // an order exists on numbers, characters and booleans only (a datatype's `<=` is its `spec_le`, above)
      const unordered = (t: CTy) => ['struct', 'enum', 'seq', 'set', 'map', 'tuple', 'array', 'fn', 'closure', 'str'].includes(t.k);
      if (op !== '==' && op !== '!=' && (unordered(lt) || unordered(rt))) {
        this.error(`binary operation \`${op}\` cannot be applied to type \`${cTyStr(unordered(lt) ? lt : rt, this.vars)}\``, sp);
        return C_BOOL;
      }
      this.unify(lt, rt, r.sp);
      return C_BOOL;
    }
    if (lt.k === 'any' || rt.k === 'any') return C_ANY;
    // Verus's `real` (ghost code): `+ - * /` of two reals (`/` is division of reals)
    if (lt.k === 'real' || rt.k === 'real') {
      this.requireGhost(ctx, 'arithmetic on `real`', sp);
      if (!['+', '-', '*', '/'].includes(op)) this.error(`cannot apply binary operator \`${op}\` to types \`${cTyStr(lt, this.vars)}\` and \`${cTyStr(rt, this.vars)}\``, sp);
      else this.unify(lt, rt, r.sp);
      return C_REAL;
    }
    if (op === '+' && lt.k === 'seq') {
      this.unify(lt, rt, r.sp);
      return lt;
    }
    if (lt.k === 'bool' && BIT_OPS.has(op)) {
      this.unify(lt, rt, r.sp);
      return C_BOOL;
    }
    if (!isIntLike(lt) || !isIntLike(rt)) {
      this.error(`cannot apply binary operator \`${op}\` to types \`${cTyStr(lt, this.vars)}\` and \`${cTyStr(rt, this.vars)}\``, sp);
      return C_ANY;
    }
    if (op === '<<' || op === '>>') {
      return lt;
    }
    if (BIT_OPS.has(op) || !g) {
      // exec arithmetic and every bit operation: one machine type on both sides, as rustc
      this.unify(lt, rt, r.sp);
      return lt;
    }
    // spec arithmetic is on mathematical integers: nat stays nat for + * / %, the rest is int;
    // as Verus, `/` and `%` of one unsigned machine type keep it (their result cannot leave it)
    const unsignedMachine = (t: CTy) => t.k === 'int' && /^u(8|16|32|64|128|size)$/.test(t.kind);
    if ((op === '/' || op === '%') && (unsignedMachine(lt) || unsignedMachine(rt)) && (lt.k === 'ivar' || rt.k === 'ivar' || (lt.k === 'int' && rt.k === 'int' && lt.kind === rt.kind))) {
      const t = unsignedMachine(lt) ? lt : rt;
      this.unify(t, lt.k === 'ivar' ? lt : rt.k === 'ivar' ? rt : t, r.sp);
      return t;
    }
    if (lt.k === 'ivar' && rt.k === 'ivar') {
      this.unifies(lt, rt);
      return lt;
    }
    const natLike = (t: CTy) => (t.k === 'int' && t.kind === 'nat') || t.k === 'ivar';
    if (op !== '-' && natLike(lt) && natLike(rt)) return C_NAT;
    return C_INT;
  }

  /** The union `r` is (an enum item marked `union`), else null. */
  private unionOf(r: CTy): EnumItem | null {
    if (r.k !== 'enum' || r.name === 'Option') return null;
    const item = this.crate.enumItem(r.name);
    return item?.union ? item : null;
  }
  /** Verus: a public `open` spec fn's body may not look into a union with a field that is not public (the union is opaque there). */
  private openUnion(item: EnumItem, ctx: Ctx, message: string, sp: Sp): void {
    const f = ctx.fn;
    if (f && f.mode === 'spec' && f.open && f.vis?.k === 'pub' && item.union?.privateField) throw new ResolveError(message, sp);
  }
  /** The type of field `name` of union `r`, recording what `e` does with it. */
  private unionField(e: Expr, item: EnumItem, r: CTy, name: string, op: 'build' | 'read' | 'is' | 'get', sp: Sp): CTy {
    const v = item.variants.find((x) => x.name === name);
    if (!v) throw new ResolveError(`no field \`${name}\` for this union (\`${item.name}\`)`, sp);
    this.out.variantOps.set(e, { op, variant: name });
    return this.memberTy(v.fields[0]!.ty, item, r.k === 'enum' ? r.args : []);
  }
  private structLit(e: Extract<Expr, { k: 'struct' }>, ctx: Ctx): CTy {
    const last = e.path[e.path.length - 1]!;
    // `U { x: e }` of a union: its variant `x`, exactly one field given
    const unionName = last === 'Self' ? ctx.fn?.selfType ?? last : last;
    const aliased = this.crate.aliases.get(unionName);
    const unionItem = e.path.length === 1 ? this.crate.enumItem(aliased?.k === 'path' ? aliased.name : unionName) : undefined;
    if (unionItem?.union) {
      if (unionItem.generics.length) this.unsupportedHere('unsupported: a generic union', e.sp);
      const ty: CTy = { k: 'enum', name: unionItem.name, args: [] };
      if (e.fields.length !== 1 || e.base) throw new ResolveError(`a union expression needs exactly one field`, e.sp);
      this.openUnion(unionItem, ctx, 'disallowed: constructor for an opaque datatype (a union with a field that is not public, in a public open spec fn)', e.sp);
      const f = e.fields[0]!;
      this.expect(f.e, this.unionField(e, unionItem, ty, f.name, 'build', f.sp), ctx);
      return ty;
    }
    let ty: CTy;
    // (`moded`: a `ghost` / `tracked` field, as opposed to a `Ghost<T>` / `Tracked<T>` one)
    // (`written`: the field's type as written, of a struct without generic parameters)
    let fields: { name: string; ty: CTy; code?: 'spec' | 'proof' | null; moded?: boolean; written?: TypeExpr }[];
    const v = e.path.length >= 2 ? this.variant(e.path, ctx, e.sp, e.generics) : null;
    if (v) {
      ty = v.ty;
      const item = this.crate.enumItem((v.ty as { name: string }).name)!;
      const vr = item.variants.find((x) => x.name === last)!;
      fields = vr.fields.map((f, i) => ({ name: f.name, ty: v.fields[i]!, ...(f.mode ? { code: f.mode === 'ghost' ? 'spec' : 'proof', moded: true } as const : {}) }));
    } else {
      const name = last === 'Self' ? ctx.fn?.selfType ?? last : last;
      const s = this.crate.struct(name, e.sp);
      // `Self { .. }` in a generic impl is the impl's type; `S { .. }` infers S's arguments
      const self = last === 'Self' && s.generics.length && ctx.fn ? shallow(this.resolve({ k: 'path', name: 'Self', segs: ['Self'], args: [], sp: e.sp }, ctx.fn), this.vars) : null;
      const args = self?.k === 'struct' ? self.args : this.freshArgs(s, name, e.sp);
      // `S::<u8> { .. }`: the arguments written
      const written = e.generics ?? [];
      if (written.length && !self) this.unifyWritten('struct', s.genericParams ?? [], args, written, ctx, e.sp);
      ty = { k: 'struct', name, args };
      fields = s.fields.map((f) => ({ name: f.name, ty: this.memberTy(f.ty, s, args), code: f.mode ? (f.mode === 'ghost' ? 'spec' : 'proof') : ghostWrapper(f.ty), moded: !!f.mode, written: s.generics.length ? undefined : f.ty }));
      for (const f of s.fields) this.libraryPrivateField(name, f, e.sp);
    }
    this.ctorAccess(ty, e.sp);
    this.ctorMode(ty, ctx, e.sp);
    // Rust evaluates the listed fields first, then the base
    for (const f of e.fields) {
      const want = fields.find((x) => x.name === f.name);
      if (!want) {
        this.error(`struct \`${last}\` has no field named \`${f.name}\``, f.sp);
        this.infer(f.e, ctx);
      } else {
        this.expect(f.e, want.ty, this.fieldValueCtx(want, ctx, f.sp));
        if (want.written && !want.moded) this.wrapperAgrees(f.e, want.written, null, ctx);
      }
    }
    if (e.base) this.expect(e.base, ty, ctx);
    else for (const f of fields) if (!e.fields.some((x) => x.name === f.name)) this.error(`missing field \`${f.name}\` in initializer of \`${last}\``, e.sp);
    return ty;
  }

  /**
   * Verus's `shr_ref_struct_wrap(r, &t, "V", "f")` (proof code): a tracked shared reference to the
   * datatype value `t` (as variant `V`; `""` for a struct) with its field `f` replaced by `*r`,
   * which it borrows. Only a variant whose other fields are ghost (or `Ghost<..>`) may be so made:
   * the reference holds nothing tracked but `*r`. Its type is the template's, known once the
   * function is typed: the checks on it wait until then (`deferred`).
   */
  private shrRefStructWrap(e: Extract<Expr, { k: 'call' }>, ctx: Ctx): CTy {
    if (ctx.code === 'exec') this.error('cannot use `shr_ref_struct_wrap` in executable context', e.sp);
    else if (ctx.code === 'spec') this.error('cannot use `shr_ref_struct_wrap` which has mode proof here', e.sp);
    if (e.args.length !== 4) throw new ResolveError(`\`shr_ref_struct_wrap\` takes 4 arguments but ${e.args.length} were supplied`, e.sp);
    const [r, tmpl, variant, field] = e.args as [Expr, Expr, Expr, Expr];
    if (variant.k !== 'str' || field.k !== 'str') throw new ResolveError('`shr_ref_struct_wrap` takes the variant and the field as string literals', variant.k !== 'str' ? variant.sp : field.sp);
    const rTy = this.infer(r, ctx);
    this.trackedValue(r, ctx);
    const ty = this.vars.freshType();
    this.expect(tmpl, ty, { ...ctx, code: 'spec' });
    this.deferred.push(() => {
      const t = shallow(ty, this.vars);
      if (t.k === 'tuple') return this.error('shr_ref_struct_wrap not supported for tuples', e.sp);
      if (t.k !== 'struct' && t.k !== 'enum') return this.error('second argument to `shr_ref_struct_wrap` should be a datatype', tmpl.sp);
      const dt = t.k === 'struct' ? this.crate.struct(t.name, e.sp) : this.crate.enumItem(t.name);
      if (!dt) return this.error('second argument to `shr_ref_struct_wrap` should be a datatype', tmpl.sp);
      // (a struct's one variant is `""`)
      const fields = dt.k === 'struct' ? (variant.value === '' ? dt.fields : null) : dt.variants.find((x) => x.name === variant.value)?.fields;
      if (!fields) return this.error(`no variant named \`${variant.value}\``, variant.sp);
      if (dt.dataMode === 'ghost') return this.error('shr_ref_struct_wrap cannot target ghost-mode datatype', e.sp);
      const here = this.crate.moduleOf(ctx.fn ?? null);
      const hidden = dt.k === 'struct' && dt.fields.some((f) => !within(here, scopeOf(f.vis, dt.module)));
      if (hasExternalBody(dt.attrs) || hidden) return this.error('disallowed: `shr_ref_struct_wrap` operator for an opaque datatype', e.sp);
      const target = fields.find((f) => f.name === field.value);
      if (!target) return this.error(`no field \`${field.value}\` on type \`${t.name}\``, field.sp);
      if (target.mode === 'ghost') return this.error('shr_ref_struct_wrap cannot target ghost-mode field', field.sp);
      const other = fields.find((f) => f !== target && f.mode !== 'ghost' && ghostWrapper(f.ty) !== 'spec');
      if (other) return this.error(`shr_ref_struct_wrap can only be applied when all other fields of the relevant variant are ghost-mode or of type Ghost (field \`${other.name}\` does not meet this requirement)`, e.sp);
      this.unify(this.memberTy(target.ty, dt, t.args), rTy, r.sp);
      const inv = invariantNamed(this.out.typeInvariants, t.name);
      if (inv && !invariantVisible(this.crate, inv, here)) return this.error(invisibleInvariantMessage(inv), e.sp);
      this.out.shrRefWraps.set(e, { variant: dt.k === 'enum' ? variant.value : null, field: field.value });
    });
    return ty;
  }

  /**
   * Verus's `no_method_body()`: the end of its expanded form of a trait method's specification
   * (`fn f(&self) { requires(..); no_method_body() }`), which this front end reads as `unsupported`
   * where it is well formed (parser.ts). Elsewhere it is Verus's error: outside a trait's method
   * declaration, not the body's final expression, after a statement.
   */
  private noMethodBody(e: Expr, ctx: Ctx): void {
    const stmts = ctx.fn?.body?.stmts ?? [];
    const at = stmts.findIndex((st) => st.k === 'expr' && st.e === e);
    if (!ctx.fn || !isTraitMethodDeclaration(ctx.fn) || at < 0) return this.error('no_method_body can only appear in trait method declarations', e.sp);
    if ((stmts[at] as Extract<Stmt, { k: 'expr' }>).semi || at < stmts.length - 1) return this.error("no_method_body() must be a method's final expression, with no semicolon", e.sp);
    // (calls of Verus's header builtins before it: the expanded form itself)
    const header = (st: Stmt) => st.k === 'expr' && st.e.k === 'call' && st.e.callee.k === 'path' && VERUS_HEADER_BUILTINS.has(st.e.callee.segs[st.e.callee.segs.length - 1]!);
    if (at > 0 && stmts.slice(0, at).every(header)) return this.unsupportedHere("unsupported: Verus's expanded form of a method specification (`requires(..)`, .., `no_method_body()`)", e.sp);
    if (at > 0) return this.error('no statements are allowed before no_method_body()', e.sp);
    // (alone in a body: a default method whose body is only the marker, which declares nothing)
    this.error('no_method_body can only appear in trait method declarations (after the specification it ends)', e.sp);
  }

  /** The modes of a user enum variant's fields, by position (none for `Option` and unknown variants). */
  private variantFieldModes(ty: CTy, variant: string): ('ghost' | 'tracked' | undefined)[] {
    return ty.k === 'enum' && ty.name !== 'Option' ? this.crate.variantFields(ty.name, variant).map((f) => f.mode) : [];
  }

  /** Whether `t` is `f32` / `f64` (the library's opaque float types, library/vstd/float.rs). */
  private isFloat(t: CTy): boolean {
    const x = shallow(t, this.vars);
    return x.k === 'struct' && (x.name === 'f16' || x.name === 'f32' || x.name === 'f64' || x.name === 'f128') && this.isLibraryStruct(x.name);
  }

  /**
   * `e as T` from or to a float type (exec code): between the two float types, or between a float
   * type and an integer type other than `usize` / `isize` (Verus's rule). A float type cast to
   * itself is the value; any other such cast is nondeterministic (VC generation: a fresh value
   * with `float_cast_spec(from, to)`).
   */
  private floatCast(e: Extract<Expr, { k: 'cast' }>, from: CTy, to: CTy, ctx: Ctx): CTy {
    const name = (t: CTy) => cTyStr(t, this.vars);
    if (ghost(ctx.code)) {
      this.unsupportedHere(`unsupported: a cast from \`${name(from)}\` to \`${name(to)}\` in ghost code`, e.sp);
      return to;
    }
    if (from.k === 'ivar') this.unifies(from, { k: 'int', kind: 'i32' });
    const f = shallow(from, this.vars);
    // (Verus casts `f16` / `f128` to and from nothing)
    const unusual = (t: CTy) => { const s = shallow(t, this.vars); return s.k === 'struct' && (s.name === 'f16' || s.name === 'f128'); };
    const castable = (t: CTy) => (this.isFloat(t) && !unusual(t)) || (t.k === 'int' && isMachine(t.kind) && t.kind !== 'usize' && t.kind !== 'isize');
    if (f.k !== 'any' && (!castable(f) || !castable(to))) {
      const machine = (t: CTy) => t.k === 'int' && (t.kind === 'usize' || t.kind === 'isize');
      if (machine(f) || machine(to) || unusual(f) || unusual(to)) this.error(`Verus does not support \`as\` cast from \`${name(f)}\` to \`${name(to)}\``, e.sp);
      else this.error(`non-primitive cast: \`${name(f)}\` as \`${name(to)}\``, e.sp);
      return to;
    }
    this.out.floatCasts.set(e, this.unifies(f, to) ? 'same' : 'convert');
    return to;
  }

  /** `fieldValueCtx` of a field written with a mode (`ghost` / `tracked`; none: `ctx` itself). */
  private modedFieldCtx(mode: 'ghost' | 'tracked' | undefined, ctx: Ctx, sp: Sp): Ctx {
    return mode ? this.fieldValueCtx({ code: mode === 'ghost' ? 'spec' : 'proof', moded: true }, ctx, sp) : ctx;
  }

  /** Where a constructor's field value is checked: a ghost field's value is spec code, in proof code too (it moves nothing). */
  private fieldValueCtx(want: { code?: 'spec' | 'proof' | null; moded?: boolean }, ctx: Ctx, sp: Sp): Ctx {
    // (a tracked field of a value exec code builds: what exec code may move into it is not modelled)
    if (want.moded && want.code === 'proof' && ctx.code === 'exec') this.unsupportedHere('unsupported: a `tracked` field given a value in exec code', sp);
    const code = want.code && (ctx.code === 'exec' || (want.moded && want.code === 'spec' && ctx.code === 'proof')) ? want.code : ctx.code;
    return code === ctx.code ? ctx : { ...ctx, code };
  }

  // -------------------------------------------------------------------------------------------
  // Calls

  private call(e: Extract<Expr, { k: 'call' }>, ctx: Ctx, hint?: CTy): CTy {
    // Verus's `default_ensures(..)` builtin written by hand (its clause's expanded form)
    const calleePath = e.callee.k === 'path' ? e.callee : null;
    if (calleePath && calleePath.segs[calleePath.segs.length - 1] === 'default_ensures' && (calleePath.segs.length === 1 || ['verus_builtin', 'builtin'].includes(calleePath.segs[0]!)) && !this.crate.fnsByName.get('default_ensures')) {
      e.args.forEach((a) => this.infer(a, { ...ctx, code: 'spec' }));
      this.error('default_ensures not allowed here', e.sp);
      return C_BOOL;
    }
    if (e.callee.k !== 'path') {
      // `(s.f)(x)`: a spec_fn value (or an exec closure) computed by an expression
      const ft = shallow(this.infer(e.callee, ctx), this.vars);
      if (ft.k === 'fn' && ghost(ctx.code)) return this.applySpecFn(e, ft, ctx);
      if (ft.k === 'closure') return this.applyClosure(e, ft, ctx);
      this.unknownContext(e.args.map((a) => this.infer(a, ctx)));
      return C_ANY;
    }
    if (e.callee.asTrait) this.qualifiedTrait(e.callee, ctx);
    const applied = e.callee.segs.length === 1 ? this.lookup(e.callee.segs[0]!, ctx) : null;
    const appliedTy = applied && shallow(applied.ty, this.vars);
    if (appliedTy?.k === 'fn') return this.applySpecFn(e, appliedTy, ctx);
    if (appliedTy?.k === 'closure') {
      this.path(e.callee, ctx);
      return this.applyClosure(e, appliedTy, ctx);
    }
    const bound = appliedTy?.k === 'param' ? this.fnBound(ctx.fn, appliedTy.name) : null;
    if (bound) {
      this.path(e.callee, ctx);
      // rustc: an `FnOnce` is consumed by its call, an `FnMut` call borrows it mutably
      this.useOfPlace(e.callee, appliedTy!, bound.kind === 'FnOnce' ? 'value' : 'borrow', ctx);
      if (bound.kind === 'FnMut' && applied!.mutable === false) this.error(`cannot borrow \`${e.callee.segs[0]}\` as mutable, as it is not declared as mutable`, e.callee.sp);
      return this.applyClosure(e, bound.sig, ctx);
    }
    const segs = e.callee.segs;
    const last = segs[segs.length - 1]!;
    // Verus's builtin `equal(a, b)`: spec `a == b`
    if (segs.length === 1 && last === 'equal' && !this.crate.fnsByName.has(last) && e.args.length === 2) {
      this.requireGhost(ctx, '`equal`', e.sp);
      const spec: Ctx = { ...ctx, code: 'spec' };
      this.expect(e.args[1]!, this.infer(e.args[0]!, spec), spec);
      return C_BOOL;
    }
    // Verus's builtin `imply(a, b)`: `a ==> b`, `b` evaluated only where `a` holds
    if (segs.length === 1 && last === 'imply' && !this.crate.fnsByName.has(last) && e.args.length === 2) {
      this.requireGhost(ctx, '`imply`', e.sp);
      for (const a of e.args) this.expect(a, C_BOOL, ctx);
      return C_BOOL;
    }
    // Verus's builtin `add(a, b)` / `sub` / `mul`: spec arithmetic in the operands' own type
    // (wrapping), not widened to `int`
    if (segs.length === 1 && (last === 'add' || last === 'sub' || last === 'mul') && !this.crate.fnsByName.has(last) && e.args.length === 2) {
      this.requireGhost(ctx, `\`${last}\``, e.sp);
      const spec: Ctx = { ...ctx, code: 'spec' };
      const t = this.infer(e.args[0]!, spec);
      this.expect(e.args[1]!, t, spec);
      const st = shallow(t, this.vars);
      if (st.k !== 'int' && st.k !== 'ivar') this.error(`\`${last}\` needs integer operands`, e.sp);
      return t;
    }
    // vstd's `reveal_strlit("..")` / `reveal_byteslit(b"..")` (proof code): the literal's
    // characters / bytes become known (each error in Verus's own words)
    if (segs[0] !== 'crate' && last === 'reveal_strlit' && !this.crate.fnsByName.has(last)) {
      return this.revealLiteral(e, ctx, 'str', 'string literal expected', (code) => `cannot call function \`vstd::string::reveal_strlit\` with mode proof in ${code} code`);
    }
    if (segs[0] !== 'crate' && last === 'reveal_byteslit' && !this.crate.fnsByName.has(last)) {
      return this.revealLiteral(e, ctx, 'bytes', 'byte-string literal expected', (code) => `cannot use reveal_byteslit in ${code} mode`);
    }
    if (segs.length === 1 && last === 'use_type_invariant' && !this.crate.fnsByName.has(last) && e.args.length === 1) {
      this.useTypeInvariant(e.args[0]!, ctx, e.sp);
      return C_UNIT;
    }
    if (segs.length === 1 && (last === 'call_requires' || last === 'call_ensures') && !this.crate.fnsByName.has(last) && e.args.length) {
      const f = this.infer(e.args[0]!, { ...ctx, code: 'spec' });
      return this.closurePredicate(last === 'call_requires' ? 'requires' : 'ensures', f, e.args.slice(1), e.sp, ctx);
    }
    // Verus's builtins over an enum: `is_variant(e, "V")`, `get_variant_field::<_, T>(e, "V", "f")`
    const builtinPath = segs.length === 1 || (segs.length === 2 && segs[0] === 'verus_builtin');
    if (builtinPath && !this.crate.fnsByName.has(last) && ((last === 'is_variant' && e.args.length === 2) || (last === 'get_variant_field' && e.args.length === 3))) {
      const r = shallow(this.infer(e.args[0]!, { ...ctx, code: 'spec' }), this.vars);
      const en = r.k === 'enum' ? this.crate.enumItem(r.name) : null;
      if (en && !en.union) return this.variantBuiltin(e, en, r as Extract<CTy, { k: 'enum' }>, ctx);
    }
    // Verus's builtins over a union: `is_variant(u, "x")`, `get_union_field::<_, T>(u, "x")`
    if (builtinPath && (last === 'is_variant' || last === 'get_union_field') && !this.crate.fnsByName.has(last) && e.args.length === 2) {
      const get = last === 'get_union_field';
      if (get && ctx.code === 'exec') throw new ResolveError('cannot get variant in exec mode', e.sp);
      if (!get) this.requireGhost(ctx, '`is_variant`', e.sp);
      const r = shallow(this.infer(e.args[0]!, { ...ctx, code: 'spec' }), this.vars);
      const field = e.args[1]!;
      if (field.k !== 'str') throw new ResolveError(`\`${last}\` takes the field's name as a string literal`, field.sp);
      const union = this.unionOf(r);
      if (!union) {
        if (get) throw new ResolveError('get_union_field expects a union type', e.sp);
        this.unsupportedHere('`is_variant` of a value that is not a union', e.sp);
        return C_BOOL;
      }
      if (union.generics.length) this.unsupportedHere('unsupported: a generic union', e.sp);
      this.openUnion(union, ctx, 'disallowed: field expression for an opaque datatype (a union with a field that is not public, in a public open spec fn)', e.sp);
      const ty = this.unionField(e, union, r, field.value, get ? 'get' : 'is', field.sp);
      if (!get) return C_BOOL;
      const want = e.callee.k === 'path' ? e.callee.generics[1] : undefined;
      if (want && want.k !== 'infer' && !this.unifies(ty, this.resolve(want, ctx.fn ?? null))) throw new ResolveError(`field has the wrong type: \`${field.value}\` is \`${cTyStr(ty, this.vars)}\``, e.sp);
      return ty;
    }
    if (segs.length === 1 && last === 'old') {
      this.requireGhost(ctx, '`old`', e.sp);
      return e.args[0] ? this.infer(e.args[0], ctx) : C_ANY;
    }
    if (segs.length === 1 && PROPHECY_BUILTINS.has(last) && !this.crate.fns.has(last) && !this.lookup(last, ctx)) {
      // Verus's functions of a `&mut` value's current and final (prophesied) values: typed, and
      // the function `unsupported` (the prophecy model of `&mut` values is not modelled), after
      // the prophecy check has judged where their values may go (check/prophecy.ts)
      this.requireGhost(ctx, `\`${last}\``, e.sp);
      const a = e.args[0];
      if (e.args.length !== 1 || !a) throw new ResolveError(`\`${last}\` takes one argument`, e.sp);
      if (last === 'after_borrow' && !isLocalPlace(a)) throw new ResolveError('`after_borrow` expects a local variable, possibly with dereferences or field accesses', a.sp);
      const t = this.infer(a, ctx);
      this.sawUnsupported ??= { what: `\`${last}\` (Verus's prophecy model of \`&mut\` values, a current and a final value, is not modelled)`, sp: e.sp };
      return last === 'has_resolved' ? C_BOOL : t;
    }
    if (segs.length === 1 && last === 'final') {
      // Verus: `final(x)` in a body is a prophecy about a borrow's end, which is not modelled
      if (!ctx.inEnsures && e.args.length === 1) {
        const t = this.infer(e.args[0]!, ctx);
        this.sawUnsupported ??= { what: '`final(..)` outside a postcondition (a prophecy about where a mutable borrow ends)', sp: e.sp };
        return t;
      }
      const a = e.args[0];
      const param = a?.k === 'path' && a.segs.length === 1 && e.args.length === 1 ? this.lookup(a.segs[0]!, ctx) : null;
      // (a returned `&mut`: Verus's prophecy about where the caller's borrow ends, not modelled)
      if (!param?.mutRef && a?.k === 'path' && a.segs.length === 1 && ctx.fn?.ret?.name === a.segs[0] && ctx.fn.ret.ty.k === 'ref' && ctx.fn.ret.ty.mut) throw new UnsupportedType('`final(..)` of a returned `&mut` (a prophecy about where the caller\'s borrow ends)', e.sp);
      if (!param?.mutRef) throw new ResolveError('`final` can only be applied to a mutable reference parameter', e.sp);
      return this.infer(a!, ctx);
    }
    if (segs.length === 1 && (last === 'Ghost' || last === 'Tracked')) {
      // (in spec code a `Tracked(x)` is a spec value: nothing is moved)
      const inner: Ctx = { ...ctx, code: last === 'Ghost' || ctx.code === 'spec' ? 'spec' : 'proof' };
      const t = e.args[0] ? this.infer(e.args[0], inner) : C_ANY;
      if (last === 'Tracked' && inner.code === 'proof' && e.args[0]) this.trackedValue(e.args[0], ctx);
      return t;
    }
    // `Box<T>`, `Rc<T>`, `Arc<T>` are erased to `T` (the resolver): `Box::new(x)` is `x`, moved
    // into the box; `Rc::clone(&r)` is `r`, borrowed
    const pointer = smartPointerCall(e);
    if (pointer) {
      // (`ManuallyDrop::into_inner(m)` takes the pointer itself)
      if (segs[1] === 'into_inner' && pointer.arg.k === 'path') this.pointerUses.add(pointer.arg);
      // (`Box::<T>::new(x)`: `x` is a `T`)
      const want = e.callee.generics[0];
      return want ? this.expect(pointer.arg, this.resolve(want, ctx.fn ?? null), ctx) : this.infer(pointer.arg, ctx);
    }
    if (segs.length === 2 && segs[0] === 'Map' && last === 'new' && e.args.length === 2) {
      // vstd's `Map::new(s, fv)`: domain `s`, `fv(k)` at each key of it
      this.requireGhost(ctx, '`Map::new`', e.sp);
      const g = e.callee.generics.map((x) => this.resolve(x, ctx.fn ?? null));
      const key = g[0] ?? this.vars.freshType();
      const val = g[1] ?? this.vars.freshType();
      const spec: Ctx = { ...ctx, code: 'spec' };
      this.expect(e.args[0]!, { k: 'set', elem: key }, spec);
      this.expect(e.args[1]!, { k: 'fn', params: [key], ret: val }, spec);
      return { k: 'map', key, val };
    }
    const collection = segs.length === 2 ? builtinCollection(segs[0]) : null;
    if (collection && last === 'empty') {
      this.requireGhost(ctx, `\`${segs.join('::')}\``, e.sp);
      const g = e.callee.generics.map((x) => this.resolve(x, ctx.fn ?? null));
      // (the element types come from the context when not written: VC generation reads them
      // from the recorded type)
      if (collection === 'Map') return { k: 'map', key: g[0] ?? this.vars.freshType(), val: g[1] ?? this.vars.freshType() };
      return { k: collection === 'Seq' ? 'seq' : 'set', elem: g[0] ?? this.vars.freshType() };
    }
    const v = this.variant(segs, ctx, e.sp, e.callee.generics);
    if (v) {
      this.ctorAccess(v.ty, e.sp);
      this.ctorMode(v.ty, ctx, e.sp);
      if (last === 'Some' && v.ty.k === 'enum' && v.ty.name === 'Option') {
        const inner = e.args[0] ? this.infer(e.args[0], ctx) : C_ANY;
        return { k: 'enum', name: 'Option', args: [inner] };
      }
      if (e.args.length !== v.fields.length) this.error(`this enum variant takes ${v.fields.length} arguments but ${e.args.length} were supplied`, e.sp);
      const modes = this.variantFieldModes(v.ty, last);
      e.args.forEach((a, i) => {
        if (!v.fields[i]) return this.infer(a, ctx);
        // (`V(ghost A, ..)`: each field's own mode, as in a struct literal)
        const mode = modes[i];
        this.expect(a, v.fields[i]!, this.modedFieldCtx(mode, ctx, a.sp));
      });
      return v.ty;
    }
    if (this.crate.isStructCtorPath(segs)) {
      const s = this.crate.struct(last, e.sp);
      const ty: CTy = { k: 'struct', name: last, args: this.freshArgs(s, last, e.sp) };
      this.ctorAccess(ty, e.sp);
      this.ctorMode(ty, ctx, e.sp);
      e.args.forEach((a, i) => {
        const f = s.fields[i];
        if (!f) return this.infer(a, ctx);
        // (`struct S(ghost A, tracked B)`: each field's own mode, as in a struct literal)
        this.expect(a, this.memberTy(f.ty, s, ty.args), this.modedFieldCtx(f.mode, ctx, a.sp));
      });
      return ty;
    }
    // `T::m(..)` with `T: Trait`: the trait's declaration of `m`, at `Self` = `T`
    if (segs.length === 2 && ctx.fn) {
      const decls = this.boundTraits(segs[0]!, ctx).map((t) => this.crate.fn(`${t}::${last}`, e.sp)).filter((x): x is FnInfo => x !== null);
      if (decls.length > 1) this.unsupportedHere(`method \`${last}\` of more than one trait bounding \`${segs[0]}\``, e.sp);
      if (decls[0]) {
        this.out.traitCalls.set(e, decls[0]);
        if (this.currentFn) this.declUses.push({ fn: this.currentFn, decl: decls[0].item, sp: e.sp });
        return this.callFn(decls[0], e.args, null, ctx, e.sp, e);
      }
    }
    // (`Trait::m(x)` is the declaration, generic over `Self`: VC generation calls the impl of `x`'s type)
    // `S::<u8>::m(..)` of one of several impls of a trait for `S`: the impl for `S<u8>`
    const callee = e.callee;
    const typeArgs = () => (callee.k === 'path' && callee.genericsSeg === 0 && callee.generics.length ? callee.generics.map((g) => fromTy(this.crate.resolveType(g, ctx.fn ?? null))) : null);
    const traitArgs = () => (callee.k === 'path' && callee.asTrait?.args ? callee.asTrait.args.map((a) => this.crate.resolveType(a, ctx.fn ?? null)) : null);
    const chosen = segs.length === 2 ? this.implMethod(this.crate.memberName(segs, ctx.fn?.selfType ?? null), { selfArgs: typeArgs, traitArgs, args: e.args, argOffset: 0, ctx, sameImpl: segs[0] === 'Self' }, e.sp) : null;
    if (chosen) this.out.traitCalls.set(e, chosen);
    let info = chosen ?? this.crate.fn(this.crate.memberName(segs, ctx.fn?.selfType ?? null), e.sp, ctx.fn ?? undefined, segs);
    // `S::m(..)` / `Self::m(..)` of a default method `S`'s impl keeps: the trait's, at `Self` = `S`
    // (`instantiate` reads `Self` from the path)
    const member = this.crate.typeMemberSegs(segs);
    const typeName = member.length === 2 ? (member[0] === 'Self' ? ctx.fn?.selfType : member[0]) : undefined;
    if (info && typeName && isImplPrimitive(typeName) && info.item.traitImpl) this.out.traitCalls.set(e, info);
    // (a generic type needs its arguments written, `X::<u8>::m(..)`: `instantiate` reads them as `Self`'s)
    const typeArgsWritten = callee.k === 'path' && (callee.genericsSeg ?? 0) === 0 && callee.generics.length > 0 && segs.length === 2;
    // (`crate::m::S::m(..)` of a default method too: the module path names `S`)
    if (!info && typeName && (segs[0] === 'Self' || isImplPrimitive(typeName) || typeArgsWritten || !(this.crate.structs.get(typeName)?.[0]?.item.generics.length ?? this.crate.enums.get(typeName)?.[0]?.item.generics.length ?? 1))) info = this.defaultMethod(typeName, last, e);
    if (!info && segs.length === 1 && last === 'shr_ref_struct_wrap') return this.shrRefStructWrap(e, ctx);
    // `Box::default()` (`Rc`, `Arc`): the pointer is erased, so it is the pointee's `default()`,
    // the pointee known from the type wanted here (`let b: Box<u32> = Box::default();`)
    if (!info && segs.length === 2 && SMART_POINTERS.has(segs[0] as SmartPointer) && last === 'default' && !e.args.length) {
      const want = hint ? shallow(hint, this.vars) : null;
      const pointee = want?.k === 'int' ? want.kind : want?.k === 'struct' || want?.k === 'enum' ? want.name : want?.k === 'bool' ? 'bool' : null;
      const def = pointee ? this.crate.fn(`${pointee}::default`, e.sp, ctx.fn ?? undefined, [pointee, 'default']) : null;
      if (!def) this.unsupportedHere(`unsupported: \`${segs.join('::')}()\` of a type whose \`default()\` the library does not give`, e.sp);
      else {
        this.out.traitCalls.set(e, def);
        return this.callFn(def, [], null, ctx, e.sp, e);
      }
    }
    if (!info && !e.args.length && last === 'no_method_body' && (segs.length === 1 || (segs.length === 2 && (segs[0] === 'verus_builtin' || segs[0] === 'builtin')))) {
      this.noMethodBody(e, ctx);
      return C_UNIT;
    }
    if (!info) {
      for (const a of e.args) this.infer(a, ctx);
      // (Verus's words for a specification's own name and for an external function)
      const named = this.crate.memberName(segs, ctx.fn?.selfType ?? null);
      const specified = this.crate.specificationNames.get(named);
      if (specified) throw new ResolveError(`cannot call function \`${named}\` which is an artificial function for \`assume_specification\`; call \`${specified}\` instead`, e.sp);
      if (this.crate.externalFns.has(named)) throw ignoredUse(named, e.sp);
      throw new ResolveError(`cannot find function \`${segs.join('::')}\` in this scope`, e.sp);
    }
    return this.callFn(info, e.args, null, ctx, e.sp, e);
  }

  /** The user function a call names, or null (not a plain path, unknown or ambiguous). */
  private calleeItem(e: Extract<Expr, { k: 'call' }>, caller: FnItem): FnItem | null {
    if (e.callee.k !== 'path') return null;
    try {
      return this.crate.fn(this.crate.memberName(e.callee.segs, caller.selfType), e.sp, caller, e.callee.segs)?.item ?? null;
    } catch (err) {
      if (err instanceof ResolveError) return null;
      throw err;
    }
  }

  /** Generic arguments of the item being checked, to be known once it is typed (as rustc). */
  /** Checks that need the item's types fully inferred (run before the generic arguments are read). */
  private deferred: (() => void)[] = [];
  private pendingGeneric: { call: Expr | null; what: string; args: CTy[]; sp: Sp; callee?: FnItem | StructItem | EnumItem; fn?: FnItem | null; assoc?: () => void }[] = [];
  private resolveGenericArgs(): void {
    for (const check of this.deferred) check();
    for (const p of this.pendingGeneric) {
      p.assoc?.();
      const tys = p.args.map((a) => toTy(a, this.vars));
      if (tys.some((t) => t === null)) {
        if (!this.sawUnsupported) this.error(`type annotations needed: cannot infer the generic arguments of \`${p.what}\``, p.sp);
        continue;
      }
      if (p.call) this.out.callTypeArgs.set(p.call, tys as Ty[]);
      if (p.callee) this.checkBounds(p.callee, tys as Ty[], p.fn ?? null, p.sp);
    }
  }

  /**
   * rustc's check that a call's generic arguments satisfy the callee's trait bounds (the crate's
   * traits; marker bounds are not checked): a parameter of the caller needs the same bound, a
   * datatype an `impl Trait for Type` (one that implements it for every argument of the type).
   */
  private checkBounds(callee: FnItem | TraitImplItem | StructItem | EnumItem, args: Ty[], caller: FnItem | null, sp: Sp): void {
    (callee.genericParams ?? []).forEach((p, i) => {
      const a = args[i];
      if (!a || p.kind !== 'type') return;
      for (const b of p.bounds) {
        if (b.fnSig) {
          // (an impl's parameter with an `Fn` bound is not modelled: traits.ts)
          if (callee.k === 'fn') this.checkFnBound(callee, p.name, a, caller, sp, new Map((callee.genericParams ?? []).flatMap((g, j) => (args[j] ? [[g.name, args[j]!] as const] : []))));
          continue;
        }
        // a proof closure is `Copy`, `Send`, `Sync` when its flags say so (rustc's messages)
        if (a.k === 'closure' && a.proof && PROOF_CLOSURE_MARKERS.has(b.name) && !a.proof.includes(b.name)) {
          this.error(b.name === 'Send' ? '`{closure}` cannot be sent between threads safely' : b.name === 'Sync' ? '`{closure}` cannot be shared between threads safely' : 'the trait bound `{closure}: Copy` is not satisfied', sp);
          continue;
        }
        if (!this.crate.traits.has(b.name)) continue;
        // (vstd's own impls of its traits, such as `View for Vec<T>`, are not modelled)
        const unsatisfied = () =>
          this.crate.libraryImplsUnmodelled(b.name, a)
            ? this.unsupportedHere(`unsupported: \`${tyStr(a)}: ${b.name}\` (vstd's impls of its traits for its own and built-in types are not modelled)`, sp)
            : this.error(`the trait bound \`${tyStr(a)}: ${b.name}${b.args ? `<${b.args.map((x) => tyStr(this.crate.resolveType(x, callee))).join(', ')}>` : ''}\` is not satisfied`, sp);
        // a generic trait's arguments, at the callee's generic arguments
        const want = b.args?.length ? b.args.map((x) => substTy(this.crate.resolveType(x, callee), genericEnv(callee, args))) : undefined;
        // `A: T<X = u8>`: the argument's `X` must be that type
        for (const eq of b.assocEq ?? []) {
          const wantTy = substTy(this.crate.resolveType(eq.ty, callee), genericEnv(callee, args));
          let have: Ty | null = null;
          try {
            if (a.k === 'param') {
              const fixed = caller?.assocFixed?.find((x) => x.name === `${a.name}::${eq.name}`);
              have = fixed ? this.crate.resolveType(fixed.ty, caller!) : caller?.assocParams?.some((x) => x.name === `${a.name}::${eq.name}`) ? { k: 'param', name: `${a.name}::${eq.name}` } : null;
            } else have = this.crate.assocTypeAt(b.name, a, eq.name, sp);
          } catch (e) {
            if (!(e instanceof ResolveError) && !(e instanceof UnsupportedType)) throw e;
          }
          if (have && tyKey(have) !== tyKey(wantTy)) this.error(`type mismatch resolving \`<${tyStr(a)} as ${b.name}>::${eq.name} == ${tyStr(wantTy)}\` (it is \`${tyStr(have)}\`)`, sp);
        }
        const sameArgs = (have: Ty[] | null | undefined) => !want || sameTys(have, want);
        if (a.k === 'param') {
          if (!caller || !this.boundTraitsOf(caller, a.name).includes(b.name)) unsatisfied();
          else if (want && !sameArgs(boundArgsOf(caller, a.name, b.name)?.map((x) => this.crate.resolveType(x, caller)))) unsatisfied();
          continue;
        }
        const typeName = implTypeName(a);
        const impls = typeName ? this.crate.traitImpls.get(`${b.name}|${typeName}`) ?? [] : [];
        // `#[derive(Structural)]` on a crate datatype without generic parameters is its impl of
        // the library's marker trait (the checking phase holds its fields to it)
        if (!impls.length && b.name === 'Structural' && (a.k === 'struct' || a.k === 'enum') && !a.args.length && derivedTraits(this.crate.datatypeItem(a)?.attrs).includes('Structural')) continue;
        if (!impls.length) unsatisfied();
        else if (impls.length > 1 || impls[0]!.verdict !== 'ok') this.unsupportedCall(caller, `the impl of \`${b.name}\` for \`${typeName}\` is not supported`, sp);
        else {
          // the caller relies on the impl's methods and its supertraits' impls' (Verus: a cycle
          // through them is an error); those impls' verdicts were judged with this one's (traits.ts)
          // (a datatype's bounds, `S<u8>` written or built, call nothing)
          if (caller && callee.k !== 'struct' && callee.k !== 'enum') {
            const calls = this.graph.calls.get(caller) ?? new Set();
            // (a trait's own method at `Self` = this type relies on the impl only through what its
            // body calls, which are edges of their own: as Verus, only the supertraits' impls count)
            const own = p.name === 'Self' && callee.k === 'fn' && callee.selfType === b.name ? b.name : null;
            for (const t of this.crate.traitsImplied(b.name)) if (t !== own) for (const d of this.crate.traits.get(t)?.[0]?.item.methods ?? []) calls.add(d);
            this.graph.calls.set(caller, calls);
          }
          // `impl Tr for S<u8>` implements `Tr` for `S<u8>` only: not told apart here
          const impl = impls[0]!;
          const generic = impl.selfTy.k === 'path' && impl.selfTy.args.length === impl.generics.length && impl.selfTy.args.every((x, j) => x.k === 'path' && x.segs.length === 1 && x.name === impl.generics[j]);
          if (!generic) this.unsupportedCall(caller, `the impl of \`${b.name}\` for \`${typeName}\` is for some of its generic arguments only`, sp);
          else {
            const selfArgs = a.k === 'struct' || a.k === 'enum' ? a.args : [];
            const implEnv = new Map(impl.generics.map((g, j) => [g, selfArgs[j]!] as const));
            if (want && !sameArgs(impl.traitArgs.map((x) => substTy(this.crate.resolveType(x, impl), implEnv)))) unsatisfied();
            // `impl<A: U> Tr for S<A>`: the impl applies when its own bounds hold at the type's
            // arguments, and the caller relies on their impls too
            this.checkBounds(impl, selfArgs, caller, sp);
          }
        }
      }
    });
  }
  /**
   * rustc's check of an `F: Fn(A) -> B` bound (FnMut, FnOnce) at a call: the argument is a closure
   * of exactly that signature (every closure here is `Fn`: none writes what it captures), or the
   * caller's own parameter with an `Fn` bound of that signature at least as strong.
   */
  private checkFnBound(callee: FnItem, name: string, a: Ty, caller: FnItem | null, sp: Sp, env: ReadonlyMap<string, Ty>): void {
    const want = this.fnBound(callee, name)!;
    const sigKey = (ps: Ty[], r: Ty) => `${ps.map(tyKey).join(', ')} -> ${tyKey(r)}`;
    // (the bound's signature at the call's generic arguments: `F: FnOnce(T) -> Option<U>`)
    const at = (x: CTy) => {
      const t = toTy(x, this.vars);
      return t && substTy(t, env);
    };
    const wantParams = want.sig.params.map(at);
    const wantRet = at(want.sig.ret);
    if (wantParams.some((x) => !x) || !wantRet || [...wantParams, wantRet].some((x) => hasParam(x!))) return this.unsupportedCall(caller, `an \`${want.kind}\` bound whose signature mentions a generic parameter`, sp);
    const expected = sigKey(wantParams as Ty[], wantRet);
    const strength: Record<string, number> = { Fn: 0, FnMut: 1, FnOnce: 2 };
    if (a.k === 'closure') {
      if (sigKey(a.params, a.ret) !== expected) this.error(`expected a closure that takes (${expected}), found one that takes (${sigKey(a.params, a.ret)})`, sp);
      return;
    }
    const have = a.k === 'param' ? this.fnBound(caller, a.name) : null;
    const haveParams = have?.sig.params.map((x) => toTy(x, this.vars));
    const haveRet = have && toTy(have.sig.ret, this.vars);
    if (!have || !haveParams || haveParams.some((x) => !x) || !haveRet || sigKey(haveParams as Ty[], haveRet) !== expected || strength[have.kind]! > strength[want.kind]!) this.error(`expected a closure that implements \`${want.kind}(${expected})\`, found \`${tyStr(a)}\``, sp);
  }

  private unsupportedCall(caller: FnItem | null, message: string, sp: Sp): void {
    if (caller && !this.trustedBody && !this.out.fnUnsupported.has(caller)) this.out.fnUnsupported.set(caller, { message: `unsupported: ${message}`, sp });
  }

  /** `f(a, b)` of a local `f: spec_fn(A, B) -> C`: ghost code only; the result is a `C`. */
  private applySpecFn(e: Extract<Expr, { k: 'call' }>, f: Extract<CTy, { k: 'fn' }>, ctx: Ctx): CTy {
    this.requireGhost(ctx, 'a call of a `spec_fn` value', e.sp);
    if (e.callee.k === 'path') this.path(e.callee, ctx);
    if (e.args.length !== f.params.length) this.error(`this function takes ${f.params.length} arguments but ${e.args.length} were supplied`, e.sp);
    e.args.forEach((a, i) => (f.params[i] ? this.expect(a, f.params[i]!, { ...ctx, code: 'spec' }) : this.infer(a, ctx)));
    return f.ret;
  }

  /**
   * `<Ty as Tr>::f(..)` is read as `Ty::f(..)`: the same function only when `Tr` declares `f`, `Ty`
   * implements (or is bounded by) `Tr`, and nothing else `Ty` has is called `f`.
   */
  private qualifiedTrait(p: Extract<Expr, { k: 'path' }>, ctx: Ctx): void {
    const { name, sp } = p.asTrait!;
    const tr = this.crate.traits.get(name);
    // (a trait the crate declares in a form traits.ts does not model is not in `traits`)
    const declared = this.crate.files.some((f) => f.items.some((it) => it.k === 'trait' && it.name === name) || f.items.some((it) => it.k === 'unsupported' && it.what.includes(`trait \`${name}\``)));
    if ((!tr || tr.length !== 1) && declared) this.unsupportedHere(`unsupported: \`<.. as ${name}>::..\`: the trait \`${name}\` is not supported`, sp);
    if (!tr || tr.length !== 1) throw new ResolveError(`cannot find trait \`${name}\` in this scope`, sp);
    const method = p.segs[p.segs.length - 1]!;
    if (!tr[0]!.item.methods.some((m) => m.name === method)) throw new ResolveError(`cannot find method or associated constant \`${method}\` in trait \`${name}\``, p.sp);
    const selfName = p.segs[p.segs.length - 2]!;
    const declaring = [...this.crate.traits].filter(([, l]) => l.some((x) => x.item.methods.some((m) => m.name === method))).map(([t]) => t);
    const unsatisfied = () => new ResolveError(`the trait bound \`${selfName}: ${name}\` is not satisfied`, p.sp);
    // a generic trait's written arguments are those of the bound or the impl
    const written = p.asTrait!.args?.map((a) => this.crate.resolveType(a, ctx.fn ?? null));
    const sameArgs = (have: Ty[] | undefined) => !written || sameTys(have, written);
    if (p.segs.length === 2 && ctx.fn?.genericParams?.some((g) => g.name === selfName)) {
      const bounds = this.boundTraits(selfName, ctx);
      if (!bounds.includes(name)) throw unsatisfied();
      if (!sameArgs(boundArgsOf(ctx.fn, selfName, name)?.map((a) => this.crate.resolveType(a, ctx.fn ?? null)))) throw unsatisfied();
      if (bounds.filter((b) => declaring.includes(b)).length > 1) this.unsupportedHere(`unsupported: \`<${selfName} as ${name}>::${method}\`: more than one bound of \`${selfName}\` declares \`${method}\``, p.sp);
      return;
    }
    if (p.segs.length === 2 && (this.crate.structs.has(selfName) || this.crate.enums.has(selfName) || isImplPrimitive(selfName))) {
      const impls = this.crate.traitImpls.get(`${name}|${selfName}`) ?? [];
      if (!impls.length) throw unsatisfied();
      if (impls.every((i) => i.external)) this.unsupportedHere(`unsupported: \`<${selfName} as ${name}>::${method}\` through an \`#[verifier::external]\` impl (its methods are not read)`, p.sp);
      // (a generic impl's arguments depend on the type's: compared for an impl without parameters)
      if (written && impls.length === 1 && !impls[0]!.generics.length && !sameArgs(impls[0]!.traitArgs.map((a) => this.crate.resolveType(a, impls[0]!)))) throw unsatisfied();
      if (written && impls.length === 1 && impls[0]!.generics.length) this.unsupportedHere(`unsupported: \`<${selfName} as ${name}<..>>::${method}\` of a generic impl`, p.sp);
      const others = declaring.filter((t) => t !== name && this.crate.traitImpls.get(`${t}|${selfName}`)?.length);
      const inherent = (this.crate.fns.get(`${selfName}::${method}`) ?? []).some((i) => !i.item.traitImpl);
      if (others.length || inherent) this.unsupportedHere(`unsupported: \`<${selfName} as ${name}>::${method}\`: \`${selfName}\` has another \`${method}\``, p.sp);
      return;
    }
    this.unsupportedHere(`unsupported: qualified path \`<${p.segs.slice(0, -1).join('::')} as ${name}>::${method}\``, p.sp);
  }

  /**
   * A call of `S::m` where several impls of one trait for `S` define `m` (`impl T for S<u8>`,
   * `impl T for S<bool>`; traits.ts): the method of the impl whose type has the arguments `args`
   * (the receiver's, or written: `S::<u8>::m`). Null when `m` has one definition; `unsupported`
   * when the arguments are not known here or do not pick one impl.
   */
  private implMethod(qname: string, by: ImplChoice, sp: Sp): FnInfo | null {
    const candidates = this.crate.fns.get(qname) ?? [];
    if (candidates.length < 2 || !candidates.every((c) => c.item.implOf)) return null;
    let left = candidates;
    // `Self::m` in one of the impls: that impl's own
    // (an impl is its file and its place in it)
    const here = this.crate.fnFiles.get(by.ctx.fn);
    const own = by.sameImpl ? left.filter((c) => c.item.traitImpl?.implStart !== undefined && c.item.traitImpl.implStart === by.ctx.fn.traitImpl?.implStart && c.file === here) : [];
    if (own.length === 1) return own[0]!;
    const known = (tys: readonly (Ty | null)[] | null | undefined): Ty[] | null => (tys && tys.every((t): t is Ty => t !== null) ? [...tys] : null);
    const selfArgs = known(by.selfArgs()?.map((a) => toTy(a, this.vars)));
    if (selfArgs) left = left.filter((c) => sameTys((c.item.selfArgs ?? []).map((a) => this.crate.resolveType(a, c.item)), selfArgs));
    const traitArgs = by.traitArgs?.();
    if (traitArgs) left = left.filter((c) => sameTys(c.item.implOf!.traitArgs.map((a) => this.crate.resolveType(a, c.item)), traitArgs));
    // the impls' parameter types against what the arguments evidently are (a suffixed literal, a
    // `bool`, a local of a known type): `x.f(1u8)` with `impl T<u8> for S` and `impl T<u16> for S`
    if (left.length > 1) {
      const evident = by.args.map((a) => this.evidentType(a, by.ctx));
      left = left.filter((c) => evident.every((t, i) => {
        const p = c.item.params[i + by.argOffset];
        if (!t || !p) return true;
        // (references are erased in types: `&u8` is `u8`)
        const w = this.crate.resolveType(p.ty, c.item);
        return t === 'int' ? w.k === 'int' : tyKey(w) === tyKey(t);
      }));
    }
    if (left.length !== 1) throw new UnsupportedType(`a call of \`${qname}\`, which ${candidates.length} impls of one trait for the type define, not told apart here by the type's or the trait's arguments`, sp);
    return left[0]!;
  }

  /**
   * What an argument evidently is without typing it: a suffixed integer literal's type, `int` for
   * an unsuffixed one (some integer type), `bool` for `true` / `false`, a local's own type when it
   * is known; else null. (Typing it here would type it twice: `implMethod` must not.)
   */
  private evidentType(e: Expr, ctx: Ctx): Ty | 'int' | null {
    if (e.k === 'int') return e.suffix ? (isIntKind(e.suffix) ? { k: 'int', kind: e.suffix } : null) : 'int';
    if (e.k === 'bool') return { k: 'bool' };
    if (e.k === 'unary' && e.op === '&') return this.evidentType(e.e, ctx);
    if (e.k === 'path' && e.segs.length === 1) {
      const l = this.lookup(e.segs[0]!, ctx);
      return l ? toTy(l.ty, this.vars) : null;
    }
    return null;
  }

  /** The crate traits bounding type parameter `name` of the function being checked. */
  private boundTraits(name: string, ctx: Ctx): string[] {
    return ctx.fn ? this.boundTraitsOf(ctx.fn, name) : [];
  }
  private boundTraitsOf(f: FnItem, name: string): string[] {
    // (an opaque type's bounds are its own, wherever its value is)
    const opaque = isOpaqueParam(name) ? this.crate.opaqueTypes.get(name) : undefined;
    if (opaque) return [...new Set(opaque.bounds.flatMap((b) => this.crate.traitsImplied(b)))].filter((t) => this.crate.traits.has(t));
    // (a bound implies its supertraits: `T: U` with `trait U: V` gives `V`'s methods too)
    const implied = (f.genericParams ?? []).filter((p) => p.name === name).flatMap((p) => p.bounds.flatMap((b) => (b.maybe || (b.hasArgs && !b.args) ? [] : this.crate.traitsImplied(b.name))));
    return [...new Set(implied)].filter((t) => this.crate.traits.has(t));
  }

  /**
   * `s.m()` where `S` implements a trait whose default method `m` it does not override (or whose
   * `uninterp spec fn m` it cannot define): the trait's method at `Self` = `S` (its bounds are
   * checked as for any call).
   */
  private defaultMethod(typeName: string, name: string, call: Expr): FnInfo | null {
    // (a trait's `uninterp spec fn` is one too: no impl defines it, each type has the declaration's)
    const traits = [...this.crate.traits].filter(([trait, l]) => l.length === 1 && l[0]!.item.methods.some((x) => x.name === name && (x.body || x.uninterp)) && this.crate.traitImpls.get(`${trait}|${typeName}`)?.length);
    if (traits.length > 1) this.unsupportedHere(`method \`${name}\`: a default method of more than one trait \`${typeName}\` implements`, call.sp);
    // (an `#[verifier::external]` impl may override it: its methods are not read)
    if (traits[0] && this.crate.traitImpls.get(`${traits[0][0]}|${typeName}`)!.every((i) => i.external)) this.unsupportedHere(`unsupported: \`${typeName}::${name}\` through an \`#[verifier::external]\` impl of \`${traits[0][0]}\` (its methods are not read)`, call.sp);
    const info = traits[0] ? this.crate.fn(`${traits[0][0]}::${name}`, call.sp) : null;
    if (info) {
      this.out.traitCalls.set(call, info);
      // (the type keeps the default body: its `default_ensures` hold of this call)
      if (info.item.body) this.out.defaultBodyCalls.add(call);
      if (this.currentFn) this.declUses.push({ fn: this.currentFn, decl: info.item, sp: call.sp });
    }
    return info;
  }

  /** Every trait method declaration of the crate (traits.ts). */
  private traitDecls(): FnItem[] {
    return [...this.crate.traits.values()].filter((l) => l.length === 1).flatMap((l) => l[0]!.item.methods);
  }
  /** The impl methods a trait method declaration may run. */
  private implsOf(decl: FnItem): FnItem[] {
    return [...this.crate.fns.values()].flat().map((i) => i.item).filter((f) => f.traitImpl?.trait === decl.selfType && f.name === decl.name);
  }
  /** Calls of trait method declarations, by the function that makes them. */
  private declUses: { fn: FnItem; decl: FnItem; sp: Sp }[] = [];

  /** Fresh inference variables for the generic parameters of a datatype (a literal, a constructor). */
  private freshArgs(item: StructItem | EnumItem, what: string, sp: Sp): CTy[] {
    const args = item.generics.map(() => this.vars.freshType());
    // (once inferred, the arguments must satisfy the crate datatype's bounds: rustc's E0277)
    if (args.length) this.pendingGeneric.push({ call: null, what, args, sp, ...(this.isCrateDatatype(item) ? { callee: item, fn: this.currentFn ?? null } : {}) });
    return args;
  }
  /** A datatype of the user's crate (the library's are trusted, their bounds not checked here). */
  private isCrateDatatype(item: StructItem | EnumItem): boolean {
    const l = item.k === 'struct' ? this.crate.structs.get(item.name) : this.crate.enums.get(item.name);
    const at = l?.find((x) => x.item === item);
    return !!at && !isLibraryFile(at.file);
  }
  /**
   * rustc's well-formedness of the types written in `fn` (its signature, annotations, turbofish):
   * a crate datatype's arguments satisfy its bounds (`S<i32>` with `struct S<T: Tr>` needs `i32: Tr`).
   */
  private writtenTypeBounds(fn: FnItem): void {
    someNode([fn.params.map((p) => p.ty), fn.ret?.ty ?? null, fn.requires, fn.ensures, fn.body], (n) => {
      const t = n as TypeExpr;
      if (t.k !== 'path' || !('args' in t) || !('name' in t) || !t.args.length) return false;
      const s = this.crate.structs.get(t.name);
      const en = this.crate.enums.get(t.name);
      const dt = s?.length === 1 && !en ? s[0]!.item : en?.length === 1 && !s ? en[0]!.item : null;
      if (!dt || !this.isCrateDatatype(dt) || dt.generics.length !== t.args.length) return false;
      let tys: Ty[];
      try {
        tys = t.args.map((a) => this.crate.resolveType(a, fn));
      } catch (e) {
        if (e instanceof ResolveError || e instanceof UnsupportedType) return false;
        throw e;
      }
      this.checkBounds(dt, tys, fn, t.sp);
      return false;
    });
  }

  /** A field's type in datatype `item` at generic arguments `args`. */
  private memberTy(t: TypeExpr, item: StructItem | EnumItem, args: CTy[]): CTy {
    const ty = this.resolve(t, item);
    if (!item.generics.length) return ty;
    return substCTy(ty, new Map(item.generics.map((g, i) => [g, args[i] ?? C_ANY])));
  }

  /**
   * A call of generic function `f`: its generic parameters as inference variables, fixed by the
   * turbofish (on the function: its own parameters; on the type: the impl's), the receiver and
   * the arguments; recorded for VC generation once the caller is typed.
   */
  private instantiate(info: FnInfo, call: Expr, ctx: Ctx, sp: Sp): Map<string, CTy> {
    const f = info.item;
    const env = new Map<string, CTy>();
    const ps = f.genericParams ?? [];
    // (a `proof_fn<F>` marker parameter is never observed: any type will do)
    const markers = new Set<string>();
    someNode(f.params.map((p) => p.ty), (n) => {
      if (n.k === 'proofFn' && (n as Extract<TypeExpr, { k: 'proofFn' }>).marker) markers.add((n as Extract<TypeExpr, { k: 'proofFn' }>).marker!);
      return false;
    });
    const marker = (g: string) => markers.has(g);
    for (const g of f.generics) env.set(g, marker(g) ? C_UNIT : this.vars.freshType());
    const implN = f.implGenerics ?? 0;
    let written: TypeExpr[] = [];
    let names: string[] = [];
    // the path naming the function: a call's callee, or the path of a function as a value
    const calleePath = call.k === 'call' && call.callee.k === 'path' ? call.callee : call.k === 'path' ? call : null;
    if (calleePath?.generics.length) {
      // `S::<u8>::m` (the impl's arguments), `f::<u8>` (its own); a trait method at a type,
      // `X::<u8>::m`: X's (`Self`, below)
      const onType = (calleePath.genericsSeg ?? 0) < calleePath.segs.length - 1;
      if (!onType || !isTraitMethodDeclaration(f)) {
        written = calleePath.generics;
        names = onType ? f.generics.slice(0, implN) : f.generics.slice(implN);
      }
    } else if (call.k === 'method' && call.generics.length) {
      written = call.generics;
      names = f.generics.slice(implN);
    }
    // (the parameters standing for associated types are never written: `fixAssocArgs`)
    names = names.filter((n) => !f.assocParams?.some((a) => a.name === n));
    if (written.length) this.unifyWritten(`function \`${info.qname}\``, names.map((n) => ps.find((x) => x.name === n)), names.map((n) => env.get(n)!), written, ctx, sp);
    // `T::m(..)` (or `T::m` as a value): the trait method declaration at `Self` = `T`
    const viaParam = calleePath && this.out.traitCalls.get(call) === info && isTraitMethodDeclaration(f) ? this.crate.typeMemberSegs(calleePath.segs)[0] : undefined;
    const typeArgs = calleePath && calleePath.segs.length === 2 && (calleePath.genericsSeg ?? 0) === 0 ? calleePath.generics : [];
    if (viaParam && ctx.fn) this.unify(env.get('Self')!, this.resolve({ k: 'path', name: viaParam, segs: [viaParam], args: typeArgs, sp }, ctx.fn), sp);
    // `Self::f(..)` is `f` of the caller's own `Self` type (with its generic arguments)
    if (implN && call.k === 'call' && call.callee.k === 'path' && call.callee.segs.length >= 2 && call.callee.segs[call.callee.segs.length - 2] === 'Self' && ctx.fn?.selfType) {
      const selfExpr: TypeExpr = { k: 'path', name: 'Self', segs: ['Self'], args: [], sp };
      this.unify(substCTy(this.resolve(selfExpr, f), env), this.resolve(selfExpr, ctx.fn), sp);
    }
    this.fixImpliedArgs(f, env, ctx, sp);
    this.pendingGeneric.push({ call, what: info.qname, args: f.generics.map((g) => env.get(g)!), sp, callee: f, fn: ctx.fn ?? null, assoc: () => this.fixImpliedArgs(f, env, ctx, sp) });
    return env;
  }

  /**
   * rustc: a const generic argument has its parameter's type: a value in that type's range (a
   * `usize` one at most `u64::MAX` here, where the word size may be either), or a const
   * parameter of the caller of that type.
   */
  private constArgFits(param: GenericParam, arg: Ty, ctx: Ctx, sp: Sp): void {
    const kindOf = (t: TypeExpr | undefined): string => (t?.k === 'path' ? t.name : 'usize');
    const want = kindOf(param.constTy);
    if (arg.k === 'cval' && isIntKind(want)) {
      const r = want === 'usize' ? intRange('u64') : intRange(want);
      if ((r.min !== null && arg.n < r.min) || (r.max !== null && arg.n > r.max)) this.error(`literal out of range for \`${want}\`: \`${arg.n}\``, sp);
    }
    if (arg.k === 'param') {
      const have = kindOf(ctx.fn?.genericParams?.find((p) => p.kind === 'const' && p.name === arg.name)?.constTy);
      if (have !== want) this.error(`mismatched types: expected \`${want}\`, found \`${have}\` (const generic argument \`${arg.name}\`)`, sp);
    }
  }

  /**
   * Generic arguments written for `what` (`S::<u8, 4>`, `f::<T>`): each one unified with its
   * parameter's variable (`_` left to inference), a const parameter's read as a value; a wrong
   * count is rustc's error.
   */
  private unifyWritten(what: string, params: (GenericParam | undefined)[], vars: CTy[], written: TypeExpr[], ctx: Ctx, sp: Sp): void {
    if (written.length !== vars.length) {
      this.error(`${what} takes ${vars.length} generic argument${vars.length === 1 ? '' : 's'} but ${written.length} generic argument${written.length === 1 ? ' was' : 's were'} supplied`, sp);
      return;
    }
    written.forEach((w, i) => {
      if (w.k === 'infer') return;
      const param = params[i];
      if (param?.kind !== 'const') return this.unify(vars[i]!, fromTy(this.crate.typeArg(w, ctx.fn ?? null)), w.sp);
      const arg = this.crate.constArg(w, ctx.fn ?? null);
      this.constArgFits(param, arg, ctx, w.sp);
      this.unify(vars[i]!, fromTy(arg), w.sp);
    });
  }

  /** The generic arguments a call's others imply: a generic trait's (`fixTraitArgs`), then associated types' (`fixAssocArgs`). */
  private fixImpliedArgs(f: FnItem, env: Map<string, CTy>, ctx: Ctx, sp: Sp): void {
    this.fixTraitArgs(f, env, ctx, sp);
    this.fixAssocArgs(f, env, ctx, sp);
  }

  /**
   * A generic trait's arguments where `f`, one of its method declarations (or defaults), is called
   * at `Self` = a parameter `B`: those of the caller's bound `B: T<..>`; at a type: those of its impl
   * (`impl T<u8> for S`). (Supertraits with arguments are not modelled: the bound is direct.)
   */
  private fixTraitArgs(f: FnItem, env: Map<string, CTy>, ctx: Ctx, sp: Sp): void {
    if (f.generics[0] !== 'Self' || !f.selfType) return;
    const trait = this.crate.traits.get(f.selfType)?.[0]?.item;
    if (!trait?.generics.length || trait.generics.some((p) => shallow(env.get(p.name)!, this.vars).k !== 'tvar')) return;
    const base = shallow(env.get('Self')!, this.vars);
    let args: CTy[] | null = null;
    if (base.k === 'param') {
      const written = ctx.fn ? boundArgsOf(ctx.fn, base.name, trait.name) : undefined;
      if (written) args = written.map((a) => this.resolve(a, ctx.fn ?? null));
    } else if (base.k === 'struct' || base.k === 'enum' || base.k === 'int' || base.k === 'bool') {
      const name = implTypeName(base);
      const impls = name ? this.crate.traitImpls.get(`${trait.name}|${name}`) ?? [] : [];
      if (impls.length === 1 && impls[0]!.verdict === 'ok') args = this.implTraitArgs(impls[0]!, base);
    }
    if (args) trait.generics.forEach((p, i) => args![i] && this.unify(env.get(p.name)!, args![i]!, sp));
  }

  /** The trait arguments of `impl`, at the type `base` it is used for (its generic parameters fixed by unifying its self type with `base`). */
  private implTraitArgs(impl: TraitImplItem, base: CTy): CTy[] | null {
    const env = new Map(impl.generics.map((g) => [g, this.vars.freshType()] as const));
    if (!this.unifies(substCTy(this.resolve(impl.selfTy, impl), env), base)) return null;
    return impl.traitArgs.map((a) => substCTy(this.resolve(a, impl), env));
  }

  /**
   * The arguments of `f`'s parameters for associated types (`A::X`, traits.ts), from `A`'s once
   * it is known: the caller's own `B::X` for a parameter `B` (its bound gives it), the impl's
   * binding for a type (`Crate.assocTypeAt`). Run when the call is met and again once the caller
   * is typed (an argument may fix `A` only then).
   */
  private fixAssocArgs(f: FnItem, env: Map<string, CTy>, ctx: Ctx, sp: Sp): void {
    for (const a of f.assocParams ?? []) {
      const base = shallow(env.get(a.base)!, this.vars);
      const target = env.get(a.name)!;
      if (shallow(target, this.vars).k !== 'tvar') continue;
      if (base.k === 'param') {
        // (the caller's `B::X`: its parameter, or the type its bound `B: T<X = ..>` fixes)
        const fixed = ctx.fn?.assocFixed?.find((x) => x.name === `${base.name}::${a.assoc}`);
        this.unify(target, fixed ? this.resolve(fixed.ty, ctx.fn!) : { k: 'param', name: `${base.name}::${a.assoc}` }, sp);
        continue;
      }
      const ty = toTy(base, this.vars);
      if (!ty) continue;
      try {
        this.unify(target, fromTy(this.crate.assocTypeAt(a.trait, ty, a.assoc, sp)), sp);
      } catch (e) {
        if (e instanceof UnsupportedType) this.unsupportedHere(`unsupported: ${e.message}`, e.sp);
        else if (e instanceof ResolveError) this.error(e.message, e.sp);
        else throw e;
      }
    }
  }

  /**
   * A reference (or Box/Ghost/Tracked) as a generic argument of a call of `info`: types erase it,
   * so `f::<&u8>` would be `f::<u8>`, which differ for a spec fn of the type alone. (After the
   * arguments are typed: whether an argument is a reference can depend on its method's callee.)
   */
  private refGenericArg(info: FnInfo, call: Expr, ctx: Ctx): void {
    const f = info.item;
    const erased = writtenGenerics(call).find((w) => erasedWrapper(w));
    const args = call.k === 'call' || call.k === 'method' ? call.args : [];
    const offset = call.k === 'method' ? 1 : 0;
    const viaRef = args.find((a, i) => {
      const pt = f.params[i + offset]?.ty;
      return pt?.k === 'path' && pt.segs.length === 1 && f.generics.includes(pt.name) && this.isRefValue(a, ctx);
    });
    if ((erased || viaRef) && ctx.fn && !this.out.fnUnsupported.has(ctx.fn)) {
      this.out.fnUnsupported.set(ctx.fn, { message: 'a reference (or `Box`/`Ghost`/`Tracked`) as a generic argument: types here erase it, so the instantiation would be the one of the type it wraps', sp: (erased ?? viaRef)!.sp });
    }
  }

  /** A user function's call: argument types, the callee's mode against the caller's code. */
  private callFn(info: FnInfo, args: Expr[], recvTy: CTy | null, ctx: Ctx, sp: Sp, call: Expr): CTy {
    const f = info.item;
    // (rustc E0040: a destructor runs where its value is dropped, never by a call)
    if (f.dropImpl) this.error('explicit use of destructor method', sp);
    // in ghost code, a call of an exec fn with `when_used_as_spec(g)` is a call of the spec fn `g`
    const asSpec = ctx.code !== 'exec' && f.mode === 'exec' ? this.whenUsedAsSpec(f)?.target : null;
    if (asSpec) {
      this.out.specCalls.set(call, asSpec);
      return this.callFn(asSpec, args, recvTy, ctx, sp, call);
    }
    // in ghost code, a call of an exec fn with `#[verifier::allow_in_spec]` is its `returns`
    // expression at the arguments (vcgen/calls.ts): typed as a spec fn's call
    const inSpec = ctx.code !== 'exec' && f.mode === 'exec' && allowsInSpec(f);
    if (inSpec) this.out.allowInSpecCalls.add(call);
    const mode = inSpec ? 'spec' : f.mode;
    this.callees.set(call, f);
    if (this.currentFn) {
      const calls = this.graph.calls.get(this.currentFn) ?? new Set();
      this.graph.calls.set(this.currentFn, calls.add(f));
    } else if (this.currentConst) this.constDepsOf(this.currentConst).calls.add(f);
    if (this.openScope !== undefined) this.openBodyError(openBody.fn(this.openScope, f), sp);
    const env = f.generics.length ? this.instantiate(info, call, ctx, sp) : null;
    const inst = (t: CTy): CTy => (env ? substCTy(t, env) : t);
    if (ctx.code === 'spec' && mode !== 'spec') this.error(`cannot call function \`${info.qname}\` with mode ${f.mode} in spec code`, sp);
    else if (ctx.code === 'proof' && mode === 'exec') this.error(`cannot call function \`${info.qname}\` with mode exec in proof code`, sp);
    else if (ctx.code === 'exec' && f.mode !== 'exec') this.error(`cannot call function \`${info.qname}\` with mode ${f.mode} in exec code (use it inside \`proof { }\`)`, sp);
    // a `&mut self` method writes its receiver's place (what a closure may have borrowed)
    const selfParam = f.params[0];
    if (recvTy && call.k === 'method' && selfParam?.isSelf && selfParam.ty.k === 'ref' && selfParam.ty.mut) {
      const place = this.placeRoot(call.recv, ctx);
      // (an `Rc` / `Arc` local itself, auto-dereferenced, or a place behind it)
      const shared = place?.local.boxed;
      if (isShared(shared)) this.error(`cannot borrow data in an \`${shared}\` as mutable`, call.recv.sp);
      const through = place ? null : this.borrowRoot(call.recv, ctx);
      if (place) this.noteWrite(place.local, place.name, call.recv.sp, fieldPath(call.recv));
      else if (through) this.noteWrite(through, printExpr(call.recv), call.recv.sp);
    }
    if (isDecreasesByFn(f)) this.error('cannot call a decreases_by/recommends_by function directly', sp);
    // (a proof fn's parameter that is not `tracked` is spec: passing a tracked value there copies it)
    const params = f.params.map((p) => ({ ty: inst(this.resolve(p.ty, f)), code: (inSpec ? 'spec' : f.mode === 'exec' ? ghostWrapper(p.ty) ?? ctx.code : f.mode === 'spec' || (p.mode !== 'tracked' && !p.isSelf) ? 'spec' : ctx.code === 'exec' ? 'proof' : ctx.code) as CodeMode }));
    const total = args.length + (recvTy ? 1 : 0);
    if (params.length !== total) this.error(`function \`${info.qname}\` takes ${params.length} arguments but ${total} were supplied`, sp);
    const offset = recvTy ? 1 : 0;
    if (recvTy && params[0]) this.unify(params[0].ty, recvTy, sp);
    // (the receiver may fix `Self`, and with it `Self::X`, before the arguments are typed)
    if (env) this.fixImpliedArgs(f, env, ctx, sp);
    args.forEach((a, i) => {
      const p = params[i + offset];
      if (pointerOf(f.params[i + offset]?.ty) && a.k === 'path') this.pointerUses.add(a);
      const t = !p ? this.infer(a, ctx) : this.expect(a, p.ty, { ...ctx, code: p.code }, 'argument');
      if (!f.params[i + offset]?.isSelf) this.wrapperAgrees(a, f.params[i + offset]?.ty, f, ctx);
      if (env) this.fixImpliedArgs(f, env, ctx, sp);
      // a closure is given only for a parameter `f: F` with `F: Fn(..)` (the bound is checked with
      // the others); elsewhere, or under lifetime bounds, what it borrows is not checked
      const declared = f.params[i + offset]?.ty;
      // (a proof closure is a tracked value like any other for a parameter `t: T` whose `T` has
      // only marker bounds: checkBounds judges them by its flags)
      const markerParam = declared?.k === 'path' && declared.segs.length === 1 && !declared.args.length && (f.genericParams ?? []).find((g) => g.name === declared.name && g.kind === 'type' && g.bounds.every((b) => PROOF_CLOSURE_MARKERS.has(b.name) && !b.hasArgs && !b.maybe));
      const toFnParam = ((declared?.k === 'path' && declared.segs.length === 1 && !declared.args.length && this.fnBound(f, declared.name)) || (declared?.k === 'proofFn' && !declared.lifetime) || (markerParam && shallow(t, this.vars).k === 'closure' && !!(shallow(t, this.vars) as { proof?: string[] }).proof)) && !f.lifetimeBounds;
      if (shallow(t, this.vars).k === 'closure' && !toFnParam) this.unsupportedHere('not supported: a closure passed to a function other than for a parameter whose type has an `Fn` bound', a.sp);
      if (toFnParam) this.closureArgsTaken.add(a);
      // (the bound's signature fixes what the closure's own types leave open: a generic function's value)
      const bound = toFnParam && declared?.k === 'path' ? this.fnBound(f, declared.name) : null;
      const ct = shallow(t, this.vars);
      if (bound && ct.k === 'closure' && ct.params.length === bound.sig.params.length) {
        bound.sig.params.forEach((bp, j) => this.unify(inst(bp), ct.params[j]!, a.sp));
        this.unify(inst(bound.sig.ret), ct.ret, a.sp);
      }
    });
    if (env) this.refGenericArg(info, call, ctx);
    // (Verus's rules for the argument of an exec fn's `tracked` / `ghost` parameter are not modelled)
    if (f.mode === 'exec' && f.params.some((p) => p.mode)) this.unsupportedHere(`unsupported: a call of \`${info.qname}\`, an exec fn with a \`tracked\` or \`ghost\` parameter`, call.sp);
    // a `tracked` parameter of a proof fn needs a proof-mode value, not a spec one
    if (f.mode === 'proof' && ctx.code !== 'spec') {
      args.forEach((a, i) => {
        const p = f.params[i + offset];
        if (p?.mode !== 'tracked') return;
        if (this.specValue(a.k === 'unary' && (a.op === '&' || a.op === '&mut') ? a.e : a, ctx)) this.error('expression has mode spec, expected mode proof', a.sp);
        else if (p.ty.k === 'ref' && p.ty.mut && ctx.code !== 'exec' && ctx.fn?.mode === 'exec') this.ghostMutatedPlace(a, ctx);
      });
    }
    // a `Tracked<&mut T>` parameter takes `Tracked(&mut place)` (or a `&mut` reference): rustc's
    // types, which the resolver erases
    args.forEach((a, i) => {
      const p = f.params[i + offset];
      if (!p || !isWrappedMutRef(p)) return;
      const inner = a.k === 'call' && a.callee.k === 'path' && a.callee.segs.length === 1 && a.callee.segs[0] === 'Tracked' ? a.args[0] : undefined;
      const ok = inner && ((inner.k === 'unary' && inner.op === '&mut') || (inner.k === 'path' && inner.segs.length === 1 && this.lookup(inner.segs[0]!, ctx)?.mutRef));
      // (a local holding a `Tracked<&mut T>`, `let t = Tracked(&mut g); f(t)`, is not modelled)
      if (!ok && a.k === 'path' && a.segs.length === 1 && this.lookup(a.segs[0]!, ctx)) this.unsupportedCall(ctx.fn ?? null, `a \`Tracked<&mut ..>\` passed from a local (\`${a.segs[0]}\`)`, a.sp);
      else if (!ok) this.error(`mismatched types: \`${info.qname}\` expects \`Tracked(&mut ..)\` here`, a.sp);
    });
    // two mutable borrows of one variable in one call (rustc's borrow check, the simple case)
    const borrowed: string[] = [];
    const overlaps = (x: string, y: string) => x === y || x.startsWith(y + '.') || x.startsWith(y + '[') || y.startsWith(x + '.') || y.startsWith(x + '[');
    args.forEach((a, i) => {
      const p = f.params[i + offset];
      let key: string | null = null;
      const unwrapped = p && isWrappedMutRef(p) && a.k === 'call' && a.args[0] ? a.args[0] : a;
      if (unwrapped.k === 'unary' && unwrapped.op === '&mut') key = this.placeKey(unwrapped.e, ctx);
      // `x.borrow_mut()` of a wrapper is `&mut x`
      else if (unwrapped.k === 'method' && unwrapped.name === 'borrow_mut' && this.out.wrapperBorrows.has(unwrapped)) key = this.placeKey(unwrapped.recv, ctx);
      else if (p?.ty.k === 'ref' && p.ty.mut && a.k === 'path') {
        const r = this.placeRoot(a, ctx);
        if (r?.local.mutRef) key = r.name; // an implicit reborrow of a `&mut` parameter
      }
      if (key === null) return;
      const clash = borrowed.find((b) => overlaps(b, key!));
      if (clash) this.error(`cannot borrow \`${key.split(/[.[]/)[0]}\` as mutable more than once at a time`, a.sp);
      borrowed.push(key);
    });
    // (`-> !`: the call's value is `!`, which rustc coerces to any type: `takes_x(never_returns())`)
    const result = f.ret ? inst(this.resolve(f.ret.ty, f)) : f.diverging ? C_ANY : C_UNIT;
    // an `async fn`'s call gives a future of its result (the library's `AsyncFuture`)
    if (f.isAsync) {
      if (!this.crate.structs.has(ASYNC_FUTURE) || ctx.code !== 'exec') {
        this.unsupportedHere('unsupported: a call of an `async fn` here', sp);
        return C_ANY;
      }
      return { k: 'struct', name: ASYNC_FUTURE, args: [result] };
    }
    return result;
  }

  /** The variants of an enum type (`Option` included) with their fields' types; null for another type. */
  private variantsOf(r: CTy): { name: string; fields: { name: string; ty: CTy }[] }[] | null {
    if (r.k !== 'enum') return null;
    if (r.name === 'Option') return [{ name: 'None', fields: [] }, { name: 'Some', fields: [{ name: '0', ty: r.args[0] ?? C_ANY }] }];
    const item = this.crate.enumItem(r.name);
    if (!item) return null;
    return item.variants.map((v) => ({ name: v.name, fields: v.fields.map((f) => ({ name: f.name, ty: this.memberTy(f.ty, item, r.args) })) }));
  }

  /** The constructors of `t` for the exhaustiveness check (check/exhaustiveness.ts). */
  /**
   * rustc's integer types whose values ranges can list (not `usize` / `isize`), `int` / `nat`, and
   * `char`: its scalar values, numbered without the surrogate gap (`'\u{E000}'` follows
   * `'\u{D7FF}'`), so that ranges on each side of the gap cover it.
   */
  private intDomain(): IntDomain<CTy> {
    return {
      range: (t) => {
        const s = shallow(t, this.vars);
        if (s.k === 'char') return { min: 0n, max: charIndex(0x10ffff) };
        const kind = s.k === 'int' ? s.kind : s.k === 'ivar' ? this.vars.resolved(s.id) : null;
        if (!kind || kind === 'usize' || kind === 'isize') return null;
        return intRange(kind);
      },
      value: (e) => (e.k === 'char' ? charIndex(e.value) : this.crate.constIntValue(e)),
    };
  }
  private ctorsOf(t: CTy): Ctor<CTy>[] | null {
    const s = shallow(t, this.vars);
    if (s.k === 'bool') return [{ name: 'true', fields: [] }, { name: 'false', fields: [] }];
    if (s.k === 'tuple') return [{ name: '()', fields: s.elems.map((ty, i) => ({ name: String(i), ty })) }];
    if (s.k === 'enum') return this.variantsOf(s);
    if (s.k === 'struct') {
      const item = this.crate.structs.get(s.name)?.[0]?.item;
      return item ? [{ name: s.name, fields: item.fields.map((f) => ({ name: f.name, ty: this.memberTy(f.ty, item, s.args) })) }] : null;
    }
    return null;
  }

  /**
   * The field `x->name` reads (Verus): `f` names the one variant's field `f` (a name more than one
   * variant has must be qualified), `V_f` the field `f` of variant `V`.
   */
  private arrowField(variants: { name: string; fields: { name: string; ty: CTy }[] }[], name: string, r: CTy, sp: Sp): { variant: string; ty: CTy } {
    const plain = variants.flatMap((v) => v.fields.filter((f) => f.name === name).map((f) => ({ variant: v.name, ty: f.ty })));
    if (plain.length === 1) return plain[0]!;
    if (plain.length > 1) throw new ResolveError(`field \`${name}\` is in more than one variant of \`${cTyStr(r, this.vars)}\`: write \`->Variant_${name}\``, sp);
    for (const v of variants) {
      if (!name.startsWith(`${v.name}_`)) continue;
      const f = v.fields.find((x) => x.name === name.slice(v.name.length + 1));
      if (f) return { variant: v.name, ty: f.ty };
    }
    throw new ResolveError(`no field \`${name}\` in any variant of \`${cTyStr(r, this.vars)}\``, sp);
  }

  /**
   * Verus's `#[is_variant]` on an enum gives it the spec methods `is_V()` (`x is V`) and
   * `get_V_f()` (`x->V_f`, a tuple field by its index): typed as the `is` / `->` they mean and
   * recorded in `operatorCalls`. Null for any other method.
   */
  private isVariantMethod(e: Extract<Expr, { k: 'method' }>, r: CTy, ctx: Ctx): CTy | null {
    if (r.k !== 'enum' || e.args.length || this.crate.fn(`${r.name}::${e.name}`, e.sp)) return null;
    if (!this.crate.enumItem(r.name)?.attrs?.includes('is_variant')) return null;
    const variants = this.variantsOf(r) ?? [];
    const is = /^is_(.+)$/.exec(e.name);
    const get = /^get_(.+)$/.exec(e.name);
    const v = is && variants.find((x) => x.name === is[1]);
    const name = v ? `$is:${v.name}` : get && variants.some((x) => get[1]!.startsWith(`${x.name}_`)) ? `$arrow:${get[1]}` : null;
    if (!name) return null;
    this.requireGhost(ctx, `\`${e.name}\``, e.sp);
    const call: Extract<Expr, { k: 'method' }> = { k: 'method', recv: e.recv, name, generics: [], args: [], sp: e.sp, nameSp: e.nameSp };
    this.out.operatorCalls.set(e, call);
    return this.infer(call, ctx);
  }

  /**
   * `x@` / `x[i]` on a user datatype with a method `name` taking `self`: typed as the call
   * `x.name(args)` (its mode checked against the code, its arguments against its parameters) and
   * recorded in `operatorCalls`. Null when the type is not a user datatype or has no such method.
   */
  private operatorMethod(e: Expr, recv: Expr, r: CTy, name: string, args: Expr[], ctx: Ctx): CTy | null {
    if (r.k === 'str') {
      // (`s@` of a `str`: the library's `str::view`)
      const call: Extract<Expr, { k: 'method' }> = { k: 'method', recv, name, generics: [], args, sp: e.sp, nameSp: e.sp };
      const t = this.builtinTypeMethod('str', call, r, ctx);
      if (t) this.out.operatorCalls.set(e, call);
      return t;
    }
    if (r.k !== 'struct' && !(r.k === 'enum' && r.name !== 'Option')) return null;
    const info = this.crate.fn(`${r.name}::${name}`, e.sp);
    if (!info || !info.item.params[0]?.isSelf) return null;
    const call: Extract<Expr, { k: 'method' }> = { k: 'method', recv, name, generics: [], args, sp: e.sp, nameSp: e.sp };
    this.out.operatorCalls.set(e, call);
    return this.callFn(info, args, r, ctx, e.sp, call);
  }

  /**
   * A method of a built-in type (`Option`, `Seq`, `Set`, `Map`) that the built-in encodings do not
   * have: the one the standard library defines (library/vstd: `impl<A> Seq<A> { spec fn
   * no_duplicates .. }`), typed as a call with the receiver; null when there is none.
   */
  private builtinTypeMethod(typeName: string, e: Extract<Expr, { k: 'method' }>, r: CTy, ctx: Ctx): CTy | null {
    const info = this.crate.fn(`${typeName}::${e.name}`, e.nameSp);
    // (`self`, or the first parameter of a specification of a std method: `assume_specification[
    // char::is_whitespace ](c: char)`)
    if (!info || !(info.item.params[0]?.isSelf || info.item.specFor)) return null;
    this.out.libraryMethodCalls.set(e, info);
    this.trackedReceiver(info.item, e.recv, ctx);
    return this.callFn(info, e.args, r, ctx, e.sp, e);
  }

  /**
   * Whether `e`'s declared type is `Ghost<T>` / `Tracked<T>` (which the resolver erases to `T`):
   * an exec local holding one, a field declared with one, `Ghost(..)` / `Tracked(..)` itself.
   */
  private ghostWrapped(e: Expr, ctx: Ctx): boolean {
    return this.wrapperOf(e, ctx) !== null;
  }
  /**
   * Whether `e@` / `e.view()` is `Ghost` / `Tracked`'s own view (the value inside): `e` is
   * wrapped, or, in ghost code (where such a local is not marked wrapped), a local declared with
   * one of those types.
   */
  private viewsWrapper(e: Expr, ctx: Ctx): boolean {
    if (this.ghostWrapped(e, ctx)) return true;
    return ctx.code !== 'exec' && e.k === 'path' && e.segs.length === 1 && !!ghostWrapper(this.lookup(e.segs[0]!, ctx)?.declared);
  }
  /** Which wrapper `e`'s declared type is: `Ghost<T>` (spec), `Tracked<T>` (proof), or none (null). */
  private wrapperOf(e: Expr, ctx: Ctx): 'spec' | 'proof' | null {
    if (e.k === 'path' && e.segs.length === 1) return this.lookup(e.segs[0]!, ctx)?.wrapped ?? null;
    if (e.k === 'call') return e.callee.k === 'path' && e.callee.segs.length === 1 ? (e.callee.segs[0] === 'Ghost' ? 'spec' : e.callee.segs[0] === 'Tracked' ? 'proof' : null) : null;
    // `r.1` of a function's named result whose declared type is a tuple: that element's wrapper
    // (`-> (pt: (PCell<V>, Tracked<PointsTo<V>>))`: `pt.1@` is the `PointsTo`)
    const ret = ctx.fn?.ret;
    if (e.k === 'field' && /^\d+$/.test(e.name) && e.recv.k === 'path' && e.recv.segs.length === 1 && ret?.name === e.recv.segs[0] && ret.ty.k === 'tuple' && ctx.inEnsures) return ghostWrapper(ret.ty.elems[Number(e.name)]);
    if (e.k === 'field') return ghostWrapper(this.structFieldOf(e)?.field.ty);
    return null;
  }
  /** The struct field `e` reads (its receiver's recorded type a struct of the crate defined once), or null. */
  private structFieldOf(e: Extract<Expr, { k: 'field' }>): { item: StructItem; field: StructItem['fields'][number] } | null {
    const r = shallow(this.types.get(e.recv) ?? C_ANY, this.vars);
    if (r.k !== 'struct') return null;
    const l = this.crate.structs.get(r.name);
    const field = l?.length === 1 ? l[0]!.item.fields.find((x) => x.name === e.name) : undefined;
    return field ? { item: l![0]!.item, field } : null;
  }

  /**
   * What a written type says of its values' wrapper, or null where it cannot tell (a type
   * parameter, `Self`, an alias, an associated or opaque type: any may stand for a wrapper).
   */
  private declaredWrapper(t: TypeExpr, f: FnItem | null): WrapperKind | null {
    if (t.k === 'ref') return this.declaredWrapper(t.inner, f);
    if (t.k === 'tuple' || t.k === 'array' || t.k === 'slice') return 'none';
    if (t.k !== 'path') return null;
    const w = ghostWrapper(t);
    if (w) return w;
    if (t.segs.length !== 1 || f?.generics.includes(t.name) || this.crate.aliases.has(t.name)) return null;
    if (UNWRAPPED_TYPE_NAMES.has(t.name) || this.crate.structs.has(t.name) || this.crate.enumItem(t.name)) return 'none';
    return null;
  }

  /** The wrapper of the value exec code computes with `e` (rustc's type of it), or null where not told here. */
  private valueWrapper(e: Expr, ctx: Ctx): WrapperKind | null {
    switch (e.k) {
      case 'int': case 'bool': case 'char': case 'str': case 'bytes': case 'binary': case 'cast': case 'struct': case 'tuple': case 'array':
        return 'none';
      case 'unary':
        return e.op === '&' || e.op === '&mut' ? this.valueWrapper(e.e, ctx) : e.op === '*' ? null : 'none';
      case 'path': {
        if (e.segs.length !== 1) return null;
        const l = this.lookup(e.segs[0]!, ctx);
        if (!l || l.ghost) return null;
        return l.wrapped ?? (l.declared ? this.declaredWrapper(l.declared, ctx.fn) : null);
      }
      case 'field': {
        const found = this.structFieldOf(e);
        if (!found) return null;
        // (a field of a generic struct may be of a parameter's type, unless it is a wrapper)
        return ghostWrapper(found.field.ty) ?? (found.item.generics.length ? null : this.declaredWrapper(found.field.ty, null));
      }
      case 'call': {
        const w = this.wrapperOf(e, ctx);
        if (w) return w;
        const callee = ctx.fn ? this.calleeItem(e, ctx.fn) : null;
        if (!callee) return null;
        return callee.ret ? this.declaredWrapper(callee.ret.ty, callee) : 'none';
      }
      default:
        return null;
    }
  }

  /**
   * rustc's type check of a value exec code gives where a type is written (an annotated `let`, an
   * argument, a field of a struct literal, the result): the resolver erases `Ghost<T>` and
   * `Tracked<T>` to `T`, so `let g: Ghost<u8> = 3u8;` or passing a `Ghost<u8>` for a `u8` would
   * otherwise type-check here while rustc refuses it.
   */
  private wrapperAgrees(e: Expr, declared: TypeExpr | undefined, f: FnItem | null, ctx: Ctx): void {
    if (!declared || ctx.code !== 'exec') return;
    const want = this.declaredWrapper(declared, f);
    const found = want === null ? null : this.valueWrapper(e, ctx);
    if (want === null || found === null || want === found) return;
    const name = (k: WrapperKind) => (k === 'spec' ? 'a `Ghost<..>`' : k === 'proof' ? 'a `Tracked<..>`' : 'a value that is neither `Ghost` nor `Tracked`');
    this.error(`mismatched types: expected \`${printType(declared)}\`, found ${name(found)}`, e.sp);
  }

  private method(e: Extract<Expr, { k: 'method' }>, ctx: Ctx): CTy {
    // (a `&self` receiver is borrowed; a by-value `self` is moved below, once the method is known)
    const r = shallow(this.inferBorrowed(e.recv, ctx), this.vars);
    // (Verus refuses std's `Clone` of a tuple: a built-in instance)
    if (r.k === 'tuple' && e.name === 'clone' && !e.args.length) throw new ResolveError('The verifier does not yet support the following Rust feature: built-in instance (`clone` of a tuple)', e.nameSp);
    const name = e.name;
    const argTys = (): CTy[] => e.args.map((a) => this.infer(a, ctx));
    const spec = (): Ctx => ({ ...ctx, code: 'spec' });
    if ((name === 'borrow' || name === 'borrow_mut' || name === 'get') && !e.args.length && this.ghostWrapped(e.recv, ctx)) {
      this.requireGhost(ctx, `\`${name}\` of a \`Tracked\` / \`Ghost\` value`, e.sp);
      // `x.borrow_mut()` is a `&mut` of the value inside: the checks of `&mut x`
      if (name === 'borrow_mut') {
        this.mutBorrow({ k: 'unary', op: '&mut', e: e.recv, sp: e.sp }, ctx);
        this.borrowOfMoved(e.recv, ctx);
      }
      // `get(self)` takes the wrapper by value: it is moved
      if (name === 'get') this.markMoved(e.recv, r, ctx, true);
      this.out.wrapperBorrows.add(e);
      return r;
    }
    // `x.deep_view()` of an integer, a string, a vector, .. (vstd's impls for std's types)
    // (only where `DeepView` is vstd's: a crate's own trait of that name means what its impls say)
    if (name === 'deep_view' && !e.args.length && !e.generics.length && this.crate.traits.get('DeepView')?.every((t) => isLibraryFile(t.file))) {
      const dv = builtinDeepView(e.recv, r, this.vars, e.sp, (n) => this.isLibraryStruct(n));
      if (dv) {
        this.requireGhost(ctx, '`deep_view()` (the deep view of a value)', e.sp);
        if ('unsupported' in dv) {
          this.unsupportedHere(dv.unsupported, e.sp);
          return C_ANY;
        }
        this.out.deepViews.set(e, 'identity' in dv ? e.recv : dv.expr);
        return 'identity' in dv ? r : this.infer(dv.expr, ctx);
      }
    }
    // `x.view()` is `x@` (Verus's `@` is that call): of an array its sequence, of a `Ghost` /
    // `Tracked` the value it holds (a user type's `view` is its own method, below)
    if (name === 'view' && !e.args.length && !e.generics.length && (r.k === 'array' || this.viewsWrapper(e.recv, ctx))) {
      this.requireGhost(ctx, '`view()` (the view of a value)', e.sp);
      this.out.viewCalls.add(e);
      return r.k === 'array' ? { k: 'seq', elem: r.elem } : r;
    }
    // a range argument means another overload (`Index<Range<usize>>`) than the method's own, except
    // for arrays and slices (below)
    if (r.k === 'any' || (r.k !== 'array' && e.args.some((a) => a.k === 'range'))) {
      this.unknownContext(argTys());
      return C_ANY;
    }
    if ((r.k === 'closure' || (r.k === 'param' && this.fnBound(ctx.fn, r.name))) && (name === 'requires' || name === 'ensures')) return this.closurePredicate(name, r, e.args, e.sp, ctx);
    const asVariantTest = this.isVariantMethod(e, r, ctx);
    if (asVariantTest) return asVariantTest;
    // `f.await`: the library's `exec_await` (vstd's), in an `async fn` only
    if (name === '$await') {
      if (!ctx.fn?.isAsync || ctx.code !== 'exec') throw new ResolveError('`await` is only allowed inside `async` functions and blocks', e.nameSp);
      const info = r.k === 'struct' && r.name === ASYNC_FUTURE ? this.crate.fn(`${ASYNC_FUTURE}::exec_await`, e.sp) : null;
      if (!info) throw new ResolveError(`\`.await\` of a value of type \`${cTyStr(r, this.vars)}\`, which is not a future`, e.nameSp);
      this.out.libraryMethodCalls.set(e, info);
      return this.callFn(info, [], r, ctx, e.sp, e);
    }
    if (name.startsWith('$is:') || name.startsWith('$arrow:')) {
      const variants = this.variantsOf(r);
      if (!variants) throw new ResolveError(`\`${name.startsWith('$is:') ? 'is' : '->'}\` needs a value of an enum type, found \`${cTyStr(r, this.vars)}\``, e.sp);
      if (name.startsWith('$is:')) {
        // (Verus's words)
        if (!variants.some((v) => v.name === name.slice(4))) throw new ResolveError(`no variant \`${name.slice(4)}\` for this datatype (\`${cTyStr(r, this.vars)}\`)`, e.nameSp);
        return C_BOOL;
      }
      return this.arrowField(variants, name.slice(7), r, e.nameSp).ty;
    }
    if (r.k === 'param') {
      // a method of a trait bounding the parameter: the trait's declaration, at `Self` = the parameter
      const decls = this.boundTraits(r.name, ctx).map((t) => this.crate.fn(`${t}::${name}`, e.nameSp)).filter((x): x is FnInfo => x !== null);
      if (decls.length > 1) this.unsupportedHere(`method \`${name}\` of more than one trait bounding \`${r.name}\``, e.nameSp);
      const decl = decls[0];
      if (decl) {
        this.out.traitCalls.set(e, decl);
        if (this.currentFn) this.declUses.push({ fn: this.currentFn, decl: decl.item, sp: e.nameSp });
        const self = decl.item.params[0];
        if (self?.isSelf && self.ty.k !== 'ref') this.markMoved(e.recv, r, ctx);
        this.trackedReceiver(decl.item, e.recv, ctx);
        return this.callFn(decl, e.args, r, ctx, e.sp, e);
      }
      // (Verus's expanded form of a bound trait's method specification is no method to call)
      const specOf = name.startsWith('VERUS_SPEC__') ? this.boundTraits(r.name, ctx).find((t) => this.crate.fn(`${t}::${name.slice('VERUS_SPEC__'.length)}`, e.nameSp)) : undefined;
      if (specOf) throw new ResolveError(`cannot call \`${specOf}::${name}\`: Verus's expanded form of a method specification is not a method`, e.nameSp);
      // rustc: only the bounds' traits give a type parameter methods (the marker traits' own,
      // `clone` and the `Fn` family's calls, are not modelled)
      if (!MARKER_METHODS.has(name)) throw new ResolveError(`no method named \`${name}\` found for type parameter \`${r.name}\` in the current scope`, e.nameSp);
    }
    if (r.k === 'struct' || (r.k === 'enum' && r.name !== 'Option')) {
      const chosen = this.implMethod(`${r.name}::${name}`, { selfArgs: () => r.args, args: e.args, argOffset: 1, ctx }, e.nameSp);
      if (chosen) this.out.traitCalls.set(e, chosen);
      const info = chosen ?? this.crate.fn(`${r.name}::${name}`, e.nameSp) ?? this.defaultMethod(r.name, name, e);
      if (!info && name === 'clone' && !e.args.length) {
        const clones = this.crate.traitImpls.get(implKey('Clone', r.name)) ?? [];
        if (clones.some((i) => i.external)) throw ignoredUse(`${r.name}::clone`, e.nameSp, ' (its impl is `#[verifier::external]`)');
        // (rustc: a type that is not `Clone` has none: `x.clone()` of a `&X` clones the reference,
        // the same value as `x`)
        const item = this.crate.datatypeItem(r);
        const derived = derivedTraits(item?.attrs).includes('Clone');
        // (a derived `clone` made external by `#[verifier::external_derive]`: Verus's error)
        if (derived && externalDerives(item?.attrs)?.includes('Clone')) throw ignoredUse(`${r.name}::clone`, e.nameSp, ' (a derived impl made external by `#[verifier::external_derive]`)');
        if (!clones.length && !derived && this.isRefValue(e.recv, ctx)) {
          this.out.sharedClones.add(e);
          return r;
        }
      }
      if (!info) throw new ResolveError(`no method named \`${name}\` found for \`${r.name}\``, e.nameSp);
      const self = info.item.params[0];
      if (self?.isSelf && self.ty.k !== 'ref') this.markMoved(e.recv, r, ctx);
      this.trackedReceiver(info.item, e.recv, ctx);
      return this.callFn(info, e.args, r, ctx, e.sp, e);
    }
    if (r.k === 'enum') {
      // Option
      const elem = r.args[0] ?? C_ANY;
      switch (name) {
        case 'is_some': case 'is_none': return C_BOOL;
        case 'unwrap': case 'expect': argTys(); return elem;
        case 'unwrap_or': if (e.args[0]) this.expect(e.args[0], elem, ctx); return elem;
      }
      // of an integer, `bool` or `char` (references erased): `cloned()` is the same value,
      // `unwrap_or_default()` the value or the type's default (0, `false`, '\0')
      const primitiveElem = isScalar(elem, this.vars);
      if (primitiveElem && !e.args.length && (name === 'cloned' || name === 'unwrap_or_default')) {
        if (ctx.code !== 'exec') this.error(`cannot call function \`Option::${name}\` with mode exec in ${ctx.code} code`, e.nameSp);
        return name === 'cloned' ? r : elem;
      }
      const lib = this.builtinTypeMethod('Option', e, r, ctx);
      if (lib) return lib;
      this.unknownContext(argTys());
      return C_ANY;
    }
    // `x.clone()` of an integer, `bool` or `char` (std's impls): the same value
    if ((r.k === 'int' || r.k === 'bool' || r.k === 'char') && name === 'clone' && !e.args.length && !(r.k !== 'char' && this.crate.fns.get(`${implTypeName(r)}::clone`))) {
      if (ctx.code !== 'exec') this.error(`cannot call function \`${r.k === 'char' ? 'char' : implTypeName(r)}::clone\` with mode exec in ${ctx.code} code`, e.nameSp);
      this.out.sharedClones.add(e);
      return r;
    }
    // a method of a crate trait's impl for this integer type or `bool` (`impl Tr for u8`)
    const prim = r.k === 'int' || r.k === 'bool' ? implTypeName(r) : null;
    const primInfo = prim ? (this.crate.fns.get(`${prim}::${name}`) ?? []).find((i) => i.item.traitImpl) ?? this.defaultMethod(prim, name, e) : null;
    if (primInfo) {
      this.out.traitCalls.set(e, primInfo);
      this.trackedReceiver(primInfo.item, e.recv, ctx);
      return this.callFn(primInfo, e.args, r, ctx, e.sp, e);
    }
    // a std method of a primitive type that the library specifies (`u16::wrapping_mul`,
    // `char::is_whitespace`: library/vstd/std_specs.rs)
    const primitive = prim ?? (r.k === 'char' ? 'char' : null);
    const std = primitive ? this.builtinTypeMethod(primitive, e, r, ctx) : null;
    if (std) return std;
    // Verus's `real`: `x.floor()`, the greatest integer not above it (ghost code)
    if (r.k === 'real') {
      if (name !== 'floor' || e.args.length) throw new ResolveError(`no method named \`${name}\` found for \`real\``, e.nameSp);
      this.requireGhost(ctx, '`real::floor`', e.sp);
      return C_INT;
    }
    // `str`'s methods are the library's (`impl str`, library/vstd/string.rs)
    if (r.k === 'str') {
      const lib = this.builtinTypeMethod('str', e, r, ctx);
      if (!lib) throw new ResolveError(`no method named \`${name}\` found for \`str\``, e.nameSp);
      return lib;
    }
    if (r.k === 'array' && name === 'len') return { k: 'int', kind: 'usize' };
    if (r.k === 'array' && name === 'is_empty' && !e.args.length) return C_BOOL;
    if (r.k === 'array' && ctx.code === 'exec' && name === 'index' && e.args.length === 1 && e.args[0]!.k !== 'unsupported') {
      // `Index<usize>` of an array: `a.index(i)` is `a[i]`; `a.index(lo..hi)` is `a[lo..hi]`
      if (e.args[0]!.k === 'range') return this.rangeIndex(r, e.args[0]!, ctx);
      this.expect(e.args[0]!, { k: 'int', kind: 'usize' }, ctx);
      return r.elem;
    }
    if (r.k === 'array' && ctx.code === 'exec' && (name === 'copy_from_slice' || name === 'copy_within')) {
      // std's `copy_from_slice(&mut self, src: &[T])` / `copy_within(&mut self, src: Range, dest: usize)`
      // (the receiver is auto-borrowed, or reborrowed when it is a `&mut [T]` itself)
      const viaRef = this.placeRoot(e.recv, ctx)?.local.mutRef;
      this.mutBorrow({ k: 'unary', op: '&mut', e: viaRef ? { k: 'unary', op: '*', e: e.recv, sp: e.recv.sp } : e.recv, sp: e.sp }, ctx);
      const want = name === 'copy_from_slice' ? 1 : 2;
      if (e.args.length !== want) this.error(`this method takes ${want} argument${want > 1 ? 's' : ''} but ${e.args.length} were supplied`, e.sp);
      else if (name === 'copy_from_slice') this.expect(e.args[0]!, { k: 'array', elem: r.elem, len: C_SLICE_LEN }, ctx);
      else if (e.args[0]!.k !== 'range') this.unsupportedHere('`copy_within` with a source that is not a range expression', e.args[0]!.sp);
      else {
        this.rangeIndex(r, e.args[0]!, ctx);
        this.expect(e.args[1]!, { k: 'int', kind: 'usize' }, ctx);
      }
      return C_UNIT;
    }
    if (r.k === 'array' && ctx.code === 'exec' && name === 'get' && e.args.length === 1) {
      // `a.get(i)`: the element, `a.get(lo..hi)`: the slice, or `None` out of bounds
      if (e.args[0]!.k === 'range') return { k: 'enum', name: 'Option', args: [this.rangeIndex(r, e.args[0]!, ctx)] };
      this.expect(e.args[0]!, { k: 'int', kind: 'usize' }, ctx);
      return { k: 'enum', name: 'Option', args: [r.elem] };
    }
    // `a.clone()` of an array of integers, `bool`s or `char`s: the same value (std's clone of each)
    if (r.k === 'array' && ctx.code === 'exec' && name === 'clone' && !e.args.length && isScalar(r.elem, this.vars)) {
      this.out.sharedClones.add(e);
      return r;
    }
    if (r.k === 'array' && ctx.code === 'exec') {
      // exec array methods other than len: VC generation reports what it does not support
      this.unknownContext(argTys());
      return C_ANY;
    }
    if (r.k === 'seq' || r.k === 'array') {
      const s: CTy = { k: 'seq', elem: r.elem };
      this.requireGhost(ctx, `\`Seq::${name}\``, e.sp);
      const a = (i: number, t: CTy) => e.args[i] && this.expect(e.args[i]!, t, spec());
      const idx = (i: number) => e.args[i] && this.intArg(e.args[i]!, spec());
      switch (name) {
        case 'len': return C_NAT;
        case 'index': idx(0); return r.elem;
        case 'first': case 'last': return r.elem;
        case 'push': a(0, r.elem); return s;
        case 'update': idx(0); a(1, r.elem); return s;
        case 'subrange': idx(0); idx(1); return s;
        case 'take': case 'skip': idx(0); return s;
        case 'drop_last': return s;
        case 'add': a(0, s); return s;
        case 'contains': a(0, r.elem); return C_BOOL;
      }
      const lib = this.builtinTypeMethod('Seq', e, s, ctx);
      if (lib) return lib;
      // (a method the library does not have: VC generation stops there, so what only it would
      // type, a closure argument's parameter, is not an error)
      this.sawUnsupported ??= { what: `\`Seq::${name}\``, sp: e.nameSp };
      this.unknownContext(argTys());
      return C_ANY;
    }
    if (r.k === 'set') {
      this.requireGhost(ctx, `\`Set::${name}\``, e.sp);
      const a = (i: number, t: CTy) => e.args[i] && this.expect(e.args[i]!, t, spec());
      switch (name) {
        case 'contains': a(0, r.elem); return C_BOOL;
        case 'insert': case 'remove': a(0, r.elem); return r;
        case 'union': case 'intersect': case 'difference': a(0, r); return r;
        case 'subset_of': a(0, r); return C_BOOL;
        case 'finite': return C_BOOL;
        case 'len': return C_NAT;
      }
      const lib = this.builtinTypeMethod('Set', e, r, ctx);
      if (lib) return lib;
      // (a method the library does not have: VC generation stops there, so what only it would
      // type, a closure argument's parameter, is not an error)
      this.sawUnsupported ??= { what: `\`Set::${name}\``, sp: e.nameSp };
      this.unknownContext(argTys());
      return C_ANY;
    }
    if (r.k === 'map') {
      this.requireGhost(ctx, `\`Map::${name}\``, e.sp);
      const a = (i: number, t: CTy) => e.args[i] && this.expect(e.args[i]!, t, spec());
      switch (name) {
        case 'dom': return { k: 'set', elem: r.key };
        case 'contains_key': a(0, r.key); return C_BOOL;
        case 'insert': a(0, r.key); a(1, r.val); return r;
        case 'remove': a(0, r.key); return r;
        case 'index': a(0, r.key); return r.val;
      }
      const lib = this.builtinTypeMethod('Map', e, r, ctx);
      if (lib) return lib;
      // (a method the library does not have: VC generation stops there, so what only it would
      // type, a closure argument's parameter, is not an error)
      this.sawUnsupported ??= { what: `\`Map::${name}\``, sp: e.nameSp };
      this.unknownContext(argTys());
      return C_ANY;
    }
    this.unknownContext(argTys());
    return C_ANY;
  }

  /** A `tracked self` receiver of a proof fn needs a proof-mode value, not a spec one (as `tracked` arguments in `callFn`). */
  private trackedReceiver(f: FnItem, recv: Expr, ctx: Ctx): void {
    const self = f.params[0];
    if (f.mode !== 'proof' || ctx.code === 'spec' || !self?.isSelf || self.mode !== 'tracked') return;
    if (this.specValue(recv.k === 'unary' && (recv.op === '&' || recv.op === '&mut' || recv.op === '*') ? recv.e : recv, ctx)) this.error('expression has mode spec, expected mode proof', recv.sp);
  }

  /**
   * Values passed where the checker does not know the expected type (an unknown method, a generic
   * callee): an unsuffixed literal there is not defaulted to i32 and range-checked, since its real
   * type is unknown (VC generation reports the construct unsupported).
   */
  private unknownContext(tys: CTy[]): void {
    for (const t of tys) {
      const s = shallow(t, this.vars);
      if (s.k === 'ivar') this.opaqueVars.push(s.id);
    }
  }
  private opaqueVars: number[] = [];

  private intArg(e: Expr, ctx: Ctx): void {
    const t = shallow(this.infer(e, ctx), this.vars);
    if (t.k === 'tvar') return void this.unify(C_INT, t, e.sp);
    if (t.k !== 'any' && !isIntLike(t)) this.error(`mismatched types: expected \`int\`, found \`${cTyStr(t, this.vars)}\``, e.sp);
  }

  // -------------------------------------------------------------------------------------------
  // Places and assignment

  /** The local a place expression (`x`, `x.f`, `x[i]`, `*x`) is rooted in, and whether it goes through a `*`. */
  /**
   * A value that becomes tracked (a proof fn's `tracked` result, `Tracked(e)` in exec or proof
   * code) may not be a spec local's place: a tracked value made from a spec one would be a
   * resource forged from a description of it.
   */
  private trackedValue(e: Expr, ctx: Ctx): void {
    const inner = e.k === 'unary' && (e.op === '&' || e.op === '&mut') ? e.e : e;
    if (this.specValue(inner, ctx)) this.error('expression has mode spec, expected mode proof', e.sp);
  }

  /**
   * Whether `e` (already typed) gives a spec-mode value (Verus: "expression has mode spec,
   * expected mode proof" where a tracked value is wanted): a spec place; the result of a spec fn
   * or of a proof fn whose result is not `tracked`; `choose`; a view; a `Ghost`'s `borrow()` /
   * `get()`; a tuple, variant call or struct literal (outside its ghost fields) holding one; a
   * block / `if` / `match` one of whose results is one.
   */
  private specValue(e: Expr, ctx: Ctx): boolean {
    if (this.specPlace(e, ctx)) return true;
    // (`choose` picks from every value of the type: a description, never a resource; `x@` is a
    // spec fn's value, also of a `Ghost` / `Tracked`, whose tracked value is `t.get()`)
    if (e.k === 'quant' || e.k === 'view' || (e.k === 'method' && this.out.viewCalls.has(e))) return true;
    // `g.borrow()` / `g.get()` of a `Ghost`: what it holds is spec
    if (e.k === 'method' && this.out.wrapperBorrows.has(e)) return this.wrapperOf(e.recv, ctx) === 'spec';
    if (e.k === 'call' || e.k === 'method') {
      const f = this.callees.get(e);
      if (f) return f.mode === 'spec' || (f.mode === 'proof' && !f.retTracked);
      const closureResultTracked = e.k === 'call' ? this.proofClosureCalls.get(e) : undefined;
      if (closureResultTracked !== undefined) return !closureResultTracked;
      // a variant or tuple struct built of a spec value (`Some(describe(1))`; `Ghost(x)` holds a
      // spec value by design, and `Tracked(x)`'s is judged where it is built)
      const last = e.k === 'call' && e.callee.k === 'path' ? e.callee.segs[e.callee.segs.length - 1]! : '';
      const ctor = /^[A-Z]/.test(last) && last !== 'Ghost' && last !== 'Tracked';
      // (a tuple struct's ghost field holds a spec value by design)
      const fields = ctor && e.k === 'call' && e.callee.k === 'path' && this.crate.isStructCtorPath(e.callee.segs) ? this.crate.struct(last, e.sp).fields : null;
      const calleeTy = ctor && !fields ? this.types.get(e) : undefined;
      const variantModes = calleeTy ? this.variantFieldModes(shallow(calleeTy, this.vars), last) : [];
      return ctor && e.args.some((a, i) => (fields?.[i]?.mode ?? variantModes[i]) !== 'ghost' && this.specValue(a, ctx));
    }
    if (e.k === 'tuple') return e.elems.some((x) => this.specValue(x, ctx));
    // `[x; N]` is Verus's array fill, whose result is not tracked
    if (e.k === 'array-rep') return true;
    // a struct built of a spec value in a field that is not a ghost one; an enum variant's fields
    // have no modes (as a variant call's arguments)
    if (e.k === 'struct') {
      const ty = this.types.get(e);
      const k = ty ? shallow(ty, this.vars).k : null;
      if (k === 'enum') {
        const modes = new Map(this.crate.variantFields((shallow(ty!, this.vars) as { name: string }).name, e.path[e.path.length - 1]!).map((f) => [f.name, f.mode]));
        return e.fields.some((f) => modes.get(f.name) !== 'ghost' && this.specValue(f.e, ctx));
      }
      return k === 'struct' && e.fields.some((f) => this.fieldMode(ty!, f.name) !== 'spec' && this.specValue(f.e, ctx));
    }
    if (e.k === 'block' || e.k === 'if' || e.k === 'match') return [...resultExprs({ stmts: [{ k: 'expr', e, semi: false, sp: e.sp }], sp: e.sp })].some((r) => r !== e && this.specValue(r, ctx));
    return false;
  }

  private placeRoot(e: Expr, ctx: Ctx): { name: string; local: Local; deref: boolean; direct: boolean } | null {
    let root = e;
    let deref = false;
    while (root.k === 'field' || root.k === 'index' || (root.k === 'unary' && root.op === '*')) {
      if (root.k === 'unary') deref = true;
      root = root.k === 'unary' ? root.e : root.recv;
    }
    if (root.k !== 'path' || root.segs.length !== 1) return null;
    const local = this.lookup(root.segs[0]!, ctx);
    return local ? { name: root.segs[0]!, local, deref, direct: root === e } : null;
  }

  /**
   * rustc: the receiver of `x[i]` on a user type (`Index::index(&x, i)`) is borrowed while the
   * index is evaluated, so the index cannot assign to the receiver's local.
   */
  private assignWhileBorrowed(recv: Expr, args: Expr[], ctx: Ctx): void {
    const root = this.placeRoot(recv, ctx);
    if (!root || root.deref) return;
    // (every such assignment is reported: the search never stops early)
    const assignsRoot = (n: { k: string }): boolean => {
      const x = n as Expr;
      if (x.k === 'assign' && this.placeRoot(x.lhs, ctx)?.local === root.local) this.error(`cannot assign to \`${root.name}\` because it is borrowed`, x.sp);
      return false;
    };
    someNode(args, assignsRoot, (n) => n.k === 'closure');
  }

  /** A place as a string (`x.f[]`: indices are not told apart), or null when it is not a local's place. */
  private placeKey(e: Expr, ctx: Ctx): string | null {
    if (e.k === 'path') return e.segs.length === 1 && this.lookup(e.segs[0]!, ctx) ? e.segs[0]! : null;
    if (e.k === 'unary' && e.op === '*') return this.placeKey(e.e, ctx);
    if (e.k === 'field') {
      const k = this.placeKey(e.recv, ctx);
      return k === null ? null : `${k}.${e.name}`;
    }
    if (e.k === 'index') {
      const k = this.placeKey(e.recv, ctx);
      return k === null ? null : `${k}[`;
    }
    return null;
  }

  /** The outer scopes as seen from the proof of an `assert .. by`: every variable is spec there. */
  private specScopes(ctx: Ctx): Map<string, Local>[] {
    return ctx.scopes.map((m) => new Map([...m].map(([k, l]) => [k, { ...l, mode: l.mode === 'unknown' ? l.mode : 'spec' } as Local])));
  }

  /** An expression whose value is a mutable reference: `&mut place`, or a `&mut T` parameter. */
  private isMutRef(e: Expr, ctx: Ctx): boolean {
    if (e.k === 'unary' && e.op === '&mut') return true;
    if (e.k === 'path' && e.segs.length === 1) return !!this.lookup(e.segs[0]!, ctx)?.mutRef;
    // a call of a user function that returns `&mut T`
    if (e.k === 'call' && ctx.fn) {
      const f = this.calleeItem(e, ctx.fn);
      return !!f?.ret && f.ret.ty.k === 'ref' && f.ret.ty.mut;
    }
    return false;
  }

  private binds(p: Pat): boolean {
    switch (p.k) {
      case 'bind': return true;
      case 'or': return p.alts.some((a) => this.binds(a));
      case 'tuple': return p.elems.some((a) => this.binds(a));
      case 'variant': return (p.args ?? []).some((a) => this.binds(a)) || (p.fields ?? []).some((f) => this.binds(f.pat));
      default: return false;
    }
  }

  /** The binding patterns inside `p`. */
  private patBindings(p: Pat): Extract<Pat, { k: 'bind' }>[] {
    switch (p.k) {
      case 'bind': return [p, ...(p.sub ? this.patBindings(p.sub) : [])];
      case 'or': return p.alts.flatMap((a) => this.patBindings(a));
      case 'tuple': return p.elems.flatMap((a) => this.patBindings(a));
      case 'variant': return [...(p.args ?? []).flatMap((a) => this.patBindings(a)), ...(p.fields ?? []).flatMap((f) => this.patBindings(f.pat))];
      default: return [];
    }
  }

  /** Whether pattern `p` binds a value of a non-`Copy` type by value (not `ref`). */
  private bindsByValue(p: Pat, ctx: Ctx): boolean {
    switch (p.k) {
      case 'bind': {
        const t = this.bindings.get(p);
        return (!p.ref && !!t && this.moves(t, ctx)) || (!!p.sub && this.bindsByValue(p.sub, ctx));
      }
      case 'or': return p.alts.some((a) => this.bindsByValue(a, ctx));
      case 'tuple': return p.elems.some((a) => this.bindsByValue(a, ctx));
      case 'variant': return (p.args ?? []).some((a) => this.bindsByValue(a, ctx)) || (p.fields ?? []).some((f) => this.bindsByValue(f.pat, ctx));
      default: return false;
    }
  }

  /**
   * Verus's rule: a `ref mut` binding may not reach into a datatype with a type invariant, through
   * the matched place (`match a.i { ref mut x => .. }`) or through the pattern (`A { i: ref mut x, .. }`).
   */
  private refMutIntoInvariant(scrut: Expr | null, pat: Pat): void {
    if (!this.hasRefMut(pat)) return;
    const hasInvariant = (t: CTy | undefined) => {
      const x = t && shallow(t, this.vars);
      return !!x && (x.k === 'struct' || x.k === 'enum') && !!invariantNamed(this.out.typeInvariants, x.name);
    };
    let place = scrut;
    let through = false;
    while (place?.k === 'field') {
      if (hasInvariant(this.types.get(place.recv))) through = true;
      place = place.recv;
    }
    const inPattern = someNode(pat, (n) => {
      const v = n as Pat;
      if (v.k !== 'variant' || !this.hasRefMut(v)) return false;
      const owner = v.path.length > 1 ? v.path[v.path.length - 2]! : v.path[0]!;
      return !!invariantNamed(this.out.typeInvariants, owner);
    });
    if (through || inPattern) this.error('not supported: using pattern to take mutable reference to field of datatype that has a declared type invariant', pat.sp);
  }

  private hasRefMut(p: Pat): boolean {
    switch (p.k) {
      case 'bind': return !!(p.ref && p.mut) || (!!p.sub && this.hasRefMut(p.sub));
      case 'or': return p.alts.some((a) => this.hasRefMut(a));
      case 'tuple': return p.elems.some((a) => this.hasRefMut(a));
      case 'variant': return (p.args ?? []).some((a) => this.hasRefMut(a)) || (p.fields ?? []).some((f) => this.hasRefMut(f.pat));
      default: return false;
    }
  }

  /** `&mut place`: modes (Verus) and mutability of the binding (rustc). */
  /**
   * The locals a reference kept in a local variable borrows (`let r = &a;`, `let x: &u64 =
   * p.borrow(Tracked(&perm));`): references are erased here (`r` holds a copy), so writing or
   * moving one of them while `r` may still be used (rustc's borrow error) is not modelled.
   */
  private refBorrows = new Map<Local, { path: string; until?: { stmts: Stmt[]; index: number } }[]>();
  /** The blocks being checked, innermost last, each with the index of its statement being checked. */
  private blockPositions: { stmts: Stmt[]; index: number }[] = [];
  /**
   * `until`: the statement after which the reference is dead (rustc's non-lexical lifetimes), when
   * the block names it after its `let` only in assertions (spec code, which Verus's lifetime check
   * does not see); otherwise the borrow lasts to the end of the function.
   */
  private noteRefBorrows(init: Expr, ctx: Ctx, tracked: boolean, holder?: string): void {
    const here = this.blockPositions[this.blockPositions.length - 1];
    const until = holder && here && specUsesOnly(here.stmts, here.index, holder) ? { stmts: here.stmts, index: here.index } : undefined;
    const add = (local: Local, path: string) => this.refBorrows.set(local, [...(this.refBorrows.get(local) ?? []), { path, ...(until ? { until } : {}) }]);
    // the reference result of a tracked method that borrows its receiver mutably borrows the
    // receiver's local (`x.f.borrow_mut().g.long_borrow()`: all of `x`). (The borrow is kept to the
    // end of the block, not to its last use: shared borrows by methods, `let v = a.get(i);
    // a.set(..)` with `v` no longer used, are common and left out.)
    const callee = init.k === 'method' ? this.callees.get(init) : undefined;
    const self = callee?.params[0];
    const recv = tracked && init.k === 'method' && self?.isSelf && self.ty.k === 'ref' && self.ty.mut ? this.borrowRoot(init.recv, ctx) : null;
    if (recv) add(recv, '');
    someNode(init, (n) => {
      const x = n as Expr;
      if (x.k === 'unary' && (x.op === '&' || x.op === '&mut')) {
        const place = this.placeRoot(x.e, ctx);
        if (place) add(place.local, fieldPath(x.e));
      }
      return false;
    });
  }
  /** The local a receiver's place is in, through fields, indices, derefs and a wrapper's `borrow()` / `borrow_mut()`. */
  private borrowRoot(e: Expr, ctx: Ctx): Local | null {
    let root = e;
    while (root.k === 'field' || root.k === 'index' || (root.k === 'unary' && root.op === '*') || (root.k === 'method' && this.out.wrapperBorrows.has(root) && root.name !== 'get')) root = root.k === 'unary' ? root.e : root.recv;
    return this.pathLocal(root, ctx);
  }
  /** Whether the place `path` of `local` overlaps one a kept reference borrows. */
  private refBorrowed(local: Local, path: string): boolean {
    const live = (b: { until?: { stmts: Stmt[]; index: number } }) => {
      if (!b.until) return true;
      const at = this.blockPositions.find((p) => p.stmts === b.until!.stmts);
      return !!at && at.index <= b.until.index;
    };
    return (this.refBorrows.get(local) ?? []).some((b) => live(b) && pathsOverlap(b.path, path));
  }

  /** A write (assignment, `&mut` borrow) of a local: see `closureBorrows`. */
  private noteWrite(local: Local, name: string, sp: Sp, path = ''): void {
    const borrowed = this.closureBorrows.get(local);
    if (borrowed) this.unsupportedHere(`not supported: \`${name}\` is written while a closure borrows it (a closure that is not \`move\` captures it by reference)`, sp);
    if (this.refBorrowed(local, path)) this.unsupportedHere(`not supported: \`${name}\` is written while a reference to it is kept in a variable (references are copies here)`, sp);
    for (const l of this.loops) l.written.add(local);
  }

  private mutBorrow(e: Extract<Expr, { k: 'unary' }>, ctx: Ctx): void {
    // (a `let ghost r = &mut x;` in exec or proof code is a ghost snapshot of a borrow: allowed)
    if (ctx.code === 'spec' && ctx.fn?.mode === 'spec') return this.error('mutable borrow is not allowed in spec context', e.sp);
    const r = this.placeRoot(e.e, ctx);
    if (ctx.inAssertBy && (!r || this.lookupOuter(r.name, ctx))) return this.error("mutable borrow is not allowed in 'assert ... by' statement", e.sp);
    if (!r) return;
    const shared = this.sharedPlace(e.e, ctx);
    if (shared) return this.error(`cannot borrow data in an \`${shared}\` as mutable`, e.sp);
    // (`&mut r` of an `Rc` / `Arc` local: the types would take it for a `&mut` of what it holds)
    if (r.direct && isShared(r.local.boxed)) this.unsupportedHere(`unsupported: a mutable borrow of an \`${r.local.boxed}\` (the types erase the pointer)`, e.sp);
    this.noteWrite(r.local, r.name, e.sp, fieldPath(e.e));
    if (ctx.code === 'exec' && r.local.wrapped && !r.direct) return this.error(`cannot access ${r.local.wrapped}-mode place in executable context`, e.sp);
    if (r.local.mode === 'spec') {
      if (r.deref) return this.error('cannot mutate through a spec-mode mutable reference', e.sp);
      return this.error('cannot take mutable borrow of ghost-mode place', e.sp);
    }
    // rustc's check of exec code (Verus's own lifetime check of ghost code is more lenient)
    if (r.direct && r.local.mutable === false && r.local.mode === 'exec' && ctx.code === 'exec') this.error(`cannot borrow \`${r.name}\` as mutable, as it is not declared as mutable`, e.sp);
  }

  /**
   * Verus's `hide(f)`: only in the header of a body (before any other statement), of a spec fn.
   * It hides `f`'s definition from the whole function; a `reveal(f)` after it makes the definition
   * visible from there on (vcgen/exec.ts).
   */
  private hideRules(s: Extract<Stmt, { k: 'reveal' }>, ctx: Ctx): void {
    const body = ctx.fn?.body?.stmts ?? [];
    const at = body.indexOf(s);
    const header = (x: Stmt) => x.k === 'reveal' && (x.hide || x.fuel === null);
    if (at < 0 || !body.slice(0, at).every(header)) return this.error('This verus_builtin header should go at the beginning of the function body', s.sp);
    const target = this.crate.fn(this.crate.memberName(s.name, ctx.fn?.selfType ?? null), s.sp, ctx.fn ?? undefined);
    if (!target) return this.error(`\`${s.name.join('::')}\` is not a spec function`, s.sp);
  }

  /** Whether a name in an `assert .. by` proof refers to a variable declared outside it. */
  private lookupOuter(name: string, ctx: Ctx): boolean {
    for (let i = ctx.scopes.length - 1; i >= 0; i--) {
      const l = ctx.scopes[i]!.get(name);
      if (l) return i < (ctx.outerDepth ?? 0);
    }
    return false;
  }

  /** rustc's checks of an assignment's target place (and Verus's of a spec-mode reference). */
  private assignablePlace(place: NonNullable<ReturnType<Checker['placeRoot']>>, sp: Sp): void {
    if (place.deref && place.local.mode === 'spec') this.error('cannot mutate through a spec-mode mutable reference', sp);
    // (`let ghost x = ..; proof { x = 2; }` is allowed: Verus declares a `let ghost` local mutable)
    else if (place.direct && place.local.mutable === false && !place.local.ghostLet) this.error(`cannot assign twice to immutable variable \`${place.name}\``, sp);
    // a field or element of a binding that is neither `mut` nor a `&mut` reference
    else if (!place.direct && !place.deref && place.local.mutable !== true && !place.local.mutRef && shallow(place.local.ty, this.vars).k !== 'any') this.error(`cannot assign to a part of \`${place.name}\`, as \`${place.name}\` is not declared as mutable`, sp);
  }

  private assign(e: Extract<Expr, { k: 'assign' }>, ctx: Ctx): CTy {
    if (ctx.code === 'spec') this.error('assignment is not allowed in spec code', e.sp);
    // `(a, b) = ..`, `S { x, .. } = ..`, `[a, b] = ..`: Verus refuses these
    if (e.op === '=' && (e.lhs.k === 'tuple' || e.lhs.k === 'struct' || e.lhs.k === 'array')) {
      this.error('The verifier does not yet support the following Rust feature: destructuring assignment', e.lhs.sp);
      return C_UNIT;
    }
    // (a field's wrapper is known once its receiver is typed: typed as a place's base, not a use)
    if (e.lhs.k === 'view' && e.lhs.e.k === 'field') {
      this.placeUse = 'base';
      this.infer(e.lhs.e.recv, ctx);
    }
    if (e.lhs.k === 'view' && this.ghostWrapped(e.lhs.e, ctx)) {
      // `g@ = v` of a `Ghost` / `Tracked` place: ghost code writing the value inside (rustc's
      // checks of the place; a `Ghost` local is a spec-mode place that ghost code may write)
      this.requireGhost(ctx, 'assignment to the value of a `Ghost` / `Tracked`', e.sp);
      const outer = e.lhs.e.k === 'path' && e.lhs.e.segs.length === 1 && this.lookupOuter(e.lhs.e.segs[0]!, ctx);
      if (ctx.inAssertBy && outer) this.error("cannot assign to a variable declared outside an 'assert ... by' statement", e.lhs.sp);
      this.borrowOfMoved(e.lhs.e, ctx);
      const place = this.placeRoot(e.lhs.e, ctx);
      if (place) this.assignablePlace(place, e.lhs.sp);
      this.out.wrapperBorrows.add(e.lhs);
      const t = this.infer(e.lhs, ctx);
      if (e.op === '=') this.expect(e.rhs, t, ctx);
      else this.binary(e.op.slice(0, -1), e.lhs, e.rhs, e.sp, ctx);
      return C_UNIT;
    }
    let root: Expr = e.lhs;
    while (root.k === 'field' || root.k === 'index' || (root.k === 'unary' && root.op === '*')) root = root.k === 'unary' ? root.e : root.recv;
    // `g@.f = v`: a part of the value inside a `Ghost` / `Tracked` local, which must be `mut`
    // (Verus's message for a parameter; writing it is not modelled: VC generation's `unsupported`)
    if (root !== e.lhs && root.k === 'view' && this.ghostWrapped(root.e, ctx)) {
      const inner = this.placeRoot(root.e, ctx);
      if (inner?.direct && inner.local.mutable === false) {
        const isParam = !!ctx.fn?.params.some((p) => p.name === inner.name) && ctx.scopes[0]?.get(inner.name) === inner.local;
        this.error(isParam ? `cannot assign to non-mut parameter \`${inner.name}\`` : `cannot assign to a part of \`${inner.name}\`, as \`${inner.name}\` is not declared as mutable`, e.lhs.sp);
      }
    }
    const local = this.pathLocal(root, ctx);
    if (local?.mode === 'spec') this.out.specWrites.add(e);
    // a place behind a ghost / tracked field is written by ghost code only (and a ghost field's
    // value is a spec one: written, it moves nothing)
    const fieldMode = this.fieldPathMode(e.lhs, ctx);
    if (fieldMode && ctx.code === 'exec') this.error(`cannot access ${fieldMode}-mode place in executable context`, e.lhs.sp);
    if (local && !local.ghost && !fieldMode && ctx.code !== 'exec' && ctx.fn?.mode === 'exec') this.error(`cannot mutate exec-mode place \`${(root as { segs: string[] }).segs[0]}\` in ghost code`, e.lhs.sp);
    // a tracked value's field that its (not `tracked`) struct declares without a mode is an
    // exec-mode place (Verus), which the ghost code of an exec fn may not write
    else if (local?.mode === 'tracked' && !fieldMode && ctx.code !== 'exec' && ctx.fn?.mode === 'exec' && this.execFieldOnPath(e.lhs, ctx)) this.error('cannot mutate exec-mode place in ghost code', e.lhs.sp);
    const place = this.placeRoot(e.lhs, ctx);
    // (rustc: an `Rc` / `Arc` has no `DerefMut`)
    const shared = this.sharedPlace(e.lhs, ctx);
    if (shared) this.error(`cannot assign to data in an \`${shared}\``, e.lhs.sp);
    if (place) this.noteWrite(place.local, place.name, e.lhs.sp, fieldPath(e.lhs));
    // rustc E0382: a field of a value moved out whole (or a larger part moved) is not assignable
    const written = place && !place.direct && !place.deref ? fieldPath(e.lhs) : null;
    if (written && this.moved.some((m) => m.local === place!.local && m.path !== written && (m.path === '' || written.startsWith(m.path + '.')))) this.error(`assign to part of moved value: \`${place!.name}\``, e.lhs.sp);
    // `a = r` of a `&mut` binding re-points it: the caller's place (what its postconditions and
    // `final(a)` name) no longer changes through it; references are erased here: not modelled
    if (place?.direct && place.local.mutRef) this.unsupportedHere('not supported: assigning to a `&mut` reference variable (re-pointing it at another place)', e.lhs.sp);
    // Verus: in ghost code, `*m` of `m: &mut Box<..>` / `&mut &..` is the box or reference
    // itself, an exec-mode place (`**m` is what it holds)
    if (ctx.code !== 'exec' && e.lhs.k === 'unary' && e.lhs.op === '*' && e.lhs.e.k === 'path' && e.lhs.e.segs.length === 1) {
      const declared = ctx.fn?.params.find((p) => p.name === (e.lhs as { e: { segs: string[] } }).e.segs[0])?.ty;
      const inner = declared?.k === 'ref' && declared.mut ? declared.inner : null;
      // (a box or reference of a `Tracked` / `Ghost` wrapper: a box of a tracked datatype is fine)
      const held = inner?.k === 'ref' ? inner.inner : inner?.k === 'path' && inner.name === 'Box' ? inner.args[0] : undefined;
      if (held?.k === 'path' && (held.name === 'Tracked' || held.name === 'Ghost')) this.error('cannot mutate exec-mode place in proof-code', e.lhs.sp);
    }
    // `*x = ..` / `x.0 = ..` of a `Ghost`/`Tracked` local: a ghost place, which exec code only moves as a whole
    if (place && ctx.code === 'exec' && place.local.wrapped && !place.direct) this.error(`cannot access ${place.local.wrapped}-mode place in executable context`, e.lhs.sp);
    else if (place && ctx.code !== 'spec') this.assignablePlace(place, e.lhs.sp);
    // the place is read in the mode of the assignment's target
    const placeCtx: Ctx = fieldMode === 'spec' ? { ...ctx, code: 'spec' } : local?.ghost ? { ...ctx, code: ctx.code === 'exec' ? 'proof' : ctx.code } : ctx;
    const cell = place?.direct && e.op === '=' ? place.local.cell : undefined;
    if (cell && cell.assigned && place!.local.mutable === 'uninit') this.error(`cannot assign twice to immutable variable \`${place!.name}\``, e.lhs.sp);
    if (place?.direct && e.op === '=' && place.local.typedLater) {
      // `let x; ... x = e;`: x takes e's type, as in rustc
      const t = this.infer(e.rhs, placeCtx);
      this.bindings.set(place.local.typedLater, t);
      place.local.ty = t;
      delete place.local.typedLater;
      this.record(e.lhs, t);
      if (cell) cell.assigned = true;
      return C_UNIT;
    }
    const was = cell?.assigned ?? false;
    if (cell) cell.assigned = true; // the target is written, not read
    // a `Ghost`/`Tracked` local is written as a whole (a place inside it was refused above)
    if (place?.local.wrapped) this.wholeUse = root;
    if (e.op === '=') this.placeUse = 'write';
    const lt = this.infer(e.lhs, placeCtx);
    // (writing a union's field changes which field it holds: not modelled)
    if (this.out.variantOps.get(e.lhs)?.op === 'read' || (e.lhs.k === 'field' && this.out.variantOps.has(e.lhs.recv))) this.unsupportedHere('unsupported: an assignment to a union field', e.lhs.sp);
    if (cell) cell.assigned = was;
    if (e.op === '=') {
      this.expect(e.rhs, lt, placeCtx);
      // a tracked place (a tracked local, a tracked field) takes a proof-mode value
      if (ctx.code === 'proof' && (fieldMode === 'proof' || (place?.direct && place.local.mode === 'tracked'))) this.trackedValue(e.rhs, ctx);
      this.reinitialize(e.lhs, ctx);
      if (cell) cell.assigned = true;
      return C_UNIT;
    }
    // compound assignment: `a op= b` is `a = a op b` with the operator's typing; in ghost code
    // the (int) result goes back into a machine-int place truncated to its type, as in Verus
    const op = e.op.slice(0, -1);
    const result = shallow(this.binary(op, e.lhs, e.rhs, e.sp, placeCtx), this.vars);
    const placeTy = shallow(lt, this.vars);
    if (ghost(placeCtx.code) && placeTy.k === 'int' && isMachine(placeTy.kind) && result.k === 'int' && !isMachine(result.kind)) return C_UNIT;
    this.unify(lt, result, e.sp);
    return C_UNIT;
  }

  // -------------------------------------------------------------------------------------------
  // Statements

  /** The block's value type, or null when it ends in a statement that diverges. */
  private block(b: Block, ctx: Ctx, hint?: CTy, tailCode?: CodeMode): CTy | null {
    ctx.scopes.push(new Map());
    let result: CTy | null = C_UNIT;
    const wasUnreachable = this.unreachable;
    const position = { stmts: b.stmts, index: 0 };
    this.blockPositions.push(position);
    b.stmts.forEach((s, i) => {
      position.index = i;
      const last = i === b.stmts.length - 1;
      // a function's result is computed in the mode of its return type (`-> Ghost<T>`: spec): the
      // value, not the statements of an `if` / `match` / block that computes it (`tailCodes`)
      const tail = last && tailCode && s.k === 'expr' && !s.semi;
      if (tail && compoundTail(s.e)) this.tailCodes.set(s.e, tailCode);
      const t = this.stmt(s, tail && !compoundTail(s.e) ? { ...ctx, code: tailCode } : ctx, last ? hint : undefined);
      if (last) result = s.k === 'expr' && (!s.semi || this.diverges(s.e)) ? (this.diverges(s.e) ? null : t) : C_UNIT;
      // (the rest of the block after `return`, `break`, an exec `-> !` call, .. runs on no path;
      // Verus's lifetime check keeps what follows a proof fn's `-> !`, a spec value)
      else if (s.k === 'expr' && this.diverges(s.e) && !this.ghostNeverCall(s.e)) this.unreachable = true;
    });
    this.unreachable = wasUnreachable;
    this.blockPositions.pop();
    ctx.scopes.pop();
    return result;
  }

  private stmt(s: Stmt, ctx: Ctx, hint?: CTy): CTy {
    const spec: Ctx = { ...ctx, code: 'spec' };
    const proof: Ctx = { ...ctx, code: 'proof' };
    const noGhostStatementsInSpec = (what: string) => {
      if (ctx.code === 'spec') this.error(`${what} is not allowed in spec code`, s.sp);
    };
    // Verus counts `proof_note` and `custom_err` together
    if ((s.k === 'assert' || s.k === 'assume' || s.k === 'assert-forall') && s.notes && s.notes.length > 1) this.error('at most one `proof_note` attribute is allowed', s.notes[1]!.sp);
    switch (s.k) {
      case 'let': {
        // a tracked binding inside spec code (`let ghost g = { let tracked z = ..; .. }`): Verus
        // checks moves and modes of tracked values there, which this checker does not
        if (s.tracked && ctx.code === 'spec') this.unsupportedHere('unsupported: `let tracked` inside spec code (moves and modes of tracked values there are not checked)', s.sp);
        const isGhost = s.ghost || ghost(ctx.code);
        // (in proof code a plain `let` binds a spec value: reading a tracked place into it is a
        // spec read, which moves nothing)
        const specPlaceRead = ctx.code === 'proof' && !s.tracked && !ghostWrapper(s.ty) && !!s.init && this.placeRoot(s.init, ctx)?.local.mode === 'tracked';
        const initCtx: Ctx = s.tracked ? proof : s.ghost || specPlaceRead ? spec : ghostWrapper(s.ty) ? { ...ctx, code: ghostWrapper(s.ty)! } : ctx;
        const declared = s.ty && s.ty.k !== 'infer' ? this.resolve(s.ty, ctx.fn ?? null) : null;
        const mutArg = s.ty ? mutRefArgument(s.ty) : null;
        if (mutArg && ctx.fn && !this.out.fnUnsupported.has(ctx.fn)) this.out.fnUnsupported.set(ctx.fn, { message: MUT_REF_ARGUMENT, sp: mutArg });
        let ty: CTy = declared ?? C_ANY;
        // `let S { f } = *r;`: the pattern takes its bindings out of the place behind `r` (each
        // must be `Copy`, checked below), not the whole value
        const derefDestructure = s.init?.k === 'unary' && s.init.op === '*' && s.pat.k !== 'bind' && s.pat.k !== 'wild';
        // `let P(x, ..) = t;` / `let _ = t;` of a place: only the parts bound by value are moved out
        // (by a non-`Copy` one, below), not the whole
        const destructurePlace = !declared && !derefDestructure && s.pat.k !== 'bind' && !!s.init && (s.init.k === 'path' || s.init.k === 'field') && !this.isWrappedRead(s.init, ctx);
        if (s.init?.k === 'path' && s.pat.k === 'bind' && (!s.ty || pointerOf(s.ty))) this.pointerUses.add(s.init);
        if (s.ty && nestedShared(s.ty)) this.unsupportedHere('unsupported: an `Rc` / `Arc` inside a local\'s type (the types erase the pointer)', s.ty.sp);
        if (s.init) {
          const t = declared ? this.expect(s.init, declared, initCtx, 'let') : derefDestructure || destructurePlace ? this.inferBorrowed(s.init, initCtx) : this.inferWhole(s.init, initCtx);
          if (!declared) ty = t;
          // (Verus: a ghost binding of a `!` value without a written `!` type is a never-to-any
          // coercion, which spec mode refuses)
          const tt = shallow(t, this.vars);
          if (!declared && initCtx.code !== 'exec' && tt.k === 'param' && tt.name === '!') this.error('never-to-any coercion is not allowed in spec mode', s.init.sp);
          // a tracked binding takes a proof-mode value: not a spec local's place, nor a spec builtin's value
          if (s.tracked) {
            const inner = s.init.k === 'unary' && (s.init.op === '&' || s.init.op === '&mut') ? s.init.e : s.init;
            if (this.specValue(inner, ctx) || this.out.variantOps.get(inner)?.op === 'get') this.error('expression has mode spec, expected mode proof', s.init.sp);
            // (a tracked borrow of an exec place stays in the code rustc checks: a moved one is its error)
            const pl = this.ownedPlace(inner, ctx);
            if (pl && pl.local.mode === 'exec' && this.wasMoved(pl)) this.error(`${inner !== s.init ? 'borrow' : 'use'} of moved value: \`${pl.name}\``, s.init.sp);
          }
        }
        if (!s.ghost || s.tracked) {
          if ((s.ty?.k === 'ref' && s.ty.mut) || (s.init && this.isMutRef(s.init, ctx))) this.error('not supported: a local `&mut` reference (mutation through it would not reach the borrowed place)', s.sp);
        }
        const wrapper = ghostWrapper(s.ty);
        const mode: LocalMode = s.tracked ? 'tracked' : s.ghost ? 'spec' : wrapper === 'spec' ? 'spec' : wrapper === 'proof' ? 'tracked' : ctx.code === 'exec' ? 'exec' : 'spec';
        // (read before the pattern is bound: `let mut x = x;` reads the outer `x`)
        const initCtor = s.init?.k === 'call' && s.init.callee.k === 'path' ? s.init.callee.segs.join('::') : null;
        const wrapped: 'spec' | 'proof' | null = ctx.code !== 'exec' || s.ghost || s.tracked ? null
          : wrapper ?? (s.init && this.isWrappedRead(s.init, ctx) ? this.lookup((s.init as { segs: string[] }).segs[0]!, ctx)!.wrapped! : null)
            ?? (initCtor === 'Ghost' ? 'spec' : initCtor === 'Tracked' ? 'proof' : null)
            // the result of a function declared to return a `Ghost<T>` / `Tracked<T>`
            ?? (s.init?.k === 'call' && ctx.fn ? ghostWrapper(this.calleeItem(s.init, ctx.fn)?.ret?.ty) : null);
        const isRef = s.ty?.k === 'ref' || (!!s.init && this.isRefValue(s.init, ctx));
        const owned = s.pat.k === 'bind' && !!s.init && !isRef;
        this.refMutIntoInvariant(s.init ?? null, s.pat);
        this.pattern(s.pat, ty, ctx, isGhost, mode, !s.init);
        // (Verus's `let ghost x` is a mutable spec local: ghost code may assign it)
        if (s.ghost && !s.tracked && s.pat.k === 'bind') {
          const l = ctx.scopes[ctx.scopes.length - 1]!.get(s.pat.name);
          if (l) l.ghostLet = true;
        }
        // rustc (E0005): a `let` without `else` must match every value (a char pattern, and a
        // `Tracked(x)` / `Ghost(x)` one whose wrapper the types erase: not judged)
        const unjudged = (n: { k: string }) => (n.k === 'lit' && (n as Extract<Pat, { k: 'lit' }>).value.k === 'unsupported') || (n.k === 'variant' && !!wrapperPattern(n as Pat));
        if (s.pat.k !== 'bind' && s.pat.k !== 'wild' && !someNode(s.pat, unjudged) && !['any', 'tvar'].includes(shallow(ty, this.vars).k)) {
          const missing = uncovered([[s.pat]], [ty], (t) => this.ctorsOf(t), 0, this.intDomain());
          if (missing) this.error(`refutable pattern in local binding: \`${missing[0]}\` not covered`, s.pat.sp);
        }
        if (destructurePlace && this.bindsByValue(s.pat, initCtx)) this.markMoved(s.init!, ty, initCtx);
        if (derefDestructure && ctx.code === 'exec' && !s.ghost) {
          const moved = this.patBindings(s.pat).find((b) => !b.ref && !isCopy(this.bindings.get(b) ?? C_ANY, this.vars, ctx.fn ?? null, this.crate));
          if (moved) this.error(`cannot move \`${moved.name}\` out of a place behind a reference`, moved.sp);
        }
        if (wrapped && s.pat.k === 'bind') ctx.scopes[ctx.scopes.length - 1]!.get(s.pat.name)!.wrapped = wrapped;
        if (s.ty && !s.ghost && !s.tracked) {
          if (s.init && !derefDestructure) this.wrapperAgrees(s.init, s.ty, ctx.fn, ctx);
          if (s.pat.k === 'bind' && ctx.code === 'exec') ctx.scopes[ctx.scopes.length - 1]!.get(s.pat.name)!.declared = s.ty;
        }
        // `let (a, t) = f(..)` with `f` returning `(A, Tracked<T>)`: `t` holds the wrapper
        const retTy = s.pat.k === 'tuple' && !wrapper && ctx.code === 'exec' && !s.ghost && !s.tracked && s.init?.k === 'call' && ctx.fn ? this.calleeItem(s.init, ctx.fn)?.ret?.ty : undefined;
        if (s.pat.k === 'tuple' && retTy?.k === 'tuple' && retTy.elems.length === s.pat.elems.length) {
          s.pat.elems.forEach((p, i) => {
            const w = ghostWrapper(retTy.elems[i]);
            if (w && p.k === 'bind') ctx.scopes[ctx.scopes.length - 1]!.get(p.name)!.wrapped = w;
          });
        }
        if (owned && s.pat.k === 'bind') ctx.scopes[ctx.scopes.length - 1]!.get(s.pat.name)!.owned = true;
        // (`let b = Box::new(..)`, `let b: Rc<T> = ..`, `let c = b` of a boxed `b`, `let r = f()`
        // of an `f` returning one)
        const pointer = pointerOf(s.ty) ?? (s.init ? this.pointerValue(s.init, ctx) : undefined);
        if (owned && s.pat.k === 'bind' && pointer) ctx.scopes[ctx.scopes.length - 1]!.get(s.pat.name)!.boxed = pointer;
        if (isRef && s.pat.k === 'bind') ctx.scopes[ctx.scopes.length - 1]!.get(s.pat.name)!.ref = true;
        // a reference kept in a local borrows what it was made from (`&a`, `p.borrow(Tracked(&perm))`)
        // (a tracked one too, in exec or proof code: a spec one is a snapshot, borrowing nothing)
        if (isRef && s.init && ((ctx.code === 'exec' && !s.ghost) || s.tracked)) this.noteRefBorrows(s.init, ctx, !!s.tracked, s.pat.k === 'bind' ? s.pat.name : undefined);
        // a future of an `async fn` call borrows what its arguments borrow until it is awaited (kept
        // here to the end of the function); one holding a `&mut` borrow must be awaited by the next
        // statement (a read of the place in between, rustc's error, is not checked)
        if (s.init?.k === 'call' && !isRef && ctx.code === 'exec' && this.callees.get(s.init)?.isAsync) {
          this.noteRefBorrows(s.init, ctx, false);
          if (someNode(s.init.args, (n) => n.k === 'unary' && (n as Extract<Expr, { k: 'unary' }>).op === '&mut')) {
            const here = this.blockPositions[this.blockPositions.length - 1];
            const next = here?.stmts[here.index + 1];
            const holder = s.pat.k === 'bind' ? s.pat.name : null;
            const awaits = (x: Expr | null | undefined) => x?.k === 'method' && x.name === '$await' && x.recv.k === 'path' && x.recv.segs.length === 1 && x.recv.segs[0] === holder;
            if (!holder || !next || !((next.k === 'expr' && awaits(next.e)) || (next.k === 'let' && awaits(next.init)))) this.unsupportedHere('unsupported: a future holding a `&mut` borrow that the next statement does not await', s.sp);
          }
        }
        // `let (p, Tracked(perm)) = f(..)`: `perm` owns the tracked value (a second use moves nothing)
        if (s.init && !isRef) {
          someNode(s.pat, (n) => {
            const w = wrapperPattern(n as Pat);
            const inner = w?.wrapper === 'Tracked' ? w.inner : null;
            const local = inner?.k === 'bind' ? ctx.scopes[ctx.scopes.length - 1]!.get(inner.name) : undefined;
            if (local) local.owned = true;
            return false;
          });
        }
        return C_UNIT;
      }
      case 'expr':
        return this.infer(s.e, ctx, hint);
      case 'assume':
        noGhostStatementsInSpec('`assume`');
        this.expect(s.e, C_BOOL, spec);
        return C_UNIT;
      case 'assert':
        noGhostStatementsInSpec('`assert`');
        if (s.by === 'bit_vector') for (const x of [s.e, ...s.req]) this.bvMutRefs(x, ctx);
        if (s.by === 'nonlinear_arith') this.nonlinearQuery(s, ctx);
        for (const r of s.req) this.expect(r, C_BOOL, spec);
        if (s.proof) this.block(s.proof, { ...proof, scopes: this.specScopes(ctx), inAssertBy: true, outerDepth: ctx.scopes.length });
        this.expect(s.e, C_BOOL, spec);
        return C_UNIT;
      case 'assert-forall': {
        noGhostStatementsInSpec('`assert forall`');
        this.quantAttrs(s.attrs);
        const scope = new Map<string, Local>();
        for (const p of s.params) scope.set(p.name, { ty: this.binderType(p, ctx), ghost: true, mutable: false, mutRef: false, mode: 'spec' });
        const inner: Ctx = { ...spec, scopes: [...ctx.scopes, scope] };
        for (const tr of s.triggers) for (const t of tr) this.infer(t, inner);
        if (s.lhs) this.expect(s.lhs, C_BOOL, inner);
        this.expect(s.rhs, C_BOOL, inner);
        if (s.proof) this.block(s.proof, { ...proof, scopes: [...this.specScopes(ctx), scope], inAssertBy: true, outerDepth: ctx.scopes.length });
        return C_UNIT;
      }
      case 'proof':
        noGhostStatementsInSpec('a `proof` block');
        this.block(s.block, proof);
        return C_UNIT;
      case 'reveal': {
        if (s.selfQualified) this.error('Self is not supported in reveal/hide', s.sp);
        if (s.hide) this.hideRules(s, ctx);
        // Verus: a primitive type's trait method is revealed by `<u64 as Tr>::f` only
        const owner = s.name.length >= 2 ? s.name[s.name.length - 2]! : null;
        if (owner && isImplPrimitive(owner) && !s.qualified) this.error(`\`reveal(${s.name.join('::')})\`: use the universal function call syntax to disambiguate (\`<${owner} as Trait>::${s.name[s.name.length - 1]}\`)`, s.sp);
        const target = this.crate.fn(this.crate.memberName(s.name, ctx.fn?.selfType ?? null), s.sp, ctx.fn ?? undefined);
        if (target && target.item.mode !== 'spec') this.error(`reveal/fuel statements require a spec-mode function, got ${target.item.mode}-mode function`, s.sp);
        if (target && s.fuel !== null && this.currentFn) this.graph.fuels.push({ fn: this.currentFn, target: target.item, fuel: s.fuel, sp: s.sp });
        // Verus: a body this code cannot see cannot be revealed
        if (target && target.item.mode === 'spec' && target.item.body && ctx.fn && !specBodyVisible(target.item, this.crate.moduleOf(target.item), this.crate.moduleOf(ctx.fn))) {
          this.error(`reveal/fuel statement is not allowed here because the function \`${s.name.join('::')}\` is marked 'closed' and thus its body is not visible here`, s.sp);
        }
        return C_UNIT;
      }
      case 'broadcast-use': {
        noGhostStatementsInSpec('`broadcast use`');
        const tg = broadcastTargets(this.crate, s.names, ctx.fn?.selfType ?? null);
        for (const e of tg.errors) this.error(e.message, e.sp);
        if (tg.unsupported && this.currentFn && !this.trustedBody && !this.out.fnUnsupported.has(this.currentFn)) this.out.fnUnsupported.set(this.currentFn, tg.unsupported);
        this.out.broadcastUses.set(s, tg.lemmas);
        if (this.currentFn) for (const lemma of tg.lemmas) this.useLemma(this.currentFn, lemma.item, s.sp);
        return C_UNIT;
      }
      case 'unsupported':
        this.sawUnsupported ??= { what: s.what, sp: s.sp };
        return C_ANY;
    }
  }

  /** A quantifier's inner attributes: `#![auto]` and `#![all_triggers]` choose triggers (Verus). */
  private quantAttrs(attrs: QuantAttr[] | undefined): void {
    for (const a of attrs ?? []) if (a.name !== 'auto' && a.name !== 'all_triggers') this.error('expected trigger', a.sp);
  }

  /**
   * `assert(e) by(nonlinear_arith) requires r { body }` is a query of its own that sees only `r`:
   * its body may not use a variable that `e` and `r` do not mention (Verus).
   */
  private nonlinearQuery(s: Extract<Stmt, { k: 'assert' }>, ctx: Ctx): void {
    if (ctx.fn?.attrs.some((a) => /^verifier(::nonlinear|\(nonlinear\))$/.test(a))) this.error('assert_by_query not allowed in #[verifier::nonlinear] functions', s.sp);
    if (!s.proof) return;
    const names = (root: unknown, out: Set<string>, report?: (name: string, sp: Sp) => void): void => {
      const visit = (x: unknown): void => {
        if (Array.isArray(x)) return x.forEach(visit);
        if (!x || typeof x !== 'object') return;
        const o = x as { k?: string; segs?: string[]; sp?: Sp };
        if (o.k === 'path' && o.segs?.length === 1) {
          out.add(o.segs[0]!);
          report?.(o.segs[0]!, o.sp!);
        }
        for (const v of Object.values(x)) if (v && typeof v === 'object') visit(v);
      };
      visit(root);
    };
    const allowed = new Set<string>();
    names([s.e, ...s.req], allowed);
    const reported = new Set<string>();
    names(s.proof, new Set(), (name, sp) => {
      if (allowed.has(name) || reported.has(name) || !this.lookup(name, ctx)) return;
      reported.add(name);
      this.error(`variable \`${name}\` not mentioned in requires/ensures of the nonlinear_arith query`, sp);
    });
  }

  /**
   * `no_unwind [when c]` (exec fns only; `c` a spec bool over the parameters) and
   * `opens_invariants [e, ..]` (each namespace a spec `int`) or `opens_invariants s` (a set of
   * them: its membership closure, parser.ts).
   */
  private unwindAndMask(f: FnItem, ctx: Ctx, inClause: (clause: 'requires' | 'opens_invariants', check: () => void) => void): void {
    if (f.noUnwind) {
      if (f.mode !== 'exec') this.error("an 'unwind' specification can only be given on exec functions", f.noUnwind.sp);
      const when = f.noUnwind.when;
      // (read wherever the function is called, as its `requires`)
      if (when) inClause('requires', () => this.expect(when, C_BOOL, ctx));
    }
    const mask = f.opensInvariants;
    if (mask?.k === 'list') {
      if (f.mode === 'spec') this.error('invariants cannot be opened in spec functions', mask.sp);
      // (an integer of any type names the namespace of its value)
      inClause('opens_invariants', () => {
        for (const e of mask.elems) {
          const t = shallow(this.infer(e, ctx, C_INT), this.vars);
          if (t.k === 'tvar') this.unify(C_INT, t, e.sp);
          else if (t.k !== 'int') this.error('invariant mask must be type int', e.sp);
        }
      });
    }
    if (mask?.k === 'set') {
      if (f.mode === 'spec') this.error('invariants cannot be opened in spec functions', mask.sp);
      inClause('opens_invariants', () => this.expect(mask.member, { k: 'fn', params: [C_INT], ret: C_BOOL }, ctx));
    }
  }

  /**
   * Verus: once a postcondition uses `final(x)`, every `&mut` parameter in the postconditions is
   * read through `old(..)` or `final(..)` (bare `*x` would be ambiguous). Without `final`, bare
   * `*x` is the value at the return, as in Verus's `deprecated_postcondition_mut_ref_style`. A
   * function marked `#[verifier::deprecated_postcondition_mut_ref_style(true)]` asks for that
   * reading outright: Verus then refuses `final` and a comparison of the reference itself.
   */
  private finalStyle(f: FnItem, params: Map<string, Local>): void {
    const isCall = (n: { k: string }, name: string): boolean => {
      const x = n as Expr;
      return x.k === 'call' && x.callee.k === 'path' && x.callee.segs.length === 1 && x.callee.segs[0] === name;
    };
    const bare = (n: { k: string }): boolean => {
      const x = n as Expr;
      return x.k === 'path' && x.segs.length === 1 && !!params.get(x.segs[0]!)?.mutRef;
    };
    if (hasVerifierAttr(f.attrs, 'deprecated_postcondition_mut_ref_style')) {
      for (const e of f.ensures) {
        const fin = findNode(e, (x): x is Expr => isCall(x, 'final'));
        if (fin) return this.error('to use `final`, disable mut-ref backwards-compatability', fin.sp);
        const comparesReference = (n: { k: string }): n is Expr => {
          const x = n as Expr;
          return x.k === 'binary' && ['==', '!=', '===', '!=='].includes(x.op) && (bare(x.l) || bare(x.r));
        };
        const compared = findNode(e, comparesReference, (x) => isCall(x, 'old'));
        if (compared) return this.error('For more flexible mutable reference support, disable the backwards-compatability (a postcondition compares the `&mut` parameter itself)', compared.sp);
      }
      return;
    }
    // (a specification of another function always disambiguates: Verus)
    if (!f.specFor && !someNode(f.ensures, (x) => isCall(x, 'final'))) return;
    for (const e of f.ensures) {
      // (a closure or quantifier binding the same name shadows the parameter: not a bare use)
      if (someNode(e, bare, (x) => isCall(x, 'old') || isCall(x, 'final'))) {
        this.error('to dereference a mutable reference parameter in a postcondition, disambiguate by wrapping it in either `old` or `final`', e.sp);
        return;
      }
    }
  }

  /**
   * A `&mut T` parameter in a bit-vector query other than as `*x`: the bit-vector encoding has no
   * reference values (Verus: "bit_vector prover cannot handle type `&mut T`"); nor `old(x)`.
   */
  private bvMutRefs(e: Expr, ctx: Ctx): void {
    const visit = (x: Expr, underDeref: boolean): void => {
      if (x.k === 'path' && x.segs.length === 1) {
        const l = this.lookup(x.segs[0]!, ctx);
        if (l?.mutRef && !underDeref) this.error(`bit_vector prover cannot handle type \`&mut ${cTyStr(l.ty, this.vars)}\``, x.sp);
        return;
      }
      if (x.k === 'call' && x.callee.k === 'path' && x.callee.segs.length === 1 && x.callee.segs[0] === 'old') {
        this.error('`old` is not supported in `bit_vector` assert', x.sp);
        return;
      }
      const deref = x.k === 'unary' && x.op === '*';
      for (const v of Object.values(x)) {
        if (v && typeof v === 'object' && 'k' in v && 'sp' in v) visit(v as Expr, deref);
        else if (Array.isArray(v)) for (const y of v) if (y && typeof y === 'object' && 'k' in y && 'sp' in y) visit(y as Expr, false);
      }
    };
    visit(e, false);
  }

  // -------------------------------------------------------------------------------------------
  // Patterns



  /**
   * `e?` (exec code): of an `Option<T>` in a function returning an `Option`, or of the library's
   * `Result<T, E>` in one returning a `Result<_, E>` (the same error type: a conversion by `From`
   * is not modelled), a `T`; rustc's error for anything else.
   */
  private tryOperator(e: Extract<Expr, { k: 'try' }>, ctx: Ctx): CTy {
    if (ctx.code !== 'exec') this.unsupportedHere('unsupported: the `?` operator in ghost code', e.sp);
    const t = shallow(this.infer(e.e, ctx), this.vars);
    const ret = shallow(ctx.retTy, this.vars);
    const kind = t.k === 'enum' && (t.name === 'Option' || (t.name === 'Result' && isLibraryFile(this.crate.enums.get('Result')?.[0]?.file ?? ''))) ? t.name : null;
    if (!kind || t.k !== 'enum') {
      if (t.k !== 'any') this.error(`the \`?\` operator can only be applied to values of type \`Option\` or \`Result\`, not \`${cTyStr(t, this.vars)}\``, e.sp);
      return C_ANY;
    }
    if (!(ret.k === 'enum' && ret.name === kind)) {
      this.error(`the \`?\` operator can only be used on \`${kind}\`s in a function that returns \`${kind}\``, e.sp);
      return t.args[0] ?? C_ANY;
    }
    if (kind === 'Result' && !this.unifies(ret.args[1] ?? C_ANY, t.args[1] ?? C_ANY)) this.unsupportedHere('unsupported: a `?` that converts the error type (`From`)', e.sp);
    return t.args[0] ?? C_ANY;
  }
  /**
   * A tuple-like pattern's sub-patterns for the `n` fields of its variant (`..` spread), or
   * rustc's E0023 and the written ones (each then checked against a field or nothing).
   */
  private variantPats(p: Extract<Pat, { k: 'variant' }>, n: number, what: string): Pat[] {
    const ps = positionalPats(p.args ?? [], p.restAt, n, p.sp);
    if (ps) return ps;
    const k = (p.args ?? []).length;
    this.error(`this pattern has ${k} field${k === 1 ? '' : 's'}, but the corresponding ${what} has ${n} field${n === 1 ? '' : 's'}`, p.sp);
    return p.args ?? [];
  }
  /** While a match arm's pattern is checked: ghost code matches a spec value. */
  private specScrutinee = false;
  /**
   * Uses by value of an `Rc` / `Arc` local that stay a pointer of the same kind (a `let` of it, an
   * argument for such a parameter, the returned value of such a function): the types erase the
   * pointer, so any other use by value (`f(r)` for a `T` parameter, `r + 1`) would be accepted as
   * the value it holds, which rustc refuses (`*r` is that value).
   */
  private pointerUses = new Set<Expr>();
  private pattern(p: Pat, ty: CTy, ctx: Ctx, isGhost: boolean, mode: LocalMode = isGhost ? 'spec' : 'exec', uninit = false): void {
    const t = shallow(ty, this.vars);
    const scope = ctx.scopes[ctx.scopes.length - 1]!;
    switch (p.k) {
      case 'wild':
        return;
      case 'bind':
        if (p.ref && p.mut) {
          // a `ref mut` binding aliases the matched place; VC generation would treat it as a copy
          if (ctx.code === 'spec' || mode === 'spec' || (mode === 'unknown' && this.specScrutinee)) this.error(`a 'mut ref' binding in a pattern is not allowed in spec mode`, p.sp);
          else this.error('not supported: a `ref mut` binding (mutation through it would not reach the matched place)', p.sp);
        }
        const cell = uninit ? { assigned: false } : undefined;
        if (cell) this.cells.push(cell);
        const typedLater = uninit && ty.k === 'any' ? { typedLater: p } : {};
        scope.set(p.name, { ty, ghost: isGhost, mutable: p.mut || (uninit ? 'uninit' : false), mutRef: false, mode, ...(cell ? { cell } : {}), ...typedLater });
        this.bindings.set(p, ty);
        if (p.sub) {
          // `x @ P`: the same value matched by `P`; a value moved into `x` cannot be moved again
          // into `P`'s bindings (rustc E0382)
          this.pattern(p.sub, ty, ctx, isGhost, mode);
          if (!p.ref && this.moves(ty, ctx) && this.bindsByValue(p.sub, ctx)) this.error('use of partially moved value (a value bound by `@` and moved again by a binding inside its pattern)', p.sp);
        }
        return;
      case 'lit':
        this.expect(p.value, ty, { ...ctx, code: ghost(ctx.code) ? 'spec' : 'exec' });
        return;
      case 'range': {
        const bctx: Ctx = { ...ctx, code: ghost(ctx.code) ? 'spec' : 'exec' };
        if (p.lo) this.expect(p.lo, ty, bctx);
        if (p.hi) this.expect(p.hi, ty, bctx);
        // rustc E0030 / E0579: an empty range
        const lo = p.lo && this.crate.constIntValue(p.lo);
        const hi = p.hi && this.crate.constIntValue(p.hi);
        if (lo !== null && lo !== undefined && hi !== null && hi !== undefined && (p.inclusive ? lo > hi : lo >= hi)) this.error(p.inclusive ? 'lower bound for range pattern must be less than or equal to upper' : 'lower bound for range pattern must be less than upper', p.sp);
        const sh = shallow(ty, this.vars);
        if (sh.k !== 'int' && sh.k !== 'ivar' && sh.k !== 'char' && sh.k !== 'any') this.error('only integers and chars can be matched by a range pattern here', p.sp);
        return;
      }
      case 'or': {
        for (const a of p.alts) this.pattern(a, ty, ctx, isGhost, mode);
        // every alternative binds the same names (rustc E0408), with the same binding mode (E0409)
        // and type (E0308): the arm sees one set of variables, whichever alternative matched
        const first = this.patBindings(p.alts[0]!);
        for (const a of p.alts.slice(1)) {
          const these = this.patBindings(a);
          for (const b of [...first, ...these]) {
            if (!first.some((x) => x.name === b.name) || !these.some((x) => x.name === b.name)) this.error(`variable \`${b.name}\` is not bound in all patterns`, a.sp);
          }
          for (const b of these) {
            const f = first.find((x) => x.name === b.name);
            if (!f) continue;
            if (!!f.ref !== !!b.ref || !!f.mut !== !!b.mut) this.error(`variable \`${b.name}\` is bound inconsistently across \`|\` patterns`, b.sp);
            else if (!this.unifies(this.bindings.get(f) ?? C_ANY, this.bindings.get(b) ?? C_ANY)) this.error(`mismatched types: \`${b.name}\` is bound to values of different types in the alternatives of this pattern`, b.sp);
          }
        }
        return;
      }
      case 'tuple': {
        const ps = t.k === 'tuple' ? positionalPats(p.elems, p.restAt, t.elems.length, p.sp) : null;
        if (t.k === 'tuple' && ps) ps.forEach((q, i) => this.pattern(q, t.elems[i]!, ctx, isGhost, mode));
        else if (t.k === 'tuple') {
          // (rustc E0308)
          this.error(`mismatched types: expected a tuple with ${t.elems.length} element${t.elems.length === 1 ? '' : 's'}, found one with ${p.elems.length}${p.restAt !== undefined ? ' or more' : ''}`, p.sp);
          p.elems.forEach((q) => this.pattern(q, C_ANY, ctx, isGhost, mode));
        } else {
          if (t.k !== 'any') this.error(`mismatched types: expected \`${cTyStr(t, this.vars)}\`, found a tuple`, p.sp);
          p.elems.forEach((q) => this.pattern(q, C_ANY, ctx, isGhost, mode));
        }
        return;
      }
      case 'variant': {
        const last = p.path[p.path.length - 1]!;
        // (a constant pattern is a use of the constant: an ignored one is Verus's error)
        if (p.path.length === 1 && !p.args && !p.fields && this.crate.externalConsts.has(last)) throw ignoredUse(last, p.sp);
        if (this.unionOf(t)) throw new ResolveError('The verifier does not yet support the following Rust feature: using a union here (a pattern)', p.sp);
        // `Tracked(x)` / `Ghost(x)`: the value inside the wrapper (erased by types) is a tracked /
        // ghost binding
        const w = wrapperPattern(p);
        if (w && !(t.k === 'enum' && this.variantsOf(t)?.some((v) => v.name === w.wrapper))) {
          this.pattern(w.inner, ty, ctx, true, w.wrapper === 'Tracked' ? 'tracked' : 'spec', uninit);
          return;
        }
        if (t.k === 'enum' && t.name === 'Option' && (last === 'Some' || last === 'None')) {
          const n = last === 'Some' ? 1 : 0;
          const ps = p.args ? this.variantPats(p, n, 'tuple variant') : [];
          for (const q of ps) this.pattern(q, t.args[0] ?? C_ANY, ctx, isGhost, mode);
          return;
        }
        if (t.k === 'struct' && last === t.name) {
          const s = this.crate.struct(t.name, p.sp);
          this.opaqueDatatype(s, 'field expression', p.sp);
          for (const fp of p.fields ?? []) {
            const f = s.fields.find((x) => x.name === fp.name);
            const fieldMode = this.fieldMode(t, fp.name);
            // a binding of a ghost field is a spec one; of a tracked field in exec code: not modelled
            if (fieldMode === 'proof' && !ghost(ctx.code) && mode === 'exec' && fp.pat.k !== 'wild') this.unsupportedHere('unsupported: a binding of a `tracked` field in exec code', fp.pat.sp);
            const spec = fieldMode === 'spec' && ctx.code !== 'spec';
            this.pattern(fp.pat, f ? this.memberTy(f.ty, s, t.args) : C_ANY, ctx, isGhost || spec, spec ? 'spec' : mode);
          }
          // `S(a, .., z)` of a tuple struct: its fields by position
          if (p.args) {
            this.variantPats(p, s.fields.length, 'tuple struct').forEach((q, i) => {
              const fieldMode = this.fieldMode(t, String(i));
              if (fieldMode === 'proof' && !ghost(ctx.code) && mode === 'exec' && q.k !== 'wild') this.unsupportedHere('unsupported: a binding of a `tracked` field in exec code', q.sp);
              const spec = fieldMode === 'spec' && ctx.code !== 'spec';
              this.pattern(q, s.fields[i] ? this.memberTy(s.fields[i]!.ty, s, t.args) : C_ANY, ctx, isGhost || spec, spec ? 'spec' : mode);
            });
          }
          return;
        }
        // `I` / `X::C` naming a constant of an integer type: rustc's constant pattern, read as the
        // path's value (its mode rules included)
        if (!p.args && !p.fields && (t.k === 'int' || t.k === 'ivar')) {
          const c = this.crate.constItem(this.crate.memberName(p.path, ctx.fn?.selfType ?? null), p.sp);
          if (c) {
            const read = this.out.constPatterns.get(p) ?? { k: 'path', segs: [...p.path], generics: [], sp: p.sp };
            this.out.constPatterns.set(p, read);
            this.expect(read, ty, ctx);
            return;
          }
        }
        const segs = p.path.length === 1 && t.k === 'enum' ? [t.name, last] : p.path;
        if (t.k === 'enum' || t.k === 'struct') {
          const dt = t.k === 'enum' ? this.crate.enumItem(t.name) : this.crate.struct(t.name, p.sp);
          if (dt) this.opaqueDatatype(dt, 'field expression', p.sp);
        }
        const v = t.k === 'any' ? null : this.variant(segs, ctx, p.sp);
        if (v && t.k !== 'any') this.unify(t, v.ty, p.sp);
        const args = p.args && v ? this.variantPats(p, v.fields.length, t.k === 'struct' ? 'tuple struct' : 'tuple variant') : (p.args ?? []);
        // (a binding of a ghost field is a spec one; of a tracked field in exec code: not modelled)
        const modes = v ? this.variantFieldModes(v.ty, segs[segs.length - 1]!) : [];
        const field = (q: Pat, i: number) => {
          const fieldMode = modes[i];
          if (fieldMode === 'tracked' && !ghost(ctx.code) && mode === 'exec' && q.k !== 'wild') this.unsupportedHere('unsupported: a binding of a `tracked` field in exec code', q.sp);
          const spec = fieldMode === 'ghost' && ctx.code !== 'spec';
          this.pattern(q, i >= 0 ? v?.fields[i] ?? C_ANY : C_ANY, ctx, isGhost || spec, spec ? 'spec' : mode);
        };
        args.forEach((q, i) => field(q, i));
        for (const fp of p.fields ?? []) field(fp.pat, v ? v.named.indexOf(fp.name) : -1);
        return;
      }
    }
  }
}

/** A char's place among the scalar values (code points without the surrogates `0xD800..=0xDFFF`). */
function charIndex(code: number): bigint {
  return BigInt(code <= 0xd7ff ? code : code - 0x800);
}

/** The char at a place among the scalar values, as a literal (`'\u{10ffff}'`). */
function charOfIndex(i: bigint): string {
  const code = Number(i <= 0xd7ffn ? i : i + 0x800n);
  return `'\\u{${code.toString(16)}}'`;
}

/** The arguments of `f`'s bound on its type parameter `param` by the generic trait `trait` (`P: T<u8>`), as written. */
function boundArgsOf(f: FnItem, param: string, trait: string): TypeExpr[] | undefined {
  return f.genericParams?.find((p) => p.name === param)?.bounds.find((b) => b.name === trait && b.args)?.args;
}

/** Whether two lists of types are the same types, in order. */
function sameTys(a: readonly Ty[] | null | undefined, b: readonly Ty[]): boolean {
  return !!a && a.length === b.length && a.every((t, i) => tyKey(t) === tyKey(b[i]!));
}
