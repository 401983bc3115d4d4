// The front end of a run: parse (reusing the trees of unchanged texts), resolve, and check types
// and modes of the whole crate; then, per function and just before it is solved (`finishUnit`),
// generate its verification conditions and those of every function it reaches, and assemble its
// queries. A function whose function key (fn-key.ts) has a stored verdict is not generated at all.

import type { Diagnostic, FunctionResult } from '../../app/verification';
import type { EnumItem, FnItem, SourceFile, Sp, StructItem, TraitImplItem } from './ast';
import { LineMap } from '../syntax/line-map';
import { parseFile } from './parser';
import { lowerModuleDatatypes } from './module-datatypes';
import { lowerShadowedBuiltins } from './shadowed-builtins';
import { lowerVariantImports } from './variant-imports';
import { lowerTraits } from './traits';
import { lowerExternalTypes } from './external-types';
import { lowerExternalTraits } from './external-traits';
import { lowerExternalSpecs } from './external-specs';
import { lowerLocalBorrows } from './local-borrows';
import { lowerMutRefTracked } from './mut-ref-tracked';
import { lowerCtorPaths } from './ctor-paths';
import { lowerBindingPatterns } from './binding-patterns';
import { lowerStateMachines } from './state-machines/index';
import { lowerSpecDerive } from './spec-derive';
import { lowerExecSpec } from './exec-spec';
import { Crate, ResolveError, UnsupportedType, fnQname, itemName, type Ty } from './resolver';
import { UnencodableType, datatypeOf } from './smt';
import { checkCrate, type CheckedCrate } from './check/checker';
import { execTerminationWaived } from './check/termination';
import { CrateVC, FnGen, computeSccs, type FnVC } from './vcgen';
import { inShard, type Shard } from './shard';
import { parseAttr } from '../syntax/attributes';
import { FunctionKeys, type StoredFunction } from './fn-key';
import { invariantNamed } from './check/type-invariants';
import { apiSafetyErrors, needsEnsuresObligation } from './check/api-safety';
import { clashingModuleUse, isLibraryFile, libraryFiles, libraryFor, usesLibrary } from './library/load';

export interface FrontEndOptions {
  functionFilter?: string;
  shard?: Shard;
  noCheating?: boolean;
  execAllowsNoDecreasesClause?: boolean;
  checkApiSafety?: boolean;
  /** Verus's `--no-external-by-default`: code outside `verus! { }` is verified too. */
  noExternalByDefault?: boolean;
  /** Results of functions rejected before solving (a syntax error in them), as they are found. */
  onFunctionResult?: (r: FunctionResult) => void;
  /** The standard library's files by `<vstd>/` path (library/load.ts); absent: the one on disk. */
  library?: ReadonlyMap<string, string>;
  /** Looks up a stored verdict by function key; absent: every function is generated. */
  reuse?: (key: string) => Promise<StoredFunction | null>;
}

export interface Unit {
  vc: FnVC;
  gen: FnGen;
  file: SourceFile;
  lines: LineMap;
  mode: 'exec' | 'proof' | 'spec';
  /** The function key (when keys are in use and the function is one this run verifies). */
  key?: string;
  /** The stored verdict for `key`: the function is neither generated nor solved. */
  reused?: FunctionResult;
}

export interface FrontEnd {
  parsed: SourceFile[];
  lineMaps: Map<string, LineMap>;
  crate: Crate;
  checked: CheckedCrate;
  cvc: CrateVC;
  units: Unit[];
  /** Results known without solving (syntax, type and datatype errors, unsupported items). */
  functions: FunctionResult[];
  diagnostics: Diagnostic[];
  selectedByFilter: (qname: string, name: string) => boolean;
  /**
   * Generates a unit's verification conditions (and those of the units it reaches: its recursion,
   * and the erroneous or closed functions it relies on, are found there) and assembles its
   * queries. Idempotent; a unit with a stored verdict has none. Until then a unit's `vc` holds
   * only what the checking phase decided (an error, an unsupported construct).
   */
  finishUnit: (u: Unit) => void;
}

