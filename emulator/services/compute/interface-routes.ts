// Nova's os-interface: /v2.1/servers/{id}/os-interface lists the server's Neutron ports,
// attaches one (a new port on net_id, or an existing port_id) and detaches one (a port Nova
// made is deleted, one the client passed in only unbound). Views follow Nova's interfaceAttachment.

import type { FastifyInstance } from 'fastify';
import type { Cloud } from '../../cloud';
import { ApiError } from '../../http/api-error';
import type { Port } from '../../store/ports';
import type { Server } from '../../store/servers';
import { bindServerPorts, planServerPorts, securityGroupIds } from './server-ports';
import { serverContext, visibleServer, type ServerContext } from './server-context';
import { neutronTimestamp } from '../../store/network-rows';
import { deletePortAndFloatingIps } from '../network/port-routes';

type Params = { serverId: string; portId: string };

// nova/compute/api.py: attach_interface / detach_interface run from these vm_states, no task.
const INTERFACE_VM_STATES = ['active', 'paused', 'stopped', 'suspended'];

function requireState(server: Server, action: 'attach_interface' | 'detach_interface', admin: boolean): void {
  if (server.locked && !admin) throw new ApiError(409, `Instance ${server.id} is locked`);
  if (!INTERFACE_VM_STATES.includes(server.vmState)) {
    throw new ApiError(409, `Cannot '${action}' instance ${server.id} while it is in vm_state ${server.vmState}`);
  }
  if (server.taskState !== null) {
    throw new ApiError(409, `Cannot '${action}' instance ${server.id} while it is in task_state ${server.taskState}`);
  }
}

function interfaceView(context: ServerContext, port: Port): Record<string, unknown> {
  const view: Record<string, unknown> = {
    port_state: port.status,
    fixed_ips: port.fixedIps.map((ip) => ({ subnet_id: ip.subnetId, ip_address: ip.ipAddress })),
    port_id: port.id,
    net_id: port.networkId,
    mac_addr: port.macAddress,
  };
  if (context.atLeast('2.70')) view.tag = null;
  return view;
}

interface AttachInput {
  net_id?: string;
  port_id?: string;
  fixed_ips?: { ip_address: string }[];
}

function parseAttach(body: unknown): AttachInput {
  const input = (body as { interfaceAttachment?: unknown } | null)?.interfaceAttachment;
  if (input === undefined || input === null || typeof input !== 'object' || Array.isArray(input)) {
    throw new ApiError(400, `Invalid input for field/attribute interfaceAttachment. Value: ${JSON.stringify(input ?? null)}. ${JSON.stringify(input ?? null)} is not of type 'object'`);
  }
  const attrs = input as Record<string, unknown>;
  const extra = Object.keys(attrs).filter((k) => !['net_id', 'port_id', 'fixed_ips', 'tag'].includes(k));
  if (extra.length > 0) {
    throw new ApiError(400, `Invalid input for field/attribute interfaceAttachment. Additional properties are not allowed (${extra.map((k) => `'${k}'`).join(', ')} ${extra.length > 1 ? 'were' : 'was'} unexpected)`);
  }
  for (const key of ['net_id', 'port_id'] as const) {
    if (attrs[key] !== undefined && typeof attrs[key] !== 'string') {
      throw new ApiError(400, `Invalid input for field/attribute ${key}. Value: ${String(attrs[key])}. '${String(attrs[key])}' is not a 'uuid'`);
    }
  }
  const fixedIps = attrs.fixed_ips;
  if (fixedIps !== undefined && (!Array.isArray(fixedIps) || fixedIps.some((ip) => typeof ip?.ip_address !== 'string'))) {
    throw new ApiError(400, `Invalid input for field/attribute fixed_ips. Value: ${JSON.stringify(fixedIps)}. 'ip_address' is a required property`);
  }
  return attrs as AttachInput;
}

