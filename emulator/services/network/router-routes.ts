// /v2.0/routers: list, show, create, update (gateway, routes), delete, and the
// add_router_interface / remove_router_interface actions.

import type { FastifyInstance } from 'fastify';
import type { Cloud } from '../../cloud';
import { freshStandard } from '../../store/network-rows';
import type { Repositories } from '../../store/open-store';
import type { Router } from '../../store/routers';
import { randomUUID } from 'node:crypto';
import { readBoolean, readObjectList, readString, readStringList, resourceBody, type Attributes } from './body';
import { listScope, networkContext, owningProject, ownsOrAdmin, type NetworkContext } from './context';
import { badRequest, invalidAttribute, notFound, policyDenied } from './errors';
import { listBody, project, showFields, type RawQuery, type WireObject } from './list-query';
import { visiblePort } from './port-routes';
import { checkNetworkQuota } from './quota-routes';
import { neutronRoute, pathParam } from './register';
import { bumpRevision, checkIfMatch } from './revision';
import { addInterface, checkRoutes, deleteRouter, removeInterface, setGateway, type GatewayRequest } from './router-ops';
import { visibleSubnet } from './subnet-routes';
import { ROUTER_ATTRIBUTES, routerView } from './views';

const WRITABLE = ['name', 'description', 'admin_state_up', 'external_gateway_info', 'routes', 'distributed', 'ha'];
const RULES = {
  all: [...ROUTER_ATTRIBUTES, 'enable_ndp_proxy', 'enable_default_route_bfd', 'enable_default_route_ecmp'],
  post: [...WRITABLE.filter((k) => k !== 'routes'), 'availability_zone_hints', 'tenant_id', 'project_id', 'flavor_id'],
  put: WRITABLE,
};
const SPEC = { collection: 'routers', attributes: ROUTER_ATTRIBUTES };

export async function visibleRouter(repos: Repositories, context: NetworkContext, id: string): Promise<Router> {
  const router = await repos.routers.get(id);
  if (!router || !ownsOrAdmin(context, router.projectId)) throw notFound('router', id);
  return router;
}

async function renderRouters(repos: Repositories, routers: Router[], admin: boolean): Promise<WireObject[]> {
  const gatewayIds = routers.map((r) => r.gwPortId).filter((id): id is string => id !== null);
  const gateways = new Map((gatewayIds.length ? await repos.ports.list({ ids: gatewayIds }) : []).map((p) => [p.id, p]));
  return routers.map((router) => routerView(router, router.gwPortId ? gateways.get(router.gwPortId) : undefined, admin));
}

/** external_gateway_info: null or {} clears; enable_snat and fixed IPs are an admin's. */
function readGateway(context: NetworkContext, attrs: Attributes, action: string): GatewayRequest | null | undefined {
  const value = attrs.external_gateway_info;
  if (value === undefined) return undefined;
  if (value === null) return null;
  if (typeof value !== 'object' || Array.isArray(value)) {
    throw invalidAttribute('external_gateway_info', `'${JSON.stringify(value)}' is not a dictionary`);
  }
  const info = value as Attributes;
  if (Object.keys(info).length === 0) return null;
  const networkId = readString(info, 'network_id');
  if (networkId === undefined) throw invalidAttribute('external_gateway_info', "Validation of dictionary's keys failed. Expected keys: {'network_id'}");
  for (const key of ['enable_snat', 'external_fixed_ips']) {
    if (info[key] !== undefined && !context.admin) throw policyDenied(`${action}_router:external_gateway_info:${key}`);
  }
  const fixedIps = info.external_fixed_ips;
  if (fixedIps !== undefined && (!Array.isArray(fixedIps) || fixedIps.some((ip) => ip === null || typeof ip !== 'object'))) {
    throw invalidAttribute('external_fixed_ips', `'${JSON.stringify(fixedIps)}' is not a list of dictionaries`);
  }
  return {
    networkId,
    enableSnat: readBoolean(info, 'enable_snat'),
    externalFixedIps: (fixedIps as Attributes[] | undefined)?.map((ip) => ({ subnetId: readString(ip, 'subnet_id'), ipAddress: readString(ip, 'ip_address') })),
  };
}

function readInterfaceTarget(body: unknown): { subnetId?: string; portId?: string } {
  const attrs = (body !== null && typeof body === 'object' ? body : {}) as Attributes;
  const subnetId = readString(attrs, 'subnet_id');
  const portId = readString(attrs, 'port_id');
  if (subnetId === undefined && portId === undefined) {
    throw badRequest('Bad router request: Either subnet_id or port_id must be specified.', 'BadRequest');
  }
  return { subnetId, portId };
}

