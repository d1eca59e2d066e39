// The embedded cloud settles lazily, on requests (decision 003). Run as a service on the real
// clock (`npm run cloud`, `npm start`), nobody may be asking: this driver kicks the alarm
// evaluator every few seconds so alarms fire and their actions (Heat's scaling signals) run on
// their own, and a browser sees members appear. Stack, server and metric states are derived from
// the clock on read, so they need no timer. Stopped before the server closes.

export interface Kickable {
  kick(): void;
}

export interface DriverTimers {
  setInterval(fn: () => void, ms: number): unknown;
  clearInterval(handle: unknown): void;
}

const NODE_TIMERS: DriverTimers = {
  setInterval: (fn, ms) => {
    const handle = setInterval(fn, ms);
    handle.unref();
    return handle;
  },
  clearInterval: (handle) => clearInterval(handle as NodeJS.Timeout),
};

/** Kicks `evaluation` every `everyMs`; answers the function that stops it (idempotent). */
export function startRealTimeDriver(evaluation: Kickable, everyMs: number, timers: DriverTimers = NODE_TIMERS): () => void {
  let handle: unknown = timers.setInterval(() => evaluation.kick(), everyMs);
  return () => {
    if (handle === undefined) return;
    timers.clearInterval(handle);
    handle = undefined;
  };
}
