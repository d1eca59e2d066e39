// OS::Nova::Server as a stack resource: a real server through the compute service's own create
// logic (it schedules, gets ports and boots on the clock), and Nova's delete transition.

import { randomUUID } from 'node:crypto';
import { ApiError } from '../../http/api-error';
import { formatIsoMicros } from '../../sim/clock';
import { ACTION_RULES, startAction, transitionRow, type ServerAction } from '../../sim/server-lifecycle';
import type { Repositories } from '../../store/open-store';
import type { Server } from '../../store/servers';
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

/**
 * Heat's block_device_mapping (v1: device_name, volume_id) and block_device_mapping_v2 (volume_id,
 * image) as Nova's v2 entries; vda (or boot_index 0) is the root disk.
 */
function blockDevices(props: Record<string, unknown>): Record<string, unknown>[] | undefined {
  const v1 = Array.isArray(props.block_device_mapping) ? (props.block_device_mapping as Record<string, unknown>[]) : [];
  const v2 = Array.isArray(props.block_device_mapping_v2) ? (props.block_device_mapping_v2 as Record<string, unknown>[]) : [];
  const out = [
    ...v1.filter((b) => typeof b.volume_id === 'string' || typeof b.snapshot_id === 'string').map((b) => ({
      source_type: typeof b.volume_id === 'string' ? 'volume' : 'snapshot',
      destination_type: 'volume',
      uuid: String(b.volume_id ?? b.snapshot_id),
      boot_index: b.device_name === 'vda' || b.device_name === '/dev/vda' ? 0 : -1,
      ...(typeof b.delete_on_termination === 'boolean' ? { delete_on_termination: b.delete_on_termination } : {}),
    })),
    ...v2.map((b) => ({
      source_type: b.volume_id ? 'volume' : b.snapshot_id ? 'snapshot' : b.image ?? b.image_id ? 'image' : 'blank',
      destination_type: 'volume',
      uuid: String(b.volume_id ?? b.snapshot_id ?? b.image ?? b.image_id ?? ''),
      boot_index: b.boot_index === undefined ? 0 : Number(b.boot_index),
      ...(b.volume_size === undefined ? {} : { volume_size: Number(b.volume_size) }),
      ...(typeof b.delete_on_termination === 'boolean' ? { delete_on_termination: b.delete_on_termination } : {}),
    })),
  ];
  return out.length > 0 ? out : undefined;
}

/** Heat waits for a volume the stack made before the server that uses it: settle it now. */
async function waitForVolumes(ctx: ServerResourceContext, devices: Record<string, unknown>[] | undefined): Promise<void> {
  for (const device of devices ?? []) {
    if (device.source_type !== 'volume') continue;
    const volume = await ctx.repos.volumes.get(String(device.uuid));
    if (volume && volume.nextStatus === 'available' && volume.projectId === ctx.projectId) {
      await ctx.repos.volumes.update(volume.id, { status: 'available', nextStatus: null, settleAt: null });
    }
  }
}

/** Boots the server as Nova would for a POST /servers at the base microversion; answers its id. */
export async function createServerResource(ctx: ServerResourceContext, name: string, props: Record<string, unknown>): Promise<string> {
  const groups = Array.isArray(props.security_groups) ? props.security_groups.map((g) => ({ name: String(g) })) : undefined;
  const devices = blockDevices(props);
  await waitForVolumes(ctx, devices);
  const parsed = createServerSchema.safeParse({
    server: {
      name: typeof props.name === 'string' ? props.name : `${ctx.stackName}-${name}-${randomUUID().slice(0, 12)}`,
      flavorRef: await flavorId(ctx, name, props.flavor),
      imageRef: await imageId(ctx, name, props.image),
      key_name: typeof props.key_name === 'string' ? props.key_name : undefined,
      metadata: typeof props.metadata === 'object' && props.metadata !== null ? props.metadata : undefined,
      security_groups: groups,
      networks: await networks(ctx, name, props.networks),
      block_device_mapping_v2: devices,
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

/** Starts Nova's transition for `action` on the server and records the instance action, as the compute API does. */
export async function startServerTransition(
  ctx: Pick<ServerResourceContext, 'repos' | 'userId' | 'now'>,
  server: Server,
  action: ServerAction,
): Promise<void> {
  const next = startAction(server, action, ctx.now);
  await ctx.repos.servers.update(server.id, transitionRow(next, formatIsoMicros(ctx.now)));
  await ctx.repos.instanceActions.insert({
    requestId: `req-${randomUUID()}`,
    serverId: server.id,
    projectId: server.projectId,
    userId: ctx.userId,
    action: ACTION_RULES[action].name,
    startTime: formatIsoMicros(ctx.now),
    finishTime: formatIsoMicros(next.settleAt ?? ctx.now),
    event: ACTION_RULES[action].event,
    result: 'Success',
    host: server.host,
  });
}

/** Starts Nova's delete of the server (it disappears on the clock); a server already gone is fine. */
export async function deleteServerResource(ctx: ServerResourceContext, id: string): Promise<void> {
  const server = await ctx.repos.servers.get(id);
  if (!server || server.taskState === 'deleting') return;
  await startServerTransition(ctx, server, 'delete');
}
