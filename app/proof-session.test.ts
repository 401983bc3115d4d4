import { describe, expect, it } from 'vitest';
import { costWarning, recordRun, type TimingSample } from './proof-session';

const sample = (timeMs: number, status: TimingSample['status'] = 'verified', cached = false): TimingSample => ({
  timeMs,
  status,
  cached,
  at: 0,
  timeoutMs: 10_000,
});

describe('proof cost warnings', () => {
  it('warns when a proof got 3x slower than its previous verified run', () => {
    expect(costWarning([sample(100), sample(310)])).toEqual({ kind: 'slow', factor: 3.1 });
    expect(costWarning([sample(100), sample(250)])).toBeUndefined();
    // Compared with the previous *verified* run, skipping failures and cache hits.
    expect(costWarning([sample(100), sample(900, 'failed'), sample(5, 'verified', true), sample(400)])?.kind).toBe('slow');
  });

  it('warns when a proof came within 20% of its timeout', () => {
    expect(costWarning([sample(8_100)])).toEqual({ kind: 'brittle', fractionOfTimeout: 0.81 });
    expect(costWarning([sample(7_900)])).toBeUndefined();
  });

  it('says nothing about a failing run: its time is the search for a counterexample', () => {
    expect(costWarning([sample(100), sample(900, 'failed')])).toBeUndefined();
    expect(costWarning([sample(100), sample(900, 'timeout')])).toBeUndefined();
  });

  it('says nothing for cache hits or tiny times', () => {
    expect(costWarning([sample(5, 'verified', true)])).toBeUndefined();
    expect(costWarning([sample(1), sample(10)])).toBeUndefined();
  });

  it('keeps the last 20 samples per function', () => {
    let history = {};
    for (let i = 0; i < 25; i++) {
      history = recordRun(history, [{ name: 'f', file: 'a.rs', timeMs: i, cached: false, status: 'verified' } as never], 10_000, i);
    }
    const samples = (history as Record<string, TimingSample[]>)['a.rs::f']!;
    expect(samples).toHaveLength(20);
    expect(samples[0]!.timeMs).toBe(5);
  });
});
