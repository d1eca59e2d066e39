'use client';

import { type QueryKey, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';

import type { MetricSeries } from '@/lib/openstack/gnocchi/types';
import { backoffMs, mergeSeries } from '@/lib/query/metric-queries';

export type StreamStatus = 'connecting' | 'live' | 'reconnecting' | 'stopped';

export interface StreamProblem {
  message: string;
  status: number;
  requestId: string | null;
}

/**
 * Subscribes to a BFF metric stream and writes what it pushes into the query cache under `queryKey`: points
 * merged into `series`, extras (markers, thresholds…) replacing their fields. A dropped stream reconnects
 * after 1 s, 2 s, 4 s … (30 s at most); an ended session stops it. Opens only once `enabled` (the first
 * snapshot is in the cache), so no pushed point is lost before the cache holds data.
 */
export function useMetricStream(url: string, queryKey: QueryKey, enabled: boolean): { status: StreamStatus; problem: StreamProblem | null } {
  const client = useQueryClient();
  const [status, setStatus] = useState<StreamStatus>('connecting');
  const [problem, setProblem] = useState<StreamProblem | null>(null);
  const keyText = JSON.stringify(queryKey);

  useEffect(() => {
    if (!enabled) return;
    const key = JSON.parse(keyText) as QueryKey;
    let source: EventSource | null = null;
    let retry: ReturnType<typeof setTimeout> | undefined;
    let attempt = 0;
    let stopped = false;

    const open = () => {
      source = new EventSource(url, { withCredentials: true });
      source.addEventListener('open', () => {
        attempt = 0;
        setStatus('live');
      });
      source.addEventListener('points', (event) => {
        const { series } = JSON.parse((event as MessageEvent<string>).data) as { series: MetricSeries[] };
        client.setQueryData<{ series: MetricSeries[] }>(key, (old) => (old ? { ...old, series: mergeSeries(old.series, series) } : old));
        setProblem(null);
      });
      source.addEventListener('extras', (event) => {
        const extras = JSON.parse((event as MessageEvent<string>).data) as Record<string, unknown>;
        client.setQueryData<Record<string, unknown>>(key, (old) => (old ? { ...old, ...extras } : old));
      });
      source.addEventListener('stream-error', (event) => {
        const payload = JSON.parse((event as MessageEvent<string>).data) as StreamProblem;
        setProblem(payload);
        if (payload.status === 401 || payload.status === 403) {
          stopped = true;
          source?.close();
          setStatus('stopped');
        }
      });
      source.addEventListener('error', () => {
        if (stopped) return;
        source?.close();
        setStatus('reconnecting');
        retry = setTimeout(open, backoffMs(attempt++));
      });
    };
    open();
    return () => {
      stopped = true;
      clearTimeout(retry);
      source?.close();
    };
  }, [client, url, keyText, enabled]);

  return { status, problem };
}