// Syntax trees of the last texts seen, per file: a live run re-parses only the edited files.
// (Later phases never mutate the tree; each run builds its own resolver and VC state.)
const parseCache = new Map<string, SourceFile>();
function parseCached(file: string, text: string, wholeFileIsVerus: boolean): SourceFile {
  const key = wholeFileIsVerus ? `${file}\0verus` : file;
  const hit = parseCache.get(key);
  if (hit && hit.text === text) return hit;
  const parsed = parseFile(file, text, wholeFileIsVerus);
  if (parseCache.size > 2000) parseCache.clear();
  parseCache.set(key, parsed);
  return parsed;
}

/**
 * The signatures of the std functions the library specifies (its std_specs.rs), read whether or
 * not the crate loads the library: a crate without vstd may specify them itself (external-specs.ts).
 */
function stdSignatures(library: ReadonlyMap<string, string> | undefined): SourceFile[] {
  const file = [...(library ?? libraryFiles())].find(([p]) => p.endsWith('/std_specs.rs'));
  return file ? [parseCached(file[0], file[1], false)] : [];
}

export async function runFrontEnd(files: Map<string, string>, options: FrontEndOptions): Promise<FrontEnd> {
  const mine = (file: string): boolean => inShard(file, options.shard);
  const diagnostics: Diagnostic[] = [];
  const functions: FunctionResult[] = [];
  const parsed: SourceFile[] = [];
  // the standard library (library/load.ts) joins the crate when the user's code names `vstd`
  const withLibrary = usesLibrary(files) ? new Map([...files, ...libraryFor(files, options.library)]) : files;
  const trees: SourceFile[] = [];
  for (const [p, text] of [...withLibrary].sort((a, b) => (a[0] < b[0] ? -1 : 1))) trees.push(parseCached(p, text, !!options.noExternalByDefault && !isLibraryFile(p)));
  // trait impls' methods with their trait's contract (traits.ts)
  parsed.push(...lowerLocalBorrows(lowerTraits(lowerExternalSpecs(lowerExternalTraits(lowerExternalTypes(lowerStateMachines(lowerMutRefTracked(lowerBindingPatterns(lowerCtorPaths(lowerVariantImports(lowerShadowedBuiltins(lowerModuleDatatypes(lowerExecSpec(lowerSpecDerive(withoutShadowedPrelude(trees))), isLibraryFile), isLibraryFile), isLibraryFile))))), isLibraryFile)), isLibraryFile, stdSignatures(options.library)))));
  const lineMaps = new Map(parsed.map((f) => [f.path, new LineMap(f.text)]));
  const filter = options.functionFilter;
  const selectedByFilter = (qname: string, name: string): boolean => !filter || qname === filter || name === filter || qname.endsWith('::' + filter);
  // Every function of a file is in the results, as a verdict or as an `error` with a span: a
  // syntax error inside a function is that function's error; only the others make the file's
  // `<syntax errors in FILE>` result.
  // The library is trusted, never reported: a problem in it (a syntax, type or mode error, an
  // unsupported item) makes every user function unsupported, as nothing built on it can be trusted.
  const libraryProblems: string[] = [];
  for (const f of parsed) {
    const lm = lineMaps.get(f.path)!;
    if (isLibraryFile(f.path)) {
      for (const d of f.diagnostics) libraryProblems.push(`${d.message} at ${f.path}:${fmtPos(lm, d.sp.start)}`);
      continue;
    }
    for (const d of f.diagnostics) diagnostics.push({ file: f.path, span: lm.span(d.sp), severity: 'error', message: d.message, source: 'stratos-verifier' });
    const erroneous = f.items.filter((it) => (it.k === 'fn' && it.parseError) || it.k === 'error');
    const loose = f.diagnostics.filter((d) => !erroneous.some((it) => it.sp.start <= d.sp.start && d.sp.end <= it.sp.end));
    if (loose.length) {
      functions.push({ name: `<syntax errors in ${f.path}>`, file: f.path, span: lm.span(loose[0]!.sp), mode: 'exec', status: 'error', timeMs: 0, cached: false, obligations: [], detail: loose[0]!.message });
    }
  }
  // a function whose signature did not parse has no contract its callers could rely on
  const contractsKnown = (f: SourceFile): SourceFile => ({ ...f, items: f.items.filter((it) => !(it.k === 'fn' && it.parseError && !it.parseError.inBody)) });
  const crate = new Crate(parsed.map(contractsKnown), isLibraryFile);
  // types and modes are checked before any verification condition is generated
  const checked = checkCrate(crate, { execAllowsNoDecreasesClause: options.execAllowsNoDecreasesClause });
  const cvc = new CrateVC(crate, checked);
  const units: Unit[] = [];
  /** Units whose verification conditions are generated later (finishUnit). */
  const ungenerated = new Set<Unit>();
  try {
    cvc.analyzeSpecFns();
  } catch {
    /* errors surface per function */
  }
  // An attribute whose absence changes what other code means (`#[verifier::type_invariant]`,
  // `when_used_as_spec`, ...; toolchain/syntax/attributes.ts): every function is unsupported.
  let crateGap: string | null = null;
  for (const f of parsed) {
    if (!isLibraryFile(f.path)) continue;
    const lm = lineMaps.get(f.path)!;
    for (const it of f.items) {
      const errs = it.k === 'fn' ? checked.fnErrors.get(it) : it.k === 'struct' || it.k === 'enum' ? checked.typeErrors.get(it) : it.k === 'const' ? checked.constErrors.get(it) : undefined;
      const gap = it.k === 'fn' ? (checked.fnUnsupported.get(it) ?? (it.parseError ? it.parseError.diagnostic : undefined) ?? (it.unsupportedAttrs?.[0] ? { message: `attribute \`#[${it.unsupportedAttrs[0].attr}]\``, sp: it.unsupportedAttrs[0].sp } : undefined)) : it.k === 'unsupported' ? { message: it.what, sp: it.sp } : it.k === 'error' ? it.diagnostic : undefined;
      // (the library's files are all the root module, so a closed body there would be seen everywhere)
      const hidden = it.k === 'fn' && it.mode === 'spec' && !it.open && it.body ? { message: `closed spec fn \`${it.name}\` with a body (the library's modules are not modelled)`, sp: it.nameSp } : undefined;
      const first = errs?.[0] ?? gap ?? hidden;
      if (first) libraryProblems.push(`${first.message} at ${f.path}:${fmtPos(lm, first.sp.start)}`);
    }
  }
  // a user item named like a library one would make both ambiguous (or, were the library's
  // dropped, mean something else than in Verus): say so once, for the whole crate
  const libraryNames = new Set(parsed.filter((f) => isLibraryFile(f.path)).flatMap((f) => f.items.map(itemName)).filter((n): n is string => n !== null));
  for (const f of parsed) {
    if (isLibraryFile(f.path) || crateGap !== null) continue;
    const clash = f.items.find((it) => { const n = itemName(it); return n !== null && libraryNames.has(n); });
    if (clash) crateGap = `the crate defines its own \`${itemName(clash)}\` at ${f.path}:${fmtPos(lineMaps.get(f.path)!, clash.sp.start)}, which the vstd library also defines`;
  }
  const foreign = clashingModuleUse(files);
  if (foreign && crateGap === null) crateGap = `\`vstd::${foreign.modules[0]}\` at ${foreign.file}:${fmtPos(lineMaps.get(foreign.file)!, foreign.offset)} and \`vstd::${foreign.modules[1]}\` in one crate: their two \`PointsTo\` types are not told apart here (names resolve by their last segment)`;
  if (libraryProblems.length && crateGap === null) crateGap = `the vstd library does not check (${libraryProblems[0]})`;
  for (const f of parsed) {
    for (const it of f.items) {
      const at = it.k === 'unsupported' && it.crate ? { attr: it.what, sp: it.sp } : it.k === 'fn' ? it.unsupportedAttrs?.find((a) => a.crate) : undefined;
      if (at && crateGap === null) {
        const what = 'attr' in at && it.k === 'fn' ? `attribute \`#[${at.attr}]\`` : at.attr;
        crateGap = `${what} at ${f.path}:${fmtPos(lineMaps.get(f.path)!, at.sp.start)} changes the meaning of other code`;
      }
    }
  }
  // A user type named like a built-in one (`Option`, `Seq`, ...): the verifier resolves those by
  // name, so no function of the crate can be encoded faithfully.
  const shadow = checked.shadowedBuiltins[0];
  if (shadow && crateGap === null) crateGap = `the crate defines its own \`${shadow.name}\` at ${shadow.file}:${fmtPos(lineMaps.get(shadow.file)!, shadow.sp.start)}, which shadows the built-in one`;
  const keys = options.reuse ? new FunctionKeys(parsed, { globals: [crateGap ?? '', options.noCheating ? 'no-cheating' : '', options.execAllowsNoDecreasesClause ? 'exec-allows-no-decreases' : '', options.checkApiSafety ? 'check-api-safety' : '', options.noExternalByDefault ? 'no-external-by-default' : ''] }) : null;
  for (const f of parsed) {
    // library items are trusted and not the user's: no results, no units (their callers read
    // their contracts; function keys reach them by name)
    if (isLibraryFile(f.path)) continue;
    const lm = lineMaps.get(f.path)!;
    for (const it of f.items) {
      const typeErrors = it.k === 'struct' || it.k === 'enum' ? checked.typeErrors.get(it) : it.k === 'const' ? checked.constErrors.get(it) : undefined;
      if (typeErrors?.length && (it.k === 'struct' || it.k === 'enum' || it.k === 'const')) {
        for (const err of typeErrors) diagnostics.push({ file: f.path, span: lm.span(err.sp), severity: 'error', message: err.message, source: 'stratos-verifier' });
        functions.push({ name: `<${it.k} ${it.name}>`, file: f.path, span: lm.span(it.sp), mode: 'spec', status: 'error', timeMs: 0, cached: false, obligations: [], detail: typeErrors[0]!.message });
        continue;
      }
      if (it.k === 'trait') {
        // its method declarations are checked (types, modes) but have no verdict of their own
        // (a default method is an item of the file, with its own result)
        const decls = it.methods.filter((d) => !d.body);
        const err = decls.map((d) => checked.fnErrors.get(d)?.[0]).find((x) => x);
        const gap = decls.map((d) => checked.fnUnsupported.get(d)).find((x) => x);
        if (err) diagnostics.push({ file: f.path, span: lm.span(err.sp), severity: 'error', message: err.message, source: 'stratos-verifier' });
        if (err || gap) functions.push({ name: `<trait ${it.name}>`, file: f.path, span: lm.span(it.sp), mode: 'exec', status: err ? 'error' : 'unsupported', timeMs: 0, cached: false, obligations: [], detail: err ? `${err.message} at ${f.path}:${fmtPos(lm, err.sp.start)}` : gap!.message });
        continue;
      }
      // a constant's value is read where it is used; Verus checks its type's invariant once, at
      // the definition, which is not a unit here: such a constant is not handled
      if (it.k === 'const' && it.ty.k === 'path' && invariantNamed(checked.typeInvariants, it.ty.name)) {
        functions.push({ name: `<const ${it.name}>`, file: f.path, span: lm.span(it.sp), mode: 'exec', status: 'unsupported', timeMs: 0, cached: false, obligations: [], detail: `unsupported: a constant of \`${it.ty.name}\`, which has a type invariant` });
        continue;
      }
      if (it.k === 'global-size') {
        const err = crate.globalSizeErrors.get(it);
        if (err) {
          diagnostics.push({ file: f.path, span: lm.span(it.sp), severity: 'error', message: err, source: 'stratos-verifier' });
          functions.push({ name: '<global item>', file: f.path, span: lm.span(it.sp), mode: 'exec', status: 'error', timeMs: 0, cached: false, obligations: [], detail: `${err} at ${f.path}:${fmtPos(lm, it.sp.start)}` });
        }
        continue;
      }
      if (it.k === 'unsupported') {
        functions.push({ name: `<${it.what}>`, file: f.path, span: lm.span(it.sp), mode: 'exec', status: 'unsupported', timeMs: 0, cached: false, obligations: [], detail: `unsupported: ${it.what}` });
        continue;
      }
      if (it.k === 'error') {
        functions.push({ name: `<${it.what}>`, file: f.path, span: lm.span(it.sp), mode: 'exec', status: 'error', timeMs: 0, cached: false, obligations: [], detail: `${it.diagnostic.message} at ${f.path}:${fmtPos(lm, it.diagnostic.sp.start)}` });
        continue;
      }
      if (it.k !== 'fn') continue;
      const qname = fnQname(it);
      if (it.parseError) {
        // its contract (when the signature was read) still serves its callers
        if (!selectedByFilter(qname, it.name)) continue;
        const r: FunctionResult = { name: qname, file: f.path, span: lm.span(it.sp), nameSpan: lm.span(it.nameSp), mode: it.mode, status: 'error', timeMs: 0, cached: false, obligations: [], detail: `${it.parseError.diagnostic.message} at ${f.path}:${fmtPos(lm, it.parseError.diagnostic.sp.start)}` };
        functions.push(r);
        if (mine(f.path)) options.onFunctionResult?.(r);
        continue;
      }
      const info = (crate.fns.get(qname) ?? []).find((x) => x.item === it)!;
      const gen = new FnGen(cvc, info);
      const errors = checked.fnErrors.get(it);
      const badAttr = it.unsupportedAttrs?.[0];
      const cheats = options.noCheating ? cheatsIn(it) : [];
      // an attribute we do not implement comes first: the errors found without it may be spurious
      const vc: FnVC | null = badAttr
        ? { info, obligations: [], callees: new Set(), unsupported: { message: `unsupported attribute \`#[${badAttr.attr}]\``, sp: badAttr.sp } }
        : crateGap
          ? { info, obligations: [], callees: new Set(), unsupported: { message: `unsupported: ${crateGap}`, sp: it.nameSp } }
          : cheats.some((c) => c.error)
            ? { info, obligations: [], callees: new Set(), error: cheats.find((c) => c.error)! }
            : cheats.length
              ? cheatingVC(info, gen, cheats)
            : errors
              ? { info, obligations: [], callees: new Set(), error: errors[0]!, checkErrors: errors }
              : checked.fnUnsupported.has(it)
                ? { info, obligations: [], callees: new Set(), unsupported: checked.fnUnsupported.get(it)! }
                : null;
      const unit: Unit = { vc: vc ?? { info, obligations: [], callees: new Set() }, gen, file: f, lines: lm, mode: it.mode };
      if (!vc) {
        // A function whose verdict a run with the same key stored (fn-key.ts) is not generated:
        // its callees come from the store, for the analyses below that span functions.
        const key = keys && selectedByFilter(qname, it.name) && mine(f.path) ? keys.keyOf(it) : undefined;
        const stored = key !== undefined ? await options.reuse!(key) : null;
        if (key !== undefined && stored) {
          unit.vc.callees = new Set(stored.callees);
          unit.reused = stored.result;
        } else ungenerated.add(unit);
        unit.key = key;
      }
      units.push(unit);
    }
  }
  // A crate of declarations only (no function to verify): each datatype is encoded here as a
  // function using it would encode it, so one this verifier cannot give a meaning has a result
  // (and a field type that does not resolve is rustc's error, though no function uses it).
  if (!units.length && !functions.length) {
    for (const f of parsed) {
      if (isLibraryFile(f.path)) continue;
      const lm = lineMaps.get(f.path)!;
      for (const it of f.items) {
        const gap = crateGap ? { status: 'unsupported' as const, message: `unsupported: ${crateGap}`, sp: it.sp } : it.k === 'struct' || it.k === 'enum' || it.k === 'trait-impl' ? declarationGap(crate, it) : null;
        if (!gap) continue;
        if (gap.status === 'error') diagnostics.push({ file: f.path, span: lm.span(gap.sp), severity: 'error', message: gap.message, source: 'stratos-verifier' });
        const name = it.k === 'struct' || it.k === 'enum' ? `<${it.k} ${it.name}>` : it.k === 'trait-impl' ? `<impl of ${it.trait}>` : '<crate>';
        functions.push({ name, file: f.path, span: lm.span(it.sp), mode: 'spec', status: gap.status, timeMs: 0, cached: false, obligations: [], detail: gap.message });
        if (crateGap) break;
      }
    }
  }
  // `-V check-api-safety`: its errors, and a unit of its own for each trait method owing the
  // obligation that its `ensures` holds of any implementation (vcgen/api-safety.ts)
  if (options.checkApiSafety && crateGap === null) {
    const user = parsed.filter((f) => !isLibraryFile(f.path));
    for (const err of apiSafetyErrors(user)) {
      const lm = lineMaps.get(err.file)!;
      diagnostics.push({ file: err.file, span: lm.span(err.sp), severity: 'error', message: err.message, source: 'stratos-verifier' });
      functions.push({ name: `<check-api-safety: ${err.fn ? fnQname(err.fn) : 'impl'}>`, file: err.file, span: lm.span(err.sp), mode: 'exec', status: 'error', timeMs: 0, cached: false, obligations: [], detail: `${err.message} at ${err.file}:${fmtPos(lm, err.sp.start)}` });
    }
    const traits = new Map(user.flatMap((f) => f.items.flatMap((it) => (it.k === 'trait' ? [[it.name, it] as const] : []))));
    for (const infos of crate.fns.values()) {
      for (const info of infos) {
        const file = user.find((f) => f.path === info.file);
        if (!file || !needsEnsuresObligation(info.item, traits) || !selectedByFilter(info.qname, info.item.name)) continue;
        const safety = { ...info, key: `${info.key}$check-api-safety`, qname: `${info.qname} (check-api-safety)` };
        const gen = new FnGen(cvc, safety);
        gen.apiSafetyOnly = true;
        const unit: Unit = { vc: { info: safety, obligations: [], callees: new Set() }, gen, file, lines: lineMaps.get(file.path)!, mode: info.item.mode };
        ungenerated.add(unit);
        units.push(unit);
      }
    }
  }
  const unitByKey = new Map(units.map((u) => [u.vc.info.key, u]));
  // A unit's verification conditions are generated when it is about to be solved (finishUnit),
  // together with every unit it reaches through its callees: the analyses below span exactly
  // those (a unit's recursion, the erroneous functions it relies on), so solving starts while the rest of the crate is still being generated.
  const generate = (u: Unit): void => {
    if (!ungenerated.delete(u)) return;
    u.vc = u.gen.run();
  };
  /** `u` and every unit it reaches through callees, generated, in breadth-first order. */
  const closureOf = (u: Unit): Unit[] => {
    const order = [u];
    const seen = new Set(order);
    for (let i = 0; i < order.length; i++) {
      const x = order[i]!;
      generate(x);
      for (const c of x.vc.callees) {
        const cu = unitByKey.get(c);
        if (cu && !seen.has(cu)) {
          seen.add(cu);
          order.push(cu);
        }
      }
    }
    return order;
  };
  // recursion among exec/proof functions: decreases checks for the calls inside u's strongly
  // connected component (the exec units u reaches that reach u back; spec fns never call them)
  const addRecursionChecks = (u: Unit, closure: Unit[]): void => {
    if (u.mode === 'spec' || u.reused) return;
    const execs = closure.filter((x) => x.mode !== 'spec');
    const keys = new Set(execs.map((x) => x.vc.info.key));
    const comp = new Set(computeSccs([...keys], (k) => [...(unitByKey.get(k)?.vc.callees ?? [])].filter((c) => keys.has(c))).find((c) => c.includes(u.vc.info.key)) ?? [u.vc.info.key]);
    const recursive = u.gen.recCalls.filter((rc) => comp.has(rc.callee));
    // (a missing `decreases` is the checker's error; an exec function that opts out of
    // termination checking and states no measure has nothing to check)
    if (!u.vc.info.item.decreases.length && execTerminationWaived(u.vc.info.item, options)) return;
    for (const rc of recursive) u.gen.obligations.push(rc.ob());
  };
  // a function that relies on one with type or mode errors has no trustworthy encoding either
  const markBroken = (u: Unit, closure: Unit[]): void => {
    const broken = new Map<string, string>();
    for (const x of closure) if (x.vc.error && x.vc.checkErrors) broken.set(x.vc.info.key, x.vc.info.qname);
    for (let changed = true; changed; ) {
      changed = false;
      for (const x of closure) {
        if (broken.has(x.vc.info.key)) continue;
        const bad = [...x.vc.callees].find((c) => broken.has(c) && unitByKey.has(c));
        if (bad === undefined) continue;
        broken.set(x.vc.info.key, x.vc.info.qname);
        if (x === u && !u.vc.error) u.vc.error = { message: `uses \`${broken.get(bad)}\`, which has type or mode errors`, sp: u.vc.info.item.nameSp };
        changed = true;
      }
    }
  };
  // Obligations are generated per function just before it is solved (finishUnit), in priority
  // order: the edited function's verdict does not wait for the queries of all the others, and the
  // first queries go to the solver while the rest of the crate is generated.
  // (Generation order does not change any query's text, so cache keys are stable: a test.)
  const finished = new Set<Unit>();
  const finishUnit = (u: Unit): void => {
    if (finished.has(u) || u.reused) return;
    finished.add(u);
    const closure = closureOf(u);
    addRecursionChecks(u, closure);
    markBroken(u, closure);
    try {
      u.gen.finish();
      u.vc.obligations = u.gen.obligations;
      u.vc.defCheck = u.gen.defCheck;
      if (u.vc.obligations.some((ob) => !ob.query)) throw new Error('an obligation has no query');
    } catch (e) {
      // (a function already judged, an error the checker found, keeps that verdict)
      if (u.vc.error || u.vc.unsupported) return;
      // e.g. a `None` whose type was never inferred (see FnGen.finish); a type the queries cannot
      // declare (a `spec_fn` without parameters) is a gap, as where the body is generated
      if (e instanceof ResolveError) u.vc.error = { message: e.message, sp: e.sp };
      else if (e instanceof UnencodableType) u.vc.unsupported = { message: e.message, sp: u.vc.info.item.nameSp };
      else u.vc.error = { message: `internal error: ${(e as Error).message}`, sp: u.vc.info.item.nameSp };
    }
  };
  return { parsed, lineMaps, crate, checked, cvc, units, functions, diagnostics, selectedByFilter, finishUnit };
}

