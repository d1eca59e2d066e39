// OS::Cinder::Volume as a stack resource: a real volume through the volume service's create
// logic (checks, quota, creating → available on the clock); deleted with its snapshots.

import { ApiError } from '../../http/api-error';
import { formatIsoMicros } from '../../sim/clock';
import type { Repositories } from '../../store/open-store';
import { createVolumeFromRequest } from '../volume/volume-create';

export interface VolumeResourceContext {
  repos: Repositories;
  projectId: string;
  userId: string;
  now: number;
}

async function imageId(ctx: VolumeResourceContext, ref: unknown): Promise<string | undefined> {
  if (ref === undefined) return undefined;
  const viewer = { projectId: ctx.projectId, isAdmin: false };
  if (await ctx.repos.images.getVisible(viewer, String(ref))) return String(ref);
  const byName = await ctx.repos.images.list(viewer, { name: String(ref) });
  return byName.length === 1 ? byName[0]!.id : String(ref);
}

export async function createVolumeResource(ctx: VolumeResourceContext, name: string, props: Record<string, unknown>): Promise<string> {
  const metadata = typeof props.metadata === 'object' && props.metadata !== null
    ? Object.fromEntries(Object.entries(props.metadata).map(([k, v]) => [k, String(v)]))
    : {};
  try {
    const volume = await createVolumeFromRequest(ctx.repos, {
      projectId: ctx.projectId,
      userId: ctx.userId,
      size: props.size === undefined ? undefined : Number(props.size),
      name: typeof props.name === 'string' ? props.name : null,
      description: typeof props.description === 'string' ? props.description : null,
      volumeType: typeof props.volume_type === 'string' ? props.volume_type : undefined,
      imageRef: await imageId(ctx, props.image),
      snapshotId: typeof props.snapshot_id === 'string' ? props.snapshot_id : undefined,
      sourceVolid: typeof props.source_volid === 'string' ? props.source_volid : undefined,
      availabilityZone: typeof props.availability_zone === 'string' ? props.availability_zone : undefined,
      metadata,
      now: formatIsoMicros(ctx.now),
    });
    return volume.id;
  } catch (e) {
    if (e instanceof ApiError) throw new ApiError(400, `Resource CREATE failed: BadRequest: resources.${name}: ${e.message}`, 'ResourceFailure');
    throw e;
  }
}

/** Deletes the volume and its snapshots unless something still has it attached. */
export async function deleteVolumeResource(ctx: VolumeResourceContext, id: string): Promise<void> {
  const volume = await ctx.repos.volumes.get(id);
  if (!volume) return;
  if ((await ctx.repos.volumeAttachments.list({ volumeId: id })).length > 0) return;
  for (const snapshot of await ctx.repos.snapshots.list({ volumeId: id })) await ctx.repos.snapshots.delete(snapshot.id);
  await ctx.repos.volumes.delete(id);
}
