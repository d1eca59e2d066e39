import 'server-only';

import { isEmbeddedCloud } from '../openstack/catalog';
import { novaClient } from '../openstack/nova/client';
import { getServer } from '../openstack/nova/servers';
import { serviceClient } from '../openstack/service-client';
import { ApiError } from './api-error';
import type { ScopedContext } from './guard';

/**
 * Simulated CPU load, the embedded cloud's stand-in for the guides' `dd if=/dev/zero of=/dev/null`. Only the
 * embedded cloud has a control endpoint in its catalog; against a real cloud this answers 404. The control
 * API takes no token, so the server is first read through Nova with the user's token: a user can only load
 * servers their project can see.
 */
export function canSimulateLoad(ctx: ScopedContext): boolean {
  return isEmbeddedCloud(ctx.info.catalog);
}

export interface LoadResult {
  serverId: string;
  cpuPercent: number;
  since: string;
}

export async function setServerLoad(ctx: ScopedContext, serverId: string, cpuPercent: number): Promise<LoadResult> {
  if (!canSimulateLoad(ctx)) {
    throw new ApiError({ code: 'not_found', status: 404, message: 'Simulated load exists only on the embedded cloud' });
  }
  const server = await getServer(novaClient(ctx.endpoint('compute'), ctx.token), serverId);
  const control = serviceClient({ service: 'zenith-emulator', baseUrl: ctx.endpoint('zenith-emulator'), token: '' });
  const { body } = await control.call<{ since?: string }>('/load', { method: 'POST', body: { server_id: server.id, cpu_percent: cpuPercent } });
  return { serverId: server.id, cpuPercent, since: typeof body?.since === 'string' ? body.since : new Date().toISOString() };
}