/**
 * `--no-cheating`, as Verus reports it: each `assume(..)`, `admit()` and
 * `#[verifier::external_body]` is a failed obligation at its span (the function proves nothing);
 * `#[verifier::assume_termination]` is an error.
 */
function cheatsIn(f: FnItem): { message: string; sp: Sp; error?: boolean }[] {
  const out: { message: string; sp: Sp; error?: boolean }[] = [];
  f.attrs.forEach((a, i) => {
    const sp = f.attrSps?.[i] ?? f.nameSp;
    const p = parseAttr(a);
    if (p.verifier && p.name === 'external_body') out.push({ message: '#[verifier::external_body] not allowed with --no-cheating', sp });
    if (p.verifier && p.name === 'assume_termination') out.push({ message: '#[verifier::assume_termination] not allowed with --no-cheating', sp, error: true });
  });
  const walk = (o: unknown): void => {
    if (Array.isArray(o)) return o.forEach(walk);
    if (!o || typeof o !== 'object') return;
    const n = o as { k?: string; callee?: { k?: string; segs?: string[] }; sp?: Sp };
    if (n.k === 'assume' && n.sp) out.push({ message: 'assume not allowed with --no-cheating', sp: n.sp });
    if (n.k === 'call' && n.sp && n.callee?.k === 'path' && n.callee.segs?.[n.callee.segs.length - 1] === 'admit') out.push({ message: 'admit not allowed with --no-cheating', sp: n.sp });
    for (const v of Object.values(o)) if (v && typeof v === 'object') walk(v);
  };
  walk([f.requires, f.ensures, f.recommends, f.decreases, f.body]);
  return out;
}

