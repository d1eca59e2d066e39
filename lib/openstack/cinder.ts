import 'server-only';

import { type ServiceClient, query, serviceClient } from './service-client';

/**
 * Cinder v3: volumes, snapshots and volume types with clean names. Zenith asks for microversion 3.60 (3.42
 * lets an attached volume grow); against an older cloud it uses the highest the cloud offers.
 */
export const CINDER_MICROVERSION = '3.60';

export function cinderClient(baseUrl: string, token: string, microversion: string | null): ServiceClient {
  return serviceClient({
    service: 'block-storage',
    baseUrl,
    token,
    microversion: microversion ? `volume ${microversion}` : undefined,
  });
}

/** The microversion to send: ours, or the cloud's maximum when that is lower; none when it has none. */
export function negotiateMicroversion(wanted: string, serverMax: string | null): string | null {
  if (!serverMax) return null;
  return compareVersions(serverMax, wanted) < 0 ? serverMax : wanted;
}

export function compareVersions(a: string, b: string): number {
  const [aMajor = 0, aMinor = 0] = a.split('.').map(Number);
  const [bMajor = 0, bMinor = 0] = b.split('.').map(Number);
  return aMajor - bMajor || aMinor - bMinor;
}

export interface VolumeAttachment {
  serverId: string;
  device: string | null;
  attachmentId: string | null;
  hostName: string | null;
}

export interface Volume {
  id: string;
  name: string;
  description: string;
  sizeGb: number;
  status: string;
  volumeType: string | null;
  bootable: boolean;
  multiattach: boolean;
  encrypted: boolean;
  availabilityZone: string | null;
  attachments: VolumeAttachment[];
  snapshotId: string | null;
  sourceVolumeId: string | null;
  imageId: string | null;
  imageName: string | null;
  createdAt: string;
}

export interface Snapshot {
  id: string;
  name: string;
  description: string;
  volumeId: string;
  sizeGb: number;
  status: string;
  createdAt: string;
}

export interface VolumeType {
  id: string;
  name: string;
  description: string;
  isPublic: boolean;
}

type Wire = Record<string, unknown>;

const str = (value: unknown): string | null => (typeof value === 'string' && value !== '' ? value : null);

export function parseVolume(wire: unknown): Volume {
  const w = (wire ?? {}) as Wire;
  const imageMeta = (w.volume_image_metadata ?? {}) as Wire;
  return {
    id: String(w.id ?? ''),
    name: str(w.name) ?? '',
    description: str(w.description) ?? '',
    sizeGb: typeof w.size === 'number' ? w.size : 0,
    status: str(w.status) ?? 'unknown',
    volumeType: str(w.volume_type),
    // Cinder sends bootable as the string "true"/"false".
    bootable: w.bootable === true || w.bootable === 'true',
    multiattach: w.multiattach === true,
    encrypted: w.encrypted === true,
    availabilityZone: str(w.availability_zone),
    attachments: (Array.isArray(w.attachments) ? (w.attachments as Wire[]) : []).map((a) => ({
      serverId: String(a.server_id ?? ''),
      device: str(a.device),
      attachmentId: str(a.attachment_id),
      hostName: str(a.host_name),
    })),
    snapshotId: str(w.snapshot_id),
    sourceVolumeId: str(w.source_volid),
    imageId: str(imageMeta.image_id),
    imageName: str(imageMeta.image_name),
    createdAt: str(w.created_at) ?? '',
  };
}

export function parseSnapshot(wire: unknown): Snapshot {
  const w = (wire ?? {}) as Wire;
  return {
    id: String(w.id ?? ''),
    name: str(w.name) ?? '',
    description: str(w.description) ?? '',
    volumeId: String(w.volume_id ?? ''),
    sizeGb: typeof w.size === 'number' ? w.size : 0,
    status: str(w.status) ?? 'unknown',
    createdAt: str(w.created_at) ?? '',
  };
}

export function parseVolumeType(wire: unknown): VolumeType {
  const w = (wire ?? {}) as Wire;
  return {
    id: String(w.id ?? ''),
    name: str(w.name) ?? '',
    description: str(w.description) ?? '',
    isPublic: w['os-volume-type-access:is_public'] !== false && w.is_public !== false,
  };
}

/** Cinder caps a page at osapi_max_limit (1000 by default); Zenith shows the first page. */
const PAGE = 1000;

export async function listVolumes(client: ServiceClient): Promise<Volume[]> {
  const { body } = await client.call<{ volumes?: unknown[] }>(`/volumes/detail${query({ limit: PAGE, sort: 'created_at:desc' })}`);
  return (body?.volumes ?? []).map(parseVolume);
}

export async function getVolume(client: ServiceClient, id: string): Promise<Volume> {
  const { body } = await client.call<{ volume?: unknown }>(`/volumes/${encodeURIComponent(id)}`);
  return parseVolume(body?.volume);
}

export interface CreateVolumeInput {
  name: string;
  description?: string;
  sizeGb: number;
  volumeType?: string;
  imageId?: string;
  snapshotId?: string;
  availabilityZone?: string;
}

export async function createVolume(client: ServiceClient, input: CreateVolumeInput): Promise<Volume> {
  const { body } = await client.call<{ volume?: unknown }>('/volumes', {
    method: 'POST',
    body: {
      volume: {
        name: input.name,
        description: input.description || undefined,
        size: input.sizeGb,
        volume_type: input.volumeType || undefined,
        imageRef: input.imageId || undefined,
        snapshot_id: input.snapshotId || undefined,
        availability_zone: input.availabilityZone || undefined,
      },
    },
  });
  return parseVolume(body?.volume);
}

export async function extendVolume(client: ServiceClient, id: string, newSizeGb: number): Promise<void> {
  await client.call(`/volumes/${encodeURIComponent(id)}/action`, { method: 'POST', body: { 'os-extend': { new_size: newSizeGb } } });
}

export async function deleteVolume(client: ServiceClient, id: string): Promise<void> {
  await client.call(`/volumes/${encodeURIComponent(id)}`, { method: 'DELETE' });
}

export async function listSnapshots(client: ServiceClient): Promise<Snapshot[]> {
  const { body } = await client.call<{ snapshots?: unknown[] }>(`/snapshots/detail${query({ limit: PAGE })}`);
  return (body?.snapshots ?? []).map(parseSnapshot);
}

export async function createSnapshot(
  client: ServiceClient,
  input: { volumeId: string; name: string; description?: string; force: boolean },
): Promise<Snapshot> {
  const { body } = await client.call<{ snapshot?: unknown }>('/snapshots', {
    method: 'POST',
    body: { snapshot: { volume_id: input.volumeId, name: input.name, description: input.description || undefined, force: input.force } },
  });
  return parseSnapshot(body?.snapshot);
}

export async function deleteSnapshot(client: ServiceClient, id: string): Promise<void> {
  await client.call(`/snapshots/${encodeURIComponent(id)}`, { method: 'DELETE' });
}

export async function listVolumeTypes(client: ServiceClient): Promise<VolumeType[]> {
  const { body } = await client.call<{ volume_types?: unknown[] }>('/types');
  return (body?.volume_types ?? []).map(parseVolumeType);
}
