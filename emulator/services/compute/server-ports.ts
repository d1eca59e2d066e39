// The Nova side of Neutron ports: which networks a boot asks for ("auto", "none", or a list of
// networks, ports and fixed IPs), checked before anything is written, then one port per
// network created for each placed server (device_owner compute:<zone>, bound to its host,
// with the server's security groups), in the caller's transaction.

import { ApiError } from '../../http/api-error';
import type { Network } from '../../store/networks';
import type { Repositories } from '../../store/open-store';
import type { Port } from '../../store/ports';
import { neutronTimestamp } from '../../store/network-rows';
import { createPort } from '../network/port-ops';
import { checkNetworkQuota } from '../network/quota-routes';

export type NetworksRequest = 'auto' | 'none' | { uuid?: string; port?: string; fixed_ip?: string; tag?: string }[] | undefined;

export interface PortPlan {
  network: Network;
  /** A port the client made beforehand, to be bound to the server. */
  port?: Port;
  fixedIp?: string;
}

interface Caller {
  projectId: string;
  admin: boolean;
}

/** Networks "auto" picks from: the project's own, else the shared ones (external ones never). */
async function availableNetworks(repos: Repositories, projectId: string): Promise<Network[]> {
  const visible = (await repos.networks.list({ visibleTo: projectId })).filter((n) => !n.external);
  const own = visible.filter((n) => n.projectId === projectId);
  return own.length > 0 ? own : visible.filter((n) => n.shared);
}

async function usableNetwork(repos: Repositories, id: string, caller: Caller): Promise<Network> {
  const network = await repos.networks.get(id);
  if (!network || !(caller.admin || network.projectId === caller.projectId || network.shared)) {
    throw new ApiError(400, `Network ${id} could not be found.`);
  }
  return network;
}

/** Works out the ports a boot needs, refusing as Nova does before any server is created. */
export async function planServerPorts(repos: Repositories, request: NetworksRequest, caller: Caller, count: number): Promise<PortPlan[]> {
  if (request === 'none') return [];
  if (request === undefined || request === 'auto') {
    const [network] = await availableNetworks(repos, caller.projectId);
    if (network) return [{ network }];
    if (request === 'auto') throw new ApiError(400, `Unable to automatically allocate a network for project ${caller.projectId}`);
    return [];
  }
  const plans: PortPlan[] = [];
  for (const entry of request) {
    if (entry.port !== undefined) {
      if (count > 1) {
        throw new ApiError(400, 'Unable to launch multiple instances with a single configured port ID. Please launch your instance one by one with different ports.');
      }
      const port = await repos.ports.get(entry.port);
      if (!port || !(caller.admin || port.projectId === caller.projectId)) throw new ApiError(400, `Port ${entry.port} could not be found.`);
      if (port.deviceId !== '') throw new ApiError(409, `Port ${port.id} is still in use.`);
      if (plans.some((p) => p.port?.id === port.id)) throw new ApiError(400, `Port ${port.id} is still in use.`);
      plans.push({ network: (await repos.networks.get(port.networkId))!, port });
      continue;
    }
    if (entry.uuid === undefined) throw new ApiError(400, 'Bad networks format: network uuid is not in proper format ()');
    const network = await usableNetwork(repos, entry.uuid, caller);
    if (entry.fixed_ip !== undefined) {
      if (count > 1) throw new ApiError(400, 'max_count cannot be greater than 1 if an fixed_ip is specified.');
      const subnets = await repos.subnets.list({ networkIds: [network.id] });
      for (const subnet of subnets) {
        if ((await repos.ports.addressesOnSubnet(subnet.id)).has(entry.fixed_ip)) {
          throw new ApiError(400, `Fixed IP address ${entry.fixed_ip} is already in use on network ${network.id}.`);
        }
      }
    }
    plans.push({ network, fixedIp: entry.fixed_ip });
  }
  return plans;
}

/** Nova asks Neutron for room for the ports first, and refuses as Nova does when there is none. */
export async function checkPortQuota(repos: Repositories, projectId: string, ports: number): Promise<void> {
  try {
    await checkNetworkQuota(repos, projectId, 'port', ports);
  } catch (error) {
    if (error instanceof ApiError && error.type === 'OverQuota') throw new ApiError(403, 'Maximum number of ports exceeded');
    throw error;
  }
}

/** Security group names (or ids) of a boot, as the ids of the project's groups. */
export async function securityGroupIds(repos: Repositories, projectId: string, names: string[], now: string): Promise<string[]> {
  const byName = await repos.ports.securityGroupIdsByName(projectId, names);
  const byId = await repos.ports.securityGroupProjects(names);
  const ids: string[] = [];
  for (const name of names) {
    const matches = byName.get(name) ?? [];
    if (matches.length > 1) throw new ApiError(409, `Multiple security groups found matching '${name}'. Use an ID to be more specific.`);
    if (matches[0]) ids.push(matches[0]);
    else if (byId.get(name) === projectId) ids.push(name);
    else if (name === 'default') ids.push(await repos.securityGroups.ensureDefault(projectId, now));
    else throw new ApiError(400, `Security group ${name} not found for project ${projectId}.`);
  }
  return [...new Set(ids)];
}

export interface ServerBinding {
  serverId: string;
  projectId: string;
  host: string;
  zone: string;
  /** Simulation time (epoch ms). */
  now: number;
}

/**
 * Creates (or binds) the server's ports. On running out of addresses it removes what it made
 * for this server and returns the fault Nova records, so the server goes to ERROR instead.
 */
export async function bindServerPorts(
  repos: Repositories,
  binding: ServerBinding,
  plans: PortPlan[],
  groupIds: string[],
): Promise<string | null> {
  const now = neutronTimestamp(binding.now);
  const made: string[] = [];
  const owner = `compute:${binding.zone}`;
  try {
    for (const plan of plans) {
      if (plan.port) {
        await repos.ports.update(plan.port.id, {
          deviceId: binding.serverId,
          deviceOwner: owner,
          bindingHostId: binding.host,
          status: plan.port.adminStateUp ? 'ACTIVE' : 'DOWN',
          updatedAt: now,
          revisionNumber: plan.port.revisionNumber + 1,
        });
        await repos.servers.recordPort(binding.serverId, plan.port.id, true);
        continue;
      }
      const portSecurity = plan.network.portSecurityEnabled;
      const port = await createPort(repos, plan.network, {
        projectId: binding.projectId,
        deviceOwner: owner,
        deviceId: binding.serverId,
        bindingHostId: binding.host,
        fixedIps: plan.fixedIp === undefined ? undefined : [{ ipAddress: plan.fixedIp }],
        securityGroupIds: portSecurity ? groupIds : [],
        now,
      });
      made.push(port.id);
      await repos.servers.recordPort(binding.serverId, port.id, false);
    }
    return null;
  } catch (error) {
    if (!(error instanceof ApiError) || error.type !== 'IpAddressGenerationFailure') throw error;
    for (const id of made) await repos.ports.delete(id);
    const network = plans.find((p) => !p.port)?.network;
    return `Build of instance ${binding.serverId} aborted: No more IP addresses available on network ${network?.name || network?.id}.`;
  }
}
