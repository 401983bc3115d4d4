// Attributes: which ones the verifier implements or may ignore, and what happens to the others.
// Verus gives many attributes a meaning (`#[verifier::type_invariant]`, `#[verifier::prophetic]`,
// `#[verifier::external_fn_specification]`, ...). Parsing such an attribute and dropping it would
// verify a different program from the one Verus checks, so every attribute not listed here as
// implemented or harmless makes the item carrying it `unsupported` (or, when its absence changes
// the meaning of other code, every function of the crate).

/** What the verifier does with an attribute. */
export type AttrTreatment =
  /** implemented, or cannot turn a failure or a rejection into `verified` */
  | 'ok'
  /** `#[verifier::external]`: the item is not verified and not visible to verified code */
  | 'external'
  /** the item (or statement) carrying it is reported `unsupported` */
  | 'item'
  /** its absence changes the meaning of other code: every function of the crate is `unsupported` */
  | 'crate';

/** Where an attribute stands. */
export type AttrSite = 'fn' | 'type' | 'item' | 'stmt';

export interface ParsedAttr {
  /** `verifier::NAME` / `verifier(NAME)`: NAME; else the attribute's first path segment. */
  name: string;
  verifier: boolean;
  /** The whole attribute as written (whitespace removed). */
  text: string;
}

/** `verifier::external_body`, `verifier(external_body)`, `derive(Clone)`, `trigger` (whitespace removed). */
export function parseAttr(text: string): ParsedAttr {
  // one attribute per `#[..]`: `#[verifier(external),verifier(external_body)]` is no known form
  const m = /^verifier::([A-Za-z_][A-Za-z0-9_]*)(\(.*\))?$/.exec(text) ?? /^verifier\(([A-Za-z_][A-Za-z0-9_]*)(\(.*\))?\)$/.exec(text);
  if (m) return { name: m[1]!, verifier: true, text };
  if (/^verifier\b/.test(text)) return { name: text, verifier: true, text };
  const first = /^[A-Za-z_][A-Za-z0-9_]*/.exec(text)?.[0] ?? text;
  return { name: first, verifier: false, text };
}

/**
 * The traits the `#[derive(..)]` attributes among `attrs` name, each by its last path segment
 * (`core::marker::Copy` is `Copy`).
 */
export function derivedTraits(attrs: readonly string[] | undefined): string[] {
  return (attrs ?? []).flatMap((a) => /^derive\((.*)\)$/.exec(a.replace(/\s/g, ''))?.[1]?.split(',').filter((x) => x).map((x) => x.split('::').pop()!) ?? []);
}

/**
 * The derived traits `#[verifier::external_derive]` (all of them) or
 * `#[verifier::external_derive(T, ..)]` (those) makes external, or null without the attribute.
 */
export function externalDerives(attrs: readonly string[] | undefined): string[] | null {
  const a = (attrs ?? []).find((x) => hasVerifierAttr([x], 'external_derive'));
  if (a === undefined) return null;
  const listed = /external_derive\((.*?)\)\)?$/.exec(a)?.[1];
  return listed !== undefined ? listed.split(',').map((x) => x.trim()) : derivedTraits(attrs);
}

/** The mode Verus's older `#[verifier::spec]` / `proof` / `exec` names (either spelling, no arguments), or null. */
export function modeAttr(text: string): 'spec' | 'proof' | 'exec' | null {
  const p = parseAttr(text);
  if (!p.verifier || (p.name !== 'spec' && p.name !== 'proof' && p.name !== 'exec')) return null;
  return text === `verifier::${p.name}` || text === `verifier(${p.name})` ? p.name : null;
}

/** Whether `attrs` (whitespace removed, as items keep them) hold `#[verifier::NAME]` in either spelling. */
export function hasVerifierAttr(attrs: readonly string[] | undefined, name: string): boolean {
  return !!attrs?.some((a) => {
    const p = parseAttr(a);
    return p.verifier && p.name === name;
  });
}

/**
 * A trusted item: one of its attributes mentions `external_body` (`#[verifier::external_body]`,
 * `#[verifier(external_body)]`): its body is never verified nor read.
 */
export function hasExternalBody(attrs: readonly string[] | undefined): boolean {
  return !!attrs?.some((a) => a.includes('external_body'));
}

/**
 * `#[verifier::NAME]` attributes that are implemented or cannot make a program Verus rejects or
 * fails verify here, with where they may stand (anywhere else they are `item`).
 */
