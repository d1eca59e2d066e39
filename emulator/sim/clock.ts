// The one clock of the embedded cloud. Everything time-based (token expiry today; build
// times, alarm evaluation and cooldowns later) reads it, so a test can take time over.

export type ClockMode = 'real' | 'manual';

export interface ClockState {
  mode: ClockMode;
  speed: number;
  now: string;
}

export interface Clock {
  /** Simulated time, epoch milliseconds (may carry a fraction in real mode). */
  now(): number;
  state(): ClockState;
  /** Switches mode and/or speed without a jump: simulated time continues from where it is. */
  configure(change: { mode?: ClockMode; speed?: number }): ClockState;
  /** Moves simulated time forward in either mode. */
  advance(seconds: number): ClockState;
  /** Back to real time at speed 1, as after a fresh start. */
  reset(): ClockState;
}

export interface ClockOptions {
  mode?: ClockMode;
  speed?: number;
  /** Source of real time; injectable so the clock itself can be tested without waiting. */
  realNow?: () => number;
}

export function createClock(options: ClockOptions = {}): Clock {
  const realNow = options.realNow ?? defaultRealNow;
  let mode: ClockMode = options.mode ?? 'real';
  let speed = checkSpeed(options.speed ?? 1);
  // Simulated time is anchorSim + (real elapsed since anchorReal) * speed in real mode,
  // and exactly anchorSim in manual mode.
  let anchorReal = realNow();
  let anchorSim = anchorReal;

  const now = (): number =>
    mode === 'manual' ? anchorSim : anchorSim + (realNow() - anchorReal) * speed;

  const reanchor = (): void => {
    anchorSim = now();
    anchorReal = realNow();
  };

  const state = (): ClockState => ({ mode, speed, now: formatIsoMicros(now()) });

  return {
    now,
    state,
    configure(change) {
      reanchor();
      if (change.mode !== undefined) mode = change.mode;
      if (change.speed !== undefined) speed = checkSpeed(change.speed);
      return state();
    },
    advance(seconds) {
      if (!Number.isFinite(seconds) || seconds < 0) {
        throw new RangeError('seconds must be a finite number >= 0');
      }
      reanchor();
      anchorSim += seconds * 1000;
      return state();
    },
    reset() {
      mode = 'real';
      speed = 1;
      anchorReal = realNow();
      anchorSim = anchorReal;
      return state();
    },
  };
}

function checkSpeed(speed: number): number {
  if (!Number.isFinite(speed) || speed <= 0) throw new RangeError('speed must be a number > 0');
  return speed;
}

// performance.timeOrigin + performance.now() gives sub-millisecond precision, which keeps
// Keystone-style microsecond timestamps distinct between consecutive tokens.
function defaultRealNow(): number {
  return performance.timeOrigin + performance.now();
}

/** Keystone's timestamp format: 2026-11-21T20:58:43.578887Z (always six fraction digits). */
export function formatIsoMicros(epochMs: number): string {
  // Whole microseconds since the epoch stay below 2^53, so this integer is exact.
  const totalMicros = Math.round(epochMs * 1000);
  const wholeMs = Math.floor(totalMicros / 1000);
  const micros = totalMicros - wholeMs * 1000;
  const base = new Date(wholeMs).toISOString(); // 2026-11-21T20:58:43.578Z
  return `${base.slice(0, 23)}${String(micros).padStart(3, '0')}Z`;
}

/** Inverse of formatIsoMicros, keeping the microseconds that Date.parse would drop. */
export function parseIsoMicros(value: string): number {
  const match = /^(.*T\d{2}:\d{2}:\d{2})(?:\.(\d{1,6}))?Z$/.exec(value);
  if (!match || match[1] === undefined) throw new RangeError(`not an ISO UTC timestamp: ${value}`);
  const fraction = (match[2] ?? '').padEnd(6, '0');
  return Date.parse(`${match[1]}Z`) + Number(fraction) / 1000;
}
