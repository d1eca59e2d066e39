// /v3/domains: admins manage domains; a user may read the domain they belong to or are
// scoped to. A domain must be disabled before it can be deleted, as in Keystone.

import { randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import type { Cloud } from '../../cloud';
import type { Domain } from '../../store/schema';
import { requireCaller } from './caller';
import { conflict, forbidden, forbiddenAction, notFound } from './errors';
import { isAdmin, requireAdmin } from './policy';
import { scopeDomainId } from './project-routes';
import { createDomainSchema, parseBody, parseBooleanQuery, updateDomainSchema } from './schemas';
import { listBody, domainView } from './views';

type IdParams = { Params: { domainId: string } };
type ListQuery = { Querystring: Record<string, string | undefined> };

export function registerDomainRoutes(app: FastifyInstance, cloud: Cloud): void {
  const { identity } = cloud.store;

  const existing = async (domainId: string): Promise<Domain> => {
    const domain = await identity.getDomain(domainId);
    if (!domain) throw notFound('domain', domainId);
    return domain;
  };

  app.get<ListQuery>('/v3/domains', async (request) => {
    const caller = await requireCaller(request, cloud);
    requireAdmin(caller, 'list_domains');
    const enabled = parseBooleanQuery(request.query.enabled, 'enabled');
    const domains = await identity.listDomains({ name: request.query.name, enabled });
    return listBody('domains', domains.map((d) => domainView(cloud, d)), cloud.url(request.url));
  });

  app.get<IdParams>('/v3/domains/:domainId', async (request) => {
    const caller = await requireCaller(request, cloud);
    const { domainId } = request.params;
    const own = domainId === caller.user.domainId || domainId === scopeDomainId(caller);
    if (!isAdmin(caller) && !own) throw forbidden('get_domain');
    return { domain: domainView(cloud, await existing(domainId)) };
  });

  app.post('/v3/domains', async (request, reply) => {
    const caller = await requireCaller(request, cloud);
    requireAdmin(caller, 'create_domain');
    const { domain: input } = parseBody(createDomainSchema, request.body);
    if (await identity.findDomainByName(input.name)) throw conflict('domain', input.name);
    const domain = await identity.createDomain({
      id: randomUUID().replaceAll('-', ''),
      name: input.name,
      description: input.description ?? '',
      enabled: input.enabled ?? true,
    });
    return reply.code(201).send({ domain: domainView(cloud, domain) });
  });

  app.patch<IdParams>('/v3/domains/:domainId', async (request) => {
    const caller = await requireCaller(request, cloud);
    requireAdmin(caller, 'update_domain');
    const { domain: input } = parseBody(updateDomainSchema, request.body);
    const domain = await existing(request.params.domainId);
    if (input.name !== undefined && input.name !== domain.name) {
      if (await identity.findDomainByName(input.name)) throw conflict('domain', input.name);
    }
    const updated = await identity.updateDomain(domain.id, {
      name: input.name,
      description: input.description === null ? '' : input.description,
      enabled: input.enabled,
    });
    return { domain: domainView(cloud, updated ?? domain) };
  });

  app.delete<IdParams>('/v3/domains/:domainId', async (request, reply) => {
    const caller = await requireCaller(request, cloud);
    requireAdmin(caller, 'delete_domain');
    const domain = await existing(request.params.domainId);
    if (domain.enabled) {
      throw forbiddenAction('Cannot delete a domain that is enabled, please disable it first.');
    }
    // Its projects, users, assignments and tokens go with it (ON DELETE CASCADE).
    await identity.deleteDomain(domain.id);
    return reply.code(204).send();
  });
}
