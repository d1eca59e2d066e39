// Request bodies of the Cinder API, validated with zod. Failures read like Cinder's JSON
// schema errors: "Invalid input for field/attribute size. Value: 0. …".

import { z } from 'zod';
import { badRequest } from './errors';

/** Sizes arrive as integers or digit strings (cinderclient sends either); at least 1 GiB. */
const size = z.union([z.number(), z.string().regex(/^\d+$/).transform(Number)]).pipe(
  z.number().int('must be an integer').min(1, 'is less than the minimum of 1').max(2147483647),
);
const name = z.string().max(255, 'is too long').nullable();
const description = z.string().max(255, 'is too long').nullable();
const metadata = z.record(z.string().max(255), z.string().max(255));
/** Cinder's boolean-ish strings for `force` and friends. */
export const cinderBoolean = z.union([
  z.boolean(),
  z.enum(['true', 'false', 'True', 'False', '1', '0', 'yes', 'no', 'y', 'n', 'on', 'off']).transform((v) =>
    ['true', 'True', '1', 'yes', 'y', 'on'].includes(v),
  ),
]);

export const createVolumeSchema = z.object({
  volume: z.object({
    size: size.nullable().optional(),
    name: name.optional(),
    display_name: name.optional(),
    description: description.optional(),
    display_description: description.optional(),
    volume_type: z.string().nullable().optional(),
    imageRef: z.string().nullable().optional(),
    image_id: z.string().nullable().optional(),
    snapshot_id: z.string().nullable().optional(),
    source_volid: z.string().nullable().optional(),
    availability_zone: z.string().nullable().optional(),
    metadata: metadata.nullable().optional(),
    multiattach: cinderBoolean.optional(),
    consistencygroup_id: z.string().nullable().optional(),
  }),
});

export const updateVolumeSchema = z.object({
  volume: z.object({
    name: name.optional(),
    display_name: name.optional(),
    description: description.optional(),
    display_description: description.optional(),
    metadata: metadata.nullable().optional(),
  }),
});

export const extendSchema = z.object({ new_size: size });
export const snapshotStatusSchema = z.object({
  status: z.enum(['available', 'error', 'creating', 'deleting', 'error_deleting']),
});
export const setBootableSchema = z.object({ bootable: cinderBoolean });
export const resetStatusSchema = z.object({
  status: z.enum(['available', 'in-use', 'error', 'error_deleting', 'creating', 'deleting', 'attaching', 'detaching', 'maintenance', 'error_extending', 'reserved']).optional(),
  attach_status: z.enum(['attached', 'detached']).optional(),
  migration_status: z.string().optional(),
});

export const createSnapshotSchema = z.object({
  snapshot: z.object({
    volume_id: z.string(),
    name: name.optional(),
    display_name: name.optional(),
    description: description.optional(),
    display_description: description.optional(),
    force: cinderBoolean.optional(),
    metadata: metadata.nullable().optional(),
  }),
});

export const updateSnapshotSchema = z.object({
  snapshot: z.object({
    name: name.optional(),
    display_name: name.optional(),
    description: description.optional(),
    display_description: description.optional(),
  }),
});

export const metadataSchema = z.object({ metadata });
export const metaItemSchema = z.object({ meta: metadata });

const typeName = z.string().trim().min(1, 'is too short').max(255, 'is too long');
export const createTypeSchema = z.object({
  volume_type: z.object({
    name: typeName,
    description: z.string().max(255, 'is too long').nullable().optional(),
    'os-volume-type-access:is_public': cinderBoolean.optional(),
    extra_specs: z.record(z.string().max(255), z.string().max(255)).optional(),
  }),
});
export const updateTypeSchema = z.object({
  volume_type: z.object({
    name: typeName.optional(),
    description: z.string().max(255, 'is too long').nullable().optional(),
    is_public: cinderBoolean.optional(),
  }),
});
export const extraSpecsSchema = z.object({ extra_specs: z.record(z.string().max(255), z.string().max(255)) });

const quotaValue = z.union([z.number(), z.string().regex(/^-?\d+$/).transform(Number)]).pipe(
  z.number().int('must be an integer').min(-1, 'is less than the minimum of -1'),
);
export const quotaUpdateSchema = z.object({ quota_set: z.record(z.string(), z.unknown()) });
export { quotaValue };

/** Parses a body, answering as Cinder's schema validation does. */
export function parseCinderBody<T>(schema: z.ZodType<T>, body: unknown, wrapper: string): T {
  if (body === undefined || body === null || typeof body !== 'object') {
    throw badRequest(`Missing required element '${wrapper}' in request body.`);
  }
  const result = schema.safeParse(body);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const path = issue?.path ?? [];
  if (path.length <= 1 && issue?.code === 'invalid_type' && !(wrapper in (body as object))) {
    throw badRequest(`Missing required element '${wrapper}' in request body.`);
  }
  const field = String(path[path.length - 1] ?? wrapper);
  const value = path.reduce<unknown>((node, key) => (node as Record<PropertyKey, unknown> | undefined)?.[key as PropertyKey], body);
  const shown = typeof value === 'string' ? value : JSON.stringify(value);
  const detail =
    issue?.code === 'invalid_type' && value === undefined
      ? `'${field}' is a required property`
      : issue?.code === 'invalid_union'
        ? `${JSON.stringify(value)} is not valid under any of the given schemas`
        : `${shown} ${issue?.message ?? 'is invalid'}`;
  throw badRequest(`Invalid input for field/attribute ${field}. Value: ${shown}. ${detail}`);
}
