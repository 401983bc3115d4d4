import { beforeEach, describe, expect, it } from 'vitest';
import type { ApiEvents, EventName, IdeApi, Method, Params } from '../../app/api';
import type { ProofHistory, TimingSample, VerifyDone } from '../../app/proof-session';
import type { FunctionProfile, FunctionResult } from '../../app/verification';
import { createProofActions, fileProofBadge, mergedFailures, nextFailure, progressText, useProofs, worthProfiling, type LiveFunction } from './proof-store';

interface FakeHost {
  api: IdeApi;
  calls: { method: Method; params: unknown }[];
  emit<E extends EventName>(event: E, payload: ApiEvents[E]): void;
  /** The next verify.run is refused with this message. */
  refuseNext?: string;
  /** The next verify.run's reply waits for this promise. */
  holdNext?: Promise<void>;
}

function fakeHost(history: ProofHistory = {}): FakeHost {
  let nextRunId = 1;
  let listener: (<E extends EventName>(event: E, payload: ApiEvents[E]) => void) | undefined;
  const host: FakeHost = {
    calls: [],
    emit: (event, payload) => listener?.(event, payload),
    api: {
      async call<M extends Method>(method: M, params: Params<M>) {
        host.calls.push({ method, params });
        if (method === 'verify.history') return history as never;
        if (method === 'verify.run') {
          if (host.refuseNext) {
            const message = host.refuseNext;
            host.refuseNext = undefined;
            throw new Error(message);
          }
          const runId = nextRunId++;
          const hold = host.holdNext;
          host.holdNext = undefined;
          if (hold) await hold;
          return { runId } as never;
        }
        throw new Error(`unexpected ${method}`);
      },
      onEvent(l) {
        listener = l;
        return () => (listener = undefined);
      },
    },
  };
  return host;
}

const span = (line: number, column = 1) => ({ start: { line, column }, end: { line, column: column + 10 } });

function result(name: string, patch: Partial<FunctionResult> = {}): FunctionResult {
  return { name, file: 'src/lib.rs', span: span(3), mode: 'proof', status: 'verified', timeMs: 10, cached: false, obligations: [], ...patch };
}

function done(runId: number, functions: FunctionResult[], patch: Partial<VerifyDone> = {}): VerifyDone {
  const verified = functions.filter((f) => f.status === 'verified').length;
  return {
    runId,
    cancelled: false,
    cacheHits: 0,
    solver: 'native',
    report: {
      version: 1,
      functions,
      diagnostics: [],
      summary: { functions: functions.length, verified, failed: 0, timeout: functions.length - verified, unsupported: 0, error: 0, obligations: 0, solverMs: 0, wallMs: 0 },
    },
    ...patch,
  };
}

const PROFILE: FunctionProfile = {
  instances: 120,
  queries: 2,
  unprofiled: 1,
  quantifiers: [
    { qid: 'forall:tangled+2:9', instances: 70, file: 'src/lib.rs', span: span(12, 9) },
    { qid: 'axiom:seq_len', instances: 50 },
  ],
};

/** A fake host and proof actions subscribed to it, flushing each batch at once. */
function subscribedActions(): { host: FakeHost; actions: ReturnType<typeof createProofActions> } {
  const host = fakeHost();
  const actions = createProofActions({ api: host.api, buffers: () => [], schedule: (flush) => flush() });
  actions.subscribe();
  return { host, actions };
}

const flush = () => new Promise((r) => setTimeout(r, 0));

function sample(patch: Partial<TimingSample>): TimingSample {
  return { timeMs: 100, status: 'verified', cached: false, at: 0, timeoutMs: 10_000, ...patch };
}

beforeEach(() => {
  useProofs.setState({ functions: {}, diagnostics: [], running: false, currentRun: null, lastRun: null, selection: null, history: {}, filter: '', statusFilter: 'all', profile: null, progress: null });
});

