import { describe, expect, it } from 'vitest';
import type { ComputeService } from '../../store/schema';
import { formatIsoMicros } from '../../sim/clock';
import { lastReport, novaNaiveTime, serviceIsUp } from './host-state';

const NOW = Date.parse('2026-11-21T12:00:07Z');

const service = (changes: Partial<ComputeService> = {}): ComputeService => ({
  id: 's',
  seq: 1,
  binary: 'nova-compute',
  host: 'c01.example.com',
  zone: 'nova',
  disabled: false,
  disabledReason: null,
  forcedDown: false,
  stoppedReportingAt: null,
  createdAt: '2026-11-01T09:00:00.000000Z',
  ...changes,
});

describe('service liveness', () => {
  it('reports every ten seconds while running', () => {
    expect(novaNaiveTime(lastReport(service(), NOW))).toBe('2026-11-21T12:00:00.000000');
    expect(serviceIsUp(service(), NOW)).toBe(true);
  });

  it('goes down sixty seconds after it stopped reporting, or at once when forced', () => {
    const stoppedAt = (secondsAgo: number) => service({ stoppedReportingAt: formatIsoMicros(NOW - secondsAgo * 1000) });
    expect(serviceIsUp(stoppedAt(30), NOW)).toBe(true);
    expect(serviceIsUp(stoppedAt(60), NOW)).toBe(true);
    expect(serviceIsUp(stoppedAt(61), NOW)).toBe(false);
    expect(lastReport(stoppedAt(61), NOW)).toBe(NOW - 61_000);
    expect(serviceIsUp(service({ forcedDown: true }), NOW)).toBe(false);
  });
});
