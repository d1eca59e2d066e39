import { describe, expect, it } from 'vitest';
import { createClock, formatIsoMicros, parseIsoMicros } from './clock';

function fakeRealTime(start = Date.UTC(2026, 0, 1)) {
  let now = start;
  return { realNow: () => now, pass: (ms: number) => (now += ms) };
}

describe('simulation clock', () => {
  it('follows real time at speed 1 by default', () => {
    const real = fakeRealTime();
    const clock = createClock({ realNow: real.realNow });
    const start = clock.now();
    real.pass(1500);
    expect(clock.now() - start).toBe(1500);
    expect(clock.state()).toMatchObject({ mode: 'real', speed: 1 });
  });

  it('runs faster with a speed factor, without jumping when the speed changes', () => {
    const real = fakeRealTime();
    const clock = createClock({ realNow: real.realNow });
    real.pass(1000);
    const before = clock.now();
    clock.configure({ speed: 60 });
    expect(clock.now()).toBe(before);
    real.pass(1000);
    expect(clock.now() - before).toBe(60_000);
  });

  it('stands still in manual mode until advanced', () => {
    const real = fakeRealTime();
    const clock = createClock({ realNow: real.realNow });
    const frozenAt = clock.configure({ mode: 'manual' });
    real.pass(3_600_000);
    expect(clock.state().now).toBe(frozenAt.now);
    const t = clock.now();
    clock.advance(90);
    expect(clock.now() - t).toBe(90_000);
  });

  it('continues from simulated time when switching back to real mode', () => {
    const real = fakeRealTime();
    const clock = createClock({ realNow: real.realNow, mode: 'manual' });
    clock.advance(3600);
    const simulated = clock.now();
    clock.configure({ mode: 'real' });
    real.pass(10);
    expect(clock.now()).toBe(simulated + 10);
  });

  it('rejects negative or non-finite advances and non-positive speeds', () => {
    const clock = createClock();
    expect(() => clock.advance(-1)).toThrow(RangeError);
    expect(() => clock.advance(Number.NaN)).toThrow(RangeError);
    expect(() => clock.configure({ speed: 0 })).toThrow(RangeError);
  });

  it('resets to real time at speed 1', () => {
    const real = fakeRealTime();
    const clock = createClock({ realNow: real.realNow, mode: 'manual', speed: 5 });
    clock.advance(1000);
    clock.reset();
    expect(clock.state()).toMatchObject({ mode: 'real', speed: 1 });
    expect(clock.now()).toBe(real.realNow());
  });
});

describe('Keystone timestamps', () => {
  it('formats with six fraction digits and Z', () => {
    expect(formatIsoMicros(Date.UTC(2026, 10, 21, 20, 58, 43, 578) + 0.887)).toBe(
      '2026-11-21T20:58:43.578887Z',
    );
    expect(formatIsoMicros(Date.UTC(2026, 0, 1))).toBe('2026-01-01T00:00:00.000000Z');
  });

  it('parses back to the same instant, keeping microseconds', () => {
    const value = '2026-11-21T20:58:43.578887Z';
    expect(formatIsoMicros(parseIsoMicros(value))).toBe(value);
    expect(parseIsoMicros('2026-01-01T00:00:00Z')).toBe(Date.UTC(2026, 0, 1));
  });
});
