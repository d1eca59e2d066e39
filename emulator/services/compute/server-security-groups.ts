// Nova's security-group seam to Neutron: the addSecurityGroup / removeSecurityGroup server
// actions (applied to every port of the server, as Nova's neutron driver does), GET
// /servers/{id}/os-security-groups and the /os-security-groups proxy (before 2.36) in Nova's
// group format, and the group names a server view shows, read from its ports' bindings.

import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Cloud } from '../../cloud';
import { ApiError } from '../../http/api-error';
import { neutronTimestamp } from '../../store/network-rows';
import type { Repositories } from '../../store/open-store';
import type { SecurityGroupRow, SecurityGroupRuleRow } from '../../store/security-groups';
import type { Server } from '../../store/servers';
import { serverContext, visibleServer, type ServerContext } from './server-context';

type IdParams = { Params: { serverId: string } };

/**
 * Names of the groups on each server's ports, for servers that have ports; a server without
 * ports keeps the names it was booted with.
 */
export async function serverSecurityGroupNames(
  repos: Repositories,
  servers: readonly Server[],
): Promise<Map<string, string[]>> {
  const byDevice = await repos.securityGroups.groupsOfDevices(servers.map((server) => server.id));
  return new Map([...byDevice].map(([serverId, groups]) => [serverId, groups.map((group) => group.name)]));
}

/** The body's group name, checked as Nova's security group action controller does. */
function groupName(body: Record<string, unknown>, action: string): string {
  const input = body[action];
  if (input === null || typeof input !== 'object' || Array.isArray(input)) throw new ApiError(400, 'Missing parameter dict');
  const name = (input as Record<string, unknown>).name;
  if (name === undefined) throw new ApiError(400, 'Security group not specified');
  if (typeof name !== 'string' || name.trim() === '') throw new ApiError(400, 'Security group name cannot be empty');
  return name;
}

/** A group of the caller's project by id or name, as Nova's find_resourceid_by_name_or_id. */
async function findGroup(repos: Repositories, projectId: string, nameOrId: string): Promise<SecurityGroupRow> {
  const groups = await repos.securityGroups.listGroups(projectId);
  const byId = groups.find((group) => group.id === nameOrId);
  if (byId) return byId;
  const named = groups.filter((group) => group.name === nameOrId);
  if (named.length > 1) {
    throw new ApiError(409, `Multiple security_group matches found for name '${nameOrId}', use an ID to be more specific.`);
  }
  if (named.length === 0) throw new ApiError(404, `Security group ${nameOrId} is not found for project ${projectId}`);
  return named[0]!;
}

/** addSecurityGroup / removeSecurityGroup; `action` is the body's key. */
export async function changeServerSecurityGroups(
  cloud: Cloud,
  context: ServerContext,
  server: Server,
  action: 'addSecurityGroup' | 'removeSecurityGroup',
  body: Record<string, unknown>,
): Promise<void> {
  const name = groupName(body, action);
  await cloud.store.transaction(async (repos) => {
    const group = await findGroup(repos, context.projectId, name);
    const ports = await repos.securityGroups.portsOfDevice(server.id);
    if (ports.length === 0) throw new ApiError(404, `instance_id ${server.id} could not be found as device id on any ports`);
    const bound = await repos.securityGroups.groupsOfPorts(ports.map((port) => port.id));
    if (action === 'addSecurityGroup') {
      for (const port of ports) {
        if (!port.portSecurityEnabled || !port.hasFixedIps) {
          throw new ApiError(400, 'Network requires port_security_enabled and subnet associated in order to apply security groups.');
        }
      }
      for (const port of ports) {
        const groups = bound.get(port.id) ?? [];
        if (!groups.includes(group.id)) await repos.securityGroups.bindPort(port.id, [...groups, group.id]);
      }
      return;
    }
    const holding = ports.filter((port) => (bound.get(port.id) ?? []).includes(group.id));
    if (holding.length === 0) {
      throw new ApiError(404, `Security group ${name} not associated with the instance ${server.id}`);
    }
    for (const port of holding) {
      await repos.securityGroups.bindPort(port.id, (bound.get(port.id) ?? []).filter((id) => id !== group.id));
    }
  });
}