export function registerRouterRoutes(app: FastifyInstance, cloud: Cloud): void {
  const { store } = cloud;

  neutronRoute(app, 'GET', '/routers', async (request) => {
    const context = networkContext(request, cloud);
    const scope = listScope(context);
    const routers = await store.routers.list(scope === undefined ? {} : { projectId: scope });
    const items = await renderRouters(store, routers, context.admin);
    return listBody(items, request.query as RawQuery, SPEC, cloud.url(request.url), (id) => notFound('router', id));
  });

  neutronRoute(app, 'GET', '/routers/:id', async (request) => {
    const context = networkContext(request, cloud);
    const router = await visibleRouter(store, context, pathParam(request, 'id'));
    const [view] = await renderRouters(store, [router], context.admin);
    return { router: project(view!, showFields(request.query as RawQuery)) };
  });

  neutronRoute(app, 'POST', '/routers', async (request, reply) => {
    const context = networkContext(request, cloud);
    const attrs = resourceBody(request.body, 'router', RULES, 'POST');
    for (const key of ['distributed', 'ha']) if (attrs[key] !== undefined && !context.admin) throw policyDenied(`create_router:${key}`);
    const gateway = readGateway(context, attrs, 'create');
    const router: Router = {
      ...freshStandard(context.now, readString(attrs, 'description') ?? ''),
      id: randomUUID(),
      projectId: owningProject(context, attrs),
      name: readString(attrs, 'name') ?? '',
      status: 'ACTIVE',
      adminStateUp: readBoolean(attrs, 'admin_state_up') ?? true,
      gwNetworkId: null,
      gwPortId: null,
      enableSnat: true,
      routes: [],
      distributed: readBoolean(attrs, 'distributed') ?? false,
      ha: readBoolean(attrs, 'ha') ?? false,
      availabilityZoneHints: readStringList(attrs, 'availability_zone_hints') ?? [],
    };
    const created = await store.transaction(async (repos) => {
      await checkNetworkQuota(repos, router.projectId, 'router');
      await repos.routers.insert(router);
      if (!gateway) return router;
      // Creating with a gateway is one change for the client: revision 0 as Neutron shows it.
      const withGateway = await setGateway(repos, router, gateway, context.now);
      return (await repos.routers.update(router.id, { revisionNumber: 0, updatedAt: withGateway.updatedAt }))!;
    });
    const [view] = await renderRouters(store, [created], context.admin);
    return reply.code(201).send({ router: view });
  });

  neutronRoute(app, 'PUT', '/routers/:id', async (request) => {
    const context = networkContext(request, cloud);
    let router = await visibleRouter(store, context, pathParam(request, 'id'));
    checkIfMatch(request, router.revisionNumber);
    const attrs = resourceBody(request.body, 'router', RULES, 'PUT');
    for (const key of ['distributed', 'ha']) if (attrs[key] !== undefined && !context.admin) throw policyDenied(`update_router:${key}`);
    const gateway = readGateway(context, attrs, 'update');
    const routes = readObjectList(attrs, 'routes', ['destination', 'nexthop'] as const);
    const updated = await store.transaction(async (repos) => {
      if (gateway !== undefined) router = await setGateway(repos, router, gateway, context.now);
      const changes = {
        name: readString(attrs, 'name'),
        description: readString(attrs, 'description'),
        adminStateUp: readBoolean(attrs, 'admin_state_up'),
        distributed: readBoolean(attrs, 'distributed'),
        ha: readBoolean(attrs, 'ha'),
        routes: routes && (await checkRoutes(repos, router, routes)),
      };
      const defined = Object.fromEntries(Object.entries(changes).filter(([, v]) => v !== undefined));
      if (Object.keys(defined).length === 0) return router;
      return (await repos.routers.update(router.id, { ...defined, ...(gateway !== undefined ? {} : bumpRevision(router, context.now)) }))!;
    });
    const [view] = await renderRouters(store, [updated], context.admin);
    return { router: view };
  });

  neutronRoute(app, 'DELETE', '/routers/:id', async (request, reply) => {
    const context = networkContext(request, cloud);
    const router = await visibleRouter(store, context, pathParam(request, 'id'));
    await store.transaction((repos) => deleteRouter(repos, router));
    return reply.code(204).send();
  });

  neutronRoute(app, 'PUT', '/routers/:id/add_router_interface', async (request) => {
    const context = networkContext(request, cloud);
    const router = await visibleRouter(store, context, pathParam(request, 'id'));
    const target = readInterfaceTarget(request.body);
    if (target.subnetId !== undefined && target.portId !== undefined) {
      throw badRequest('Bad router request: Cannot specify both subnet-id and port-id.', 'BadRequest');
    }
    return store.transaction(async (repos) =>
      target.portId !== undefined
        ? addInterface(repos, router, { port: await visiblePort(repos, context, target.portId) }, context.now)
        : addInterface(repos, router, { subnet: await visibleSubnet(repos, context, target.subnetId!) }, context.now),
    );
  });

  neutronRoute(app, 'PUT', '/routers/:id/remove_router_interface', async (request) => {
    const context = networkContext(request, cloud);
    const router = await visibleRouter(store, context, pathParam(request, 'id'));
    const target = readInterfaceTarget(request.body);
    if (target.subnetId !== undefined) await visibleSubnet(store, context, target.subnetId);
    return store.transaction((repos) => removeInterface(repos, router, target, context.now));
  });
}
