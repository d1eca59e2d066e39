// Nova's /servers: list, detail, show, create, update and delete. Actions, instance actions,
// quotas, limits and server groups register from their own modules through registerServerApi.

import type { FastifyInstance } from 'fastify';
import type { Cloud } from '../../cloud';
import { ApiError } from '../../http/api-error';
import { formatIsoMicros } from '../../sim/clock';
import { ACTION_RULES, refusal, refusalMessage, startAction } from '../../sim/server-lifecycle';
import type { Server } from '../../store/servers';
import { registerInstanceActionRoutes } from './instance-action-routes';
import { registerQuotaRoutes } from './quota-routes';
import { registerServerActionRoutes } from './server-actions';
import { createServers } from './server-create';
import { hostStatuses, serverContext, visibleServer, type ServerContext } from './server-context';
import { listServers, nextLink, parseListQuery } from './server-list';
import { registerServerGroupRoutes } from './server-group-routes';
import { registerServerMetadataRoutes } from './server-metadata-routes';
import { registerServerSecurityGroupRoutes, serverSecurityGroupNames } from './server-security-groups';
import { createServerSchema, parseNovaBody, updateServerSchema } from './server-schemas';
import { serverDetail, serverLinks, serverSummary, type ViewOptions } from './server-views';

type IdParams = { Params: { serverId: string } };
type ListQuery = { Querystring: Record<string, string | string[] | undefined> };

/** Everything issue 3 adds for servers; one line in routes.ts. */
export function registerServerApi(app: FastifyInstance, cloud: Cloud): void {
  registerServerRoutes(app, cloud);
  registerServerActionRoutes(app, cloud);
  registerServerMetadataRoutes(app, cloud);
  registerInstanceActionRoutes(app, cloud);
  registerQuotaRoutes(app, cloud);
  registerServerGroupRoutes(app, cloud);
  registerServerSecurityGroupRoutes(app, cloud);
}

export async function viewOptions(cloud: Cloud, context: ServerContext, servers: readonly Server[]): Promise<ViewOptions> {
  const options: ViewOptions = { atLeast: context.atLeast, admin: context.admin };
  if (servers.length === 0) return options;
  if (context.admin && context.atLeast('2.16')) options.hostStatus = await hostStatuses(cloud);
  // One query for the page: one server's attachments, or every attachment of the projects shown.
  const projects = new Set(servers.map((s) => s.projectId));
  const attachments =
    servers.length === 1
      ? await cloud.store.volumeAttachments.list({ serverId: servers[0]!.id })
      : projects.size === 1
        ? await cloud.store.volumeAttachments.list({ projectId: [...projects][0]! })
        : await cloud.store.volumeAttachments.list();
  const volumes = new Map<string, { id: string; deleteOnTermination: boolean }[]>();
  for (const a of attachments) {
    if (a.status === 'detaching') continue;
    volumes.set(a.serverId, [...(volumes.get(a.serverId) ?? []), { id: a.volumeId, deleteOnTermination: a.deleteOnTermination }]);
  }
  options.volumes = volumes;
  options.securityGroups = await serverSecurityGroupNames(cloud.store, servers);
  return options;
}

