import 'server-only';

import { isEmbeddedCloud, regionsOf } from '../openstack/catalog';
import type { TokenUser } from '../openstack/keystone';
import type { ScopedContext } from './guard';
import { listMyProjects } from './scope';

/** What the browser may know about its session: names and choices, never a token. */
export interface SessionView {
  user: TokenUser;
  project: TokenUser;
  projects: { id: string; name: string }[];
  roles: string[];
  isAdmin: boolean;
  region: string | null;
  regions: string[];
  expiresAt: string;
  embeddedCloud: boolean;
}

export async function loadSessionView(ctx: ScopedContext): Promise<SessionView> {
  const projects = await listMyProjects(ctx);
  return {
    user: ctx.user,
    project: ctx.project,
    projects: projects.map((p) => ({ id: p.id, name: p.name })),
    roles: ctx.info.roles,
    isAdmin: ctx.isAdmin,
    region: ctx.region,
    regions: regionsOf(ctx.info.catalog),
    expiresAt: ctx.info.expiresAt,
    embeddedCloud: isEmbeddedCloud(ctx.info.catalog),
  };
}