const VERIFIER_OK: ReadonlyMap<string, readonly AttrSite[]> = new Map<string, readonly AttrSite[]>([
  // trusted body, signature and specs still resolved; on a datatype, an opaque one: its values
  // are built and read only by trusted code (check/checker.ts opaqueDatatype)
  ['external_body', ['fn', 'type']],
  // recursion through a datatype's type parameters, checked by the positivity check
  // (check/checker.ts checkPositivity)
  ['reject_recursive_types', ['type']],
  // a datatype that gives another (`#[verifier::external]`, or the standard library's) its
  // specification: external-types.ts reads it, and reports the datatypes it cannot name
  ['external_type_specification', ['type']],
  ['reject_recursive_types_in_ground_variants', ['type']],
  ['accept_recursive_types', ['type']],
  // implemented for spec fns (`reveal`); elsewhere Verus rejects it
  ['opaque', ['fn']],
  // opaque outside the spec fn's own module (and the modules inside it): verifier/vcgen/query.ts
  ['opaque_outside_module', ['fn']],
  // an exec fn that ghost code may call, meaning its `returns` clause there
  // (verifier/check/when-used-as-spec.ts)
  ['allow_in_spec', ['fn']],
  // `invariant_except_break` / `ensures` on loops that see the facts before them
  // (`loop_isolation(false)`; verifier/check/checker.ts)
  ['allow_complex_invariants', ['fn']],
  // solver resource limits and query splitting: no meaning
  // (on an impl, trait or module: its functions' budget; a budget never makes a failure verify)
  ['rlimit', ['fn', 'stmt', 'item', 'type']],
  ['spinoff_prover', ['fn', 'stmt', 'item', 'type']],
  // exec loops and recursion may go without `decreases` (check/termination.ts; on a statement
  // it cannot make us accept more: the function's loops still need a measure)
  ['exec_allows_no_decreases_clause', ['fn', 'stmt']],
  ['assume_termination', ['fn']],
  // `loop_isolation(false)` gives a loop body more facts in Verus; ours sees fewer (invariants and
  // unchanged variables only): it can only make us report a failure Verus does not
  ['loop_isolation', ['fn', 'stmt']],
  // `nonlinear` gives Verus nonlinear arithmetic in the whole function; without it we prove less
  ['nonlinear', ['fn']],
  // Verus's older spelling of `proof fn f(..) by(bit_vector)` (the parser applies it)
  ['bit_vector', ['fn']],
  // a spec fn inlined at its uses (verifier/vcgen/calls.ts); the checking phase refuses it where
  // Verus does (not spec, no body, recursive, closed and public)
  ['inline', ['fn']],
  // message decorations
  ['proof_note', ['fn', 'stmt']],
  // allows an `as` cast to truncate: exec casts here always truncate as Rust's do, unchecked
  ['truncate', ['stmt']],
  ['custom_err', ['fn', 'stmt']],
  // an exec fn that is one atomic step: what it and atomic invariant blocks may hold is checked
  // (verifier/check/invariant-blocks.ts)
  ['atomic', ['fn']],
  // the message of a failed precondition of this fn (verifier/vcgen/calls.ts)
  ['custom_req_err', ['fn']],
  // calls in ghost code mean the named spec fn (check/when-used-as-spec.ts; CheckedCrate.specCalls)
  ['when_used_as_spec', ['fn']],
  // a proof fn whose body proves a spec fn's termination (`decreases_by(g)`; vcgen/spec-fns.ts,
  // its rules in check/termination-hints.ts)
  ['decreases_by', ['fn']],
  // a datatype's invariant: asserted where a value is built or written, assumed at
  // `use_type_invariant` (check/type-invariants.ts, vcgen/type-invariants.ts)
  ['type_invariant', ['fn']],
  // a specification of another function, which calls to that function use (toolchain/verifier/external-specs.ts)
  ['external_fn_specification', ['fn']],
  // a spec fn (or a `let`) whose values are prophecies: where they may flow is checked
  // (verifier/check/prophecy.ts); on any other statement the parser reports it
  ['prophetic', ['fn', 'stmt']],
  // a trait method whose impls may not add `ensures` (verifier/traits.ts); Verus's error elsewhere
  // (verifier/check/checker.ts)
  ['impls_cannot_extend_spec', ['fn']],
  // Verus's interpreter keeps the results of this spec fn's calls in `by(compute)`: the values are
  // the same (verifier/vcgen/compute.ts computes each call as often as it meets it)
  ['memoize', ['fn']],
  // Verus's older spelling of modes: `#[verifier::spec] fn` is `spec fn`, `#[verifier::proof] let`
  // is `let tracked`, `#[verifier::spec] struct` is `ghost struct` (the parser applies them; on a
  // parameter, or against a mode written otherwise, they stay `item`)
  // `=~=` on the datatype is extensional equality of its fields: our `==` on a datatype already is
  // wherever its fields' `==` is (collections are canonical); the library's opaque `Multiset`
  // gives it its own application (verifier/vcgen/expr.ts compare), equal to `==`
  ['ext_equal', ['type']],
  ['spec', ['fn', 'stmt', 'type']],
  ['proof', ['fn', 'stmt', 'type']],
  // `returns(spec)`: Verus's older spelling of an exec fn's ghost result; a trait method's impls
  // must agree on it (verifier/traits.ts), and the checking phase reports any function that has
  // it `unsupported` (the result's mode is not modelled)
  ['returns', ['fn']],
]);

