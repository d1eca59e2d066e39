// What every Cinder handler starts with: the caller (token checked by the API-root hook),
// the project it acts for, the simulation time, and every transition due by then applied.

import type { FastifyRequest } from 'fastify';
import type { Cloud } from '../../cloud';
import { formatIsoMicros } from '../../sim/clock';
import type { Repositories } from '../../store/open-store';
import type { VolumeType } from '../../store/schema';
import { apiCaller, callerProjectId, isAdmin } from '../compute/api-caller';
import type { TokenContext } from '../identity/token-service';
import { ApiError } from '../../http/api-error';
import { detachServerVolumes } from './nova-seam';

export interface VolumeContext {
  caller: TokenContext;
  projectId: string;
  userId: string;
  admin: boolean;
  /** Simulation time as an ISO timestamp with microseconds. */
  now: string;
  /** Base for links: `<public url>/volume/v3/<project_id>` (Cinder puts the project in links). */
  linkBase: string;
}

export async function volumeContext(request: FastifyRequest, cloud: Cloud): Promise<VolumeContext> {
  const caller = apiCaller(request);
  const projectId = callerProjectId(caller);
  // Cinder's policies all need a project; a domain-scoped token is refused.
  if (projectId === null) throw new ApiError(403, 'Policy does not allow this request without a project-scoped token.');
  const now = formatIsoMicros(cloud.clock.now());
  await settleBlockStorage(cloud.store, now);
  return {
    caller,
    projectId,
    userId: caller.user.id,
    admin: isAdmin(caller),
    now,
    linkBase: cloud.url(`/volume/v3/${projectId}`),
  };
}

/** Applies every volume, snapshot and attachment transition due at `now`. */
export async function settleBlockStorage(repos: Repositories, now: string): Promise<void> {
  await repos.servers.settle(now);
  await repos.volumes.settle(now);
  await repos.snapshots.settle(now);
  await repos.volumeAttachments.settle(now);
  // Nova removes a deleted server's row once its delete completes; its volumes are let go
  // here, so every Cinder read sees them available again (or gone, if delete_on_termination).
  for (const serverId of await repos.volumeAttachments.orphanedServerIds()) {
    await detachServerVolumes(repos, serverId, now);
  }
}

/** Simulation time `seconds` after `now`, in the store's timestamp format. */
export function later(now: string, seconds: number): string {
  return formatIsoMicros(Date.parse(now) + seconds * 1000);
}

export function defaultType(repos: Repositories, now: string): Promise<VolumeType> {
  return repos.volumeTypes.ensureDefault(now);
}

/** Seconds a volume or snapshot spends in its transitional state. */
export const TRANSITION_SECONDS = {
  create: 2,
  download: 8,
  extend: 2,
  snapshot: 2,
  attach: 1,
  detach: 1,
} as const;
