// Worker thread hosting one z3-solver (wasm) instance. Plain JS so that worker_threads can load it
// without a TypeScript loader. Protocol (parent -> worker):
//   { type: 'check', id, query, timeoutMs, wantModel }  -> { type: 'result', id, result, model, reason, ms }
//   { type: 'interrupt' }                                -> (the running check returns 'unknown')
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
