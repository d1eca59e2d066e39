// /v2.0/subnets: list, show, create, update, delete. A subnet is seen by whoever sees its
// network; only the network's owner (or an admin) adds subnets to it.

import type { FastifyInstance } from 'fastify';
import type { Cloud } from '../../cloud';
import { ApiError } from '../../http/api-error';
import type { Repositories } from '../../store/open-store';
import type { Subnet } from '../../store/subnets';
import {
  readBoolean,
  readInteger,
  readNullableString,
  readObjectList,
  readString,
  readStringList,
  resourceBody,
  type Attributes,
} from './body';
import { listScope, networkContext, owningProject, ownsOrAdmin, type NetworkContext } from './context';
import { badRequest, invalidAttribute, notFound, policyDenied } from './errors';
import { listBody, project, showFields, type RawQuery } from './list-query';
import { visibleNetwork } from './network-routes';
import { checkNetworkQuota } from './quota-routes';
import { neutronRoute, pathParam } from './register';
import { checkIfMatch } from './revision';
import { createSubnet, deleteSubnet, updateSubnet } from './subnet-ops';
import { SUBNET_ATTRIBUTES, subnetView } from './views';

const WRITABLE = ['name', 'description', 'gateway_ip', 'enable_dhcp', 'allocation_pools', 'dns_nameservers', 'host_routes'];
const RULES = {
  all: [...SUBNET_ATTRIBUTES, 'subnetpool_id', 'prefixlen', 'use_default_subnetpool', 'segment_id', 'dns_publish_fixed_ip'],
  post: [...WRITABLE, 'network_id', 'cidr', 'ip_version', 'ipv6_address_mode', 'ipv6_ra_mode', 'tenant_id', 'project_id', 'subnetpool_id', 'use_default_subnetpool', 'prefixlen', 'service_types', 'segment_id'],
  put: [...WRITABLE, 'service_types', 'segment_id'],
};
const SPEC = { collection: 'subnets', attributes: SUBNET_ATTRIBUTES };

export async function visibleSubnet(repos: Repositories, context: NetworkContext, id: string): Promise<Subnet> {
  const subnet = await repos.subnets.get(id);
  if (!subnet) throw notFound('subnet', id);
  if (!ownsOrAdmin(context, subnet.projectId)) {
    const network = await repos.networks.get(subnet.networkId);
    if (!network || !(network.shared || network.external || network.projectId === context.projectId)) throw notFound('subnet', id);
  }
  return subnet;
}

function readPools(attrs: Attributes) {
  return readObjectList(attrs, 'allocation_pools', ['start', 'end'] as const);
}

function readRoutes(attrs: Attributes) {
  return readObjectList(attrs, 'host_routes', ['destination', 'nexthop'] as const);
}

export function registerSubnetRoutes(app: FastifyInstance, cloud: Cloud): void {
  const { store } = cloud;

  neutronRoute(app, 'GET', '/subnets', async (request) => {
    const context = networkContext(request, cloud);
    const scope = listScope(context);
    let subnets = await store.subnets.list();
    if (scope !== undefined) {
      const visible = new Set((await store.networks.list({ visibleTo: scope })).map((n) => n.id));
      subnets = subnets.filter((s) => s.projectId === scope || visible.has(s.networkId));
    }
    return listBody(subnets.map(subnetView), request.query as RawQuery, SPEC, cloud.url(request.url), (id) => notFound('subnet', id));
  });

  neutronRoute(app, 'GET', '/subnets/:id', async (request) => {
    const context = networkContext(request, cloud);
    const subnet = await visibleSubnet(store, context, pathParam(request, 'id'));
    return { subnet: project(subnetView(subnet), showFields(request.query as RawQuery)) };
  });

  neutronRoute(app, 'POST', '/subnets', async (request, reply) => {
    const context = networkContext(request, cloud);
    const attrs = resourceBody(request.body, 'subnet', RULES, 'POST');
    const networkId = readString(attrs, 'network_id');
    if (networkId === undefined) throw badRequest("Failed to parse request. Required attribute 'network_id' not specified", 'HTTPBadRequest');
    const ipVersion = readInteger(attrs, 'ip_version');
    if (ipVersion === undefined) throw badRequest("Failed to parse request. Required attribute 'ip_version' not specified", 'HTTPBadRequest');
    if (ipVersion !== 4 && ipVersion !== 6) throw invalidAttribute('ip_version', `${ipVersion} is not in [4, 6]`);
    const cidr = readString(attrs, 'cidr');
    if (cidr === undefined || attrs.cidr === null) {
      throw badRequest('Bad subnets request: a cidr must be specified in the absence of a subnet pool.', 'BadRequest');
    }
    // The emulator has no subnet pools, so any pool a client names does not exist.
    if (typeof attrs.subnetpool_id === 'string') {
      throw new ApiError(404, `Subnet pool ${attrs.subnetpool_id} could not be found.`, 'SubnetPoolNotFound');
    }
    const projectId = owningProject(context, attrs);
    const network = await visibleNetwork(store, context, networkId);
    if (!ownsOrAdmin(context, network.projectId)) throw policyDenied('create_subnet');
    const subnet = await store.transaction(async (repos) => {
      await checkNetworkQuota(repos, projectId, 'subnet');
      return createSubnet(repos, network, {
        projectId,
        name: readString(attrs, 'name'),
        description: readString(attrs, 'description'),
        cidr,
        ipVersion,
        gatewayIp: readNullableString(attrs, 'gateway_ip'),
        enableDhcp: readBoolean(attrs, 'enable_dhcp'),
        allocationPools: readPools(attrs),
        dnsNameservers: readStringList(attrs, 'dns_nameservers'),
        hostRoutes: readRoutes(attrs),
        ipv6AddressMode: readNullableString(attrs, 'ipv6_address_mode'),
        ipv6RaMode: readNullableString(attrs, 'ipv6_ra_mode'),
        now: context.now,
      });
    });
    return reply.code(201).send({ subnet: subnetView(subnet) });
  });

  neutronRoute(app, 'PUT', '/subnets/:id', async (request) => {
    const context = networkContext(request, cloud);
    const subnet = await visibleSubnet(store, context, pathParam(request, 'id'));
    if (!ownsOrAdmin(context, subnet.projectId)) throw policyDenied('update_subnet');
    checkIfMatch(request, subnet.revisionNumber);
    const attrs = resourceBody(request.body, 'subnet', RULES, 'PUT');
    const updated = await store.transaction((repos) =>
      updateSubnet(
        repos,
        subnet,
        {
          name: readString(attrs, 'name'),
          description: readString(attrs, 'description'),
          gatewayIp: readNullableString(attrs, 'gateway_ip'),
          enableDhcp: readBoolean(attrs, 'enable_dhcp'),
          allocationPools: readPools(attrs),
          dnsNameservers: readStringList(attrs, 'dns_nameservers'),
          hostRoutes: readRoutes(attrs),
        },
        context.now,
      ),
    );
    return { subnet: subnetView(updated) };
  });

  neutronRoute(app, 'DELETE', '/subnets/:id', async (request, reply) => {
    const context = networkContext(request, cloud);
    const subnet = await visibleSubnet(store, context, pathParam(request, 'id'));
    if (!ownsOrAdmin(context, subnet.projectId)) throw policyDenied('delete_subnet');
    await store.transaction((repos) => deleteSubnet(repos, subnet, context.now));
    return reply.code(204).send();
  });
}
