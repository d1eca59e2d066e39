// What a stack update does to one kept resource whose properties changed: a server is renamed or
// gets new metadata in place, and is replaced (new server, old one deleted) when its flavor or
// image changes; a volume is renamed or extended (never shrunk); a port renamed; a group's new
// size is worked out here and applied by the group code after the update is written. Other
// types are records: their UPDATE step is all there is.

import { ApiError } from '../../http/api-error';
import { formatIsoMicros } from '../../sim/clock';
import type { StackResource } from '../../store/schema';
import { later, TRANSITION_SECONDS } from '../volume/context';
import { checkQuota } from '../volume/quota-check';
import { ALARM_TYPES } from './alarm-resource';
import type { BuildContext } from './stack-build';

export interface UpdateOutcome {
  /** The step fails with this reason (Heat's "Resource UPDATE failed: …" tail). */
  failed?: string;
  /** An AutoScalingGroup's size after the update, when it changes. */
  capacity?: number;
}

const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
const stringMap = (v: unknown): Record<string, string> =>
  typeof v === 'object' && v !== null ? Object.fromEntries(Object.entries(v).map(([k, x]) => [k, String(x)])) : {};

/** Whether the change needs a new physical object (Heat's UpdateReplace). */
export function needsReplacement(type: string, before: Record<string, unknown>, after: Record<string, unknown>): boolean {
  if (type === 'OS::Nova::Server') return !same(before.flavor, after.flavor) || !same(before.image, after.image) || !same(before.networks, after.networks);
  if (type === 'OS::Neutron::Port') return !same(before.network ?? before.network_id, after.network ?? after.network_id);
  if (type === 'OS::Cinder::Volume') return !same(before.image, after.image) || !same(before.volume_type, after.volume_type);
  // An alarm gets its new rule as a new Aodh alarm (the old one is deleted with its history).
  return (ALARM_TYPES as readonly string[]).includes(type);
}

/** The group's size after an update: the new desired_capacity if it changed, kept within min and max. */
export function groupCapacity(r: StackResource, before: Record<string, unknown>, after: Record<string, unknown>): number {
  const current = r.capacity ?? 0;
  const wanted = after.desired_capacity !== undefined && !same(before.desired_capacity, after.desired_capacity) ? Number(after.desired_capacity) : current;
  return Math.min(Math.max(wanted, Number(after.min_size ?? 0)), Number(after.max_size ?? wanted));
}

async function extendVolume(ctx: BuildContext, r: StackResource, newSize: number): Promise<string | undefined> {
  await ctx.repos.volumes.settle(formatIsoMicros(ctx.now));
  const volume = await ctx.repos.volumes.get(r.physicalId);
  if (!volume) return `NotFound: resources.${r.name}: Volume ${r.physicalId} could not be found. (HTTP 404)`;
  if (newSize === volume.size) return undefined;
  if (newSize < volume.size) return `NotSupported: resources.${r.name}: Shrinking volume is not supported.`;
  if (volume.status !== 'available') {
    return `Error: resources.${r.name}: Volume ${volume.id} status must be available to extend, but current status is: ${volume.status}.`;
  }
  const now = formatIsoMicros(ctx.now);
  const type = await ctx.repos.volumeTypes.get(volume.volumeTypeId);
  try {
    if (type) await checkQuota(ctx.repos, volume.projectId, type, { gigabytes: newSize - volume.size, volumeSize: newSize }, now);
  } catch (e) {
    if (e instanceof ApiError) return `OverLimit: resources.${r.name}: ${e.message}`;
    throw e;
  }
  await ctx.repos.volumes.update(volume.id, { size: newSize, status: 'extending', nextStatus: 'available', settleAt: later(now, TRANSITION_SECONDS.extend), updatedAt: now });
  return undefined;
}

/** Applies the in-place changes of a kept resource (replacement is the caller's). */
export async function updateInPlace(
  ctx: BuildContext,
  r: StackResource,
  before: Record<string, unknown>,
  after: Record<string, unknown>,
): Promise<UpdateOutcome> {
  const now = formatIsoMicros(ctx.now);
  switch (r.type) {
    case 'OS::Nova::Server': {
      const server = await ctx.repos.servers.get(r.physicalId);
      if (!server) return { failed: `NotFound: resources.${r.name}: Instance ${r.physicalId} could not be found. (HTTP 404)` };
      const changes: { name?: string; metadata?: Record<string, string>; updatedAt: string } = { updatedAt: now };
      if (!same(before.name, after.name) && typeof after.name === 'string') changes.name = after.name;
      if (!same(before.metadata, after.metadata)) changes.metadata = stringMap(after.metadata);
      await ctx.repos.servers.update(server.id, changes);
      return {};
    }
    case 'OS::Cinder::Volume': {
      if (!same(before.size, after.size) && after.size !== undefined) {
        const failed = await extendVolume(ctx, r, Number(after.size));
        if (failed) return { failed };
      }
      const changes: { name?: string | null; description?: string | null; metadata?: Record<string, string>; updatedAt: string } = { updatedAt: now };
      if (!same(before.name, after.name)) changes.name = typeof after.name === 'string' ? after.name : null;
      if (!same(before.description, after.description)) changes.description = typeof after.description === 'string' ? after.description : null;
      if (!same(before.metadata, after.metadata)) changes.metadata = stringMap(after.metadata);
      if ((await ctx.repos.volumes.get(r.physicalId)) !== undefined) await ctx.repos.volumes.update(r.physicalId, changes);
      return {};
    }
    case 'OS::Neutron::Port': {
      if ((await ctx.repos.ports.get(r.physicalId)) === undefined) return { failed: `NotFound: resources.${r.name}: Port ${r.physicalId} could not be found.` };
      const changes: { name?: string; adminStateUp?: boolean } = {};
      if (!same(before.name, after.name) && typeof after.name === 'string') changes.name = after.name;
      if (!same(before.admin_state_up, after.admin_state_up)) changes.adminStateUp = after.admin_state_up !== false;
      await ctx.repos.ports.update(r.physicalId, changes);
      return {};
    }
    case 'OS::Heat::AutoScalingGroup': {
      const capacity = groupCapacity(r, before, after);
      return capacity === (r.capacity ?? 0) ? {} : { capacity };
    }
    default:
      return {};
  }
}
