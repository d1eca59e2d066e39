// OS::Nova::Server as a stack resource: a real server through the compute service's own create
// logic (it schedules, gets ports and boots on the clock), and Nova's delete transition.

import { randomUUID } from 'node:crypto';
import { ApiError } from '../../http/api-error';
import { formatIsoMicros } from '../../sim/clock';
import { ACTION_RULES, startAction } from '../../sim/server-lifecycle';
import type { Repositories } from '../../store/open-store';
import { createServers } from '../compute/server-create';
import { createServerSchema } from '../compute/server-schemas';

export interface ServerResourceContext {
  repos: Repositories;
  projectId: string;
  userId: string;
  stackName: string;
  now: number;
}

const failed = (resource: string, why: string) => new ApiError(400, `Resource CREATE failed: ${why}`, 'ResourceFailure');

async function flavorId(ctx: ServerResourceContext, resource: string, ref: unknown): Promise<string> {
  const flavor = (await ctx.repos.flavors.get(String(ref))) ?? (await ctx.repos.flavors.findByName(String(ref)));
  if (!flavor) throw failed(resource, `NotFound: resources.${resource}: Flavor ${String(ref)} could not be found.`);
  return flavor.id;
}

async function imageId(ctx: ServerResourceContext, resource: string, ref: unknown): Promise<string | undefined> {
  if (ref === undefined) return undefined;
  const viewer = { projectId: ctx.projectId, isAdmin: false };
  const byId = await ctx.repos.images.getVisible(viewer, String(ref));
  if (byId) return byId.id;
  const byName = await ctx.repos.images.list(viewer, { name: String(ref) });
  if (byName.length === 1) return byName[0]!.id;
  throw failed(resource, `NotFound: resources.${resource}: Image ${String(ref)} could not be found.`);
}

async function networks(ctx: ServerResourceContext, resource: string, raw: unknown) {
  if (!Array.isArray(raw)) return undefined;
  const visible = await ctx.repos.networks.list({ visibleTo: ctx.projectId });
  return raw.map((entry: Record<string, unknown>) => {
    if (typeof entry.port === 'string') return { port: entry.port };
    const ref = String(entry.network ?? entry.uuid ?? '');
    const net = visible.find((n) => n.id === ref) ?? visible.find((n) => n.name === ref);
    if (!net) throw failed(resource, `NotFound: resources.${resource}: Unable to find network with name or id '${ref}'`);
    return { uuid: net.id, ...(typeof entry.fixed_ip === 'string' ? { fixed_ip: entry.fixed_ip } : {}) };
  });
}

/** Boots the server as Nova would for a POST /servers at the base microversion; answers its id. */
export async function createServerResource(ctx: ServerResourceContext, name: string, props: Record<string, unknown>): Promise<string> {
  const groups = Array.isArray(props.security_groups) ? props.security_groups.map((g) => ({ name: String(g) })) : undefined;
  const parsed = createServerSchema.safeParse({
    server: {
      name: typeof props.name === 'string' ? props.name : `${ctx.stackName}-${name}-${randomUUID().slice(0, 12)}`,
      flavorRef: await flavorId(ctx, name, props.flavor),
      imageRef: await imageId(ctx, name, props.image),
      key_name: typeof props.key_name === 'string' ? props.key_name : undefined,
      metadata: typeof props.metadata === 'object' && props.metadata !== null ? props.metadata : undefined,
      security_groups: groups,
      networks: await networks(ctx, name, props.networks),
    },
  });
  if (!parsed.success) throw failed(name, `BadRequest: resources.${name}: ${parsed.error.issues[0]?.message ?? 'invalid server'}`);
  try {
    const created = await createServers(ctx.repos, parsed.data, {
      projectId: ctx.projectId,
      userId: ctx.userId,
      admin: false,
      requestId: `req-${randomUUID()}`,
      now: ctx.now,
      atLeast: () => false,
    });
    return created.servers[0]!.id;
  } catch (e) {
    if (e instanceof ApiError) throw failed(name, `${e.status === 404 ? 'NotFound' : 'BadRequest'}: resources.${name}: ${e.message}`);
    throw e;
  }
}

/** Starts Nova's delete of the server (it disappears on the clock); a server already gone is fine. */
export async function deleteServerResource(ctx: ServerResourceContext, id: string): Promise<void> {
  const server = await ctx.repos.servers.get(id);
  if (!server || server.taskState === 'deleting') return;
  const next = startAction(server, 'delete', ctx.now);
  await ctx.repos.servers.update(server.id, {
    taskState: next.taskState,
    settleAt: next.settleAt === null ? null : formatIsoMicros(next.settleAt),
    nextVmState: next.nextVmState,
    nextPowerState: next.nextPowerState,
    updatedAt: formatIsoMicros(ctx.now),
  });
  await ctx.repos.instanceActions.insert({
    requestId: `req-${randomUUID()}`,
    serverId: server.id,
    projectId: server.projectId,
    userId: ctx.userId,
    action: 'delete',
    startTime: formatIsoMicros(ctx.now),
    finishTime: formatIsoMicros(next.settleAt ?? ctx.now),
    event: ACTION_RULES.delete.event,
    result: 'Success',
    host: server.host,
  });
}
