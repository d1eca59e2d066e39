import { z } from 'zod';

/** Forms and /api/images share these; messages are i18n keys under "images.errors". */
export const DISK_FORMATS = ['qcow2', 'raw', 'vmdk', 'vdi', 'vhd', 'vhdx', 'iso', 'ami', 'aki', 'ari', 'ploop'] as const;
export const CONTAINER_FORMATS = ['bare', 'ovf', 'ova', 'ami', 'aki', 'ari', 'docker', 'compressed'] as const;
export const IMAGE_VISIBILITIES = ['private', 'shared', 'community', 'public'] as const;

/** Uploads larger than this are refused before a byte is sent (ZENITH_IMAGE_UPLOAD_MAX_MB changes it on the server). */
export const DEFAULT_UPLOAD_LIMIT_BYTES = 4 * 1024 ** 3;

const name = z.string().trim().min(1, 'name_required').max(255, 'too_long');
const sizeField = z.coerce.number({ message: 'not_a_number' }).int('not_an_integer').min(0, 'not_negative').max(1_000_000, 'too_large');

export const imageFieldsSchema = z.object({
  name,
  diskFormat: z.enum(DISK_FORMATS, { message: 'unknown_format' }),
  containerFormat: z.enum(CONTAINER_FORMATS, { message: 'unknown_format' }),
  visibility: z.enum(IMAGE_VISIBILITIES, { message: 'unknown_visibility' }),
  minDiskGb: sizeField,
  minRamMb: sizeField,
  protected: z.boolean(),
});

export const httpUrl = z
  .string()
  .trim()
  .min(1, 'url_required')
  .max(2048, 'too_long')
  .refine((value) => {
    try {
      const url = new URL(value);
      return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname !== '';
    } catch {
      return false;
    }
  }, 'url_not_http');

/** A file upload first creates the image (this body), then streams the bytes to /api/images/{id}/file. */
export const createImageSchema = z.discriminatedUnion('source', [
  imageFieldsSchema.extend({ source: z.literal('file'), sizeBytes: z.number().int().min(1, 'file_empty') }),
  imageFieldsSchema.extend({ source: z.literal('url'), url: httpUrl }),
]);

export type CreateImageRequest = z.infer<typeof createImageSchema>;

/** Glance's own attributes: not properties a user may set (Glance answers 403 "Attribute … is reserved"). */
export const GLANCE_CORE_ATTRIBUTES: ReadonlySet<string> = new Set([
  'id', 'name', 'status', 'visibility', 'owner', 'protected', 'min_disk', 'min_ram', 'size', 'virtual_size',
  'disk_format', 'container_format', 'checksum', 'created_at', 'updated_at', 'tags', 'self', 'file', 'schema',
  'os_hash_algo', 'os_hash_value', 'os_hidden', 'direct_url', 'locations', 'stores',
]);

const propertyEntry = z.object({
  key: z
    .string()
    .trim()
    .min(1, 'property_key_required')
    .max(255, 'too_long')
    // Glance keeps the os_glance_ prefix for itself.
    .refine((key) => !GLANCE_CORE_ATTRIBUTES.has(key) && !key.startsWith('os_glance'), 'property_key_reserved'),
  value: z.string().max(255, 'too_long'),
});

const tag = z.string().trim().min(1, 'tag_empty').max(255, 'too_long').refine((value) => !value.includes('/'), 'tag_slash');

export const updateImageSchema = z
  .object({
    name,
    visibility: z.enum(IMAGE_VISIBILITIES, { message: 'unknown_visibility' }),
    minDiskGb: sizeField,
    minRamMb: sizeField,
    protected: z.boolean(),
    /** Absent: left as they are. Present: the image's whole set of tags afterwards. */
    tags: z.array(tag).max(128, 'tags_too_many').optional(),
    /** Absent: left as they are. Present: the image's whole set of user properties afterwards. */
    properties: z.array(propertyEntry).max(128, 'properties_too_many').optional(),
  })
  .superRefine((value, ctx) => {
    const keys = (value.properties ?? []).map((p) => p.key);
    if (new Set(keys).size !== keys.length) ctx.addIssue({ code: 'custom', path: ['properties'], message: 'property_duplicate' });
  });

export type UpdateImageRequest = z.infer<typeof updateImageSchema>;

export const imageListFilterSchema = z.object({
  visibility: z.enum(['all', ...IMAGE_VISIBILITIES]).catch('all'),
});

export const shareImageSchema = z.object({
  projectId: z.string().trim().min(1, 'project_required').max(64, 'too_long').regex(/^[A-Za-z0-9_-]+$/, 'project_format'),
});

export const answerShareSchema = z.object({ status: z.enum(['accepted', 'rejected', 'pending']) });