/** `#[verifier::NAME]` attributes whose absence changes the meaning of other functions. */
const VERIFIER_CRATE: ReadonlySet<string> = new Set([
  // give specs to traits defined elsewhere, used by other code
  'external_trait_specification',
  'external_trait_extension',
]);

/**
 * `#[verifier::NAME]` attributes that only restrict or check the item carrying them (its meaning
 * for other code is the same without them): that item is `unsupported`. Any verifier attribute in
 * none of these lists is taken to reach beyond its item (`crate`).
 */
const VERIFIER_ITEM: ReadonlySet<string> = new Set([
  // `==` read as extensional equality inside this function only
  'auto_ext_equal',
  // relax or add checks on this item only
  'verify',
]);

/**
 * Plain Rust attributes that cannot change what is verified here (`cfg` can remove an item, a
 * proc macro can rewrite one: not listed, so unsupported).
 */
const RUST_OK: ReadonlySet<string> = new Set([
  'derive', 'allow', 'warn', 'deny', 'forbid', 'expect', 'doc', 'inline', 'cold', 'must_use', 'track_caller', 'repr', 'non_exhaustive',
  'rustfmt', 'clippy', 'no_mangle', 'link_section', 'panic_handler', 'macro_export', 'macro_use', 'used', 'deprecated', 'automatically_derived',
  'feature', 'no_std', 'no_main', 'test', 'ignore',
  // Verus: quantifier triggers are read by the parser where they matter
  'trigger',
  // Verus: the older spelling of `#[verifier::decreases_by]` (check/termination-hints.ts)
  'via_fn',
  // Verus: `is_V()` / `get_V_f()` spec methods on an enum (check/checker.ts isVariantMethod)
  'is_variant',
]);

/**
 * Verus's error for a `verifier` attribute it cannot read (`text` as `Parser.attrs` gives it,
 * whitespace removed), or null: a single colon (`verifier:x`), two attributes in one `#[..]`, a
 * string for a name, or `is_variant` (a plain attribute, never a verifier one).
 */
