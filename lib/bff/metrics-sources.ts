import 'server-only';

import type { ScopedContext } from './guard';
import { loadServerCpu, windowStart } from './metrics';
import { loadStackMetrics } from './metrics-group';
import type { StreamSnapshot } from './metrics-stream';

/** What a live stream polls: one server's cpu_util, or a stack's group metrics (series, then the rest as extras). */
export function metricStreamFor(ctx: ScopedContext, target: { server?: string; stack?: string }): (since: string | null) => Promise<StreamSnapshot> {
  if (target.stack) {
    const stackId = target.stack;
    // One window for the whole stream, so the member count's first step stays put.
    const start = windowStart(undefined);
    return async () => {
      const { series, ...extras } = await loadStackMetrics(ctx, stackId, start);
      return { series, extras };
    };
  }
  const serverId = target.server ?? '';
  // Later polls start at the newest pushed point: its bucket may still be filling up.
  return (since) => loadServerCpu(ctx, serverId, since ?? undefined);
}
