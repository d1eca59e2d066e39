import { afterEach, describe, expect, it, vi } from 'vitest';
import { startRealTimeDriver } from './real-time-driver';

describe('startRealTimeDriver', () => {
  afterEach(() => vi.useRealTimers());

  it('kicks the evaluator every interval until stopped', () => {
    vi.useFakeTimers();
    const kick = vi.fn();
    const stop = startRealTimeDriver({ kick }, 5000);
    vi.advanceTimersByTime(4999);
    expect(kick).not.toHaveBeenCalled();
    vi.advanceTimersByTime(10_001);
    expect(kick).toHaveBeenCalledTimes(3);
    stop();
    stop();
    vi.advanceTimersByTime(60_000);
    expect(kick).toHaveBeenCalledTimes(3);
  });
});