export function registerInterfaceRoutes(app: FastifyInstance, cloud: Cloud): void {
  const { store } = cloud;
  const serverPorts = (serverId: string) => store.ports.list({ deviceIds: [serverId] }).then((ports) => ports.filter((p) => p.deviceOwner.startsWith('compute:')));

  app.get<{ Params: Params }>('/v2.1/servers/:serverId/os-interface', async (request) => {
    const context = await serverContext(request, cloud);
    const server = await visibleServer(cloud, context, request.params.serverId);
    return { interfaceAttachments: (await serverPorts(server.id)).map((port) => interfaceView(context, port)) };
  });

  app.get<{ Params: Params }>('/v2.1/servers/:serverId/os-interface/:portId', async (request) => {
    const context = await serverContext(request, cloud);
    const server = await visibleServer(cloud, context, request.params.serverId);
    const port = (await serverPorts(server.id)).find((p) => p.id === request.params.portId);
    if (!port) throw new ApiError(404, `Port ${request.params.portId} could not be found.`);
    return { interfaceAttachment: interfaceView(context, port) };
  });

  app.post<{ Params: Params }>('/v2.1/servers/:serverId/os-interface', async (request) => {
    const context = await serverContext(request, cloud);
    const server = await visibleServer(cloud, context, request.params.serverId);
    const input = parseAttach(request.body);
    requireState(server, 'attach_interface', context.admin);
    if (input.net_id !== undefined && input.port_id !== undefined) {
      throw new ApiError(400, 'Must not input both network_id and port_id');
    }
    if (input.fixed_ips !== undefined && input.net_id === undefined) {
      throw new ApiError(400, 'Must input network_id when request IP address');
    }
    const port = await store.transaction(async (repos) => {
      let networkId = input.net_id;
      if (networkId === undefined && input.port_id === undefined) {
        // Nova picks the project's network, as a boot with "auto" does.
        const [plan] = await planServerPorts(repos, 'auto', context, 1);
        networkId = plan?.network.id;
      }
      const plans = await planServerPorts(
        repos,
        [{ uuid: networkId, port: input.port_id, fixed_ip: input.fixed_ips?.[0]?.ip_address }],
        context,
        1,
      );
      const groups = await securityGroupIds(repos, server.projectId, server.securityGroups, neutronTimestamp(context.now));
      const before = new Set((await repos.ports.list({ deviceIds: [server.id] })).map((p) => p.id));
      const binding = { serverId: server.id, projectId: server.projectId, host: server.host ?? '', zone: server.availabilityZone ?? 'nova', now: context.now };
      const fault = await bindServerPorts(repos, binding, plans, groups);
      if (fault !== null) throw new ApiError(400, `Failed to allocate the network(s), not rescheduling.`);
      const after = await repos.ports.list({ deviceIds: [server.id] });
      return after.find((p) => !before.has(p.id)) ?? after.find((p) => p.id === input.port_id)!;
    });
    return { interfaceAttachment: interfaceView(context, port) };
  });

  app.delete<{ Params: Params }>('/v2.1/servers/:serverId/os-interface/:portId', async (request, reply) => {
    const context = await serverContext(request, cloud);
    const server = await visibleServer(cloud, context, request.params.serverId);
    requireState(server, 'detach_interface', context.admin);
    const port = (await serverPorts(server.id)).find((p) => p.id === request.params.portId);
    if (!port) throw new ApiError(404, `Port ${request.params.portId} could not be found.`);
    await store.transaction(async (repos) => {
      // A client's port keeps its floating IP, as in Neutron; Nova's own goes with it.
      if (await repos.servers.isPreservedPort(port.id)) {
        await repos.ports.update(port.id, {
          deviceId: '',
          deviceOwner: '',
          bindingHostId: '',
          status: 'DOWN',
          updatedAt: neutronTimestamp(context.now),
          revisionNumber: port.revisionNumber + 1,
        });
      } else {
        await deletePortAndFloatingIps(repos, port.id, neutronTimestamp(context.now));
      }
    });
    return reply.code(202).send();
  });
}
