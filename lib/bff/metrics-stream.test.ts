import { describe, expect, it, vi } from 'vitest';

import { OpenStackError } from '../openstack/errors';
import type { MetricSeries } from '../openstack/gnocchi/types';
import { PushedPoints, metricEventStream, sseComment, sseFrame, type StreamSnapshot } from './metrics-stream';

const m = (time: string, value: number) => ({ time, granularity: 60, value });
const cpu = (...measures: ReturnType<typeof m>[]): MetricSeries[] => [{ key: 'cpu_util', label: 'cpu_util', measures }];

/** Reads frames from the stream until `count` non-comment frames arrived. */
async function readFrames(stream: ReadableStream<Uint8Array>, count: number): Promise<string[]> {
  const reader = stream.getReader();
  const decoder = new TextDecoder();
  let buffer = '';
  const frames: string[] = [];
  while (frames.length < count) {
    const { value, done } = await reader.read();
    if (done) break;
    buffer += decoder.decode(value, { stream: true });
    let cut: number;
    while ((cut = buffer.indexOf('\n\n')) >= 0) {
      const frame = buffer.slice(0, cut);
      buffer = buffer.slice(cut + 2);
      if (!frame.startsWith(':') && !frame.startsWith('retry:')) frames.push(frame);
    }
  }
  reader.releaseLock();
  return frames;
}

const parse = (frame: string) => {
  const [eventLine, dataLine] = frame.split('\n');
  return { event: eventLine!.slice('event: '.length), data: JSON.parse(dataLine!.slice('data: '.length)) as unknown };
};

describe('SSE framing', () => {
  it('writes one event per frame with JSON data on one line', () => {
    expect(sseFrame('points', { note: 'a\nb' })).toBe('event: points\ndata: {"note":"a\\nb"}\n\n');
    expect(sseComment('heartbeat')).toBe(': heartbeat\n\n');
  });
});

describe('PushedPoints', () => {
  it('answers only new points and points whose value changed', () => {
    const pushed = new PushedPoints();
    expect(pushed.diff(cpu(m('2026-11-21T23:40:00.000Z', 2), m('2026-11-21T23:41:00.000Z', 3)))[0]!.measures).toHaveLength(2);
    expect(pushed.diff(cpu(m('2026-11-21T23:40:00.000Z', 2), m('2026-11-21T23:41:00.000Z', 3)))).toEqual([]);
    const next = pushed.diff(cpu(m('2026-11-21T23:41:00.000Z', 50), m('2026-11-21T23:42:00.000Z', 99)));
    expect(next[0]!.measures.map((p) => p.value)).toEqual([50, 99]);
    expect(pushed.newestTime).toBe('2026-11-21T23:42:00.000Z');
  });
});

describe('metricEventStream', () => {
  it('pushes the first snapshot, then only new points, and stops polling when aborted', async () => {
    const snapshots: StreamSnapshot[] = [
      { series: cpu(m('2026-11-21T23:40:00.000Z', 2)) },
      { series: cpu(m('2026-11-21T23:40:00.000Z', 2)) },
      { series: cpu(m('2026-11-21T23:40:00.000Z', 2), m('2026-11-21T23:41:00.000Z', 98)) },
    ];
    const sinces: (string | null)[] = [];
    const abort = new AbortController();
    const poll = vi.fn(async (since: string | null) => {
      sinces.push(since);
      return snapshots[Math.min(sinces.length - 1, snapshots.length - 1)]!;
    });
    const stream = metricEventStream({ poll, intervalMs: 5, signal: abort.signal });
    const frames = (await readFrames(stream, 2)).map(parse);
    expect(frames.map((f) => f.event)).toEqual(['points', 'points']);
    expect((frames[1]!.data as { series: MetricSeries[] }).series[0]!.measures).toEqual([m('2026-11-21T23:41:00.000Z', 98)]);
    expect(sinces.slice(0, 2)).toEqual([null, '2026-11-21T23:40:00.000Z']);
    abort.abort();
    // The client went away: the stream ends (no frame follows), so no poll is scheduled any more.
    expect(await readFrames(stream, 1)).toEqual([]);
    const reader = stream.getReader();
    expect((await reader.read()).done).toBe(true);
  });

  it('pushes errors as events with the public message, and ends the stream when the session ended', async () => {
    const poll = vi
      .fn<(since: string | null) => Promise<StreamSnapshot>>()
      .mockRejectedValueOnce(new OpenStackError({ service: 'metric', status: 503, message: 'Gnocchi is down', requestId: 'req-1' }))
      .mockRejectedValueOnce(new OpenStackError({ service: 'metric', status: 401, message: 'The request you have made requires authentication.', requestId: null }));
    const stream = metricEventStream({ poll, intervalMs: 1, signal: new AbortController().signal });
    const frames = (await readFrames(stream, 3)).map(parse);
    expect(frames).toHaveLength(2);
    expect(frames[0]).toEqual({ event: 'stream-error', data: expect.objectContaining({ message: 'Gnocchi is down', status: 503, requestId: 'req-1' }) });
    expect(frames[1]!.data).toMatchObject({ status: 401 });
    expect(JSON.stringify(frames)).not.toContain('tok');
  });

  it('sends extras only when they change', async () => {
    const extras = [{ markers: [] }, { markers: [] }, { markers: [{ time: 't', label: 'scaled' }] }];
    let i = 0;
    const stream = metricEventStream({
      poll: async () => ({ series: [], extras: extras[Math.min(i++, 2)] }),
      intervalMs: 1,
      signal: new AbortController().signal,
    });
    const frames = (await readFrames(stream, 2)).map(parse);
    expect(frames.map((f) => f.event)).toEqual(['extras', 'extras']);
    expect(frames[1]!.data).toEqual({ markers: [{ time: 't', label: 'scaled' }] });
    await stream.cancel();
  });
});
