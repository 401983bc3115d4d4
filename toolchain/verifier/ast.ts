// AST of the Verus subset. Plain data; spans are character offsets into the file text
// (converted to 1-based line/column by toolchain/syntax/line-map.ts at the reporting boundary).

export interface Sp {
  start: number;
  end: number;
}

export type TypeExpr =
  | { k: 'path'; name: string; segs: string[]; args: TypeExpr[]; sp: Sp; /** lifetime arguments (`Foo<'a>`) */ lifetimes?: string[]; /** `<Ty as Trait>::Name`: the qualified self type and trait (`name` is the associated type's) */ qself?: { ty: TypeExpr; trait: string; traitHasArgs: boolean } }
  | { k: 'ref'; mut: boolean; inner: TypeExpr; sp: Sp; /** `&'a T`: `'a` (absent when elided) */ lifetime?: string }
  | { k: 'array'; elem: TypeExpr; len: Expr; sp: Sp }
  | { k: 'slice'; elem: TypeExpr; sp: Sp }
  | { k: 'tuple'; elems: TypeExpr[]; sp: Sp }
  | { k: 'infer'; sp: Sp }
  /** `!` as a type other than a function's result (read so files parse; not given a meaning: `unsupported`) */
  | { k: 'never'; sp: Sp }
  /** raw pointer `*mut T` / `*const T` (read so files parse; not given a meaning: `unsupported`) */
  | { k: 'ptr'; mut: boolean; inner: TypeExpr; sp: Sp }
  /** `spec_fn(A, B) -> C`: a spec function value */
  | { k: 'fn'; params: TypeExpr[]; ret: TypeExpr; sp: Sp }
  /**
   * `proof_fn<F>[Copy](A, B) -> C`: any proof closure of that signature; `flags` written in
   * brackets, `marker` the type parameter `F` whose `ProofFn*` / `Copy` bounds add flags
   */
  | { k: 'proofFn'; params: TypeExpr[]; ret: TypeExpr; flags: string[]; marker: string | null; /** `proof_fn<'a>` */ lifetime?: boolean; /** `proof_fn(tracked A, B) -> tracked C`: which parameters, and whether the result, are tracked (absent: none) */ tracked?: TrackedModes; sp: Sp }
  /** `impl Tr + Tr2`: an opaque type (only a function's result may be one: the resolver's `opaqueType`) */
  | { k: 'impl'; bounds: TraitBound[]; sp: Sp };

/** A proof closure's modes: `params[i]` whether its i-th parameter is `tracked`, `ret` whether its result is. */
export interface TrackedModes {
  params: boolean[];
  ret: boolean;
}

export type BinOp =
  | '+' | '-' | '*' | '/' | '%' | '&' | '|' | '^' | '<<' | '>>'
  | '==' | '!=' | '<' | '<=' | '>' | '>=' | '&&' | '||' | '==>' | '<==' | '<==>' | '=~=' | '!~=' | '=~~=' | '!~~=' | '===' | '!==';

export type Pat =
  | { k: 'wild'; sp: Sp }
  | { k: 'bind'; name: string; mut: boolean; sp: Sp; /** `ref` / `ref mut` binding */ ref?: boolean; /** `x @ P`: the value must match `P` too (its bindings bind as well) */ sub?: Pat }
  | { k: 'lit'; value: Expr; sp: Sp }
  /** `a..=b`, `..=b`, `a..b`, `a..` (integers; bounds are literals or constants) */
  | { k: 'range'; lo: Expr | null; hi: Expr | null; inclusive: boolean; sp: Sp }
  /** `restAt`: in `V(a, .., z)` the position of `..` among `args` (it stands for as many `_` as the variant has more fields: `positionalPats`) */
  | { k: 'variant'; path: string[]; args: Pat[] | null; fields: { name: string; pat: Pat }[] | null; rest: boolean; restAt?: number; sp: Sp }
  /** `restAt`: in `(a, .., z)` the position of `..` among `elems` */
  | { k: 'tuple'; elems: Pat[]; restAt?: number; sp: Sp }
  | { k: 'or'; alts: Pat[]; sp: Sp };