describe('runs superseded by an edit', () => {
  it("a cancelled run's report, arriving before the new run's id, neither ends the new run nor marks its functions stale", async () => {
    const { host, actions } = subscribedActions();
    await actions.verify('button');
    host.emit('verify.done', done(1, [result('a'), result('b')]));
    expect(useProofs.getState().lastRun?.runId).toBe(1);
    // run 2 starts; an edit starts run 3 while run 2 is going, and run 3's reply is slow
    await actions.verify('edit');
    let reply!: () => void;
    host.holdNext = new Promise((r) => (reply = r));
    const third = actions.verify('edit');
    // the host cancels run 2 at once and reports it before answering the request for run 3
    host.emit('verify.done', done(2, [result('a')], { cancelled: true }));
    let s = useProofs.getState();
    expect(s.running).toBe(true);
    expect(s.lastRun?.runId).toBe(1);
    // (an edit's run marks nothing running before its verify.started says what it re-verifies)
    expect(Object.values(s.functions).map((f) => [f.result.name, f.running, f.stale])).toEqual([
      ['a', false, false],
      ['b', false, false],
    ]);
    reply();
    expect(await third).toBe(3);
    expect(useProofs.getState().currentRun).toBe(3);
    host.emit('verify.progress', { runId: 3, result: result('a', { status: 'failed' }) });
    expect(useProofs.getState().functions['src/lib.rs::a']?.result.status).toBe('failed');
    host.emit('verify.done', done(3, [result('a', { status: 'failed' }), result('b')]));
    s = useProofs.getState();
    expect(s.running).toBe(false);
    expect(s.lastRun?.runId).toBe(3);
  });
});

describe('what an edit re-verifies', () => {
  it('only the functions the run re-verifies show running; the others keep their verdict, not stale', async () => {
    const { host, actions } = subscribedActions();
    await actions.verify('button');
    host.emit('verify.done', done(1, [result('a'), result('b', { status: 'failed' })]));
    actions.noteEdit('src/lib.rs', 1_000_000);
    // the edit marks its file's results stale until the run says what changed
    expect(Object.values(useProofs.getState().functions).map((f) => [f.result.name, f.stale])).toEqual([
      ['a', true],
      ['b', true],
    ]);
    const run = await actions.verify('edit');
    host.emit('verify.started', { runId: run!, total: 2, affected: ['src/lib.rs::a'] });
    const s = useProofs.getState();
    expect(Object.values(s.functions).map((f) => [f.result.name, f.result.status, f.running, f.stale])).toEqual([
      ['a', 'verified', true, true],
      ['b', 'failed', false, false],
    ]);
    // without the list (an older host), nothing is unmarked
    host.emit('verify.done', done(run!, [result('a'), result('b', { status: 'failed' })]));
    const again = await actions.verify('edit');
    host.emit('verify.started', { runId: again!, total: 2 });
    expect(useProofs.getState().progress?.total).toBe(2);
  });
});

describe('worthProfiling', () => {
  const live = (patch: Partial<FunctionResult>): LiveFunction => ({ key: 'k', result: result('f', patch), stale: false, running: false });
  it('offers a profile for timeouts, runs of 2 s or more, and functions with a cost warning', () => {
    expect(worthProfiling(live({ status: 'timeout', timeMs: 500 }), undefined)).toBe(true);
    expect(worthProfiling(live({ timeMs: 2000 }), undefined)).toBe(true);
    expect(worthProfiling(live({ timeMs: 1999 }), undefined)).toBe(false);
    // a cached answer's time says nothing about the solver
    expect(worthProfiling(live({ timeMs: 5000, cached: true }), undefined)).toBe(false);
    // 3x its previous verified time: the "slow" cost warning
    expect(worthProfiling(live({ timeMs: 600 }), [sample({ timeMs: 100 }), sample({ timeMs: 600 })])).toBe(true);
    expect(worthProfiling(live({ timeMs: 120 }), [sample({ timeMs: 100 }), sample({ timeMs: 120 })])).toBe(false);
  });
});

