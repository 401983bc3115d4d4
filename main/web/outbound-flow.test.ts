import { describe, expect, it } from 'vitest';
import type { ServerMessage } from '../../app/api';
import { droppedOutputLine, OutboundFlow } from './outbound-flow';

const output = (sessionId: number, data: string): ServerMessage => ({ event: 'boot.event', payload: { sessionId, event: { type: 'output', data } } });
const exit = (sessionId: number): ServerMessage => ({ event: 'boot.event', payload: { sessionId, event: { type: 'exit', result: { status: 0, reason: 'success', qemuExitCode: 33, signal: null, durationMs: 1, firstOutputMs: null, summaryMs: null, summaryLine: null } } } });

describe('OutboundFlow', () => {
  const limits = { consoleBytes: 1000, connectionBytes: 10_000 };

  it('sends console output while the buffer is below the bound, drops it above, and resumes below half with one line', () => {
    let queued = 0;
    const flow = new OutboundFlow(() => queued, limits);
    expect(flow.plan(output(1, 'a'))).toEqual([output(1, 'a')]);
    queued = 1000;
    expect(flow.plan(output(1, 'bb'))).toEqual([]);
    queued = 700; // below the bound but not below half: still dropping
    expect(flow.plan(output(1, 'ccc'))).toEqual([]);
    expect(flow.pendingDropped()).toBe(5);
    queued = 499;
    expect(flow.plan(output(1, 'd'))).toEqual([output(1, droppedOutputLine(5)), output(1, 'd')]);
    expect(flow.pendingDropped()).toBe(0);
    expect(flow.plan(output(1, 'e'))).toEqual([output(1, 'e')]);
  });

  it('never drops what is not console output; the session end carries the line first', () => {
    let queued = 5000;
    const flow = new OutboundFlow(() => queued, limits);
    expect(flow.plan(output(2, 'xyz'))).toEqual([]);
    const reply: ServerMessage = { id: 3, result: {} };
    expect(flow.plan(reply)).toEqual([reply]);
    expect(flow.plan(exit(2))).toEqual([output(2, droppedOutputLine(3)), exit(2)]);
    queued = 10_000;
    expect(flow.plan(reply)).toBe('close');
  });

  it('reports a gap when the client caught up after the output stopped', () => {
    let queued = 2000;
    const flow = new OutboundFlow(() => queued, limits);
    flow.plan(output(4, 'lost'));
    expect(flow.drainedNotices()).toEqual([]);
    queued = 0;
    expect(flow.drainedNotices()).toEqual([output(4, droppedOutputLine(4))]);
    expect(flow.drainedNotices()).toEqual([]);
  });
});
