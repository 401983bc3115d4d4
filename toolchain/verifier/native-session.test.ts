// NativeSessionHost without z3: only the queue's slots are involved (no session is started).
import { describe, expect, it } from 'vitest';
import { NativeSolverQueue } from './solver-pool';
import { NativeSessionHost } from './native-session';

const settledWithin = <T>(p: Promise<T>, ms: number): Promise<{ value: T } | 'pending'> =>
  Promise.race([p.then((value) => ({ value })), new Promise<'pending'>((r) => setTimeout(() => r('pending'), ms))]);

describe('NativeSessionHost', () => {
  it('refuses a session asked for with an aborted signal at once, and the slot goes to the next waiter', async () => {
    const queue = new NativeSolverQueue(1);
    const host = new NativeSessionHost(queue);
    expect(await queue.acquire(0)).toBe(true); // the only slot is busy
    const ctrl = new AbortController();
    ctrl.abort();
    // (it must not wait in the queue: it would never hear of the abort, which came first)
    expect(await settledWithin(host.open(0, ctrl.signal), 500)).toEqual({ value: null });
    const next = host.open(0);
    queue.release();
    const lease = await settledWithin(next, 500);
    expect(lease).not.toBe('pending');
    expect((lease as { value: unknown }).value).not.toBeNull();
    (lease as { value: { close(): void } }).value.close();
    host.shutdown();
    queue.shutdown();
  });
});

describe('NativeSolverQueue', () => {
  it('hands a released slot to the next waiter; one that aborts just after passes it on; never more than `size` run', async () => {
    const queue = new NativeSolverQueue(1);
    expect(await queue.acquire(0)).toBe(true);
    const ctrl = new AbortController();
    const first = queue.acquire(0, ctrl.signal);
    const second = queue.acquire(0);
    queue.release(); // to `first`
    ctrl.abort(); // before `first` resumes: the slot must reach `second`
    expect(await settledWithin(first, 500)).toEqual({ value: false });
    expect(await settledWithin(second, 500)).toEqual({ value: true });
    // the slot is held by `second`: a newcomer waits until it is released
    const third = queue.acquire(0);
    expect(await settledWithin(third, 50)).toBe('pending');
    queue.release();
    expect(await settledWithin(third, 500)).toEqual({ value: true });
    queue.release();
    expect(await settledWithin(queue.acquire(0), 50)).toEqual({ value: true });
    queue.shutdown();
  });
});