describe('the profile action', () => {
  it('asks for a profile run of that function with its last timeout, and shows the counts when it ends', async () => {
    const host = fakeHost({ 'src/lib.rs::tangled': [sample({ status: 'timeout', timeMs: 500, timeoutMs: 500 })] });
    const actions = createProofActions({ api: host.api, buffers: () => [{ path: 'src/lib.rs', text: 'edited' }] });
    actions.subscribe();
    await flush();
    await actions.profile({ name: 'tangled', file: 'src/lib.rs' });
    expect(host.calls.find((c) => c.method === 'verify.run')?.params).toEqual({
      buffers: [{ path: 'src/lib.rs', text: 'edited' }],
      reason: 'function',
      functionName: 'tangled',
      timeoutMs: 500,
      profile: true,
    });
    expect(useProofs.getState().profile).toMatchObject({ name: 'tangled', runId: 1, phase: 'running' });
    host.emit('verify.done', done(1, [result('tangled', { status: 'timeout', profile: PROFILE })]));
    expect(useProofs.getState().profile).toMatchObject({ phase: 'done', status: 'timeout', profile: PROFILE });
    // the run's results also update the Proofs list, as any one-function run
    expect(useProofs.getState().functions['src/lib.rs::tangled']?.result.status).toBe('timeout');
  });

  it('picks the profiled function by file when two files have a function of that name', async () => {
    const host = fakeHost();
    const actions = createProofActions({ api: host.api, buffers: () => [] });
    actions.subscribe();
    await actions.profile({ name: 'f', file: 'src/b.rs' });
    const other: FunctionProfile = { ...PROFILE, instances: 1 };
    host.emit('verify.done', done(1, [result('f', { profile: other }), result('f', { file: 'src/b.rs', profile: PROFILE })]));
    expect(useProofs.getState().profile?.profile).toBe(PROFILE);
  });

  it("shows the host's error (no native z3) instead of a profile", async () => {
    const host = fakeHost();
    const actions = createProofActions({ api: host.api, buffers: () => [] });
    actions.subscribe();
    await actions.profile({ name: 'tangled', file: 'src/lib.rs' });
    const error = 'Profiling needs native z3 (z3 on PATH); z3 is not installed (Debian: apt-get install z3)';
    host.emit('verify.done', done(1, [], { error }));
    expect(useProofs.getState().profile).toMatchObject({ phase: 'failed', error });
  });

  it('says so when a newer run cancels it, while that newer run still reports normally', async () => {
    const host = fakeHost();
    const actions = createProofActions({ api: host.api, buffers: () => [] });
    actions.subscribe();
    await actions.profile({ name: 'tangled', file: 'src/lib.rs' });
    await actions.verify('save');
    host.emit('verify.done', done(1, [], { cancelled: true }));
    expect(useProofs.getState().profile).toMatchObject({ phase: 'failed', error: expect.stringMatching(/cancelled by a newer run/) });
    host.emit('verify.done', done(2, [result('tangled')]));
    expect(useProofs.getState().lastRun?.runId).toBe(2);
    expect(useProofs.getState().profile?.phase).toBe('failed');
  });

  it('explains a function without counts (an error has no query) and a request the host refused', async () => {
    const host = fakeHost();
    const actions = createProofActions({ api: host.api, buffers: () => [] });
    actions.subscribe();
    await actions.profile({ name: 'broken', file: 'src/lib.rs' });
    host.emit('verify.done', done(1, [result('broken', { status: 'error', detail: 'type mismatch' })]));
    expect(useProofs.getState().profile).toMatchObject({ phase: 'failed', error: 'No profile: broken is error (type mismatch).' });

    host.refuseNext = "verify.run: 'profile' needs 'functionName'";
    await actions.profile({ name: 'broken', file: 'src/lib.rs' });
    expect(useProofs.getState().profile).toMatchObject({ phase: 'failed', runId: null, error: "verify.run: 'profile' needs 'functionName'" });
  });

  it('a second Profile click owns the panel; the first run ending changes nothing', async () => {
    const host = fakeHost();
    const actions = createProofActions({ api: host.api, buffers: () => [] });
    actions.subscribe();
    const first = actions.profile({ name: 'a', file: 'src/lib.rs' });
    const second = actions.profile({ name: 'b', file: 'src/lib.rs' });
    await Promise.all([first, second]);
    expect(useProofs.getState().profile).toMatchObject({ name: 'b', runId: 2, phase: 'running' });
    host.emit('verify.done', done(1, [], { cancelled: true }));
    expect(useProofs.getState().profile).toMatchObject({ name: 'b', phase: 'running' });
    host.emit('verify.done', done(2, [result('b', { profile: PROFILE })]));
    expect(useProofs.getState().profile).toMatchObject({ name: 'b', phase: 'done' });
  });
});

