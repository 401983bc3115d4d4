// The messages between a VerifierThread (the host) and its worker. Everything here crosses a
// structured clone, so it is plain data: the files as [path, text] pairs, no AbortSignal, no
// callbacks.
import type { FunctionResult, VerifyReport } from '../../../app/verification';
import type { VerifyOptions } from '../index';

/** VerifyOptions without what cannot cross to a worker (a signal, a callback). */
export type ThreadVerifyOptions = Omit<VerifyOptions, 'signal' | 'onFunctionResult' | 'onStart'>;

/** Host -> worker. */
export type HostMessage =
  | { type: 'verify'; id: number; files: [string, string][]; options: ThreadVerifyOptions }
  | { type: 'cancel'; id: number }
  | { type: 'shutdown' }
  /** Fault injection for the e2e tests (STRATOS_TEST_HOOKS): end one solver worker as a crash would. */
  | { type: 'crash-solver-for-tests' };

/** Worker -> host. */
export type WorkerMessage =
  | { type: 'started'; id: number; total: number; affected: string[] }
  | { type: 'result'; id: number; result: FunctionResult }
  | { type: 'done'; id: number; report: VerifyReport }
  | { type: 'failed'; id: number; message: string };
