// Where Nova and Cinder meet: attaching a volume to a server (as its root disk at boot, or
// later through os-volume_attachments), detaching it, and releasing every volume of a
// deleted server. Each function writes through the repositories it is given, so it runs
// inside the caller's transaction.

import { randomUUID } from 'node:crypto';
import type { Repositories } from '../../store/open-store';
import type { Volume, VolumeAttachment } from '../../store/schema';
import { later, TRANSITION_SECONDS } from './context';
import { invalidVolume, volumeNotFound } from './errors';
import { createVolumeFromRequest } from './volume-create';

export type RootVolumeSource =
  | { kind: 'image'; imageId: string; size: number; volumeType?: string }
  | { kind: 'volume'; volumeId: string };

export interface RootVolumeRequest {
  projectId: string;
  userId: string;
  serverId: string;
  hostName: string | null;
  source: RootVolumeSource;
  deleteOnTermination: boolean;
  /** ISO timestamp of the simulation clock. */
  now: string;
}

export interface RootVolume {
  volumeId: string;
  attachmentId: string;
  device: string;
}

export const ROOT_DEVICE = '/dev/vda';

/** Boot from volume: creates (or takes) the volume and attaches it as /dev/vda at once. */
export async function attachRootVolume(repos: Repositories, request: RootVolumeRequest): Promise<RootVolume> {
  const { source } = request;
  let volume: Volume;
  if (source.kind === 'volume') {
    const existing = await repos.volumes.get(source.volumeId);
    if (!existing || existing.projectId !== request.projectId) throw volumeNotFound(source.volumeId);
    requireReservable(existing);
    volume = existing;
  } else {
    volume = await createVolumeFromRequest(repos, {
      projectId: request.projectId,
      userId: request.userId,
      size: source.size,
      name: null,
      description: null,
      volumeType: source.volumeType,
      imageRef: source.imageId,
      metadata: {},
      now: request.now,
      // The server's own BUILD phase stands for the download.
      settleSeconds: 0,
    });
  }
  const attachment = await attachVolume(repos, {
    volume,
    serverId: request.serverId,
    hostName: request.hostName,
    device: ROOT_DEVICE,
    deleteOnTermination: request.deleteOnTermination,
    tag: null,
    now: request.now,
    settleSeconds: 0,
  });
  return { volumeId: volume.id, attachmentId: attachment.id, device: attachment.device };
}

/** Cinder's reserve check: only an available volume can be attached (no multiattach here). */
export function requireReservable(volume: Volume): void {
  if (volume.status !== 'available') {
    throw invalidVolume(
      `Volume ${volume.id} status must be available or downloading to reserve, but the current status is ${volume.status}.`,
    );
  }
}

export interface AttachRequest {
  volume: Volume;
  serverId: string;
  hostName: string | null;
  device: string;
  deleteOnTermination: boolean;
  tag: string | null;
  now: string;
  /** Simulated seconds in attaching; 0 attaches at once. */
  settleSeconds?: number;
}

export async function attachVolume(repos: Repositories, request: AttachRequest): Promise<VolumeAttachment> {
  const seconds = request.settleSeconds ?? TRANSITION_SECONDS.attach;
  const settleAt = seconds === 0 ? null : later(request.now, seconds);
  await repos.volumes.update(request.volume.id, {
    status: settleAt === null ? 'in-use' : 'attaching',
    nextStatus: settleAt === null ? null : 'in-use',
    settleAt,
    updatedAt: request.now,
  });
  return repos.volumeAttachments.create({
    id: randomUUID(),
    volumeId: request.volume.id,
    serverId: request.serverId,
    projectId: request.volume.projectId,
    device: request.device,
    hostName: request.hostName,
    status: settleAt === null ? 'attached' : 'attaching',
    settleAt,
    attachMode: 'rw',
    deleteOnTermination: request.deleteOnTermination,
    tag: request.tag,
    attachedAt: request.now,
  });
}

/** Starts a detach: the volume shows `detaching`, then is available and the attachment gone. */
export async function beginDetach(repos: Repositories, attachment: VolumeAttachment, now: string): Promise<void> {
  const settleAt = later(now, TRANSITION_SECONDS.detach);
  await repos.volumeAttachments.setStatus(attachment.id, 'detaching', settleAt);
  await repos.volumes.update(attachment.volumeId, {
    status: 'detaching',
    nextStatus: 'available',
    settleAt,
    updatedAt: now,
  });
}

/**
 * A deleted server lets go of its volumes at once: each becomes available again, or is
 * deleted when it was attached with delete_on_termination (and has no snapshots, which
 * would make Cinder refuse the delete).
 */
export async function detachServerVolumes(repos: Repositories, serverId: string, now: string): Promise<void> {
  for (const attachment of await repos.volumeAttachments.list({ serverId })) {
    await repos.volumeAttachments.delete(attachment.id);
    const others = await repos.volumeAttachments.list({ volumeId: attachment.volumeId });
    if (others.length > 0) continue;
    if (attachment.deleteOnTermination && (await repos.snapshots.countForVolume(attachment.volumeId)) === 0) {
      await repos.volumes.delete(attachment.volumeId);
    } else {
      await repos.volumes.update(attachment.volumeId, { status: 'available', nextStatus: null, settleAt: null, updatedAt: now });
    }
  }
}

/** The first free device name after the root disk: /dev/vdb, /dev/vdc, … */
export function nextDevice(used: readonly string[]): string {
  for (let code = 'b'.charCodeAt(0); code <= 'z'.charCodeAt(0); code++) {
    const device = `/dev/vd${String.fromCharCode(code)}`;
    if (!used.includes(device)) return device;
  }
  throw invalidVolume('No free device name is left on the server.');
}
