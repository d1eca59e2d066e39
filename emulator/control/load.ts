// /_emulator/load: the CPU load a server runs from now on (the guides' `dd` stress), which the
// metric simulation turns into cpu_util and cpu samples (decision 012).

import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { Cloud } from '../cloud';
import { ApiError } from '../http/api-error';
import { formatIsoMicros } from '../sim/clock';
import { SAMPLE_PERIOD_META_KEY, samplePeriod } from '../services/metric/resources';

const periodSchema = z.object({ seconds: z.number().int().min(1).max(3600) });

const loadSchema = z.object({
  server_id: z.string().min(1).max(64),
  cpu_percent: z.number().min(0).max(100),
});

function parse<T>(schema: z.ZodType<T>, body: unknown): T {
  const result = schema.safeParse(body ?? {});
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  throw new ApiError(400, `Invalid ${issue?.path.map(String).join('.') || 'body'}: ${issue?.message ?? 'invalid value'}`);
}

export function registerLoadRoutes(app: FastifyInstance, cloud: Cloud): void {
  // Seconds between simulated samples (default 60). It applies to the whole history, which is
  // recomputed on read: set it before the servers boot, e.g. 1 for a guide whose alarm uses a
  // granularity of 1 s.
  app.post('/load/sample-period', async (request) => {
    const { seconds } = parse(periodSchema, request.body);
    await cloud.store.meta.set(SAMPLE_PERIOD_META_KEY, String(seconds));
    return { sample_period_seconds: seconds };
  });

  app.get('/load', async () => {
    const current = new Map<string, { sinceMs: number; cpuPercent: number }>();
    for (const load of await cloud.store.metrics.allLoads()) current.set(load.serverId, load);
    return {
      sample_period_seconds: await samplePeriod(cloud.store),
      loads: [...current].map(([serverId, load]) => ({
        server_id: serverId,
        cpu_percent: load.cpuPercent,
        since: formatIsoMicros(load.sinceMs),
      })),
    };
  });

  app.post('/load', async (request) => {
    const { server_id: serverId, cpu_percent: cpuPercent } = parse(loadSchema, request.body);
    if (!(await cloud.store.servers.get(serverId))) throw new ApiError(404, `Server ${serverId} could not be found.`);
    const sinceMs = cloud.clock.now();
    await cloud.store.metrics.setLoad(serverId, sinceMs, cpuPercent);
    return { server_id: serverId, cpu_percent: cpuPercent, since: formatIsoMicros(sinceMs) };
  });
}