export type Expr =
  | { k: 'int'; value: bigint; suffix: string; sp: Sp }
  | { k: 'bool'; value: boolean; sp: Sp }
  /** A char literal: its code point. */
  | { k: 'char'; value: number; sp: Sp }
  /** A real literal (`0.2real`, `5real`, `2.0`): the rational `num / den`; `suffixed` when written with `real` */
  | { k: 'real'; num: bigint; den: bigint; suffixed: boolean; sp: Sp }
  /** A string literal (`"..."`, `r#"..."#`): its text, escapes decoded. */
  | { k: 'str'; value: string; sp: Sp }
  /** A byte string literal (`b"..."`, `br"..."`): its bytes, escapes decoded; a `&'static [u8; N]`. */
  | { k: 'bytes'; value: number[]; sp: Sp }
  /** `e?` on an `Option` / `Result`: its `Some` / `Ok` value, or the function returns its `None` / `Err` */
  | { k: 'try'; e: Expr; sp: Sp }
  | { k: 'path'; segs: string[]; generics: TypeExpr[]; sp: Sp; /** the segment the turbofish follows (`S::<T>::f`: 0, `f::<T>`: 0, `S::f::<T>`: 1) */ genericsSeg?: number; /** `<T as Tr>::f`: the trait named (`Tr`), with its arguments if generic */ asTrait?: { name: string; sp: Sp; args?: TypeExpr[] }; /** written as `*r` (or `r.f`, ..) of a local `&mut` borrow of this place (local-borrows.ts): a value behind a reference */ through?: string; /** the argument of Verus's `mut_ref_tracked(..)` call at this span (mut-ref-tracked.ts) */ viaMutRefTracked?: Sp }
  | { k: 'unary'; op: '!' | '-' | '*' | '&' | '&mut'; e: Expr; sp: Sp; /** the argument of Verus's `mut_ref_tracked(..)` call at this span (mut-ref-tracked.ts) */ viaMutRefTracked?: Sp; /** the borrow a `let ref mut r = place;` binding stands for (local-borrows.ts) */ refMutBinding?: true }
  | { k: 'binary'; op: BinOp; l: Expr; r: Expr; sp: Sp }
  | { k: 'chain'; ops: BinOp[]; operands: Expr[]; sp: Sp }
  | { k: 'bullets'; op: '&&' | '||'; items: Expr[]; sp: Sp }
  | { k: 'call'; callee: Expr; args: Expr[]; sp: Sp }
  | { k: 'method'; recv: Expr; name: string; generics: TypeExpr[]; args: Expr[]; sp: Sp; nameSp: Sp }
  | { k: 'field'; recv: Expr; name: string; sp: Sp }
  | { k: 'index'; recv: Expr; idx: Expr; sp: Sp }
  | { k: 'view'; e: Expr; sp: Sp }
  | { k: 'cast'; e: Expr; ty: TypeExpr; sp: Sp }
  | { k: 'if'; cond: Expr; then: Block; els: Expr | null; sp: Sp }
  | { k: 'match'; scrut: Expr; arms: { pat: Pat; guard: Expr | null; body: Expr; sp: Sp }[]; sp: Sp; /** a `let PAT = e else { .. }` with the rest of its block (arms: PAT => rest, _ => else) */ letElse?: boolean }
  | { k: 'block'; block: Block; sp: Sp; /** `open_atomic_invariant!` and the like, read as this block (parser.ts openInvariant) */ invariantBlock?: InvariantBlock; /** `#[verus::internal(loop_isolation_boundary)]`: a loop inside knows nothing of the variables declared outside the block but its invariants (vcgen/exec.ts) */ isolationBoundary?: true }
  | { k: 'quant'; q: 'forall' | 'exists' | 'choose'; params: { name: string; ty: TypeExpr; sp: Sp }[]; triggers: Expr[][]; /** `#![all_triggers]` */ allTriggers?: boolean; body: Expr; sp: Sp; /** inner attributes other than `#![trigger ..]` */ attrs?: QuantAttr[] }
  | { k: 'struct'; path: string[]; fields: { name: string; e: Expr; sp: Sp }[]; base: Expr | null; sp: Sp; /** the turbofish written (`S::<u8> { .. }`, `E::<u8>::V { .. }`) */ generics?: TypeExpr[] }
  | { k: 'tuple'; elems: Expr[]; sp: Sp }
  | { k: 'array'; elems: Expr[]; sp: Sp }
  | { k: 'array-rep'; elem: Expr; len: Expr; sp: Sp }
  | { k: 'macro'; name: string; args: Expr[]; sp: Sp; /** `decreases_to!(a, b => c)`: the number of arguments before `=>` */ split?: number }
  | { k: 'trigger'; e: Expr; sp: Sp; /** `#[trigger f(x)]`: the tokens inside the attribute after `trigger` */ attrArgs?: Sp }
  | { k: 'return'; e: Expr | null; sp: Sp }
  | { k: 'break'; sp: Sp; /** `break 'outer` */ label?: string }
  | { k: 'continue'; sp: Sp; /** `continue 'outer` */ label?: string }
  | { k: 'while'; cond: Expr; inv: Expr[]; invEnsures: Expr[]; dec: Expr[]; body: Block; sp: Sp } & LoopExtras
  | { k: 'loop'; inv: Expr[]; invEnsures: Expr[]; dec: Expr[]; body: Block; sp: Sp } & LoopExtras
  | { k: 'assign'; op: string; lhs: Expr; rhs: Expr; sp: Sp }
  /**
   * `|x: T, y| body` (parameters that are plain names; a missing type is inferred). In ghost code a
   * `spec_fn` value; in exec code an exec closure, which may carry `move`, a result annotation
   * `-> T` / `-> (r: T)` and `requires` / `ensures` clauses (then its body is a block).
   */
  | { k: 'closure'; params: { name: string; ty: TypeExpr; sp: Sp; /** `proof_fn|tracked x: T| ..` */ tracked?: boolean; /** `|mut x: T|` (an exec closure's): the body may assign it; its clauses read the value passed */ mut?: boolean }[]; body: Expr; sp: Sp; exec?: ClosureSpec }
  /** `a..b`, `a..=b`, `a..`, `..b`, `..=b`, `..`: only as a slice or array index here (elsewhere unsupported). */
  | { k: 'range'; lo: Expr | null; hi: Expr | null; inclusive: boolean; sp: Sp }
  | { k: 'unsupported'; what: string; sp: Sp };

/** What an exec closure declares besides its parameters (present when anything is written). */
export interface ClosureSpec {
  move: boolean;
  /** `-> T` (name null) or `-> (r: T)`; `tracked`: `-> tracked T` / `-> (tracked r: T)` (proof closures) */
  ret: { name: string | null; ty: TypeExpr; sp: Sp; tracked?: boolean } | null;
  /** `proof_fn|..| ..` / `proof_fn[Once, Copy]|..| ..`: a proof closure, with its flags */
  proofFn?: string[];
  requires: Expr[];
  ensures: Expr[];
}

export interface LoopExtras {
  /** the first `invariant_except_break` or `ensures` clause keyword */
  complex?: Sp;
  /** `#[verifier::loop_isolation(b)]` on the loop statement */
  isolation?: boolean;
  /** `'outer: loop { .. }`: the label (with its quote), for `break 'outer` / `continue 'outer` */
  label?: string;
  /** the loop a `for` loop is read as (parser.ts `forLoop`) */
  fromFor?: boolean;
  /**
   * Of a `for` loop: its snapshots of a bound the body assigns, forgotten at each iteration when
   * the loop is isolated (Verus's iterator then relates its bound to nothing before the loop)
   */
  forgets?: string[];
}

/** An inner attribute of a quantifier other than `#![trigger ..]` (`#![auto]`, ...). */
export interface QuantAttr {
  name: string;
  sp: Sp;
}

