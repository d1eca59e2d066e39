import { z } from 'zod';

import { SERVER_ACTIONS, SERVER_STATUSES } from '../compute/server-status';

/** Messages are i18n keys under "instances.errors"; the form and the route share these schemas. */
export const serverListSchema = z.object({
  limit: z.coerce.number().int().min(1).max(1000).default(50),
  marker: z.string().max(64).optional(),
  name: z.string().trim().max(255).optional(),
  status: z.enum(SERVER_STATUSES).optional(),
  all: z
    .enum(['0', '1'])
    .optional()
    .transform((v) => v === '1'),
});

export type ServerListInput = z.infer<typeof serverListSchema>;

export const serverActionSchema = z.object({
  action: z.enum(SERVER_ACTIONS),
});

export const renameSchema = z.object({ name: z.string().trim().min(1, 'name_required').max(255, 'too_long') });

export const consoleSchema = z.object({ lines: z.coerce.number().int().min(1).max(10_000).default(100) });

/** Nova caps base64 user data at 65535 characters, which is 49,149 bytes before encoding. */
export const USER_DATA_MAX_BYTES = 49_149;

const metadataEntry = z.object({
  key: z.string().trim().min(1, 'metadata_key_required').max(255, 'too_long'),
  value: z.string().max(255, 'too_long'),
});

export const launchSchema = z
  .object({
    name: z.string().trim().min(1, 'name_required').max(255, 'too_long'),
    count: z.coerce.number().int('count_whole').min(1, 'count_min').max(100, 'count_max'),
    source: z.enum(['image', 'volume', 'image-to-volume']),
    imageId: z.string().optional(),
    volumeId: z.string().optional(),
    volumeSizeGb: z.coerce.number().int().min(1, 'volume_size_min').max(16_384).optional(),
    deleteVolumeOnTermination: z.boolean().default(false),
    flavorId: z.string().min(1, 'flavor_required'),
    /** 'auto' lets Nova pick the project's network; otherwise the networks' IDs, one NIC each, in order. */
    networks: z
      .union([z.enum(['auto', 'none']), z.array(z.string().min(1).max(64)).min(1, 'networks_required').max(16, 'networks_too_many')])
      .default('auto'),
    securityGroups: z.array(z.string().trim().min(1).max(255)).max(20).default(['default']),
    keyName: z.string().max(255).optional(),
    userData: z
      .string()
      .max(1_000_000)
      .optional()
      .refine((v) => !v || new TextEncoder().encode(v).length <= USER_DATA_MAX_BYTES, 'user_data_too_large'),
    metadata: z.array(metadataEntry).max(128, 'metadata_too_many').default([]),
    availabilityZone: z.string().max(255).optional(),
  })
  .superRefine((v, ctx) => {
    if (v.source !== 'volume' && !v.imageId) ctx.addIssue({ code: 'custom', path: ['imageId'], message: 'image_required' });
    if (v.source === 'volume' && !v.volumeId) ctx.addIssue({ code: 'custom', path: ['volumeId'], message: 'volume_required' });
    if (v.source === 'image-to-volume' && !v.volumeSizeGb) {
      ctx.addIssue({ code: 'custom', path: ['volumeSizeGb'], message: 'volume_size_required' });
    }
    if (v.source === 'volume' && v.count > 1) ctx.addIssue({ code: 'custom', path: ['count'], message: 'count_one_volume' });
    const keys = v.metadata.map((m) => m.key);
    if (new Set(keys).size !== keys.length) ctx.addIssue({ code: 'custom', path: ['metadata'], message: 'metadata_duplicate' });
  });

export type LaunchInput = z.infer<typeof launchSchema>;

export const resizeSchema = z.object({ flavorId: z.string().min(1, 'flavor_required').max(255) });

export const snapshotSchema = z.object({ name: z.string().trim().min(1, 'name_required').max(255, 'too_long') });
