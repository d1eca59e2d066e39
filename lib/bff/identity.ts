import 'server-only';

import type { ApiErrorPayload } from '../api-error';
import { regionsOf } from '../openstack/catalog';
import { type ProjectSummary, countCollection, listProjects } from '../openstack/keystone';
import { ApiError, toApiError } from './api-error';
import type { ScopedContext } from './guard';
import { listMyProjects } from './scope';

export interface ProjectRow extends ProjectSummary {
  member: boolean;
  current: boolean;
}

/** Admins see every project of the cloud; others see the projects they belong to. */
export async function loadProjects(ctx: ScopedContext): Promise<{ projects: ProjectRow[]; scope: 'all' | 'mine' }> {
  const mine = await listMyProjects(ctx);
  const memberOf = new Set(mine.map((p) => p.id));
  const all = ctx.isAdmin ? await listProjects(ctx.config.authUrl, ctx.token) : mine;
  return {
    scope: ctx.isAdmin ? 'all' : 'mine',
    projects: all.map((p) => ({ ...p, member: memberOf.has(p.id), current: p.id === ctx.project.id })),
  };
}

export interface AdminFigure {
  key: 'domains' | 'projects' | 'users' | 'roles';
  count: number | null;
  error: ApiErrorPayload | null;
}

export interface AdminOverview {
  figures: AdminFigure[];
  regions: string[];
  services: { type: string; name: string; endpoints: number }[];
}

export function requireAdmin(ctx: ScopedContext): void {
  if (!ctx.isAdmin) {
    throw new ApiError({ code: 'admin_only', status: 403, message: 'This page needs the admin role' });
  }
}

export async function loadAdminOverview(ctx: ScopedContext): Promise<AdminOverview> {
  requireAdmin(ctx);
  const keys = ['domains', 'projects', 'users', 'roles'] as const;
  const figures = await Promise.all(
    keys.map(async (key) => {
      try {
        return { key, count: await countCollection(ctx.config.authUrl, ctx.token, key), error: null };
      } catch (error) {
        return { key, count: null, error: toApiError(error).payload };
      }
    }),
  );
  return {
    figures,
    regions: regionsOf(ctx.info.catalog),
    services: ctx.info.catalog
      .map((s) => ({ type: s.type, name: s.name, endpoints: s.endpoints.length }))
      .sort((a, b) => a.type.localeCompare(b.type)),
  };
}
