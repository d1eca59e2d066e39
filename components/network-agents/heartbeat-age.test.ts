import { describe, expect, it } from 'vitest';

import { heartbeatAge } from './heartbeat-age';

describe('heartbeat age in words', () => {
  it('picks the largest unit that keeps the figure readable', () => {
    expect(heartbeatAge(0)).toEqual({ unit: 's', value: 0 });
    expect(heartbeatAge(12)).toEqual({ unit: 's', value: 12 });
    expect(heartbeatAge(59)).toEqual({ unit: 's', value: 59 });
    expect(heartbeatAge(60)).toEqual({ unit: 'min', value: 1 });
    expect(heartbeatAge(3599)).toEqual({ unit: 'min', value: 59 });
    expect(heartbeatAge(7200)).toEqual({ unit: 'h', value: 2 });
    expect(heartbeatAge(3 * 86_400 + 5)).toEqual({ unit: 'd', value: 3 });
  });
});
