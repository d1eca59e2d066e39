// /v3/auth/*: issuing, validating and revoking tokens, and what a token may see
// (its catalog, the projects and domains its user can scope to).

import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Cloud } from '../../cloud';
import { authenticate } from './authenticate';
import { buildCatalog } from './catalog-view';
import { requireCaller } from './caller';
import { forbiddenAction, notFound } from './errors';
import { requireAdminOrSelf } from './policy';
import { authRequestSchema, parseBody } from './schemas';
import { resolveToken, revokeToken, type TokenContext } from './token-service';
import { renderToken } from './token-view';
import { domainView, listBody, projectView } from './views';

function wantsCatalog(request: FastifyRequest): boolean {
  return !Object.hasOwn(request.query as object, 'nocatalog');
}

/** The caller and the token named by X-Subject-Token, which the caller must be allowed to see. */
async function callerAndSubject(
  request: FastifyRequest,
  cloud: Cloud,
  policy: string,
): Promise<{ subjectId: string; subject: TokenContext }> {
  const caller = await requireCaller(request, cloud);
  const header = request.headers['x-subject-token'];
  const subjectId = typeof header === 'string' ? header : '';
  const subject = subjectId === '' ? undefined : await resolveToken(cloud, subjectId);
  if (!subject) throw notFound('token', subjectId);
  requireAdminOrSelf(caller, subject.user.id, policy);
  return { subjectId, subject };
}

export function registerAuthRoutes(app: FastifyInstance, cloud: Cloud): void {
  app.post('/v3/auth/tokens', async (request, reply) => {
    const body = parseBody(authRequestSchema, request.body);
    const { id, context } = await authenticate(cloud, body);
    return reply
      .code(201)
      .header('x-subject-token', id)
      .header('vary', 'X-Auth-Token')
      .send(await renderToken(cloud, context, { includeCatalog: wantsCatalog(request) }));
  });

  // Declared before the GET so Fastify does not generate its own HEAD for it.
  app.head('/v3/auth/tokens', async (request, reply: FastifyReply) => {
    const { subjectId } = await callerAndSubject(request, cloud, 'check_token');
    return reply.code(200).header('x-subject-token', subjectId).send();
  });

  app.get('/v3/auth/tokens', async (request, reply) => {
    const { subjectId, subject } = await callerAndSubject(request, cloud, 'validate_token');
    return reply
      .header('x-subject-token', subjectId)
      .header('vary', 'X-Auth-Token')
      .send(await renderToken(cloud, subject, { includeCatalog: wantsCatalog(request) }));
  });

  app.delete('/v3/auth/tokens', async (request, reply) => {
    const { subject } = await callerAndSubject(request, cloud, 'revoke_token');
    await revokeToken(cloud, subject);
    return reply.code(204).send();
  });

  app.get('/v3/auth/catalog', async (request) => {
    const caller = await requireCaller(request, cloud);
    if (caller.scope.kind === 'unscoped') {
      throw forbiddenAction('A project-scoped token is required to produce a service catalog.');
    }
    const projectId = caller.scope.kind === 'project' ? caller.scope.project.id : null;
    return listBody('catalog', await buildCatalog(cloud, projectId), cloud.url(request.url));
  });

  app.get('/v3/auth/projects', async (request) => {
    const caller = await requireCaller(request, cloud);
    const projects = await cloud.store.assignments.projectsOf(caller.user.id);
    const usable = projects.filter((project) => project.enabled);
    return listBody('projects', usable.map((p) => projectView(cloud, p)), cloud.url(request.url));
  });

  app.get('/v3/auth/domains', async (request) => {
    const caller = await requireCaller(request, cloud);
    const domains = await cloud.store.assignments.domainsOf(caller.user.id);
    const usable = domains.filter((domain) => domain.enabled);
    return listBody('domains', usable.map((d) => domainView(cloud, d)), cloud.url(request.url));
  });
}