/** `#[verifier::proof_note("text")]` / `#[verifier::custom_err("text")]` on an assertion. */
export interface StmtNote {
  kind: 'proof_note' | 'custom_err';
  text: string;
  sp: Sp;
}

export type Stmt =
  | { k: 'let'; pat: Pat; ghost: boolean; ty: TypeExpr | null; init: Expr | null; sp: Sp; /** `let tracked` (ghost is true too) */ tracked?: boolean; /** `#[verifier::prophetic] let`: a prophetic location (check/prophecy.ts) */ prophetic?: boolean; /** `let PAT = e else { .. }` (the parser turns it into a match over the rest of the block) */ els?: Block }
  | { k: 'expr'; e: Expr; semi: boolean; sp: Sp }
  | { k: 'assert'; e: Expr; by: 'none' | 'bit_vector' | 'nonlinear_arith' | 'compute' | 'compute_only' | 'block'; req: Expr[]; proof: Block | null; sp: Sp; notes?: StmtNote[] }
  | { k: 'assert-forall'; params: { name: string; ty: TypeExpr; sp: Sp }[]; triggers: Expr[][]; allTriggers?: boolean; lhs: Expr | null; rhs: Expr; proof: Block | null; sp: Sp; notes?: StmtNote[]; attrs?: QuantAttr[] }
  | { k: 'assume'; e: Expr; sp: Sp; notes?: StmtNote[] }
  | { k: 'proof'; block: Block; sp: Sp }
  | { k: 'reveal'; name: string[]; fuel: number | null; sp: Sp; /** written `<A as Tr>::f` */ qualified?: boolean; /** written `<Self as Tr>::f` (Verus refuses `Self` there) */ selfQualified?: boolean; /** `hide(f)`: the definition of `f` is hidden in this function (only at the start of a body) */ hide?: boolean }
  /** `broadcast use a, b;` / `broadcast use {a, b};` in a body: the lemmas' axioms hold for the rest of the block */
  | { k: 'broadcast-use'; names: BroadcastName[]; sp: Sp }
  | { k: 'unsupported'; what: string; sp: Sp };

/** A path named by `broadcast use` or listed in a `broadcast group`. */
export interface BroadcastName {
  segs: string[];
  sp: Sp;
}

export interface Block {
  stmts: Stmt[];
  sp: Sp;
}

export type FnMode = 'exec' | 'spec' | 'proof';

/** A trait bound on a generic parameter (`T: Copy`, `where T: View<V = u64>`): the trait's path. */
export interface TraitBound {
  name: string;
  /** the first segment of a path written for the trait (`core::iter::Iterator`: `core`), if it has more than one */
  root?: string;
  /** the bound has generic arguments or associated-type bindings (`Foo<u64>`, `View<V = X>`) */
  hasArgs: boolean;
  /** `?Sized` */
  maybe: boolean;
  /** the generic arguments of a bound by a generic trait (`T<u8, A>`), when they are all types (or associated-type bindings) */
  args?: TypeExpr[];
  /** `T<X = u8>`: the associated types the bound fixes */
  assocEq?: AssocTypeBinding[];
  /** `Fn(A, B) -> C` / `FnMut(..)` / `FnOnce(..)`: the call signature (no `->`: the unit type) */
  fnSig?: { params: TypeExpr[]; ret: TypeExpr | null };
  sp: Sp;
}

/**
 * A generic parameter of a function, impl or datatype, as written: a type parameter with its
 * bounds (those of a `where` clause included), or `const N: usize`.
 */
export interface GenericParam {
  name: string;
  kind: 'type' | 'const';
  bounds: TraitBound[];
  /** `const N: usize`: the type written */
  constTy?: TypeExpr;
  sp: Sp;
}

/** What a `where` clause says that is not a bound on a parameter by name (`Vec<T>: Foo`, `Self: Sized`). */
export interface OtherBound {
  sp: Sp;
  /** `where S: Tr` on a name that is not the item's own parameter (a method's bound on its impl's `S`): the name and its bounds */
  onName?: { name: string; bounds: TraitBound[] };
}

export interface Param {
  name: string;
  ty: TypeExpr;
  isSelf: boolean;
  sp: Sp;
  /** `tracked x: T` / `ghost x: T` */
  mode?: 'tracked' | 'ghost';
  /** `mut x: T` / `mut self` */
  mut?: boolean;
  /**
   * `Tracked(x): Tracked<T>` / `Ghost(x): Ghost<T>`: the pattern unwraps the argument, so inside
   * the function `x` is a tracked (proof) / ghost (spec) variable of type `T`; callers pass a
   * `Tracked<T>` / `Ghost<T>` as for `x: Tracked<T>`.
   */
  unwrap?: 'Tracked' | 'Ghost';
  /** attributes written on the parameter (`#[verifier::spec] b: bool`) */
  attrs?: string[];
}

/**
 * An item's or field's visibility as written: `pub`, none, or `pub(crate)` / `pub(super)` /
 * `pub(self)` / `pub(in a::b)` (`path` as written: `['crate']`, `['super']`, `['crate', 'a']`).
 * Also the restriction of `open(..)`.
 */
export type Visibility = { k: 'pub' } | { k: 'private' } | { k: 'in'; path: string[]; sp: Sp };

/**
 * `open_atomic_invariant!(inv => v => { body })` (also `open_local_invariant!`, and the
 * `_in_proof` forms with a credit first): a block whose statements are [the credit spent], `let
 * ghost I = inv;`, `let ghost NS = I.namespace();`, `let tracked mut v = open_*_invariant_begin(inv);`,
 * `{ body };`, the end call (`open_*_invariant_end(I, v)`, in a `proof` block in exec code). `bodyIndex`:
 * where the body statement is (phases that rewrite blocks keep it there); `nsLocal`: the name NS
 * (no user code can write it).
 */
