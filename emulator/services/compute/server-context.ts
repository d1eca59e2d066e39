// What every server handler needs first: the caller, their project, whether they are an
// admin, the request's microversion and the simulated time, with due transitions applied.

import type { FastifyRequest } from 'fastify';
import type { Cloud } from '../../cloud';
import { ApiError } from '../../http/api-error';
import { formatIsoMicros } from '../../sim/clock';
import type { Server } from '../../store/servers';
import { requireCaller } from '../identity/caller';
import { isAdmin } from '../identity/policy';
import { settleBlockStorage } from '../volume/context';
import type { TokenContext } from '../identity/token-service';
import { apiCaller } from './api-caller';
import { atLeast } from './microversion';

export interface ServerContext {
  caller: TokenContext;
  projectId: string;
  userId: string;
  admin: boolean;
  now: number;
  nowIso: string;
  atLeast(version: string): boolean;
}

export async function serverContext(request: FastifyRequest, cloud: Cloud): Promise<ServerContext> {
  let caller: TokenContext;
  try {
    caller = apiCaller(request);
  } catch {
    caller = await requireCaller(request, cloud);
  }
  if (caller.scope.kind !== 'project') throw new ApiError(403, 'Nova requires a project-scoped token.');
  const now = cloud.clock.now();
  const nowIso = formatIsoMicros(now);
  // Servers, and the volumes and attachments a server shows or boots from, as the clock has them now.
  await settleBlockStorage(cloud.store, nowIso);
  return {
    caller,
    projectId: caller.scope.project.id,
    userId: caller.user.id,
    admin: isAdmin(caller),
    now,
    nowIso,
    atLeast: (version) => atLeast(request, version),
  };
}

/** The server if the caller may see it (own project, or any as admin), else Nova's 404. */
export async function visibleServer(cloud: Cloud, context: ServerContext, id: string): Promise<Server> {
  const server = await cloud.store.servers.get(id);
  if (!server || (!context.admin && server.projectId !== context.projectId)) {
    throw new ApiError(404, `Instance ${id} could not be found.`);
  }
  return server;
}

/** Nova's host_status per compute host: UP, DOWN (forced down / not reporting) or MAINTENANCE (disabled). */
export async function hostStatuses(cloud: Cloud): Promise<Map<string, string>> {
  const services = await cloud.store.hosts.listServices({ binary: 'nova-compute' });
  return new Map(
    services.map((s) => [
      s.host,
      s.forcedDown || s.stoppedReportingAt !== null ? 'DOWN' : s.disabled ? 'MAINTENANCE' : 'UP',
    ]),
  );
}
