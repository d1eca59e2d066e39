import 'server-only';

import { OpenStackError } from '../errors';
import type { ComputeLimits } from '../../compute/launch-rules';
import { type ServiceClient, query } from '../service-client';
import { type Server, nextMarker, parseServer } from './server-model';

export interface ServerListQuery {
  limit: number;
  marker?: string | null;
  /** A regular expression, as Nova takes it. */
  name?: string | null;
  status?: string | null;
  allProjects?: boolean;
  projectId?: string | null;
}

export interface ServerPage {
  servers: Server[];
  nextMarker: string | null;
}

export async function listServers(nova: ServiceClient, q: ServerListQuery): Promise<ServerPage> {
  const response = await nova.call<{ servers?: unknown[]; servers_links?: unknown }>(
    `/servers/detail${query({
      limit: q.limit,
      marker: q.marker,
      name: q.name,
      status: q.status,
      all_tenants: q.allProjects ? 1 : undefined,
      project_id: q.allProjects ? q.projectId : undefined,
    })}`,
  );
  return {
    servers: (response.body?.servers ?? []).map(parseServer),
    nextMarker: nextMarker(response.body?.servers_links),
  };
}

export async function getServer(nova: ServiceClient, id: string): Promise<Server> {
  const response = await nova.call<{ server?: unknown }>(`/servers/${encodeURIComponent(id)}`);
  return parseServer(response.body?.server);
}

export interface CreatedServer {
  id: string;
  reservationId: string | null;
}

/** POST /servers; with return_reservation_id (sent for a count above one) Nova answers with the reservation id instead of the first server. */
export async function createServer(nova: ServiceClient, body: Record<string, unknown>): Promise<CreatedServer> {
  const response = await nova.call<{ server?: { id?: string }; reservation_id?: string }>('/servers', {
    method: 'POST',
    body: { server: body },
  });
  return { id: response.body?.server?.id ?? '', reservationId: response.body?.reservation_id ?? null };
}

export async function deleteServer(nova: ServiceClient, id: string): Promise<void> {
  await nova.call(`/servers/${encodeURIComponent(id)}`, { method: 'DELETE' });
}

export async function serverAction(nova: ServiceClient, id: string, body: Record<string, unknown>): Promise<void> {
  await nova.call(`/servers/${encodeURIComponent(id)}/action`, { method: 'POST', body });
}

export async function renameServer(nova: ServiceClient, id: string, name: string): Promise<void> {
  await nova.call(`/servers/${encodeURIComponent(id)}`, { method: 'PUT', body: { server: { name } } });
}

/** The last `lines` lines of the console log; asked for explicitly, never polled (logs can be huge). */
export async function consoleOutput(nova: ServiceClient, id: string, lines: number): Promise<string> {
  const response = await nova.call<{ output?: string }>(`/servers/${encodeURIComponent(id)}/action`, {
    method: 'POST',
    body: { 'os-getConsoleOutput': { length: lines } },
  });
  return typeof response.body?.output === 'string' ? response.body.output : '';
}

export interface InstanceAction {
  action: string;
  requestId: string;
  userId: string | null;
  startTime: string;
  message: string | null;
}

export async function listInstanceActions(nova: ServiceClient, id: string): Promise<InstanceAction[]> {
  const response = await nova.call<{ instanceActions?: Record<string, unknown>[] }>(
    `/servers/${encodeURIComponent(id)}/os-instance-actions`,
  );
  return (response.body?.instanceActions ?? []).map((a) => ({
    action: String(a.action ?? ''),
    requestId: String(a.request_id ?? ''),
    userId: typeof a.user_id === 'string' ? a.user_id : null,
    startTime: String(a.start_time ?? ''),
    message: typeof a.message === 'string' ? a.message : null,
  }));
}

export async function getComputeLimits(nova: ServiceClient): Promise<ComputeLimits> {
  const response = await nova.call<{ limits?: { absolute?: Record<string, unknown> } }>('/limits');
  const a = response.body?.limits?.absolute;
  if (!a) {
    throw new OpenStackError({ service: 'compute', status: 502, code: 'bad_response', message: 'compute answered /limits without absolute limits' });
  }
  const n = (key: string) => (typeof a[key] === 'number' ? (a[key] as number) : 0);
  return {
    instances: { used: n('totalInstancesUsed'), max: n('maxTotalInstances') },
    cores: { used: n('totalCoresUsed'), max: n('maxTotalCores') },
    ram: { used: n('totalRAMUsed'), max: n('maxTotalRAMSize') },
    keyPairs: { max: n('maxTotalKeypairs') },
    serverGroups: { used: n('totalServerGroupsUsed'), max: n('maxServerGroups') },
  };
}