export interface InvariantBlock {
  atomic: boolean;
  inProof: boolean;
  nsLocal: string;
  bodyIndex: number;
  /** the macro's name and first argument: where its obligations are reported */
  sp: Sp;
}

/**
 * What `opens_invariants` says: any namespace, none, those listed (`int` spec expressions over the
 * parameters), or those of a set (`opens_invariants s`, a `Set<int>` / `ISet<int>`: read as the
 * spec closure `|n: int| s.contains(n)`, its membership).
 */
export type InvariantMask = { k: 'any'; sp: Sp } | { k: 'none'; sp: Sp } | { k: 'list'; elems: Expr[]; sp: Sp } | { k: 'set'; member: Expr; sp: Sp };

export interface FnItem {
  k: 'fn';
  name: string;
  mode: FnMode;
  open: boolean;
  attrs: string[];
  /**
   * `#![verifier::loop_isolation(b)]` at the top of a module around the function (the innermost
   * one), for a function without its own `#[verifier::loop_isolation(..)]`.
   */
  moduleLoopIsolation?: boolean;
  params: Param[];
  ret: { name: string | null; ty: TypeExpr } | null;
  requires: Expr[];
  ensures: Expr[];
  recommends: Expr[];
  decreases: Expr[];
  /** `returns e`: the postcondition `result == e`. */
  returns: Expr | null;
  /** Clauses the verifier does not implement (toolchain/syntax/clauses.ts): the function is reported unsupported. */
  /** `uninterp spec fn`: declared without a definition (a trait's may not be implemented: Verus's error). */
  uninterp?: boolean;
  unsupportedClauses: { clause: string; sp: Sp }[];
  /** `default_ensures`: what a trait method's default body gives besides `ensures` (callers that run that body know it; traits.ts) */
  defaultEnsures?: Expr[];
  /** `decreases_when(c);` first in a spec fn's body: its definition holds (and it terminates) where `c` does */
  decreasesWhen?: Expr;
  /** `decreases_by(g);` first in a spec fn's body: the `#[verifier::decreases_by]` proof fn whose body proves its termination */
  decreasesBy?: { path: Extract<Expr, { k: 'path' }>; sp: Sp };
  /** Spans of `attrs`, in order. */
  attrSps?: Sp[];
  /** The `unsafe` modifier, when present. */
  unsafeSp?: Sp;
  /** `async fn`: a call gives a future (the library's `AsyncFuture<T>`), `.await` its value */
  isAsync?: boolean;
  /** `pub` / `pub(..)` / private (absent: private) */
  vis?: Visibility;
  /** `open(crate)`, `open(in m)`, ...: where the body is visible (plain `open`: as the function) */
  openVis?: Visibility;
  /** marked `closed` */
  closed?: boolean;
  /** `-> tracked T` / `-> (tracked r: T)` */
  retTracked?: boolean;
  /** `proof fn f(..) by(bit_vector)` / `by(nonlinear_arith)` / `by(integer_ring)`: the prover of the whole function */
  by?: { kind: 'bit_vector' | 'nonlinear_arith' | 'integer_ring'; sp: Sp };
  /** `-> !`: never returns (read as `ensures false`, no result) */
  diverging?: boolean;
  /** `#[verifier::custom_req_err("..")]`: the message of a failed precondition at a call */
  customReqErr?: string;
  /** `no_unwind` (`when` null) / `no_unwind when c`: a call does not unwind (where `c` holds at entry) */
  noUnwind?: { when: Expr | null; sp: Sp };
  /** `opens_invariants ..`: the invariant namespaces the fn may open (absent: exec fns any, others none) */
  opensInvariants?: InvariantMask;
  /**
   * Attributes the verifier does not implement (toolchain/syntax/attributes.ts) on the function,
   * its parameters, its statements or the impl/module around it: the function is `unsupported`;
   * `crate`: so is every function of the crate (the attribute changes what other code means).
   */
  unsupportedAttrs?: { attr: string; sp: Sp; crate: boolean }[];
  /**
   * A syntax error in this function (`diagnostic` is the same object as in SourceFile.diagnostics):
   * the function is reported as an `error` and its body is not read; the rest of the file is still
   * verified. `inBody`: the signature and clauses were read whole, so callers may use the contract.
   */
  parseError?: { diagnostic: ParseDiagnostic; inBody: boolean };
  body: Block | null;
  /** `broadcast proof fn`: the `broadcast` modifier's span (the lemma becomes an axiom where it is `broadcast use`d) */
  broadcast?: Sp;
  /** `ensures #![all_triggers] ..` of a broadcast lemma: its quantifier triggers on every minimal term (the attribute's span) */
  allTriggers?: Sp;
  /** `ensures #![trigger e, ..] ..` of a broadcast lemma: its quantifier's trigger groups */
  clauseTriggers?: Expr[][];
  /** Names of the generic type and const parameters (the impl's first). */
  generics: string[];
  /** How many of `generics` are the impl's (they come first). */
  implGenerics?: number;
  /** The generic parameters with their bounds (the impl's first), in the order of `generics`. */
  genericParams?: GenericParam[];
  /** `where` clause bounds on something other than a parameter (the impl's too). */
  otherBounds?: OtherBound[];
  /** The generic arguments of the impl's self type (`impl<T, const N: usize> Array<T, N>`: `T`, `N`). */
  selfArgs?: TypeExpr[];
  /** A trait impl's method: the associated types its impl binds (what `Self::X` means in it). */
  implAssocTypes?: AssocTypeBinding[];
  /** The generic parameters that stand for associated types of bounded parameters (traits.ts), last in `generics`. */
  assocParams?: AssocParam[];
  /** Associated types a bound fixes (`A: T<X = u8>`: `A::X` is `u8`), by their `A::X` names (traits.ts). */
  assocFixed?: (AssocParam & { ty: TypeExpr })[];
  /**
   * A bound between lifetimes or on a lifetime (`'a: 'b`, `T: 'a`, a `where` clause naming a
   * lifetime) on the function or its impl: lifetimes are then related in ways not recorded here.
   */
  lifetimeBounds?: boolean;
  /** The lifetime arguments of the impl's self type (`impl<'a> Foo<'a>`): what `Self` holds. */
  selfLifetimes?: string[];
  selfType: string | null;
  /**
   * A method of `impl Trait for Type` (the parser sets `trait`, `traitSp`); traits.ts, the trait
   * phase, gives its copy the trait's contract and the errors of its conformance to the trait.
   */
  traitImpl?: { trait: string; traitSp: Sp; /** where its impl block starts (which of a type's impls of the trait) */ implStart?: number; errors?: { message: string; sp: Sp }[]; unsupported?: { message: string; sp: Sp } };
  /**
   * A method of one of several impls of a trait for one type (`impl T for S<u8>` and `impl T for
   * S<bool>`; traits.ts): the impl's place among them. A call chooses by the receiver's type
   * (check/checker.ts), not by the name `S::m` the methods share.
   */
  implOf?: { index: number; of: number; /** the impl's trait arguments (`impl T<u8> for S`: `u8`) */ traitArgs: TypeExpr[] };
  /** the method of an `impl Drop for T` (traits.ts): verified as `T::drop`, never called (rustc's E0040) */
  dropImpl?: boolean;
  /** the function of an `exec const X: T ensures .. { .. }` (its result is the constant's value) */
  constFn?: true;
  /**
   * A specification of another function (`#[verifier::external_fn_specification]`, whose body
   * calls it, or `assume_specification[path](..) ..;`, which the parser reads as a function
   * without a body): `path` as written (the parser sets it for `assume_specification`, the phase
   * external-specs.ts for the attribute), `target` the function it specifies, once that phase has
   * found it: the name calls to that function resolve by (`f`, `Type::f`, `core::mem::swap`).
   */
  specFor?: { path: Extract<Expr, { k: 'path' }>; sp: Sp; target?: string; /** `assume_specification[C] -> T ..;`: of a constant */ ofConst?: true };
  /** rustc's borrow errors the local-borrow phase found (local-borrows.ts): a place used while a `&mut` borrow of it lasts */
  borrowErrors?: { message: string; sp: Sp }[];
  /** written inside an exec_spec macro (exec-spec.ts) */
  execSpec?: ExecSpecMark;
  nameSp: Sp;
  sp: Sp;
  module: string[];
}

