// Creating a volume: empty, from an image, from a snapshot or as a clone, with Cinder's
// checks in Cinder's order (type, source, size against the source, quota) and the state it
// starts in on the simulation clock. Shared by POST /volumes and Nova's boot from volume.

import { randomUUID } from 'node:crypto';
import type { Repositories } from '../../store/open-store';
import type { Volume, VolumeType } from '../../store/schema';
import { later, TRANSITION_SECONDS } from './context';
import {
  badRequest,
  imageNotFound,
  invalidInput,
  invalidSnapshot,
  invalidVolume,
  snapshotNotFound,
  typeNameNotFound,
  volumeNotFound,
} from './errors';
import { checkQuota } from './quota-check';

export const AVAILABILITY_ZONE = 'nova';

export interface CreateVolumeInput {
  projectId: string;
  userId: string;
  admin?: boolean;
  /** GiB; may be omitted when a snapshot, source volume or image gives the size. */
  size: number | undefined;
  name: string | null;
  description: string | null;
  volumeType?: string | undefined;
  imageRef?: string | undefined;
  snapshotId?: string | undefined;
  sourceVolid?: string | undefined;
  availabilityZone?: string | undefined;
  metadata: Record<string, string>;
  now: string;
  /** Overrides the simulated creation time (0: available at once). */
  settleSeconds?: number;
}

const GIB = 1024 ** 3;

export async function createVolumeFromRequest(repos: Repositories, input: CreateVolumeInput): Promise<Volume> {
  const sourceCount = [input.imageRef, input.snapshotId, input.sourceVolid].filter((s) => s !== undefined).length;
  if (sourceCount > 1) {
    throw invalidInput('Multiple sources were given; choose one of imageRef, snapshot_id and source_volid.');
  }
  if (input.availabilityZone !== undefined && input.availabilityZone !== AVAILABILITY_ZONE) {
    throw badRequest(`Availability zone '${input.availabilityZone}' is invalid.`);
  }

  let size = input.size;
  let type: VolumeType | undefined;
  let bootable = false;
  let imageMetadata: Record<string, string> | null = null;

  if (input.volumeType !== undefined) {
    type = await repos.volumeTypes.findByNameOrId(input.volumeType);
    // A private type is invisible to members (no access lists here), as if it did not exist.
    if (!type || (!type.isPublic && !input.admin)) throw typeNameNotFound(input.volumeType);
  }

  if (input.snapshotId !== undefined) {
    const snapshot = await repos.snapshots.get(input.snapshotId);
    if (!snapshot || (!input.admin && snapshot.projectId !== input.projectId)) throw snapshotNotFound(input.snapshotId);
    if (snapshot.status !== 'available') {
      throw invalidSnapshot("Originating snapshot status must be one of 'available' values");
    }
    size ??= snapshot.size;
    if (size < snapshot.size) {
      throw invalidInput(
        `Volume size '${size}'GB cannot be smaller than the snapshot size ${snapshot.size}GB. They must be >= original snapshot size.`,
      );
    }
    const parent = await repos.volumes.get(snapshot.volumeId);
    if (parent) {
      type ??= await repos.volumeTypes.get(parent.volumeTypeId);
      bootable = parent.bootable;
      imageMetadata = parent.imageMetadata;
    }
  } else if (input.sourceVolid !== undefined) {
    const source = await repos.volumes.get(input.sourceVolid);
    if (!source || (!input.admin && source.projectId !== input.projectId)) throw volumeNotFound(input.sourceVolid);
    if (source.status !== 'available' && source.status !== 'in-use') {
      throw invalidVolume(`Source volume status must be available or in-use, but current status is: ${source.status}.`);
    }
    size ??= source.size;
    if (size < source.size) {
      throw invalidInput(
        `Volume size '${size}'GB cannot be smaller than original volume size ${source.size}GB. They must be >= original volume size.`,
      );
    }
    type ??= await repos.volumeTypes.get(source.volumeTypeId);
    bootable = source.bootable;
    imageMetadata = source.imageMetadata;
  } else if (input.imageRef !== undefined) {
    const image = await repos.images.getVisible({ projectId: input.projectId, isAdmin: input.admin ?? false }, input.imageRef);
    if (!image) throw imageNotFound(input.imageRef);
    if (image.status !== 'active') throw invalidInput(`Image ${image.id} is not active.`);
    const imageGb = Math.ceil((image.size ?? 0) / GIB);
    size ??= Math.max(imageGb, image.minDisk, 1);
    if (imageGb > size) {
      throw invalidInput(`Size of specified image ${imageGb}GB is larger than volume size ${size}GB.`);
    }
    if (image.minDisk > size) {
      throw invalidInput(`Volume size ${size}GB cannot be smaller than the image minDisk size ${image.minDisk}GB.`);
    }
    bootable = true;
    imageMetadata = {
      image_id: image.id,
      image_name: image.name ?? '',
      checksum: image.checksum ?? '',
      container_format: image.containerFormat ?? '',
      disk_format: image.diskFormat ?? '',
      min_disk: String(image.minDisk),
      min_ram: String(image.minRam),
      size: String(image.size ?? 0),
    };
  }

  if (size === undefined) throw invalidInput("Volume size 'None' must be an integer and greater than 0");
  type ??= await repos.volumeTypes.ensureDefault(input.now);

  await checkQuota(repos, input.projectId, type, { volumes: 1, gigabytes: size, volumeSize: size }, input.now);

  const fromImage = input.imageRef !== undefined;
  const seconds = input.settleSeconds ?? (fromImage ? TRANSITION_SECONDS.download : TRANSITION_SECONDS.create);
  const settled = seconds === 0;
  return repos.volumes.create({
    id: randomUUID(),
    projectId: input.projectId,
    userId: input.userId,
    name: input.name,
    description: input.description,
    size,
    status: settled ? 'available' : fromImage ? 'downloading' : 'creating',
    nextStatus: settled ? null : 'available',
    settleAt: settled ? null : later(input.now, seconds),
    volumeTypeId: type.id,
    availabilityZone: AVAILABILITY_ZONE,
    bootable,
    multiattach: false,
    sourceVolid: input.sourceVolid ?? null,
    snapshotId: input.snapshotId ?? null,
    imageMetadata,
    metadata: input.metadata,
    createdAt: input.now,
    updatedAt: null,
  });
}
