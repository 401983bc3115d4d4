// Worker thread hosting one z3-solver (wasm) instance. Plain JS so that worker_threads can load it
// without a TypeScript loader. Protocol (parent -> worker):
//   { type: 'check', id, query, timeoutMs, wantModel }  -> { type: 'result', id, result, model, reason, ms }
//   { type: 'eval', id, text }                           -> { type: 'evaluated', id, out } | { type: 'evaluated', id, error }
//        (SMT-LIB commands through z3's command interpreter, whose state persists between evals:
//        the incremental sessions of incremental-solver.ts)
//   { type: 'interrupt' }                                -> (the running check or eval returns 'unknown')
//   { type: 'shutdown' }                                 -> { type: 'bye' } then the worker exits
// On startup it posts { type: 'ready' } (or { type: 'fatal', message }).
import { parentPort, workerData } from 'node:worker_threads';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const { init, killThreads } = require('z3-solver');

let api;
let ctx;
try {
  const mod = workerData && workerData.wasmModule;
  const overrides = mod
    ? {
        instantiateWasm(imports, receive) {
          const instance = new WebAssembly.Instance(mod, imports);
          receive(instance, mod);
          return instance.exports;
        },
      }
    : {};
  api = await init(overrides);
  ctx = new api.Context('main');
  parentPort.postMessage({ type: 'ready' });
} catch (e) {
  parentPort.postMessage({ type: 'fatal', message: String((e && e.message) || e) });
}

/**
 * `Z3_eval_smtlib2_string` with the text in memory that stays ours until z3 is done with it.
 * (z3-solver's own wrapper passes the string on the wasm stack, which is reused as soon as the
 * call returns its promise, while z3's parser, on its own thread, is still reading the commands
 * after a `check-sat`: in a test of 300 evals, 2 had their last commands garbled.)
 */
async function evalSmtlib(text) {
  const em = api.em;
  const bytes = new TextEncoder().encode(text);
  const ptr = em._malloc(bytes.length + 1);
  em.HEAPU8.set(bytes, ptr);
  em.HEAPU8[ptr + bytes.length] = 0;
  try {
    return await em.async_call(() => em._async_Z3_eval_smtlib2_string(ctx.ptr, ptr));
  } finally {
    em._free(ptr);
  }
}

let busy = false;
parentPort.on('message', async (msg) => {
  if (msg.type === 'interrupt') {
    if (busy && ctx) ctx.interrupt();
    return;
  }
  if (msg.type === 'shutdown') {
    try {
      if (api) await killThreads(api.em);
    } catch {
      /* ignore */
    }
    parentPort.postMessage({ type: 'bye' });
    process.exit(0);
  }
  if (msg.type === 'crash') {
    // test hook: simulate a crashed solver instance
    throw new Error('simulated solver crash');
  }
  if (msg.type === 'eval') {
    busy = true;
    try {
      const out = await evalSmtlib(msg.text);
      parentPort.postMessage({ type: 'evaluated', id: msg.id, out });
    } catch (e) {
      parentPort.postMessage({ type: 'evaluated', id: msg.id, error: String((e && e.message) || e) });
    } finally {
      busy = false;
    }
    return;
  }
  if (msg.type !== 'check') return;
  const t0 = performance.now();
  busy = true;
  let solver;
  try {
    solver = new ctx.Solver();
    solver.set('timeout', Math.max(1, Math.floor(msg.timeoutMs)));
    solver.fromString(msg.query);
    const result = await solver.check();
    let model = null;
    let reason = '';
    if ((result === 'sat' || result === 'unknown') && msg.wantModel) {
      try {
        model = solver.model().sexpr();
      } catch (e) {
        model = null;
      }
    }
    if (result === 'unknown') {
      try {
        reason = solver.reasonUnknown();
      } catch {
        reason = 'unknown';
      }
    }
    parentPort.postMessage({ type: 'result', id: msg.id, result, model, reason, ms: performance.now() - t0 });
  } catch (e) {
    parentPort.postMessage({ type: 'result', id: msg.id, result: 'error', model: null, reason: String((e && e.message) || e), ms: performance.now() - t0 });
  } finally {
    busy = false;
    try {
      if (solver) solver.release();
    } catch {
      /* ignore */
    }
  }
});
