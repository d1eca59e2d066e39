import 'server-only';

import type { Measure, MetricSeries } from '../openstack/gnocchi/types';
import { toApiError } from './api-error';

/**
 * Server-Sent Events for live charts. The BFF polls the cloud on the server and pushes only what the browser
 * has not seen: new points, and points whose value changed (a bucket still filling up). Nothing in an event
 * comes from the session (no token); errors travel as `stream-error` events with the public message.
 */

/** What one poll returns: series, plus anything else the client replaces whole when it changes (markers…). */
export interface StreamSnapshot {
  series: MetricSeries[];
  extras?: Record<string, unknown>;
}

export interface StreamOptions {
  /** Reads the current state; `since` is the newest point time already pushed (to read less). */
  poll: (since: string | null) => Promise<StreamSnapshot>;
  intervalMs: number;
  heartbeatMs?: number;
  signal: AbortSignal;
}

/** One SSE frame. JSON.stringify leaves no raw newline in the data line. */
export function sseFrame(event: string, data: unknown): string {
  return `event: ${event}\ndata: ${JSON.stringify(data)}\n\n`;
}

export const sseComment = (text: string): string => `: ${text}\n\n`;

/** Remembers what was pushed per series and answers only the new or changed points. */
export class PushedPoints {
  private readonly seen = new Map<string, Map<string, number>>();
  private newest: string | null = null;

  diff(series: readonly MetricSeries[]): MetricSeries[] {
    const out: MetricSeries[] = [];
    for (const s of series) {
      const known = this.seen.get(s.key) ?? new Map<string, number>();
      this.seen.set(s.key, known);
      const fresh: Measure[] = s.measures.filter((m) => known.get(m.time) !== m.value);
      for (const m of fresh) {
        known.set(m.time, m.value);
        if (this.newest === null || Date.parse(m.time) > Date.parse(this.newest)) this.newest = m.time;
      }
      // Only the latest few hundred instants can still change; forget the rest.
      if (known.size > 500) for (const time of [...known.keys()].sort().slice(0, known.size - 500)) known.delete(time);
      if (fresh.length) out.push({ key: s.key, label: s.label, measures: fresh });
    }
    return out;
  }

  get newestTime(): string | null {
    return this.newest;
  }
}

/** The SSE body: polls until the client goes away, pushing `points` and `extras` events. */
export function metricEventStream(options: StreamOptions): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  const pushed = new PushedPoints();
  let lastExtras = '';
  let timer: ReturnType<typeof setTimeout> | undefined;
  let heartbeat: ReturnType<typeof setInterval> | undefined;
  let closed = false;

  return new ReadableStream<Uint8Array>({
    start(controller) {
      const send = (text: string) => {
        if (!closed) controller.enqueue(encoder.encode(text));
      };
      const close = () => {
        if (closed) return;
        closed = true;
        clearTimeout(timer);
        clearInterval(heartbeat);
        try {
          controller.close();
        } catch {
          // already closed by a cancel
        }
      };
      options.signal.addEventListener('abort', close, { once: true });
      if (options.signal.aborted) return close();

      // Tells EventSource how long to wait before it reconnects by itself.
      send(`retry: ${Math.max(1000, options.intervalMs)}\n\n`);
      heartbeat = setInterval(() => send(sseComment('heartbeat')), options.heartbeatMs ?? 15_000);

      const tick = async () => {
        try {
          const snapshot = await options.poll(pushed.newestTime);
          if (closed) return;
          const series = pushed.diff(snapshot.series);
          if (series.length) send(sseFrame('points', { series }));
          const extras = JSON.stringify(snapshot.extras ?? null);
          if (snapshot.extras && extras !== lastExtras) send(sseFrame('extras', snapshot.extras));
          lastExtras = extras;
        } catch (error) {
          const { payload } = toApiError(error);
          send(sseFrame('stream-error', { message: payload.message, status: payload.status, service: payload.service, requestId: payload.requestId }));
          // An ended session will not come back by polling: stop and let the client see it.
          if (payload.status === 401 || payload.status === 403) return close();
        }
        if (!closed) timer = setTimeout(tick, options.intervalMs);
      };
      void tick();
    },
    cancel() {
      closed = true;
      clearTimeout(timer);
      clearInterval(heartbeat);
    },
  });
}

/** Poll interval: ZENITH_METRIC_POLL_MS (tests and benchmarks shorten it), else 3 s; kept within 0.2–60 s. */
export function pollIntervalMs(): number {
  const configured = Number(process.env.ZENITH_METRIC_POLL_MS);
  return Number.isFinite(configured) && configured > 0 ? Math.min(60_000, Math.max(200, configured)) : 3_000;
}

export function sseResponse(body: ReadableStream<Uint8Array>): Response {
  return new Response(body, {
    headers: {
      'Content-Type': 'text/event-stream; charset=utf-8',
      // no-transform keeps compression from buffering the stream.
      'Cache-Control': 'no-cache, no-store, no-transform',
      Connection: 'keep-alive',
      'X-Accel-Buffering': 'no',
    },
  });
}