describe('progress: k of N from the start', () => {
  it('counts the current run\'s results against the total it announced, with an estimate of the time left', async () => {
    const { host, actions } = subscribedActions();
    await actions.verify('button');
    expect(progressText(useProofs.getState().progress, Date.now())).toBe('Verifying…');
    host.emit('verify.started', { runId: 1, total: 137 });
    expect(useProofs.getState().progress).toMatchObject({ runId: 1, done: 0, total: 137 });
    for (const name of ['a', 'b', 'c', 'd']) host.emit('verify.progress', { runId: 1, result: result(name) });
    const p = useProofs.getState().progress!;
    expect(progressText(p, p.startedAt + 500)).toBe('Verifying 4 of 137');
    // 4 results in 2 s: 133 more take about 67 s
    expect(progressText(p, p.startedAt + 2000)).toBe('Verifying 4 of 137 · about 67 s left');
    // another run's announcement does not count
    host.emit('verify.started', { runId: 7, total: 3 });
    expect(useProofs.getState().progress?.total).toBe(137);
    host.emit('verify.done', done(1, [result('a')]));
    expect(useProofs.getState().progress).toBeNull();
  });
});

describe('failed obligation rows', () => {
  it('merges identical rows with a count and keeps each row\'s first obligation', () => {
    const ob = (line: number, status: 'proved' | 'failed' | 'timeout', message = 'precondition not satisfied') => ({ kind: 'precondition' as const, status, span: span(line, 5), message });
    const rows = mergedFailures([ob(3, 'proved'), ob(4, 'failed'), ob(4, 'failed'), ob(6, 'failed'), ob(4, 'failed'), ob(4, 'timeout')]);
    expect(rows.map((r) => [r.index, r.ob.span.start.line, r.ob.status, r.count])).toEqual([
      [1, 4, 'failed', 3],
      [3, 6, 'failed', 1],
      [5, 4, 'timeout', 1],
    ]);
  });
});

describe('Explorer badges', () => {
  it('failed beats running beats verified; unsupported functions do not fail a file', () => {
    const live = (name: string, file: string, patch: Partial<FunctionResult>, flags: Partial<LiveFunction> = {}): [string, LiveFunction] => [`${file}::${name}`, { key: `${file}::${name}`, result: { ...result(name, patch), file }, stale: false, running: false, ...flags }];
    const fns = Object.fromEntries([
      live('a', 'x.rs', {}),
      live('b', 'x.rs', { status: 'timeout' }),
      live('c', 'y.rs', {}),
      live('d', 'y.rs', {}, { stale: true }),
      live('e', 'z.rs', {}),
      live('f', 'z.rs', { status: 'unsupported' }),
    ]);
    expect(fileProofBadge(fns, 'x.rs')).toEqual({ state: 'failed', verified: 1, failed: 1 });
    expect(fileProofBadge(fns, 'y.rs')?.state).toBe('running');
    expect(fileProofBadge(fns, 'z.rs')).toEqual({ state: 'verified', verified: 1, failed: 0 });
    expect(fileProofBadge(fns, 'none.rs')).toBeNull();
  });
});

