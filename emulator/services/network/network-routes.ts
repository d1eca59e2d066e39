// /v2.0/networks: list, show, create, update, delete. Non-admins see their own networks plus
// shared and external ones; provider attributes are set and seen by admins only.

import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Cloud } from '../../cloud';
import type { Repositories } from '../../store/open-store';
import type { Network } from '../../store/networks';
import { readBoolean, readInteger, readString, readStringList, resourceBody, type Attributes } from './body';
import { listScope, networkContext, owningProject, ownsOrAdmin, type NetworkContext } from './context';
import { conflict, notFound, policyDenied } from './errors';
import { listBody, project, showFields, type RawQuery } from './list-query';
import { createNetwork, deleteNetwork } from './network-ops';
import { checkNetworkQuota } from './quota-routes';
import { neutronRoute, pathParam } from './register';
import { bumpRevision, checkIfMatch } from './revision';
import { NETWORK_ATTRIBUTES, networkView } from './views';

const ADMIN_ONLY = ['shared', 'router:external', 'is_default', 'provider:network_type', 'provider:physical_network', 'provider:segmentation_id'];
const WRITABLE = ['name', 'description', 'admin_state_up', 'shared', 'router:external', 'is_default', 'mtu', 'port_security_enabled'];
const RULES = {
  all: [...NETWORK_ATTRIBUTES, 'dns_domain', 'qos_policy_id', 'segments'],
  post: [...WRITABLE, 'provider:network_type', 'provider:physical_network', 'provider:segmentation_id', 'availability_zone_hints', 'tenant_id', 'project_id'],
  put: WRITABLE,
};
const SPEC = { collection: 'networks', attributes: NETWORK_ATTRIBUTES };

/** The network if the caller may see it (own, shared, external, or any for an admin), else 404. */
export async function visibleNetwork(repos: Repositories, context: NetworkContext, id: string): Promise<Network> {
  const network = await repos.networks.get(id);
  if (!network || !(ownsOrAdmin(context, network.projectId) || network.shared || network.external)) throw notFound('network', id);
  return network;
}

export async function renderNetworks(repos: Repositories, networks: Network[], admin: boolean) {
  const subnets = await repos.subnets.list(networks.length === 1 ? { networkIds: [networks[0]!.id] } : {});
  return networks.map((network) =>
    networkView(network, subnets.filter((s) => s.networkId === network.id).map((s) => s.id), admin),
  );
}

/** The attributes both create and update take. */
function readWritable(attrs: Attributes) {
  return {
    name: readString(attrs, 'name'),
    description: readString(attrs, 'description'),
    adminStateUp: readBoolean(attrs, 'admin_state_up'),
    shared: readBoolean(attrs, 'shared'),
    external: readBoolean(attrs, 'router:external'),
    isDefault: readBoolean(attrs, 'is_default'),
    mtu: readInteger(attrs, 'mtu'),
    portSecurityEnabled: readBoolean(attrs, 'port_security_enabled'),
  };
}

function checkAdminAttributes(context: NetworkContext, attrs: Attributes, action: 'create' | 'update'): void {
  if (context.admin) return;
  const denied = ADMIN_ONLY.find((key) => attrs[key] !== undefined);
  if (denied) throw policyDenied(`${action}_network:${denied}`);
}

export function registerNetworkRoutes(app: FastifyInstance, cloud: Cloud): void {
  const { store } = cloud;

  neutronRoute(app, 'GET', '/networks', async (request) => {
    const context = networkContext(request, cloud);
    const scope = listScope(context);
    const networks = await store.networks.list(scope === undefined ? {} : { visibleTo: scope });
    const items = await renderNetworks(store, networks, context.admin);
    return listBody(items, request.query as RawQuery, SPEC, cloud.url(request.url), (id) => notFound('network', id));
  });

  neutronRoute(app, 'GET', '/networks/:id', async (request) => {
    const context = networkContext(request, cloud);
    const network = await visibleNetwork(store, context, pathParam(request, 'id'));
    const [view] = await renderNetworks(store, [network], context.admin);
    return { network: project(view!, showFields(request.query as RawQuery)) };
  });

  neutronRoute(app, 'POST', '/networks', async (request, reply) => {
    const context = networkContext(request, cloud);
    const attrs = resourceBody(request.body, 'network', RULES, 'POST');
    checkAdminAttributes(context, attrs, 'create');
    const projectId = owningProject(context, attrs);
    const network = await store.transaction(async (repos) => {
      await checkNetworkQuota(repos, projectId, 'network');
      return createNetwork(repos, {
        projectId,
        ...readWritable(attrs),
        providerNetworkType: readString(attrs, 'provider:network_type'),
        providerPhysicalNetwork: readString(attrs, 'provider:physical_network'),
        providerSegmentationId: readInteger(attrs, 'provider:segmentation_id'),
        availabilityZoneHints: readStringList(attrs, 'availability_zone_hints'),
        now: context.now,
      });
    });
    const [view] = await renderNetworks(store, [network], context.admin);
    return reply.code(201).send({ network: view });
  });

  neutronRoute(app, 'PUT', '/networks/:id', async (request: FastifyRequest) => {
    const context = networkContext(request, cloud);
    const network = await visibleNetwork(store, context, pathParam(request, 'id'));
    if (!ownsOrAdmin(context, network.projectId)) throw policyDenied('update_network');
    checkIfMatch(request, network.revisionNumber);
    const attrs = resourceBody(request.body, 'network', RULES, 'PUT');
    checkAdminAttributes(context, attrs, 'update');
    const defined = Object.fromEntries(Object.entries(readWritable(attrs)).filter(([, v]) => v !== undefined));
    if (defined.external === false && network.external) {
      const gateways = await store.ports.list({ networkIds: [network.id], deviceOwner: 'network:router_gateway' });
      if (gateways.length > 0) {
        throw conflict(
          `External network ${network.id} cannot be updated to be made non-external, since it has existing gateway ports.`,
          'ExternalNetworkInUse',
        );
      }
    }
    const updated = await store.networks.update(network.id, { ...defined, ...bumpRevision(network, context.now) });
    const [view] = await renderNetworks(store, [updated!], context.admin);
    return { network: view };
  });

  neutronRoute(app, 'DELETE', '/networks/:id', async (request, reply) => {
    const context = networkContext(request, cloud);
    const network = await visibleNetwork(store, context, pathParam(request, 'id'));
    if (!ownsOrAdmin(context, network.projectId)) throw policyDenied('delete_network');
    await store.transaction((repos) => deleteNetwork(repos, network));
    return reply.code(204).send();
  });
}