export function registerServerRoutes(app: FastifyInstance, cloud: Cloud): void {
  const { store } = cloud;
  const base = cloud.url('/compute/v2.1/servers');

  const list = (detail: boolean) => async (request: { query: ListQuery['Querystring'] } & Parameters<typeof serverContext>[0]) => {
    const context = await serverContext(request, cloud);
    const query = request.query;
    const parsed = parseListQuery(query, context);
    const servers = await listServers(store.servers, parsed, context);
    const options = detail ? await viewOptions(cloud, context, servers) : undefined;
    const body: Record<string, unknown> = {
      servers: servers.map((s) => (options ? serverDetail(cloud, s, options) : serverSummary(cloud, s))),
    };
    const links = nextLink(detail ? `${base}/detail` : base, query, parsed, servers);
    if (links) body.servers_links = links;
    return body;
  };
  app.get<ListQuery>('/v2.1/servers', list(false));
  app.get<ListQuery>('/v2.1/servers/detail', list(true));

  app.get<IdParams>('/v2.1/servers/:serverId', async (request) => {
    const context = await serverContext(request, cloud);
    const server = await visibleServer(cloud, context, request.params.serverId);
    return { server: serverDetail(cloud, server, await viewOptions(cloud, context, [server])) };
  });

  // Nova's /ips: the addresses without the OS-EXT-IPS extensions, all or one network's.
  const ipsOf = (server: Server, network: string) =>
    (server.addresses[network] ?? []).map((a) => ({ version: a.version, addr: a.addr }));
  app.get<IdParams>('/v2.1/servers/:serverId/ips', async (request) => {
    const context = await serverContext(request, cloud);
    const server = await visibleServer(cloud, context, request.params.serverId);
    return { addresses: Object.fromEntries(Object.keys(server.addresses).map((n) => [n, ipsOf(server, n)])) };
  });
  app.get<{ Params: { serverId: string; network: string } }>('/v2.1/servers/:serverId/ips/:network', async (request) => {
    const context = await serverContext(request, cloud);
    const server = await visibleServer(cloud, context, request.params.serverId);
    const { network } = request.params;
    if (!(network in server.addresses)) throw new ApiError(404, 'Instance is not a member of specified network');
    return { [network]: ipsOf(server, network) };
  });

  app.post('/v2.1/servers', async (request, reply) => {
    const context = await serverContext(request, cloud);
    const body = parseNovaBody(createServerSchema, request.body);
    const created = await store.transaction((repos) =>
      createServers(repos, body, { ...context, requestId: request.id }),
    );
    const first = created.servers[0]!;
    reply.code(202).header('location', cloud.url(`/compute/v2.1/servers/${first.id}`));
    if (body.server.return_reservation_id) return { reservation_id: created.reservationId };
    return {
      server: {
        id: first.id,
        links: serverLinks(cloud, first.id),
        'OS-DCF:diskConfig': first.diskConfig,
        security_groups: first.securityGroups.map((name) => ({ name })),
        adminPass: created.adminPass,
      },
    };
  });

  app.put<IdParams>('/v2.1/servers/:serverId', async (request) => {
    const context = await serverContext(request, cloud);
    const server = await visibleServer(cloud, context, request.params.serverId);
    const { server: changes } = parseNovaBody(updateServerSchema, request.body);
    if (changes.description !== undefined && !context.atLeast('2.19')) {
      throw new ApiError(400, "Invalid input for field/attribute server. Value: {...}. Additional properties are not allowed ('description' was unexpected)");
    }
    const updated: Server = {
      ...server,
      name: changes.name ?? server.name,
      description: changes.description === undefined ? server.description : changes.description,
      updatedAt: context.nowIso,
    };
    await store.servers.update(server.id, updated);
    return { server: serverDetail(cloud, updated, await viewOptions(cloud, context, [updated])) };
  });

  app.delete<IdParams>('/v2.1/servers/:serverId', async (request, reply) => {
    const context = await serverContext(request, cloud);
    const server = await visibleServer(cloud, context, request.params.serverId);
    if (server.taskState === 'deleting') return reply.code(204).send();
    const refused = refusal(server, 'delete', context.admin);
    if (refused) throw new ApiError(409, refusalMessage(refused, 'delete', server.id));
    const next = startAction(server, 'delete', context.now);
    await store.transaction(async (repos) => {
      await repos.servers.update(server.id, {
        taskState: next.taskState,
        settleAt: next.settleAt === null ? null : formatIsoMicros(next.settleAt),
        nextVmState: next.nextVmState,
        nextPowerState: next.nextPowerState,
        updatedAt: context.nowIso,
      });
      await repos.instanceActions.insert({
        requestId: request.id,
        serverId: server.id,
        projectId: server.projectId,
        userId: context.userId,
        action: 'delete',
        startTime: context.nowIso,
        finishTime: formatIsoMicros(next.settleAt ?? context.now),
        event: ACTION_RULES.delete.event,
        result: 'Success',
        host: server.host,
      });
    });
    return reply.code(204).send();
  });
}