/**
 * `#[verifier::external] fn ..` (free or in an inherent impl): Verus neither verifies it nor lets
 * verified code call it, unless a specification names it (external-specs.ts). Its signature is
 * kept for that comparison; its body is dropped unread.
 */
export interface ExternalFnItem {
  k: 'external-fn';
  fn: FnItem;
  sp: Sp;
  module: string[];
}

/**
 * `#[verifier::external] struct ..` / `enum ..`: Verus neither reads it nor lets verified code
 * name it, unless an `external_type_specification` names it (external-types.ts, which removes
 * every such item).
 */
export interface ExternalTypeItem {
  k: 'external-type';
  dt: StructItem | EnumItem;
  sp: Sp;
  module: string[];
}

/**
 * `#[verifier::external] trait ..`: Verus neither reads it nor lets verified code use it, unless an
 * `external_trait_specification` names it (external-traits.ts, which removes every such item).
 */
export interface ExternalTraitItem {
  k: 'external-trait';
  trait: TraitItem;
  sp: Sp;
  module: string[];
}

/**
 * `trait Name { .. }`: its method declarations (signatures, clauses; `selfType` is the trait's
 * name). After traits.ts, each declaration is generic over `Self` (its first generic parameter,
 * bounded by the trait): the function `Trait::m` that generic code calls (`x.m()` with `x: T`,
 * `T: Trait`), verified only when it has a default body; each impl's methods are functions of
 * their type. `unsupported`: what the parser read but the verifier does not model (generic
 * parameters, supertraits, `where` bounds, associated types or constants); traits.ts adds its own
 * gaps (default spec bodies, generic methods, ..): the trait and its impls are unsupported.
 */
export interface TraitItem {
  k: 'trait';
  name: string;
  methods: FnItem[];
  /** `trait U: T + Copy` and `where Self: T`: what every implementing type also implements */
  supertraits: TraitBound[];
  /** `type X;` / `type X: Bound;`: the associated types every impl binds */
  assocTypes: AssocTypeDecl[];
  /** `trait T<A, B>`: the trait's type parameters (a method declaration is generic over them, after `Self`) */
  generics: GenericParam[];
  unsupported?: { what: string; sp: Sp };
  sp: Sp;
  module: string[];
  vis?: Visibility;
  /** `unsafe trait`: its impls must be `unsafe impl` */
  unsafeSp?: Sp;
  /** `fn VERUS_SPEC__f(..) { requires(..); ..; no_method_body() }`: Verus's expanded form of method `f`'s clauses */
  expandedSpecs?: FnItem[];
  /** a method marked `#[verifier::external]` (Verus refuses it: a trait's items are all verified or none) */
  externalMethod?: Sp;
  /**
   * `#[verifier::external_trait_specification]`: a proxy giving an external trait its method
   * declarations (external-traits.ts): the associated type naming that trait (`forAssoc`,
   * `ExternalTraitSpecificationFor` unless the attribute names another), and with
   * `#[verifier::external_trait_extension(TSpec via TSpecImpl)]` the names of the extension's traits.
   */
  externalSpec?: { forAssoc: string; extension?: { spec: string; impl: string; sp: Sp }; sp: Sp };
}

/** An associated type a trait declares (`type X: Bound;`). */
export interface AssocTypeDecl {
  name: string;
  bounds: TraitBound[];
  sp: Sp;
}

/** An associated type an impl binds (`type X = u8;`). */
export interface AssocTypeBinding {
  name: string;
  ty: TypeExpr;
  sp: Sp;
}