/**
 * A function with cheats under `--no-cheating`: one failing obligation per cheat (its query asks
 * the solver for `false`), nothing else generated. They join the generator's obligations, which
 * are the function's once it is finished.
 */
function cheatingVC(info: FnVC['info'], gen: FnGen, cheats: { message: string; sp: Sp }[]): FnVC {
  for (const c of cheats) {
    gen.obligations.push({ kind: 'assertion', message: c.message, sp: c.sp, scope: [], labels: [], trace: [], crossed: [], query: { mbqi: false, options: [], prelude: [], decls: [], facts: [], goal: 'false' } });
  }
  return { info, obligations: [], callees: new Set() };
}

/** An item's name as the crate resolves it (`Type::name` for an associated item), or null. */
/**
 * The files with the library's `Result` (Rust's prelude type, library/vstd/result.rs) left out
 * when the crate has its own item of that name (`type Result<T> = ..`, an enum): in Rust the
 * crate's item shadows the prelude's, and the library's would otherwise clash with it.
 */
function withoutShadowedPrelude(files: SourceFile[]): SourceFile[] {
  if (!files.some((f) => !isLibraryFile(f.path) && f.items.some((it) => (it.k === 'struct' || it.k === 'enum' || it.k === 'type' || it.k === 'trait') && it.name === 'Result'))) return files;
  const prelude = (it: SourceFile['items'][number]) => (it.k === 'enum' && it.name === 'Result') || (it.k === 'fn' && it.selfType === 'Result');
  return files.map((f) => (isLibraryFile(f.path) && f.items.some(prelude) ? { ...f, items: f.items.filter((it) => !prelude(it)) } : f));
}

