// Cinder's quotas: limits (defaults, per-type keys, overrides), usage counted from the store,
// and the checks made before anything is created or grown. Snapshots count against the
// gigabytes quota too, as with Cinder's default no_snapshot_gb_quota = False.

import type { Repositories } from '../../store/open-store';
import type { VolumeType } from '../../store/schema';
import { VOLUME_QUOTA_DEFAULTS } from '../../store/volume-quotas';
import { sizeExceedsLimit, sizeExceedsQuota, snapshotLimitExceeded, volumeLimitExceeded } from './errors';

export interface QuotaEntry {
  limit: number;
  inUse: number;
}

/** Every quota key Cinder reports for the project, with its limit and usage, in key order. */
export async function projectQuotas(repos: Repositories, projectId: string, now: string): Promise<Map<string, QuotaEntry>> {
  await repos.volumeTypes.ensureDefault(now);
  const [types, overrides, volumeUsage, snapshotUsage] = await Promise.all([
    repos.volumeTypes.list(),
    repos.volumeQuotas.overrides(projectId),
    repos.volumes.usage(projectId),
    repos.snapshots.usage(projectId),
  ]);
  const limit = (key: string, fallback: number) => overrides.get(key) ?? fallback;
  const entries: [string, QuotaEntry][] = [
    ['volumes', { limit: limit('volumes', VOLUME_QUOTA_DEFAULTS.volumes), inUse: volumeUsage.total.volumes }],
    ['snapshots', { limit: limit('snapshots', VOLUME_QUOTA_DEFAULTS.snapshots), inUse: snapshotUsage.total.snapshots }],
    [
      'gigabytes',
      {
        limit: limit('gigabytes', VOLUME_QUOTA_DEFAULTS.gigabytes),
        inUse: volumeUsage.total.gigabytes + snapshotUsage.total.gigabytes,
      },
    ],
    ['backups', { limit: limit('backups', VOLUME_QUOTA_DEFAULTS.backups), inUse: 0 }],
    ['backup_gigabytes', { limit: limit('backup_gigabytes', VOLUME_QUOTA_DEFAULTS.backup_gigabytes), inUse: 0 }],
    ['groups', { limit: limit('groups', VOLUME_QUOTA_DEFAULTS.groups), inUse: 0 }],
    ['per_volume_gigabytes', { limit: limit('per_volume_gigabytes', VOLUME_QUOTA_DEFAULTS.per_volume_gigabytes), inUse: 0 }],
  ];
  for (const type of types) {
    const volumes = volumeUsage.byType.get(type.id) ?? { volumes: 0, gigabytes: 0 };
    const snapshots = snapshotUsage.byType.get(type.id) ?? { snapshots: 0, gigabytes: 0 };
    entries.push([`volumes_${type.name}`, { limit: limit(`volumes_${type.name}`, -1), inUse: volumes.volumes }]);
    entries.push([`snapshots_${type.name}`, { limit: limit(`snapshots_${type.name}`, -1), inUse: snapshots.snapshots }]);
    entries.push([
      `gigabytes_${type.name}`,
      { limit: limit(`gigabytes_${type.name}`, -1), inUse: volumes.gigabytes + snapshots.gigabytes },
    ]);
  }
  return new Map(entries);
}

/** The default limits (GET /os-quota-sets/{id}/defaults), per-type keys included. */
export async function defaultQuotas(repos: Repositories, now: string): Promise<Map<string, number>> {
  await repos.volumeTypes.ensureDefault(now);
  const result = new Map<string, number>(Object.entries(VOLUME_QUOTA_DEFAULTS));
  for (const type of await repos.volumeTypes.list()) {
    for (const prefix of ['volumes', 'snapshots', 'gigabytes']) result.set(`${prefix}_${type.name}`, -1);
  }
  return result;
}

export interface QuotaDelta {
  volumes?: number;
  snapshots?: number;
  gigabytes?: number;
  /** Size of the one volume being created or extended, for per_volume_gigabytes. */
  volumeSize?: number;
}

const exceeds = (entry: QuotaEntry | undefined, delta: number): entry is QuotaEntry =>
  entry !== undefined && delta > 0 && entry.limit >= 0 && entry.inUse + delta > entry.limit;

/** Throws Cinder's 413 when the change would pass a limit; checks the type's keys too. */
export async function checkQuota(
  repos: Repositories,
  projectId: string,
  type: VolumeType,
  delta: QuotaDelta,
  now: string,
): Promise<void> {
  const quotas = await projectQuotas(repos, projectId, now);
  const perVolume = quotas.get('per_volume_gigabytes');
  if (delta.volumeSize !== undefined && perVolume && perVolume.limit >= 0 && delta.volumeSize > perVolume.limit) {
    throw sizeExceedsLimit(delta.volumeSize, perVolume.limit);
  }
  for (const key of ['gigabytes', `gigabytes_${type.name}`]) {
    const entry = quotas.get(key);
    if (exceeds(entry, delta.gigabytes ?? 0)) throw sizeExceedsQuota(key, delta.gigabytes ?? 0, entry.limit, entry.inUse);
  }
  for (const key of ['volumes', `volumes_${type.name}`]) {
    const entry = quotas.get(key);
    if (exceeds(entry, delta.volumes ?? 0)) throw volumeLimitExceeded(entry.limit, key);
  }
  for (const key of ['snapshots', `snapshots_${type.name}`]) {
    const entry = quotas.get(key);
    if (exceeds(entry, delta.snapshots ?? 0)) throw snapshotLimitExceeded(entry.limit);
  }
}