/**
 * A generic parameter traits.ts adds for an associated type of a bounded parameter: `A::X` for
 * `A: T` where `T` (or a supertrait) declares `type X`. Its argument at a call is fixed by `A`'s:
 * the impl's binding at a type, the caller's own `B::X` at a parameter `B`.
 */
export interface AssocParam {
  /** the parameter's name, `A::X` */
  name: string;
  base: string;
  trait: string;
  assoc: string;
}

/** `impl<..> Trait for Type { .. }`: which trait for which type; its methods are `FnItem`s of the file (with `traitImpl`). */
export interface TraitImplItem {
  k: 'trait-impl';
  trait: string;
  traitSp: Sp;
  selfTy: TypeExpr;
  /** the impl's generic parameters */
  generics: string[];
  genericParams: GenericParam[];
  /** the method names it defines, in order */
  methods: string[];
  /** `type X = T;` */
  assocTypes: AssocTypeBinding[];
  /** `impl T<u8, A> for S`: the trait's generic arguments */
  traitArgs: TypeExpr[];
  /** a part of it the verifier does not model (an associated type or const) */
  unsupported?: { what: string; sp: Sp };
  /** set by traits.ts: whether its methods are the type's (`ok`), or it is reported unsupported / an error */
  verdict?: 'ok' | 'unsupported' | 'error';
  sp: Sp;
  module: string[];
  /** `unsafe impl` */
  unsafeSp?: Sp;
  /** `#[verifier::external]`: not verified, its methods dropped; kept for what it says of marker traits (traits.ts) */
  external?: boolean;  /** written inside an exec_spec macro (exec-spec.ts: the macro's error) */
  execSpec?: ExecSpecMark;
}

export interface StructItem {
  k: 'struct';
  /** `tracked struct` / `ghost enum` (Verus): values exist only in proof / spec code; absent: exec. */
  dataMode?: 'tracked' | 'ghost';
  name: string;
  /**
   * `mode`: a field written `ghost f: T` (spec) or `tracked f: T` (proof) in a datatype of a lower
   * mode; absent: the datatype's own mode
   */
  fields: { name: string; ty: TypeExpr; sp: Sp; vis?: Visibility; mode?: 'ghost' | 'tracked' }[];
  tupleLike: boolean;
  /** `struct U;`: its name is also its one value (`let u = U;`) */
  unit?: boolean;
  generics: string[];
  genericParams?: GenericParam[];
  otherBounds?: OtherBound[];
  sp: Sp;
  module: string[];
  attrs?: string[];
  vis?: Visibility;
  /** vstd's `#[make_spec_type(..)]` / `#[self_view]` on it (outside verus!): expanded by spec-derive.ts */
  specDerive?: SpecDerive;
  /** written inside an exec_spec macro (exec-spec.ts) */
  execSpec?: ExecSpecMark;
}

export interface EnumItem {
  k: 'enum';
  /**
   * A `union` (Rust), read as an enum with a variant per field (`U { x: 3 }` builds variant `x`;
   * exec and proof code read `u.x` with an obligation that `x` is the active field): `modeSp`,
   * where a mode was written on the union or one of its fields (Verus's error)
   */
  union?: { modeSp: Sp | null; fieldModeSp: Sp | null; /** a field without `pub` */ privateField: boolean };
  /** `tracked struct` / `ghost enum` (Verus): values exist only in proof / spec code; absent: exec. */
  dataMode?: 'tracked' | 'ghost';
  name: string;
  /** a field's `mode`: `ghost f: T` / `tracked f: T` (or `V(ghost T)`), as a struct's fields */
  variants: { name: string; fields: { name: string; ty: TypeExpr; mode?: 'ghost' | 'tracked' }[]; tupleLike: boolean; sp: Sp }[];
  generics: string[];
  genericParams?: GenericParam[];
  otherBounds?: OtherBound[];
  sp: Sp;
  module: string[];
  attrs?: string[];
  vis?: Visibility;
  /** vstd's `#[make_spec_type(..)]` / `#[self_view]` on it (outside verus!): expanded by spec-derive.ts */
  specDerive?: SpecDerive;
  /** written inside an exec_spec macro (exec-spec.ts) */
  execSpec?: ExecSpecMark;
}

/**
 * An item written inside vstd's `exec_spec_verified! { .. }` / `exec_spec_unverified! { .. }`
 * (`sp`: the whole macro call): exec-spec.ts adds the executable versions the macro generates.
 */
export interface ExecSpecMark {
  verified: boolean;
  sp: Sp;
}

/** An attribute of vstd's spec_derive on a datatype: `args` as written after the name, without whitespace (`(exclude(y),closed)`). */
export interface SpecDerive {
  kind: 'make_spec_type' | 'self_view';
  args: string;
  sp: Sp;
}

export interface ConstItem {
  k: 'const';
  name: string;
  ty: TypeExpr;
  value: Expr;
  selfType: string | null;
  sp: Sp;
  module: string[];
  vis?: Visibility;
  /** `spec const` / `exec const` / `proof const` (Verus): read only in code of that mode; absent: both spec and exec */
  mode?: 'spec' | 'exec' | 'proof';
  /** a trait's default value of its constant, or an impl's value of it: checked, never named (associated constants are not modelled) */
  traitConst?: 'default' | 'impl';
  /** `exec const X: T ensures .. { .. }`: `value` is the call of the exec function `X` the parser made of it (an exec read is that call) */
  viaFn?: true;
}

export interface TypeAliasItem {
  k: 'type';
  name: string;
  /** `type Y<T> = Bar<T>;`: the type parameters, replaced by the written arguments where it is used */
  generics?: string[];
  ty: TypeExpr;
  sp: Sp;
  module: string[];
}

export interface UnsupportedItem {
  k: 'unsupported';
  what: string;
  /** Its absence changes what other code means: every function of the crate is `unsupported`. */
  crate?: boolean;
  /** `fn VERUS_SPEC__f(..)`: the function as read (a trait judges it against its method `f`) */
  expandedSpec?: FnItem;
  sp: Sp;
  module: string[];
}

