import { z } from 'zod';

/** The volume forms and /api/volumes share these; messages are i18n keys under "volumes.errors". */
const size = z.coerce.number({ message: 'not_a_number' }).int('not_an_integer').min(1, 'at_least_one').max(1_000_000, 'too_large');
const name = z.string().trim().max(255, 'too_long');
const id = z.string().trim().max(64, 'too_long');

export const createVolumeSchema = z
  .object({
    name: name.min(1, 'name_required'),
    description: z.string().trim().max(255, 'too_long').default(''),
    sizeGb: size,
    source: z.enum(['empty', 'image', 'snapshot']),
    imageId: id.default(''),
    snapshotId: id.default(''),
    volumeType: z.string().trim().max(255, 'too_long').default(''),
  })
  .superRefine((value, ctx) => {
    if (value.source === 'image' && !value.imageId) ctx.addIssue({ code: 'custom', path: ['imageId'], message: 'image_required' });
    if (value.source === 'snapshot' && !value.snapshotId) ctx.addIssue({ code: 'custom', path: ['snapshotId'], message: 'snapshot_required' });
  });

export type CreateVolumeRequest = z.input<typeof createVolumeSchema>;

export const extendVolumeSchema = z.object({ newSizeGb: size });

export const createSnapshotSchema = z.object({
  volumeId: id.min(1, 'volume_required'),
  name: name.min(1, 'name_required'),
  description: z.string().trim().max(255, 'too_long').default(''),
  force: z.boolean().default(false),
});

export const attachVolumeSchema = z.object({ serverId: id.min(1, 'server_required') });
export const detachVolumeSchema = z.object({ serverId: id.min(1, 'server_required') });