describe('F8 / Shift+F8', () => {
  it('walks the failed obligations in file and line order, wrapping around, skipping stale functions', () => {
    const ob = (line: number, status: 'proved' | 'failed' = 'failed') => ({ kind: 'assertion' as const, status, span: span(line), message: 'assertion failed' });
    const fn = (name: string, file: string, obligations: ReturnType<typeof ob>[], stale = false): [string, LiveFunction] => [`${file}::${name}`, { key: `${file}::${name}`, result: { ...result(name, { status: 'failed', obligations }), file }, stale, running: false }];
    const functions = Object.fromEntries([fn('b', 'b.rs', [ob(5)]), fn('a', 'a.rs', [ob(9), ob(2, 'proved'), ob(3)]), fn('s', 'c.rs', [ob(1)], true)]);
    const walk = (selection: { key: string; obligation: number } | null, d: 1 | -1) => {
      const n = nextFailure({ functions, selection }, d);
      return n && { key: n.key, obligation: n.obligation };
    };
    expect(walk(null, 1)).toEqual({ key: 'a.rs::a', obligation: 2 });
    expect(walk({ key: 'a.rs::a', obligation: 2 }, 1)).toEqual({ key: 'a.rs::a', obligation: 0 });
    expect(walk({ key: 'a.rs::a', obligation: 0 }, 1)).toEqual({ key: 'b.rs::b', obligation: 0 });
    expect(walk({ key: 'b.rs::b', obligation: 0 }, 1)).toEqual({ key: 'a.rs::a', obligation: 2 });
    expect(walk(null, -1)).toEqual({ key: 'b.rs::b', obligation: 0 });
    expect(nextFailure({ functions: {}, selection: null }, 1)).toBeNull();
  });
});

describe('verify on save only', () => {
  it('an edit marks its file stale and starts no run', async () => {
    const host = fakeHost();
    const actions = createProofActions({ api: host.api, buffers: () => [] });
    actions.subscribe();
    await actions.verify('button');
    host.emit('verify.done', done(1, [result('a')]));
    actions.noteEdit('src/lib.rs', 0, false);
    await new Promise((r) => setTimeout(r, 20));
    expect(host.calls.filter((c) => c.method === 'verify.run')).toHaveLength(1);
    expect(useProofs.getState().functions['src/lib.rs::a']?.stale).toBe(true);
    // as you type (the default): the same edit starts a run
    actions.noteEdit('src/lib.rs', 0);
    await new Promise((r) => setTimeout(r, 20));
    expect(host.calls.filter((c) => c.method === 'verify.run')).toHaveLength(2);
  });
});

describe('replies in another order than the requests', () => {
  it('the newest request names the current run even when an older reply comes after it', async () => {
    const { host, actions } = subscribedActions();
    let releaseOld!: () => void;
    let releaseNew!: () => void;
    host.holdNext = new Promise<void>((r) => (releaseOld = r));
    const older = actions.verify('save');
    host.holdNext = new Promise<void>((r) => (releaseNew = r));
    const newer = actions.verify('button');
    // the newer request (run 2) is answered first, then the older one (run 1)
    releaseNew();
    expect(await newer).toBe(2);
    releaseOld();
    expect(await older).toBe(1);
    expect(useProofs.getState().currentRun).toBe(2);
    // run 1's end (cancelled) changes nothing; run 2's results are applied
    host.emit('verify.done', done(1, [], { cancelled: true }));
    host.emit('verify.done', done(2, [result('fixed')]));
    expect(useProofs.getState().functions['src/lib.rs::fixed']?.result.status).toBe('verified');
    expect(useProofs.getState().running).toBe(false);
  });
});

describe('verifyAndWait', () => {
  it("resolves when the run's end came before the reply that names the run", async () => {
    const { host, actions } = subscribedActions();
    let release!: () => void;
    host.holdNext = new Promise<void>((r) => (release = r));
    const waiting = actions.verifyAndWait('button');
    await Promise.resolve();
    // the host's events for run 1 arrive while the reply is still on its way
    host.emit('verify.done', done(1, [result('a')]));
    release();
    const d = await Promise.race([waiting, new Promise<'hung'>((r) => setTimeout(() => r('hung'), 1000))]);
    expect(d).not.toBe('hung');
    expect(d && d !== 'hung' ? d.runId : null).toBe(1);
  });
});

