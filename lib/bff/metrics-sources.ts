import 'server-only';

import type { ScopedContext } from './guard';
import { loadServerCpu } from './metrics';
import type { StreamSnapshot } from './metrics-stream';

/** What a live stream polls: one server's cpu_util, or a stack's group metrics. */
export function metricStreamFor(ctx: ScopedContext, target: { server?: string; stack?: string }): (since: string | null) => Promise<StreamSnapshot> {
  const serverId = target.server ?? '';
  // Later polls start at the newest pushed point: its bucket may still be filling up.
  return (since) => loadServerCpu(ctx, serverId, since ?? undefined);
}