export function malformedVerifierAttr(text: string): string | null {
  if (/^verifier:[^:]/.test(text) || /^verifier(?:::\w+|\(\w+\)),/.test(text)) return 'unexpected token, expected `]`';
  if (/^verifier\("/.test(text) || /^verifier(?:::|\()is_variant\b/.test(text)) return 'unrecognized verifier attribute';
  // `verifier(a, b)`: a list, each a name Verus knows
  const list = /^verifier\((.*)\)$/.exec(text)?.[1];
  if (list?.includes(',') && list.split(',').some((n) => !knownVerifierName(n.replace(/\(.*$/, '')))) return 'unrecognized verifier attribute';
  return null;
}

/** Whether `name` is a `verifier::` attribute this module knows (Verus knows more: only used to refuse a list of unknown ones). */
function knownVerifierName(name: string): boolean {
  return VERIFIER_OK.has(name) || VERIFIER_CRATE.has(name) || VERIFIER_ITEM.has(name) || ['external', 'auto_ext_equal', 'deprecated_postcondition_mut_ref_style'].includes(name);
}

/** What the verifier does with attribute `text` (as `Parser.attrs` gives it) at `site`. */
/**
 * Verus's warnings that `#[verifier::allow(..)]` silences (a `decreases` on an exec fn the
 * crate's option lets go without one; `assert forall` with `==>`): nothing else changes.
 */
const SILENCED_WARNINGS: ReadonlySet<string> = new Set(['decreases_when_exec_allows_no_decreases_clause', 'assert_forall_implication']);

export function attrTreatment(text: string, site: AttrSite): AttrTreatment {
  const a = parseAttr(text);
  // vstd's `auto_spec` makes an exec fn callable from spec code with its body as meaning (the
  // parser reads it on a function: parser.ts autoSpec); elsewhere it is not modelled
  if (/^(?:(?:vstd::)?contrib::)?auto_spec$/.test(a.text)) return site === 'fn' ? 'ok' : 'item';
  if (!a.verifier) return RUST_OK.has(a.name) ? 'ok' : 'item';
  if (a.name === 'external') return site === 'stmt' ? 'item' : 'external';
  // `auto_ext_equal()` with no positions: `==` is plain equality everywhere in the function,
  // which is how this verifier always reads it (the other forms add extensionality: unsupported)
  if (a.name === 'auto_ext_equal' && /auto_ext_equal\(\s*\)\)?$/.test(a.text)) return site === 'fn' ? 'ok' : 'item';
  // postconditions read `*x` of a `&mut` parameter at the return: how they are always read here
  // unless they use `final` (check/checker.ts finalStyle); `(false)` asks for the other reading
  if (a.name === 'deprecated_postcondition_mut_ref_style') return site === 'fn' && /\(true\)\)?$/.test(a.text) ? 'ok' : 'item';
  // a warning Verus would give, silenced: no meaning (another `allow(..)` stays unknown)
  if (a.name === 'allow') {
    const lint = /^verifier(?:::allow\((\w+)\)|\(allow\((\w+)\)\))$/.exec(a.text);
    const name = lint?.[1] ?? lint?.[2];
    if (name && SILENCED_WARNINGS.has(name)) return site === 'fn' || site === 'stmt' ? 'ok' : 'item';
  }
  if (VERIFIER_CRATE.has(a.name)) return 'crate';
  // the recursion attributes name one type parameter
  if (/^(accept|reject)_recursive_types/.test(a.name) && !/\(\w+\)\)?$/.test(a.text)) return 'item';
  if (VERIFIER_ITEM.has(a.name)) return 'item';
  const where = VERIFIER_OK.get(a.name);
  if (where) return where.includes(site) ? 'ok' : 'item';
  // any other verifier attribute: unknown meaning, assumed to reach beyond its item
  return site === 'stmt' ? 'item' : 'crate';
}

/**
 * Outside `verus! { }` (plain Rust, which we do not verify): an attribute that makes Verus verify
 * or specify that code (`#[verus_spec]`, `#[verus_verify]`, `#[verifier::..]`, vstd's
 * `#[make_spec_type]`, anything gated on `verus_keep_ghost`). Attributes that only tune Verus
 * (`#![verifier::loop_isolation(false)]`, `#[verifier::external]`) are not.
 */
export function verusAttrOutside(text: string): boolean {
  // (`cfg_attr(verus_keep_ghost, feature(..))`: a rustc feature gate while Verus compiles ghost code)
  if (/^cfg_attr\(verus_keep_ghost,feature\([A-Za-z0-9_,]*\)\)$/.test(text.replace(/\s+/g, ''))) return false;
  const a = parseAttr(text);
  if (a.verifier) {
    if (a.name === 'external') return false;
    const where = VERIFIER_OK.get(a.name);
    return !(where && where.includes('stmt') && a.name !== 'proof_note' && a.name !== 'custom_err');
  }
  return /(^|[^A-Za-z0-9_])(verus[A-Za-z0-9_]*|verifier|vstd|verus_builtin|builtin|make_spec_type|self_view|is_variant|spec_derive)([^A-Za-z0-9_]|$)/.test(text);
}

/** Macros that carry Verus code in plain Rust (`proof!{..}` in a `#[verus_verify]` fn, ...). */
export const VERUS_MACROS_OUTSIDE: ReadonlySet<string> = new Set(['proof', 'proof_with', 'proof_decl', 'proof_declare', 'inline_proof', 'verus_spec', 'verus_proof_macro_exprs']);
