// /v2.0/ports: list, show, create, update, delete. Ports are seen by their project and by the
// owner of their network; binding attributes are an admin's. Router and floating IP ports
// are managed through their routers and floating IPs, not deleted here.

import type { FastifyInstance } from 'fastify';
import type { Cloud } from '../../cloud';
import type { Repositories } from '../../store/open-store';
import type { AddressPair, Port } from '../../store/ports';
import { readBoolean, readString, readStringList, resourceBody, type Attributes } from './body';
import { listScope, networkContext, owningProject, ownsOrAdmin, type NetworkContext } from './context';
import { badRequest, conflict, invalidAttribute, notFound, policyDenied } from './errors';
import { listBody, pageWindow, project, showFields, type RawQuery, type WireObject } from './list-query';
import { visibleNetwork } from './network-routes';
import { allocateFixedIps, createPort, portStatus, type FixedIpRequest } from './port-ops';
import { checkNetworkQuota } from './quota-routes';
import { neutronRoute, pathParam } from './register';
import { bumpRevision, checkIfMatch } from './revision';
import { PORT_ATTRIBUTES, portView } from './views';

const WRITABLE = [
  'name', 'description', 'admin_state_up', 'fixed_ips', 'device_id', 'device_owner', 'security_groups',
  'port_security_enabled', 'allowed_address_pairs', 'binding:host_id', 'binding:vnic_type', 'binding:profile', 'mac_address',
];
const RULES = {
  all: [...PORT_ATTRIBUTES, 'dns_name', 'dns_assignment', 'extra_dhcp_opts', 'qos_policy_id', 'propagate_uplink_status'],
  post: [...WRITABLE, 'network_id', 'tenant_id', 'project_id'],
  put: WRITABLE,
};
const ADMIN_ONLY = ['binding:host_id', 'binding:profile'];
const MANAGED_OWNERS = ['network:router_interface', 'network:router_gateway', 'network:floatingip', 'network:router_ha_interface'];

/** fixed_ips=ip_address=10.0.0.3&fixed_ips=subnet_id=…: one address must match every key given. */
function fixedIpsFilter(item: WireObject, values: string[]): boolean {
  const wanted = new Map<string, string[]>();
  for (const value of values) {
    const [key = '', ...rest] = value.split('=');
    wanted.set(key, [...(wanted.get(key) ?? []), rest.join('=')]);
  }
  const ips = item.fixed_ips as { subnet_id: string; ip_address: string }[];
  return ips.some((ip) =>
    [...wanted].every(([key, options]) => {
      if (key === 'ip_address_substr') return options.some((o) => ip.ip_address.includes(o));
      const actual = key === 'ip_address' ? ip.ip_address : key === 'subnet_id' ? ip.subnet_id : undefined;
      return actual !== undefined && options.includes(actual);
    }),
  );
}

const SPEC = { collection: 'ports', attributes: PORT_ATTRIBUTES, custom: { fixed_ips: fixedIpsFilter } };

export async function visiblePort(repos: Repositories, context: NetworkContext, id: string): Promise<Port> {
  const port = await repos.ports.get(id);
  if (!port) throw notFound('port', id);
  if (!ownsOrAdmin(context, port.projectId)) {
    const network = await repos.networks.get(port.networkId);
    if (network?.projectId !== context.projectId) throw notFound('port', id);
  }
  return port;
}

/** Ports with their security groups, in one query for the whole list. */
export async function renderPorts(repos: Repositories, ports: Port[], admin: boolean): Promise<WireObject[]> {
  const groups = await repos.securityGroups.groupsOfPorts(ports.map((p) => p.id));
  return ports.map((port) => portView(port, groups.get(port.id) ?? [], admin));
}

function readFixedIps(attrs: Attributes): FixedIpRequest[] | undefined {
  const value = attrs.fixed_ips;
  if (value === undefined) return undefined;
  if (!Array.isArray(value)) throw invalidAttribute('fixed_ips', `'${JSON.stringify(value)}' is not a list`);
  return value.map((entry) => {
    if (entry === null || typeof entry !== 'object') throw invalidAttribute('fixed_ips', `'${JSON.stringify(entry)}' is not a dictionary`);
    const record = entry as Attributes;
    const extra = Object.keys(record).filter((k) => k !== 'subnet_id' && k !== 'ip_address');
    if (extra.length > 0) throw invalidAttribute('fixed_ips', `Unrecognized attribute(s) '${extra.join(', ')}'`);
    return { subnetId: readString(record, 'subnet_id'), ipAddress: readString(record, 'ip_address') };
  });
}

