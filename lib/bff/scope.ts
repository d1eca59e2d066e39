import 'server-only';

import { regionsOf } from '../openstack/catalog';
import { OpenStackError } from '../openstack/errors';
import { type ProjectSummary, listAuthProjects, scopeToProject } from '../openstack/keystone';
import { ApiError, sessionExpired } from './api-error';
import type { ScopedContext } from './guard';
import { applyScope } from './login';

/** The projects the user may switch to, read with the unscoped token kept in the session. */
export async function listMyProjects(ctx: ScopedContext): Promise<ProjectSummary[]> {
  const unscoped = ctx.session.unscopedToken;
  if (!unscoped) throw sessionExpired('missing');
  try {
    return (await listAuthProjects(ctx.config.authUrl, unscoped)).filter((p) => p.enabled);
  } catch (error) {
    if (error instanceof OpenStackError && error.status === 401) throw sessionExpired('revoked');
    throw error;
  }
}

export async function switchProject(ctx: ScopedContext, projectId: string): Promise<void> {
  const unscoped = ctx.session.unscopedToken;
  if (!unscoped) throw sessionExpired('missing');
  const projects = await listMyProjects(ctx);
  if (!projects.some((p) => p.id === projectId)) {
    throw new ApiError({
      code: 'project_not_allowed',
      status: 403,
      message: 'You are not a member of that project, or it is disabled',
      fields: { projectId: 'project_not_allowed' },
    });
  }
  try {
    applyScope(ctx.session, await scopeToProject(ctx.config.authUrl, unscoped, projectId));
  } catch (error) {
    if (error instanceof OpenStackError && error.status === 401) throw sessionExpired('revoked');
    throw error;
  }
  await ctx.session.save();
}

export async function switchRegion(ctx: ScopedContext, region: string): Promise<void> {
  if (!regionsOf(ctx.info.catalog).includes(region)) {
    throw new ApiError({
      code: 'unknown_region',
      status: 400,
      message: `The catalog has no region "${region}"`,
      fields: { region: 'unknown_region' },
    });
  }
  ctx.session.region = region;
  await ctx.session.save();
}
