import { describe, expect, it } from 'vitest';

import { createRequestCounter } from './request-counter';

describe('request counter', () => {
  it('counts OpenStack requests by service and ignores the control API', () => {
    const counter = createRequestCounter();
    for (const path of ['/compute/v2.1/servers/detail?limit=5', '/compute/v2.1/limits', '/image/v2/images', '/_emulator/health', '/']) counter.record(path);
    expect(counter.snapshot()).toEqual({ total: 3, byService: { compute: 2, image: 1 } });
    counter.reset();
    expect(counter.snapshot()).toEqual({ total: 0, byService: {} });
  });
});