function readAddressPairs(attrs: Attributes): AddressPair[] | undefined {
  const value = attrs.allowed_address_pairs;
  if (value === undefined) return undefined;
  if (!Array.isArray(value)) throw invalidAttribute('allowed_address_pairs', `'${JSON.stringify(value)}' is not a list`);
  return value.map((entry: Attributes) => {
    const ip = readString(entry ?? {}, 'ip_address');
    if (ip === undefined) throw badRequest('Allowed address pairs must be a list of dictionaries with an ip_address.', 'AllowedAddressPairsMissingIP');
    return { ip_address: ip, mac_address: readString(entry, 'mac_address') ?? '' };
  });
}

function readProfile(attrs: Attributes): Record<string, unknown> | undefined {
  const value = attrs['binding:profile'];
  if (value === undefined || value === null) return value === null ? {} : undefined;
  if (typeof value !== 'object' || Array.isArray(value)) throw invalidAttribute('binding:profile', `'${JSON.stringify(value)}' is not a dictionary`);
  return value as Record<string, unknown>;
}

export function registerPortRoutes(app: FastifyInstance, cloud: Cloud): void {
  const { store } = cloud;

  neutronRoute(app, 'GET', '/ports', async (request) => {
    const context = networkContext(request, cloud);
    const query = request.query as RawQuery;
    const scope = listScope(context);
    const single = (key: string) => (typeof query[key] === 'string' ? [query[key] as string] : undefined);
    const ports = await store.ports.list({
      // Narrow in SQL what is cheap to narrow; listBody still applies every filter and cuts the page.
      deviceIds: single('device_id'),
      networkIds: single('network_id'),
      window: pageWindow(query, SPEC),
      ...(scope === undefined
        ? {}
        : { visibleTo: { projectId: scope, networkIds: (await store.networks.list()).filter((n) => n.projectId === scope).map((n) => n.id) } }),
    });
    const items = await renderPorts(store, ports, context.admin);
    return listBody(items, query, SPEC, cloud.url(request.url), (id) => notFound('port', id));
  });

  neutronRoute(app, 'GET', '/ports/:id', async (request) => {
    const context = networkContext(request, cloud);
    const port = await visiblePort(store, context, pathParam(request, 'id'));
    const [view] = await renderPorts(store, [port], context.admin);
    return { port: project(view!, showFields(request.query as RawQuery)) };
  });

  neutronRoute(app, 'POST', '/ports', async (request, reply) => {
    const context = networkContext(request, cloud);
    const attrs = resourceBody(request.body, 'port', RULES, 'POST');
    const denied = ADMIN_ONLY.find((key) => attrs[key] !== undefined && !context.admin);
    if (denied) throw policyDenied(`create_port:${denied}`);
    const networkId = readString(attrs, 'network_id');
    if (networkId === undefined) throw badRequest("Failed to parse request. Required attribute 'network_id' not specified", 'HTTPBadRequest');
    const projectId = owningProject(context, attrs);
    const network = await visibleNetwork(store, context, networkId);
    const port = await store.transaction(async (repos) => {
      await checkNetworkQuota(repos, projectId, 'port');
      return createPort(repos, network, {
        projectId,
        name: readString(attrs, 'name'),
        description: readString(attrs, 'description'),
        deviceOwner: readString(attrs, 'device_owner'),
        deviceId: readString(attrs, 'device_id'),
        adminStateUp: readBoolean(attrs, 'admin_state_up'),
        macAddress: readString(attrs, 'mac_address'),
        fixedIps: readFixedIps(attrs),
        securityGroupIds: readStringList(attrs, 'security_groups'),
        portSecurityEnabled: readBoolean(attrs, 'port_security_enabled'),
        bindingHostId: readString(attrs, 'binding:host_id'),
        bindingVnicType: readString(attrs, 'binding:vnic_type'),
        bindingProfile: readProfile(attrs),
        allowedAddressPairs: readAddressPairs(attrs),
        now: context.now,
      });
    });
    const [view] = await renderPorts(store, [port], context.admin);
    return reply.code(201).send({ port: view });
  });

  neutronRoute(app, 'PUT', '/ports/:id', async (request) => {
    const context = networkContext(request, cloud);
    const port = await visiblePort(store, context, pathParam(request, 'id'));
    if (!ownsOrAdmin(context, port.projectId)) throw policyDenied('update_port');
    checkIfMatch(request, port.revisionNumber);
    const attrs = resourceBody(request.body, 'port', RULES, 'PUT');
    const denied = [...ADMIN_ONLY, 'mac_address'].find((key) => attrs[key] !== undefined && !context.admin);
    if (denied) throw policyDenied(`update_port:${denied}`);
    const updated = await store.transaction(async (repos) => {
      const network = (await repos.networks.get(port.networkId))!;
      const fixedIpRequests = readFixedIps(attrs);
      let fixedIps = port.fixedIps;
      if (fixedIpRequests !== undefined) {
        const kept = port.fixedIps.filter((ip) =>
          fixedIpRequests.some((r) => r.ipAddress === ip.ipAddress && (r.subnetId === undefined || r.subnetId === ip.subnetId)),
        );
        const fresh = fixedIpRequests.filter((r) => !kept.some((ip) => ip.ipAddress === r.ipAddress));
        // The port's own old addresses are released first, so asking for one back works.
        await repos.ports.update(port.id, { fixedIps: kept });
        fixedIps = [...kept, ...(await allocateFixedIps(repos, network, fresh))];
      }
      const groups = readStringList(attrs, 'security_groups');
      const portSecurity = readBoolean(attrs, 'port_security_enabled') ?? port.portSecurityEnabled;
      const currentGroups = (await repos.securityGroups.groupsOfPorts([port.id])).get(port.id) ?? [];
      const finalGroups = groups ?? currentGroups;
      if (!portSecurity && finalGroups.length > 0) {
        throw conflict(
          'Port has security group associated. Cannot disable port security or ip address until security group is removed',
          'PortSecurityPortHasSecurityGroup',
        );
      }
      if (groups !== undefined) {
        const owners = await repos.ports.securityGroupProjects(groups);
        const missing = groups.find((id) => owners.get(id) !== port.projectId);
        if (missing !== undefined) throw notFound('security_group', missing);
        await repos.securityGroups.bindPort(port.id, groups);
      }
      const next = {
        name: readString(attrs, 'name') ?? port.name,
        description: readString(attrs, 'description') ?? port.description,
        adminStateUp: readBoolean(attrs, 'admin_state_up') ?? port.adminStateUp,
        deviceId: readString(attrs, 'device_id') ?? port.deviceId,
        deviceOwner: readString(attrs, 'device_owner') ?? port.deviceOwner,
        bindingHostId: readString(attrs, 'binding:host_id') ?? port.bindingHostId,
        bindingVnicType: readString(attrs, 'binding:vnic_type') ?? port.bindingVnicType,
        bindingProfile: readProfile(attrs) ?? port.bindingProfile,
        allowedAddressPairs: readAddressPairs(attrs) ?? port.allowedAddressPairs,
        macAddress: readString(attrs, 'mac_address') ?? port.macAddress,
        portSecurityEnabled: portSecurity,
      };
      return repos.ports.update(port.id, { ...next, fixedIps, status: portStatus(next), ...bumpRevision(port, context.now) });
    });
    const [view] = await renderPorts(store, [updated!], context.admin);
    return { port: view };
  });

  neutronRoute(app, 'DELETE', '/ports/:id', async (request, reply) => {
    const context = networkContext(request, cloud);
    const port = await visiblePort(store, context, pathParam(request, 'id'));
    if (!ownsOrAdmin(context, port.projectId)) throw policyDenied('delete_port');
    if (MANAGED_OWNERS.includes(port.deviceOwner)) {
      throw conflict(
        `Port ${port.id} cannot be deleted directly via the port API: has device owner ${port.deviceOwner}.`,
        'L3PortInUse',
      );
    }
    await store.transaction((repos) => deletePortAndFloatingIps(repos, port.id, context.now));
    return reply.code(204).send();
  });
}

/** Deletes a port; floating IPs that pointed at it are disassociated (status DOWN). */
export async function deletePortAndFloatingIps(repos: Repositories, portId: string, now: string): Promise<void> {
  for (const fip of await repos.floatingIps.list({ portIds: [portId] })) {
    await repos.floatingIps.update(fip.id, { portId: null, fixedIpAddress: null, routerId: null, status: 'DOWN', ...bumpRevision(fip, now) });
  }
  await repos.ports.delete(portId);
}
