import 'server-only';

import type { ServiceClient } from './service-client';

/** Cinder's absolute limits with usage (GET /limits): the project's volume quota at a glance. */
export interface VolumeLimits {
  volumes: { used: number; max: number };
  gigabytes: { used: number; max: number };
  snapshots: { used: number; max: number };
}

export async function getVolumeLimits(cinder: ServiceClient): Promise<VolumeLimits> {
  const response = await cinder.call<{ limits?: { absolute?: Record<string, unknown> } }>('/limits');
  const a = response.body?.limits?.absolute ?? {};
  const n = (key: string) => (typeof a[key] === 'number' ? (a[key] as number) : 0);
  return {
    volumes: { used: n('totalVolumesUsed'), max: n('maxTotalVolumes') },
    gigabytes: { used: n('totalGigabytesUsed'), max: n('maxTotalVolumeGigabytes') },
    snapshots: { used: n('totalSnapshotsUsed'), max: n('maxTotalSnapshots') },
  };
}
