// Cinder's wire shapes for volumes, snapshots, types and attachments. Timestamps are
// Cinder's naive isoformat (microseconds, no zone); `bootable` is the string "true"/"false".

import type { FastifyRequest } from 'fastify';
import type { Volume, VolumeAttachment, VolumeSnapshot, VolumeType } from '../../store/schema';
import type { VolumeContext } from './context';
import { volumeAtLeast } from './microversion';
import { VOLUME_BACKEND } from './service-routes';

export function cinderTime(iso: string | null): string | null {
  return iso === null ? null : iso.replace(/Z$/, '');
}

function links(context: VolumeContext, collection: string, id: string) {
  const bookmark = context.linkBase.replace('/v3/', '/');
  return [
    { href: `${context.linkBase}/${collection}/${id}`, rel: 'self' },
    { href: `${bookmark}/${collection}/${id}`, rel: 'bookmark' },
  ];
}

/** The attachments a volume reports: attached ones, and those still detaching. */
export function volumeAttachmentsView(attachments: readonly VolumeAttachment[]) {
  return attachments
    .filter((a) => a.status !== 'attaching')
    .map((a) => ({
      id: a.volumeId,
      attachment_id: a.id,
      volume_id: a.volumeId,
      server_id: a.serverId,
      host_name: a.hostName,
      device: a.device,
      attached_at: cinderTime(a.attachedAt),
    }));
}

export function volumeSummaryView(context: VolumeContext, volume: Volume) {
  return { id: volume.id, name: volume.name, links: links(context, 'volumes', volume.id) };
}

export function volumeView(
  request: FastifyRequest,
  context: VolumeContext,
  volume: Volume,
  typeName: string,
  attachments: readonly VolumeAttachment[],
) {
  const body: Record<string, unknown> = {
    id: volume.id,
    name: volume.name,
    description: volume.description,
    status: volume.status,
    size: volume.size,
    availability_zone: volume.availabilityZone,
    created_at: cinderTime(volume.createdAt),
    updated_at: cinderTime(volume.updatedAt),
    attachments: volumeAttachmentsView(attachments),
    links: links(context, 'volumes', volume.id),
    volume_type: typeName,
    snapshot_id: volume.snapshotId,
    source_volid: volume.sourceVolid,
    metadata: volume.metadata,
    user_id: volume.userId,
    bootable: volume.bootable ? 'true' : 'false',
    encrypted: false,
    replication_status: null,
    consistencygroup_id: null,
    multiattach: volume.multiattach,
    'os-vol-tenant-attr:tenant_id': volume.projectId,
  };
  if (volume.imageMetadata !== null) body.volume_image_metadata = volume.imageMetadata;
  if (context.admin) {
    body['os-vol-host-attr:host'] = `${VOLUME_BACKEND}#lvmdriver-1`;
    body['os-vol-mig-status-attr:migstat'] = null;
    body['os-vol-mig-status-attr:name_id'] = null;
  }
  if (volumeAtLeast(request, '3.13')) body.group_id = null;
  if (volumeAtLeast(request, '3.21') && context.admin) body.provider_id = null;
  return body;
}

export function snapshotView(request: FastifyRequest, snapshot: VolumeSnapshot) {
  const body: Record<string, unknown> = {
    id: snapshot.id,
    name: snapshot.name,
    description: snapshot.description,
    status: snapshot.status,
    size: snapshot.size,
    volume_id: snapshot.volumeId,
    created_at: cinderTime(snapshot.createdAt),
    updated_at: cinderTime(snapshot.updatedAt),
    metadata: snapshot.metadata,
    'os-extended-snapshot-attributes:project_id': snapshot.projectId,
    'os-extended-snapshot-attributes:progress': snapshot.status === 'available' ? '100%' : '0%',
  };
  if (volumeAtLeast(request, '3.14')) body.group_snapshot_id = null;
  return body;
}

export function typeView(type: VolumeType) {
  return {
    id: type.id,
    name: type.name,
    description: type.description,
    is_public: type.isPublic,
    'os-volume-type-access:is_public': type.isPublic,
    extra_specs: type.extraSpecs,
    qos_specs_id: null,
  };
}

/** Cinder's attachments API (3.27): summary, or detail with times and mode. */
export function attachmentView(attachment: VolumeAttachment, detail: boolean) {
  const summary = {
    id: attachment.id,
    status: attachment.status,
    instance: attachment.serverId,
    volume_id: attachment.volumeId,
  };
  if (!detail) return summary;
  return {
    ...summary,
    attached_at: cinderTime(attachment.attachedAt),
    detached_at: null,
    attach_mode: attachment.attachMode,
    connection_info: {},
  };
}
