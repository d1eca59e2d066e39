import 'server-only';

import type { ApiErrorPayload } from '../api-error';
import {
  type Snapshot,
  type Volume,
  type VolumeType,
  compareVersions,
  createSnapshot,
  createVolume,
  deleteSnapshot,
  deleteVolume,
  extendVolume,
  getVolume,
  listSnapshots,
  listVolumeTypes,
  listVolumes,
} from '../openstack/cinder';
import { getImage, glanceClient, listImages } from '../openstack/glance';
import { novaClient } from '../openstack/nova/client';
import { type ServerName, attachVolume, detachVolume, listServerNames } from '../openstack/nova/volume-attachments';
import type { CreateVolumeRequest } from '../validation/volumes';
import { createVolumeSchema } from '../validation/volumes';
import { ApiError, toApiError } from './api-error';
import type { ScopedContext } from './guard';
import { volumeService } from './volume-client';

/** The volumes page in one call: volumes with their servers' names, snapshots and types. */
export interface VolumeRow extends Volume {
  attachedTo: { serverId: string; serverName: string | null; device: string | null }[];
}

export interface VolumeListView {
  volumes: VolumeRow[];
  snapshots: Snapshot[];
  types: VolumeType[];
  /** Nova failing only costs the server names; the page says so. */
  serversError: ApiErrorPayload | null;
  microversion: string | null;
}

const GIB = 1024 ** 3;
const nova = (ctx: ScopedContext) => novaClient(ctx.endpoint('compute'), ctx.token);

export async function loadVolumes(ctx: ScopedContext): Promise<VolumeListView> {
  const { client, microversion } = await volumeService(ctx);
  const [volumes, snapshots, types, servers] = await Promise.all([
    listVolumes(client),
    listSnapshots(client),
    listVolumeTypes(client).catch(() => [] as VolumeType[]),
    listServerNames(nova(ctx)).then(
      (list) => ({ list, error: null }),
      (error: unknown) => ({ list: [] as ServerName[], error: toApiError(error).payload }),
    ),
  ]);
  const names = new Map(servers.list.map((s) => [s.id, s.name]));
  return {
    volumes: volumes.map((v) => ({
      ...v,
      attachedTo: v.attachments.map((a) => ({ serverId: a.serverId, serverName: names.get(a.serverId) ?? null, device: a.device })),
    })),
    snapshots,
    types,
    serversError: servers.error,
    microversion,
  };
}

/** What the create and attach forms choose from: active images (with their minimum disk) and servers. */
export interface VolumeFormOptions {
  images: { id: string; name: string; minDiskGb: number }[];
  servers: ServerName[];
}

export async function loadVolumeFormOptions(ctx: ScopedContext): Promise<VolumeFormOptions> {
  const [images, servers] = await Promise.all([
    listImages(glanceClient(ctx.endpoint('image'), ctx.token), { limit: 500 }).then((page) => page.images),
    listServerNames(nova(ctx)),
  ]);
  return {
    images: images
      .filter((i) => i.status === 'active')
      .map((i) => ({ id: i.id, name: i.name || i.id, minDiskGb: minimumSizeGb(i.minDiskGb, i.sizeBytes) })),
    servers: servers.filter((s) => s.status !== 'DELETED'),
  };
}

/** A volume made from an image must hold it: at least min_disk, and at least the image's own size. */
export function minimumSizeGb(minDiskGb: number, sizeBytes: number | null): number {
  return Math.max(minDiskGb, sizeBytes ? Math.ceil(sizeBytes / GIB) : 0, 1);
}

function fieldError(code: string, status: number, message: string, fields: Record<string, string>): ApiError {
  return new ApiError({ code, status, message, fields });
}

export async function addVolume(ctx: ScopedContext, raw: CreateVolumeRequest): Promise<Volume> {
  const input = createVolumeSchema.parse(raw);
  const { client } = await volumeService(ctx);
  if (input.source === 'image') {
    const image = await getImage(glanceClient(ctx.endpoint('image'), ctx.token), input.imageId);
    const min = minimumSizeGb(image.minDiskGb, image.sizeBytes);
    if (input.sizeGb < min) {
      throw fieldError('volume.below_image_min', 400, `The image needs a volume of at least ${min} GB`, { sizeGb: 'below_image_min' });
    }
  }
  if (input.source === 'snapshot') {
    const snapshot = (await listSnapshots(client)).find((s) => s.id === input.snapshotId);
    if (!snapshot) throw fieldError('volume.snapshot_missing', 400, 'That snapshot no longer exists', { snapshotId: 'snapshot_required' });
    if (input.sizeGb < snapshot.sizeGb) {
      throw fieldError('volume.below_snapshot', 400, `A volume from this snapshot needs at least ${snapshot.sizeGb} GB`, { sizeGb: 'below_snapshot' });
    }
  }
  return createVolume(client, {
    name: input.name,
    description: input.description,
    sizeGb: input.sizeGb,
    volumeType: input.volumeType || undefined,
    imageId: input.source === 'image' ? input.imageId : undefined,
    snapshotId: input.source === 'snapshot' ? input.snapshotId : undefined,
  });
}

export async function growVolume(ctx: ScopedContext, id: string, newSizeGb: number): Promise<void> {
  const { client, microversion } = await volumeService(ctx);
  const volume = await getVolume(client, id);
  if (newSizeGb <= volume.sizeGb) {
    throw fieldError('volume.not_larger', 400, `The new size must be larger than ${volume.sizeGb} GB`, { newSizeGb: 'not_larger' });
  }
  // Growing an attached volume needs 3.42 and a driver that supports it; older clouds want it detached.
  if (volume.status === 'in-use' && (!microversion || compareVersions(microversion, '3.42') < 0)) {
    throw fieldError('volume.extend_attached', 409, 'This cloud can only extend a detached volume', { newSizeGb: 'extend_attached' });
  }
  await extendVolume(client, id, newSizeGb);
}

export async function removeVolume(ctx: ScopedContext, id: string): Promise<void> {
  const { client } = await volumeService(ctx);
  const volume = await getVolume(client, id);
  if (volume.attachments.length > 0) {
    throw new ApiError({ code: 'volume.attached', status: 409, message: 'Detach the volume before deleting it', service: 'block-storage' });
  }
  await deleteVolume(client, id);
}

export async function addSnapshot(ctx: ScopedContext, input: { volumeId: string; name: string; description: string; force: boolean }): Promise<Snapshot> {
  const { client } = await volumeService(ctx);
  const volume = await getVolume(client, input.volumeId);
  if (volume.status === 'in-use' && !input.force) {
    throw fieldError('volume.snapshot_needs_force', 400, 'The volume is attached: confirm a forced snapshot', { force: 'force_required' });
  }
  return createSnapshot(client, input);
}

export async function removeSnapshot(ctx: ScopedContext, id: string): Promise<void> {
  const { client } = await volumeService(ctx);
  await deleteSnapshot(client, id);
}

export async function attachToServer(ctx: ScopedContext, volumeId: string, serverId: string): Promise<{ device: string | null }> {
  return attachVolume(nova(ctx), serverId, volumeId);
}

export async function detachFromServer(ctx: ScopedContext, volumeId: string, serverId: string): Promise<void> {
  await detachVolume(nova(ctx), serverId, volumeId);
}