describe('streamed results are batched', () => {
  it('applies the results received between two flushes in one store update, in order, and counts them once each', async () => {
    const host = fakeHost();
    const flushes: (() => void)[] = [];
    const actions = createProofActions({ api: host.api, buffers: () => [], schedule: (flush) => void flushes.push(flush) });
    actions.subscribe();
    await actions.verify('button');
    host.emit('verify.started', { runId: 1, total: 300 });
    let updates = 0;
    const off = useProofs.subscribe(() => updates++);
    for (let i = 0; i < 300; i++) host.emit('verify.progress', { runId: 1, result: result(`f${i}`, { status: i % 3 === 0 ? 'failed' : 'verified' }) });
    // one flush scheduled for the whole burst, nothing applied before it runs
    expect(flushes).toHaveLength(1);
    expect(updates).toBe(0);
    expect(Object.keys(useProofs.getState().functions)).toHaveLength(0);
    flushes[0]!();
    off();
    expect(updates).toBe(1);
    const s = useProofs.getState();
    expect(Object.keys(s.functions)).toHaveLength(300);
    expect(s.functions['src/lib.rs::f3']?.result.status).toBe('failed');
    expect(s.progress).toMatchObject({ done: 300, total: 300 });
    // a later result of the same function replaces the earlier one, as when applied one by one
    host.emit('verify.progress', { runId: 1, result: result('f3', { status: 'verified' }) });
    host.emit('verify.progress', { runId: 1, result: result('f3', { status: 'timeout' }) });
    flushes[1]!();
    expect(useProofs.getState().functions['src/lib.rs::f3']?.result.status).toBe('timeout');
  });

  it("a result for a file the user edited is applied at once, not a batch later", async () => {
    const host = fakeHost();
    const flushes: (() => void)[] = [];
    const actions = createProofActions({ api: host.api, buffers: () => [], schedule: (flush) => void flushes.push(flush) });
    actions.subscribe();
    actions.noteEdit('src/edited.rs', 10_000, false);
    await actions.verify('edit');
    host.emit('verify.started', { runId: 1, total: 3 });
    host.emit('verify.progress', { runId: 1, result: result('other') });
    host.emit('verify.progress', { runId: 1, result: result('mine', { file: 'src/edited.rs', status: 'failed' }) });
    // the edited file's result and the one pending before it are applied, without the timer
    const s = useProofs.getState();
    expect(s.functions['src/edited.rs::mine']?.result.status).toBe('failed');
    expect(s.functions['src/lib.rs::other']).toBeDefined();
    expect(s.progress).toMatchObject({ done: 2 });
    // others still wait for the batch
    host.emit('verify.progress', { runId: 1, result: result('later') });
    expect(useProofs.getState().functions['src/lib.rs::later']).toBeUndefined();
    for (const f of flushes) f();
    expect(useProofs.getState().functions['src/lib.rs::later']).toBeDefined();
  });

  it('a new run, an edit or the run\'s end applies pending results first, so none is lost or applied late', async () => {
    const host = fakeHost();
    const flushes: (() => void)[] = [];
    const actions = createProofActions({ api: host.api, buffers: () => [], schedule: (flush) => void flushes.push(flush) });
    actions.subscribe();
    await actions.verify('button');
    host.emit('verify.progress', { runId: 1, result: result('a', { status: 'failed' }) });
    // an edit of the file before the timer: the result is applied, then marked stale by the edit
    actions.noteEdit('src/lib.rs', 10_000);
    expect(useProofs.getState().functions['src/lib.rs::a']).toMatchObject({ stale: true, running: false });
    host.emit('verify.progress', { runId: 1, result: result('b') });
    // the run ends before the timer: its pending result is there, then the report replaces all
    host.emit('verify.done', done(1, [result('a', { status: 'failed' }), result('b')]));
    expect(Object.keys(useProofs.getState().functions).sort()).toEqual(['src/lib.rs::a', 'src/lib.rs::b']);
    // a result pending when a newer run starts belongs to the superseded run: applied before
    // the new run marks everything running, never after (it would show as current)
    await actions.verify('button');
    host.emit('verify.progress', { runId: 2, result: result('a') });
    await actions.verify('button');
    expect(useProofs.getState().functions['src/lib.rs::a']).toMatchObject({ running: true });
    for (const f of flushes) f();
    expect(useProofs.getState().functions['src/lib.rs::a']).toMatchObject({ running: true });
  });
});