/**
 * `global size_of usize == 8;` (also `isize`, and `global layout usize is size == 8, align == 8;`):
 * fixes the width of `usize` / `isize` for the crate. Without one, as in Verus, it is 32 or 64
 * bits, unknown to the proofs.
 */
export interface GlobalSizeItem {
  k: 'global-size';
  ty: 'usize' | 'isize';
  /** The size in bytes as written; only 4 and 8 are meaningful (the checker says so). */
  bytes: number;
  sp: Sp;
  module: string[];
}

/**
 * `global size_of T == N;` / `global layout T is size == N, align == M;` for a type other than
 * `usize` / `isize`: vstd's `size_of::<T>()` (and `align_of::<T>()`) as facts every function has.
 */
export interface GlobalLayoutItem {
  k: 'global-layout';
  ty: TypeExpr;
  size: bigint;
  align: bigint | null;
  sp: Sp;
  module: string[];
}

/** An item that cannot be read at all (a nested `verus!`, an unknown macro): reported as an `error` result. */
export interface ErrorItem {
  k: 'error';
  what: string;
  /** The same object as in SourceFile.diagnostics. */
  diagnostic: ParseDiagnostic;
  sp: Sp;
  module: string[];
}

/** Module-level `broadcast use a, b;`: the lemmas' axioms hold in every function of the module. */
export interface BroadcastUseItem {
  k: 'broadcast-use';
  names: BroadcastName[];
  sp: Sp;
  module: string[];
}

/** `broadcast group name { a, b }`: `broadcast use name` means `broadcast use a, b`. */
export interface BroadcastGroupItem {
  k: 'broadcast-group';
  name: string;
  /** the impl it is written in (`Ring::properties`), if any */
  selfType: string | null;
  members: BroadcastName[];
  sp: Sp;
  module: string[];
  vis?: Visibility;
}

/**
 * A statement of a state machine's `init!` / `transition!` / `readonly!` / `property!` body
 * (Verus's state-machine language; state-machines/ gives it meaning). `pre.f` names a field of
 * the state before; fields are written with `init` / `update`.
 */
/** A special statement's element: `Some(v)`, `{v}`, `set {v}`, `[k => v]`, `true`, `(e)` (a whole value). */
export type SpecialElem =
  | { k: 'option' | 'multiset' | 'set'; v: ElemValue }
  | { k: 'map'; key: Expr; v: ElemValue }
  | { k: 'bool' }
  | { k: 'general'; e: Expr };
/** An element's value: an expression, or a pattern that binds what the field holds there (`let x`). */
export type ElemValue = { k: 'expr'; e: Expr } | { k: 'let'; pat: Pat };

export type TransitionStmt =
  | { k: 'let'; pat: Pat; ty: TypeExpr | null; init: Expr; birdsEye: boolean; sp: Sp }
  | { k: 'if'; cond: Expr; then: TransitionStmt[]; els: TransitionStmt[] | null; sp: Sp; thenSp: Sp; elsSp: Sp | null }
  | { k: 'match'; scrut: Expr; arms: { pat: Pat; guard: Expr | null; body: TransitionStmt[]; sp: Sp }[]; sp: Sp }
  | { k: 'require'; e: Expr; sp: Sp; birdsEye?: boolean }
  | { k: 'assert'; e: Expr; proof: Block | null; sp: Sp }
  /** `update f = e;` / `update f[k] = e;` (a map's entry) / `init f = e;` */
  | { k: 'update' | 'init'; field: string; fieldSp: Sp; index: Expr | null; e: Expr; sp: Sp }
  /** a tokenized machine's `add` / `remove` / `have` / `deposit` / `withdraw` / `guard` (read, not modelled) */
  | {
      k: 'special';
      op: string;
      field: string;
      fieldSp: Sp;
      /** `+=`, `-=`, `>=`, `(union)=` */
      operator: string;
      /** the element's form: `Some(..)`, `{..}`, `set {..}`, `[k => v]`, `true`, `(..)` (a whole value), other */
      elem: 'option' | 'multiset' | 'set' | 'map' | 'bool' | 'general' | 'other';
      /** the element, parsed (null: a form Verus's macro does not read either) */
      value: SpecialElem | null;
      /** a pattern binding inside it (`Some(let x)`), and the names it binds */
      binds: boolean;
      bound: string[];
      /** `pre` named other than by a field (`pre.f`) */
      opaquePre: boolean;
      /** `by { .. }` */
      proof: boolean;
      proofBlock: Block | null;
      sp: Sp;
    }
  /** `require let PAT = e;` / `assert let PAT = e;` (read; a machine with one is not expanded) */
  | { k: 'let-match'; kind: 'require' | 'assert'; pat: Pat; e: Expr; birdsEye: boolean; sp: Sp }
  /** `if let ..` (Verus refuses it in transitions) */
  | { k: 'if-let'; sp: Sp };

/** An `init!` / `transition!` / `readonly!` / `property!` of a state machine. */
export interface TransitionDecl {
  kind: 'init' | 'transition' | 'readonly' | 'property';
  name: string;
  nameSp: Sp;
  params: { name: string; ty: TypeExpr; sp: Sp }[];
  body: TransitionStmt[];
  sp: Sp;
}

/**
 * `state_machine!{ Name<..> { fields { .. } init!{..} transition!{..} .. } }` (and
 * `tokenized_state_machine!`) as written; state-machines/ expands it into ordinary items.
 */
