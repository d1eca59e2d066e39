// /v3/projects: admin CRUD; a user may also read a project they hold a role on.

import { randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import type { Cloud } from '../../cloud';
import type { Project } from '../../store/schema';
import { requireCaller } from './caller';
import { badRequest, conflict, forbidden, forbiddenAction, notFound } from './errors';
import { isAdmin, requireAdmin } from './policy';
import {
  createProjectSchema,
  parseBody,
  parseBooleanQuery,
  updateProjectSchema,
} from './schemas';
import type { TokenContext } from './token-service';
import { listBody, projectView } from './views';

type IdParams = { Params: { projectId: string } };
type ListQuery = { Querystring: Record<string, string | undefined> };

/** Where a new entity goes when the request names no domain: the domain of the token's scope. */
export function scopeDomainId(caller: TokenContext): string {
  if (caller.scope.kind === 'project') return caller.scope.project.domainId;
  if (caller.scope.kind === 'domain') return caller.scope.domain.id;
  return caller.user.domainId;
}

export function registerProjectRoutes(app: FastifyInstance, cloud: Cloud): void {
  const { identity, assignments } = cloud.store;

  const existing = async (projectId: string): Promise<Project> => {
    const project = await identity.getProject(projectId);
    if (!project) throw notFound('project', projectId);
    return project;
  };

  app.get<ListQuery>('/v3/projects', async (request) => {
    const caller = await requireCaller(request, cloud);
    requireAdmin(caller, 'list_projects');
    const { name, domain_id: domainId, parent_id: parentId } = request.query;
    const enabled = parseBooleanQuery(request.query.enabled, 'enabled');
    const projects = await identity.listProjects({ name, domainId, enabled, parentId });
    return listBody('projects', projects.map((p) => projectView(cloud, p)), cloud.url(request.url));
  });

  app.get<IdParams>('/v3/projects/:projectId', async (request) => {
    const caller = await requireCaller(request, cloud);
    const { projectId } = request.params;
    if (!isAdmin(caller)) {
      // Checked before existence, so a member cannot probe which project ids exist.
      const roles = await assignments.rolesOn(caller.user.id, { kind: 'project', id: projectId });
      if (roles.length === 0) throw forbidden('get_project');
    }
    return { project: projectView(cloud, await existing(projectId)) };
  });

  app.post('/v3/projects', async (request, reply) => {
    const caller = await requireCaller(request, cloud);
    requireAdmin(caller, 'create_project');
    const { project: input } = parseBody(createProjectSchema, request.body);
    const domainId = input.domain_id ?? scopeDomainId(caller);
    if (!(await identity.getDomain(domainId))) throw notFound('domain', domainId);
    if (input.parent_id != null && input.parent_id !== domainId) {
      const parent = await identity.getProject(input.parent_id);
      if (!parent) throw notFound('project', input.parent_id);
      if (parent.domainId !== domainId) {
        throw badRequest('Cannot create project, the parent is in a different domain.');
      }
    }
    if (await identity.findProjectByName(domainId, input.name)) {
      throw conflict('project', input.name, domainId);
    }
    const project = await identity.createProject({
      id: randomUUID().replaceAll('-', ''),
      name: input.name,
      domainId,
      description: input.description ?? '',
      enabled: input.enabled ?? true,
      parentId: input.parent_id != null && input.parent_id !== domainId ? input.parent_id : null,
      tags: input.tags ?? [],
    });
    return reply.code(201).send({ project: projectView(cloud, project) });
  });

  app.patch<IdParams>('/v3/projects/:projectId', async (request) => {
    const caller = await requireCaller(request, cloud);
    requireAdmin(caller, 'update_project');
    const { project: input } = parseBody(updateProjectSchema, request.body);
    const project = await existing(request.params.projectId);
    if (input.domain_id !== undefined && input.domain_id !== project.domainId) {
      throw badRequest('Update of `domain_id` is not allowed.');
    }
    if (input.name !== undefined && input.name !== project.name) {
      if (await identity.findProjectByName(project.domainId, input.name)) {
        throw conflict('project', input.name, project.domainId);
      }
    }
    const updated = await identity.updateProject(project.id, {
      name: input.name,
      description: input.description === null ? '' : input.description,
      enabled: input.enabled,
      tags: input.tags,
    });
    return { project: projectView(cloud, updated ?? project) };
  });

  app.delete<IdParams>('/v3/projects/:projectId', async (request, reply) => {
    const caller = await requireCaller(request, cloud);
    requireAdmin(caller, 'delete_project');
    const project = await existing(request.params.projectId);
    const children = await identity.listProjects({ parentId: project.id });
    if (children.length > 0) {
      throw forbiddenAction(
        `Cannot delete the project ${project.id} since it is not a leaf in the hierarchy.`,
      );
    }
    // Role assignments and tokens scoped to the project go with it (ON DELETE CASCADE).
    await identity.deleteProject(project.id);
    return reply.code(204).send();
  });
}