export function fmtPos(lm: LineMap, off: number): string {
  const p = lm.pos(off);
  return `${p.line}:${p.column}`;
}


/**
 * Why declaration `it` cannot be given a meaning, or null: a datatype's fields' types resolved and
 * its SMT datatype declared (over its own generic parameters), a trait impl's associated types
 * resolved. A type that does not resolve is an error (rustc's, though no function uses it).
 */
function declarationGap(crate: Crate, it: StructItem | EnumItem | TraitImplItem): { status: 'error' | 'unsupported'; message: string; sp: Sp } | null {
  try {
    if (it.k === 'trait-impl') {
      for (const b of it.assocTypes) crate.resolveType(b.ty, it);
      return null;
    }
    const args: Ty[] = it.generics.map((name) => ({ k: 'param', name }));
    const fields = it.k === 'struct' ? it.fields : it.variants.flatMap((v) => v.fields);
    for (const fd of fields) crate.resolveType(fd.ty, it);
    datatypeOf(crate, { k: it.k, name: it.name, args });
    return null;
  } catch (e) {
    if (e instanceof UnsupportedType) return { status: 'unsupported', message: `unsupported: ${e.message}`, sp: e.sp };
    if (e instanceof UnencodableType) return { status: 'unsupported', message: e.message, sp: it.sp };
    if (e instanceof ResolveError) return { status: 'error', message: e.message, sp: e.sp };
    throw e;
  }
}
