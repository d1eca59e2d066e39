// The CPU simulation as a pure function of time: samples on period boundaries, idle noise,
// loads from their start, cpu as the running sum of cpu_util, and the end of the instance.

import { describe, expect, it } from 'vitest';
import { offPeriodsOf, simulatedSeries, type SimulatedInstance } from './metrics';

const T0 = Date.parse('2026-11-21T12:00:30Z');
const minute = 60_000;

const instance = (overrides: Partial<SimulatedInstance> = {}): SimulatedInstance => ({
  id: 'vm-1',
  startedMs: T0,
  endedMs: null,
  vcpus: 2,
  memoryMb: 512,
  loads: [],
  ...overrides,
});

describe('simulatedSeries', () => {
  it('samples each minute boundary after the start, up to now, idling within 1.5-2.5 %', () => {
    const points = simulatedSeries(instance(), 'cpu_util', 0, Number.POSITIVE_INFINITY, T0 + 10 * minute);
    expect(points[0]?.t).toBe(Date.parse('2026-11-21T12:01:00Z'));
    expect(points).toHaveLength(10);
    for (const p of points) {
      expect(p.v).toBeGreaterThanOrEqual(1.5);
      expect(p.v).toBeLessThanOrEqual(2.5);
    }
    // Deterministic: the same reading twice.
    expect(simulatedSeries(instance(), 'cpu_util', 0, Number.POSITIVE_INFINITY, T0 + 10 * minute)).toEqual(points);
  });

  it('follows a load from its start and makes cpu the running sum of vcpus × 60 s × util', () => {
    const loaded = instance({ loads: [{ sinceMs: T0 + 5 * minute, cpuPercent: 80 }] });
    const util = simulatedSeries(loaded, 'cpu_util', 0, Number.POSITIVE_INFINITY, T0 + 10 * minute);
    expect(util.slice(0, 4).every((p) => p.v < 3)).toBe(true);
    expect(util.slice(5).every((p) => p.v >= 79.5 && p.v <= 80.5)).toBe(true);
    const cpu = simulatedSeries(loaded, 'cpu', 0, Number.POSITIVE_INFINITY, T0 + 10 * minute);
    let sum = 0;
    util.forEach((p, i) => {
      sum += Math.round(2 * 60 * (p.v / 100) * 1e9);
      expect(cpu[i]).toEqual({ t: p.t, v: sum });
    });
    // A window still counts cpu from the first sample.
    const window = simulatedSeries(loaded, 'cpu', T0 + 8 * minute, Number.POSITIVE_INFINITY, T0 + 10 * minute);
    expect(window).toEqual(cpu.filter((p) => p.t >= T0 + 8 * minute));
  });

  it('stops at the end of the instance and honours the sample period', () => {
    const ended = instance({ endedMs: T0 + 3 * minute });
    expect(simulatedSeries(ended, 'vcpus', 0, Number.POSITIVE_INFINITY, T0 + 10 * minute).map((p) => p.v)).toEqual([2, 2, 2]);
    const fast = instance({ periodS: 1 });
    expect(simulatedSeries(fast, 'cpu_util', 0, Number.POSITIVE_INFINITY, T0 + 10_000)).toHaveLength(10);
  });

  it('produces nothing while the server is stopped, and cpu does not grow then', () => {
    const offPeriods = offPeriodsOf([
      { action: 'stop', atMs: T0 + 2 * minute + 5000 },
      { action: 'reboot', atMs: T0 + 3 * minute },
      { action: 'start', atMs: T0 + 5 * minute + 5000 },
    ]);
    expect(offPeriods).toEqual([{ fromMs: T0 + 2 * minute + 5000, toMs: T0 + 3 * minute }]);
    const paused = offPeriodsOf([{ action: 'pause', atMs: T0 + 2 * minute + 5000 }]);
    const points = simulatedSeries(instance({ offPeriods: paused }), 'cpu', 0, Number.POSITIVE_INFINITY, T0 + 10 * minute);
    expect(points.map((p) => p.t)).toEqual([T0 + 30_000, T0 + 90_000]);
  });
});
