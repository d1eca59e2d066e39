// What every Neutron handler starts with: the caller (token checked by the API-root hook),
// the project it acts for, admin or not, and the simulation time in Neutron's format. Also
// Neutron's ownership rules: who sees what, and whose project a new resource belongs to.

import type { FastifyRequest } from 'fastify';
import type { Cloud } from '../../cloud';
import { ApiError } from '../../http/api-error';
import { neutronTimestamp } from '../../store/network-rows';
import { apiCaller, callerProjectId, isAdmin } from '../compute/api-caller';
import type { TokenContext } from '../identity/token-service';
import { badRequest } from './errors';

export interface NetworkContext {
  caller: TokenContext;
  projectId: string;
  admin: boolean;
  /** Simulation time as Neutron prints it: 2026-11-21T20:58:43Z. */
  now: string;
}

export function networkContext(request: FastifyRequest, cloud: Cloud): NetworkContext {
  const caller = apiCaller(request);
  const projectId = callerProjectId(caller);
  if (projectId === null) {
    throw new ApiError(403, 'Neutron needs a project-scoped token for this request.', 'PolicyNotAuthorized');
  }
  return { caller, projectId, admin: isAdmin(caller), now: neutronTimestamp(cloud.clock.now()) };
}

/** Neutron's base rule: admins see everything, others their own project's resources. */
export function ownsOrAdmin(context: NetworkContext, projectId: string): boolean {
  return context.admin || projectId === context.projectId;
}

/** The project a resource is listed for: all projects for an admin, else the caller's. */
export function listScope(context: NetworkContext): string | undefined {
  return context.admin ? undefined : context.projectId;
}

/**
 * The project a new resource belongs to, from tenant_id / project_id in the request body
 * (either, equal if both). Only an admin may create for another project.
 */
export function owningProject(context: NetworkContext, input: { tenant_id?: unknown; project_id?: unknown }): string {
  const { tenant_id: tenantId, project_id: projectId } = input;
  for (const value of [tenantId, projectId]) {
    if (value !== undefined && typeof value !== 'string') {
      throw badRequest(`Invalid input for project_id. Reason: '${String(value)}' is not a valid string.`, 'HTTPBadRequest');
    }
  }
  if (tenantId !== undefined && projectId !== undefined && tenantId !== projectId) {
    throw badRequest("'project_id' and 'tenant_id' do not match", 'HTTPBadRequest');
  }
  const owner = (projectId ?? tenantId ?? context.projectId) as string;
  if (owner !== context.projectId && !context.admin) {
    throw badRequest(
      "Specifying 'project_id' or 'tenant_id' other than the authenticated project in request requires admin privileges",
      'HTTPBadRequest',
    );
  }
  return owner;
}

/** The two owner keys Neutron puts on every resource, always equal. */
export function ownerFields(projectId: string): { tenant_id: string; project_id: string } {
  return { tenant_id: projectId, project_id: projectId };
}
