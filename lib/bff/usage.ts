import 'server-only';

import type { ApiErrorPayload } from '../api-error';
import { getVolumeLimits } from '../openstack/cinder-limits';
import { novaClient } from '../openstack/nova/client';
import { listKeyPairs } from '../openstack/nova/keypairs';
import { getComputeLimits, listServers } from '../openstack/nova/servers';
import { toApiError } from './api-error';
import type { ScopedContext } from './guard';
import { volumeService } from './volume-client';

export interface UsageGauge {
  key: 'instances' | 'cores' | 'ram' | 'volumes' | 'gigabytes' | 'snapshots' | 'keyPairs';
  used: number;
  /** -1 means unlimited. */
  max: number;
}

export interface UsagePart<T> {
  data: T | null;
  error: ApiErrorPayload | null;
}

export interface ProjectUsage {
  compute: UsagePart<UsageGauge[]>;
  volume: UsagePart<UsageGauge[]>;
  keyPairs: UsagePart<UsageGauge[]>;
  recent: UsagePart<{ id: string; name: string; status: string; created: string; flavor: string }[]>;
}

async function part<T>(promise: Promise<T>): Promise<UsagePart<T>> {
  try {
    return { data: await promise, error: null };
  } catch (error) {
    return { data: null, error: toApiError(error).payload };
  }
}

/**
 * Usage against limits from Nova, Cinder and the user's key pairs, plus the newest instances: four
 * calls in parallel (Nova's limits read once), each panel failing on its own.
 */
export async function loadUsage(ctx: ScopedContext): Promise<ProjectUsage> {
  const nova = novaClient(ctx.endpoint('compute'), ctx.token);
  const limits = getComputeLimits(nova);
  const [compute, volume, keyPairs, recent] = await Promise.all([
    part(
      limits.then((l): UsageGauge[] => [
        { key: 'instances', ...l.instances },
        { key: 'cores', ...l.cores },
        { key: 'ram', ...l.ram },
      ]),
    ),
    part(
      (async (): Promise<UsageGauge[]> => {
        const l = await getVolumeLimits((await volumeService(ctx)).client);
        return [
          { key: 'volumes', ...l.volumes },
          { key: 'gigabytes', ...l.gigabytes },
          { key: 'snapshots', ...l.snapshots },
        ];
      })(),
    ),
    part(
      Promise.all([listKeyPairs(nova), limits]).then(([pairs, l]): UsageGauge[] => [
        { key: 'keyPairs', used: pairs.length, max: l.keyPairs.max },
      ]),
    ),
    part(
      listServers(nova, { limit: 5 }).then((page) =>
        page.servers.map((s) => ({ id: s.id, name: s.name, status: s.status, created: s.created, flavor: s.flavor.name })),
      ),
    ),
  ]);
  return { compute, volume, keyPairs, recent };
}
