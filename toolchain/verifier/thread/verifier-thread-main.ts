// The verifier thread's message loop (runs inside the worker started by VerifierThread). The
// verifier's module state (parse cache, solver pools, timed-out memo, known function times)
// lives in this thread and survives between runs, as it did on the host's main thread.
import { availableParallelism } from 'node:os';
import { parentPort } from 'node:worker_threads';
import { closeCacheBackends } from '../cache-backend';
import { shutdownSolvers, solverPoolForTests, verifySources } from '../index';
import type { HostMessage, WorkerMessage } from './messages';

const port = parentPort;
if (!port) throw new Error('verifier-thread-main runs only as a worker thread (see VerifierThread)');

/** The runs in progress, by id: a cancelled run may still be unwinding when the next one starts. */
const runs = new Map<number, AbortController>();

function send(message: WorkerMessage): void {
  port!.postMessage(message);
}

async function verify(id: number, files: [string, string][], options: Extract<HostMessage, { type: 'verify' }>['options']): Promise<void> {
  const controller = new AbortController();
  runs.set(id, controller);
  try {
    const report = await verifySources(new Map(files), {
      ...options,
      signal: controller.signal,
      onFunctionResult: (result) => send({ type: 'result', id, result }),
      onStart: ({ total, affected }) => send({ type: 'started', id, total, affected }),
    });
    send({ type: 'done', id, report });
  } catch (e) {
    send({ type: 'failed', id, message: e instanceof Error ? e.message : String(e) });
  } finally {
    runs.delete(id);
  }
}

async function shutdown(): Promise<void> {
  for (const controller of runs.values()) controller.abort();
  await shutdownSolvers();
  await closeCacheBackends();
  process.exit(0);
}

port.on('message', (message: HostMessage) => {
  switch (message.type) {
    case 'verify':
      void verify(message.id, message.files, message.options);
      break;
    case 'cancel':
      runs.get(message.id)?.abort();
      break;
    case 'shutdown':
      void shutdown();
      break;
    case 'crash-solver-for-tests':
      // the pool of a run with the default jobs (the IDE's)
      solverPoolForTests(availableParallelism()).crashOne();
      break;
  }
});
