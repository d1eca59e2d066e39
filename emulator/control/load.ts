// /_emulator/load: the CPU load a server runs from now on (the guides' `dd` stress), which the
// metric simulation turns into cpu_util and cpu samples (decision 012).

import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { Cloud } from '../cloud';
import { ApiError } from '../http/api-error';
import { formatIsoMicros } from '../sim/clock';

const loadSchema = z.object({
  server_id: z.string().min(1).max(64),
  cpu_percent: z.number().min(0).max(100),
});

export function registerLoadRoutes(app: FastifyInstance, cloud: Cloud): void {
  app.get('/load', async () => {
    const current = new Map<string, { sinceMs: number; cpuPercent: number }>();
    for (const load of await cloud.store.metrics.allLoads()) current.set(load.serverId, load);
    return {
      loads: [...current].map(([serverId, load]) => ({
        server_id: serverId,
        cpu_percent: load.cpuPercent,
        since: formatIsoMicros(load.sinceMs),
      })),
    };
  });

  app.post('/load', async (request) => {
    const result = loadSchema.safeParse(request.body ?? {});
    if (!result.success) {
      const issue = result.error.issues[0];
      throw new ApiError(400, `Invalid ${issue?.path.map(String).join('.') || 'body'}: ${issue?.message ?? 'invalid value'}`);
    }
    const { server_id: serverId, cpu_percent: cpuPercent } = result.data;
    if (!(await cloud.store.servers.get(serverId))) throw new ApiError(404, `Server ${serverId} could not be found.`);
    const sinceMs = cloud.clock.now();
    await cloud.store.metrics.setLoad(serverId, sinceMs, cpuPercent);
    return { server_id: serverId, cpu_percent: cpuPercent, since: formatIsoMicros(sinceMs) };
  });
}