export interface StateMachineItem {
  k: 'state-machine';
  tokenized: boolean;
  name: string;
  nameSp: Sp;
  generics: GenericParam[];
  fields: { name: string; ty: TypeExpr; sp: Sp; vis?: Visibility; sharding: { strategy: string; sp: Sp }[]; /** a mode written as an attribute (Verus's error) */ modeAttrs?: Sp[] }[];
  /** where `fields { }` was written (null: missing), and any repeated `fields` block */
  fieldsSp: Sp | null;
  extraFields: Sp[];
  transitions: TransitionDecl[];
  /** the other items written inside: functions (methods of the state), `Label` / `InitLabel` types */
  items: Item[];
  /** per function item (same index in `items`): `#[invariant]`, `#[inductive(tr)]` */
  roles: ({ role: 'invariant' | 'inductive'; transition: string | null; sp: Sp; /** `#[verifier::proof]` and the like written on it */ modeAttr?: Sp } | null)[];
  /** a lifetime or const parameter of the machine (Verus takes type parameters only) */
  nonTypeGeneric?: Sp;
  sp: Sp;
  module: string[];
}

export type Item = FnItem | StructItem | EnumItem | ConstItem | TypeAliasItem | BroadcastUseItem | BroadcastGroupItem | TraitItem | TraitImplItem | GlobalSizeItem | GlobalLayoutItem | UnsupportedItem | ErrorItem | ExternalFnItem | ExternalTypeItem | ExternalTraitItem | StateMachineItem;

export interface ParseDiagnostic {
  message: string;
  sp: Sp;
}

export interface SourceFile {
  path: string;
  text: string;
  items: Item[];
  diagnostics: ParseDiagnostic[];
  /** Plain Rust outside `verus!` (anything but `use` items and attributes): not checked here. */
  plainRust?: boolean;
  /** `#[verifier::external]` datatypes no specification names (external-types.ts): verified code may not name them. */
  ignoredTypes?: string[];
}

/**
 * Whether a syntax node under `node` (expressions, statements, blocks, patterns; spans skipped)
 * satisfies `found`. `skip`: nodes whose insides are not searched (a closure, `old(..)`).
 */
/**
 * The pattern at each of the `n` positions of a tuple or tuple-like variant pattern: `..` (at
 * `restAt`) stands for as many `_` as make `n`. Null when the written patterns cannot fill `n`
 * positions (more of them than `n`, or without `..` not exactly `n`: rustc's E0023 / E0308).
 */
export function positionalPats(elems: Pat[], restAt: number | undefined, n: number, sp: Sp): Pat[] | null {
  if (restAt === undefined) return elems.length === n ? elems : null;
  if (elems.length > n) return null;
  const wild = (): Pat => ({ k: 'wild', sp });
  return [...elems.slice(0, restAt), ...Array.from({ length: n - elems.length }, wild), ...elems.slice(restAt)];
}

/**
 * Whether `f` is a trait's own method declaration as the trait phase makes it (traits.ts
 * `declaration`): its first generic parameter is `Self` (which no user function may name), its
 * `selfType` the trait.
 */
export function isTraitMethodDeclaration(f: FnItem): boolean {
  return f.selfType !== null && f.generics[0] === 'Self';
}

/** `Tracked(x)` / `Ghost(x)` as a pattern: the wrapper and the pattern inside it, else null. */
export function wrapperPattern(p: Pat): { wrapper: 'Tracked' | 'Ghost'; inner: Pat } | null {
  if (p.k !== 'variant' || p.path.length !== 1 || p.args?.length !== 1) return null;
  const w = p.path[0];
  return w === 'Tracked' || w === 'Ghost' ? { wrapper: w, inner: p.args[0]! } : null;
}

/** The first node under `node` (in `someNode`'s order, not under a node `skip` accepts) that `found` accepts, or null. */
export function findNode<N extends { k: string }>(node: unknown, found: (n: { k: string }) => n is N, skip?: (n: { k: string }) => boolean): N | null {
  let hit: N | null = null;
  someNode(
    node,
    (n) => {
      if (found(n)) hit = n;
      return hit !== null;
    },
    skip,
  );
  return hit;
}

export function someNode(node: unknown, found: (n: { k: string }) => boolean, skip: (n: { k: string }) => boolean = () => false): boolean {
  if (!node || typeof node !== 'object') return false;
  if (Array.isArray(node)) return node.some((x) => someNode(x, found, skip));
  const o = node as Record<string, unknown>;
  if (typeof o.k === 'string') {
    if (found(o as { k: string })) return true;
    if (skip(o as { k: string })) return false;
  }
  return Object.keys(o).some((key) => key !== 'sp' && someNode(o[key], found, skip));
}

/**
 * `node` with `edit` applied to every object under it, children first: a copy where something
 * changed, the node itself where nothing did (parse trees are shared between runs and never
 * mutated, and later phases' caches expect unchanged items to keep their identity). `edit`
 * receives an object whose children are already mapped and returns it, or a changed copy.
 */
export function mapNodes(node: unknown, edit: (o: Record<string, unknown>) => Record<string, unknown>): unknown {
  if (!node || typeof node !== 'object') return node;
  if (Array.isArray(node)) {
    const m = node.map((x) => mapNodes(x, edit));
    return m.every((x, i) => x === node[i]) ? node : m;
  }
  const o = node as Record<string, unknown>;
  let changed = false;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(o)) {
    const w = k === 'sp' ? v : mapNodes(v, edit);
    if (w !== v) changed = true;
    out[k] = w;
  }
  return edit(changed ? out : o);
}

/**
 * A deep copy of `node` with every span (and span offset) replaced by `sp`'s: the items a macro
 * phase generates from text (spec-derive.ts, exec-spec.ts) point at the code they came from.
 */
export function respanned<T>(node: T, sp: Sp): T {
  if (Array.isArray(node)) return node.map((x) => respanned(x, sp)) as T;
  if (node === null || typeof node !== 'object') return node;
  const o = node as Record<string, unknown>;
  const keys = Object.keys(o);
  if (keys.length === 2 && typeof o.start === 'number' && typeof o.end === 'number') return { start: sp.start, end: sp.end } as T;
  const out: Record<string, unknown> = {};
  // (an impl method's `traitImpl.implStart` is its impl's span start, which names the impl)
  for (const k of keys) out[k] = k === 'implStart' ? sp.start : respanned(o[k], sp);
  return out as T;
}
