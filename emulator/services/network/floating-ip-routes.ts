// /v2.0/floatingips: list, show, allocate (optionally associated at once), associate or
// disassociate (PUT port_id), release. port_details describes the port behind the address.

import type { FastifyInstance } from 'fastify';
import type { Cloud } from '../../cloud';
import type { FloatingIp } from '../../store/floating-ips';
import type { Repositories } from '../../store/open-store';
import { readNullableString, readString, resourceBody, type Attributes } from './body';
import { listScope, networkContext, owningProject, ownsOrAdmin, type NetworkContext } from './context';
import { badRequest, notFound } from './errors';
import { allocateFloatingIp, associationFor, applyAssociation, DISASSOCIATED, releaseFloatingIp } from './floating-ip-ops';
import { listBody, project, showFields, type RawQuery, type WireObject } from './list-query';
import { visibleNetwork } from './network-routes';
import { visiblePort } from './port-routes';
import { neutronRoute, pathParam } from './register';
import { bumpRevision, checkIfMatch } from './revision';
import { FLOATING_IP_ATTRIBUTES, floatingIpView } from './views';

const RULES = {
  all: [...FLOATING_IP_ATTRIBUTES, 'subnet_id', 'dns_name', 'dns_domain', 'qos_policy_id'],
  post: ['floating_network_id', 'floating_ip_address', 'subnet_id', 'port_id', 'fixed_ip_address', 'description', 'tenant_id', 'project_id'],
  put: ['port_id', 'fixed_ip_address', 'description'],
};
const SPEC = { collection: 'floatingips', attributes: FLOATING_IP_ATTRIBUTES };

async function visibleFloatingIp(repos: Repositories, context: NetworkContext, id: string): Promise<FloatingIp> {
  const floatingIp = await repos.floatingIps.get(id);
  if (!floatingIp || !ownsOrAdmin(context, floatingIp.projectId)) throw notFound('floatingip', id);
  return floatingIp;
}

async function renderFloatingIps(repos: Repositories, floatingIps: FloatingIp[]): Promise<WireObject[]> {
  const portIds = floatingIps.map((f) => f.portId).filter((id): id is string => id !== null);
  const ports = new Map((portIds.length ? await repos.ports.list({ ids: portIds }) : []).map((p) => [p.id, p]));
  return floatingIps.map((f) => floatingIpView(f, f.portId ? ports.get(f.portId) : undefined));
}

export function registerFloatingIpRoutes(app: FastifyInstance, cloud: Cloud): void {
  const { store } = cloud;

  neutronRoute(app, 'GET', '/floatingips', async (request) => {
    const context = networkContext(request, cloud);
    const scope = listScope(context);
    const floatingIps = await store.floatingIps.list(scope === undefined ? {} : { projectId: scope });
    const items = await renderFloatingIps(store, floatingIps);
    return listBody(items, request.query as RawQuery, SPEC, cloud.url(request.url), (id) => notFound('floatingip', id));
  });

  neutronRoute(app, 'GET', '/floatingips/:id', async (request) => {
    const context = networkContext(request, cloud);
    const floatingIp = await visibleFloatingIp(store, context, pathParam(request, 'id'));
    const [view] = await renderFloatingIps(store, [floatingIp]);
    return { floatingip: project(view!, showFields(request.query as RawQuery)) };
  });

  neutronRoute(app, 'POST', '/floatingips', async (request, reply) => {
    const context = networkContext(request, cloud);
    const attrs = resourceBody(request.body, 'floatingip', RULES, 'POST');
    const networkId = readString(attrs, 'floating_network_id');
    if (networkId === undefined) {
      throw badRequest("Failed to parse request. Required attribute 'floating_network_id' not specified", 'HTTPBadRequest');
    }
    const projectId = owningProject(context, attrs);
    const network = await visibleNetwork(store, context, networkId);
    if (!network.external) {
      throw badRequest(`Bad floatingip request: Network ${network.id} is not a valid external network.`, 'BadRequest');
    }
    const address = readString(attrs, 'floating_ip_address');
    const subnetId = readString(attrs, 'subnet_id');
    const portId = readNullableString(attrs, 'port_id');
    const fixedIp = readString(attrs, 'fixed_ip_address');
    const created = await store.transaction(async (repos) => {
      const floatingIp = await allocateFloatingIp(repos, network, {
        projectId,
        address,
        subnetId,
        description: readString(attrs, 'description') ?? '',
        now: context.now,
      });
      if (portId) {
        const port = await visiblePort(repos, context, portId);
        Object.assign(floatingIp, await associationFor(repos, floatingIp, port, fixedIp));
      }
      await repos.floatingIps.insert(floatingIp);
      return floatingIp;
    });
    const [view] = await renderFloatingIps(store, [created]);
    return reply.code(201).send({ floatingip: view });
  });

  neutronRoute(app, 'PUT', '/floatingips/:id', async (request) => {
    const context = networkContext(request, cloud);
    const floatingIp = await visibleFloatingIp(store, context, pathParam(request, 'id'));
    checkIfMatch(request, floatingIp.revisionNumber);
    const attrs: Attributes = resourceBody(request.body, 'floatingip', RULES, 'PUT');
    const portId = readNullableString(attrs, 'port_id');
    const fixedIp = readString(attrs, 'fixed_ip_address');
    const description = readString(attrs, 'description');
    const updated = await store.transaction(async (repos) => {
      let current = floatingIp;
      if (description !== undefined) {
        current = (await repos.floatingIps.update(current.id, { description, ...bumpRevision(current, context.now) }))!;
      }
      if (portId === null) return applyAssociation(repos, current, DISASSOCIATED, context.now);
      if (portId !== undefined) {
        const port = await visiblePort(repos, context, portId);
        return applyAssociation(repos, current, await associationFor(repos, current, port, fixedIp), context.now);
      }
      return current;
    });
    const [view] = await renderFloatingIps(store, [updated]);
    return { floatingip: view };
  });

  neutronRoute(app, 'DELETE', '/floatingips/:id', async (request, reply) => {
    const context = networkContext(request, cloud);
    const floatingIp = await visibleFloatingIp(store, context, pathParam(request, 'id'));
    await store.transaction((repos) => releaseFloatingIp(repos, floatingIp));
    return reply.code(204).send();
  });
}