/** One Neutron rule in Nova's format (ingress rules only, as Nova lists them). */
function novaRule(rule: SecurityGroupRuleRow, names: Map<string, SecurityGroupRow>): Record<string, unknown> {
  const noPorts = rule.protocol !== null && rule.port_range_min === null && rule.port_range_max === null;
  const wide = rule.protocol !== null && ['tcp', 'udp'].includes(rule.protocol.toLowerCase());
  const remote = rule.remote_group_id === null ? undefined : names.get(rule.remote_group_id);
  return {
    id: rule.id,
    parent_group_id: rule.security_group_id,
    ip_protocol: rule.protocol,
    from_port: noPorts ? (wide ? 1 : -1) : rule.port_range_min,
    to_port: noPorts ? (wide ? 65535 : -1) : rule.port_range_max,
    group: remote ? { name: remote.name, tenant_id: remote.project_id } : {},
    ip_range: rule.remote_group_id === null ? { cidr: rule.remote_ip_prefix ?? '0.0.0.0/0' } : {},
  };
}

/** Groups in Nova's format, with their ingress rules and the names of remote groups. */
async function novaGroups(cloud: Cloud, groupIds: readonly string[]): Promise<Record<string, unknown>[]> {
  const { securityGroups } = cloud.store;
  const rules = await securityGroups.listRules(groupIds);
  const remoteIds = rules.flatMap((rule) => (rule.remote_group_id === null ? [] : [rule.remote_group_id]));
  const rows = new Map<string, SecurityGroupRow>();
  for (const id of new Set([...groupIds, ...remoteIds])) {
    const row = await securityGroups.getGroup(id);
    if (row) rows.set(id, row);
  }
  return groupIds.flatMap((id) => {
    const group = rows.get(id);
    if (!group) return [];
    const ingress = rules.filter((rule) => rule.security_group_id === id && rule.direction === 'ingress');
    return [{
      id: group.id,
      name: group.name,
      description: group.description,
      tenant_id: group.project_id,
      rules: ingress.map((rule) => novaRule(rule, rows)),
    }];
  });
}

const UUID = /^[0-9a-f]{8}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{12}$/i;

export function registerServerSecurityGroupRoutes(app: FastifyInstance, cloud: Cloud): void {
  const { store } = cloud;

  app.get<IdParams>('/v2.1/servers/:serverId/os-security-groups', async (request) => {
    const context = await serverContext(request, cloud);
    const server = await visibleServer(cloud, context, request.params.serverId);
    const groups = (await store.securityGroups.groupsOfDevices([server.id])).get(server.id) ?? [];
    return { security_groups: await novaGroups(cloud, groups.map((group) => group.id)) };
  });

  // Nova's proxy to Neutron's groups (gone at 2.36), which older clients still use to find a
  // group by name before addSecurityGroup.
  const proxyContext = async (request: FastifyRequest): Promise<ServerContext> => {
    const context = await serverContext(request, cloud);
    if (context.atLeast('2.36')) throw new ApiError(404, 'The resource could not be found.');
    return context;
  };

  app.get('/v2.1/os-security-groups', async (request) => {
    const context = await proxyContext(request);
    await store.securityGroups.ensureDefault(context.projectId, neutronTimestamp(cloud.clock.now()));
    const groups = await store.securityGroups.listGroups(context.projectId);
    return { security_groups: await novaGroups(cloud, groups.map((group) => group.id)) };
  });

  app.get<{ Params: { groupId: string } }>('/v2.1/os-security-groups/:groupId', async (request) => {
    const context = await proxyContext(request);
    const { groupId } = request.params;
    if (!UUID.test(groupId)) throw new ApiError(400, 'Security group id should be uuid');
    const group = await store.securityGroups.getGroup(groupId);
    if (!group || (!context.admin && group.project_id !== context.projectId)) {
      throw new ApiError(404, `Security group ${groupId} not found.`);
    }
    const [shown] = await novaGroups(cloud, [group.id]);
    return { security_group: shown };
  });
}
