// Request bodies of the server API, validated the way Nova's JSON schemas do, with Nova's
// "Invalid input for field/attribute …" wording so clients show a familiar message.

import { z } from 'zod';
import { ApiError } from '../../http/api-error';

const name = z
  .string()
  .min(1)
  .max(255)
  .refine((v) => v.trim() === v, 'Leading/trailing whitespace is not allowed');

const metadata = z.record(z.string().min(1).max(255), z.string().max(255));

const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

const network = z.object({
  uuid: z.string().optional(),
  port: z.string().optional(),
  fixed_ip: z.string().optional(),
  tag: z.string().optional(),
});

const blockDevice = z.object({
  source_type: z.enum(['image', 'volume', 'snapshot', 'blank']),
  destination_type: z.enum(['volume', 'local']).optional(),
  uuid: z.string().optional(),
  boot_index: z.union([z.number().int(), z.string(), z.null()]).optional(),
  volume_size: z.union([z.number().int().positive(), z.string()]).optional(),
  delete_on_termination: z.boolean().optional(),
});

export const createServerSchema = z.object({
  server: z.object({
    name,
    flavorRef: z.union([z.string().min(1), z.number().int()]).transform(String),
    imageRef: z.string().optional(),
    key_name: z.string().min(1).max(255).optional(),
    availability_zone: z.string().min(1).max(255).optional(),
    // Nova checks the length of the encoded text (maxLength 65535 on a base64 string).
    user_data: z.string().max(65535).regex(BASE64, "is not a 'base64'").optional(),
    metadata: metadata.optional(),
    min_count: z.coerce.number().int().min(1).optional(),
    max_count: z.coerce.number().int().min(1).optional(),
    return_reservation_id: z.boolean().optional(),
    security_groups: z.array(z.object({ name: z.string().min(1) })).optional(),
    networks: z.union([z.literal('auto'), z.literal('none'), z.array(network)]).optional(),
    description: z.string().max(255).nullable().optional(),
    tags: z.array(z.string().min(1).max(60)).max(50).optional(),
    block_device_mapping_v2: z.array(blockDevice).optional(),
    config_drive: z.boolean().optional(),
    'OS-DCF:diskConfig': z.enum(['AUTO', 'MANUAL']).optional(),
    adminPass: z.string().optional(),
  }),
  'os:scheduler_hints': z.object({ group: z.string().optional() }).passthrough().optional(),
  'OS-SCH-HNT:scheduler_hints': z.object({ group: z.string().optional() }).passthrough().optional(),
});

export type CreateServerBody = z.infer<typeof createServerSchema>;

export const updateServerSchema = z.object({
  server: z.object({
    name: name.optional(),
    description: z.string().max(255).nullable().optional(),
  }),
});

/** Parses a body; the first problem becomes Nova's 400. */
export function parseNovaBody<T>(schema: z.ZodType<T>, body: unknown): T {
  const result = schema.safeParse(body ?? {});
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  if (!issue) throw new ApiError(400, 'Invalid input.');
  const path = issue.path.map(String);
  const field = path.at(-1) ?? 'body';
  let value: unknown = body;
  for (const key of path) value = (value as Record<string, unknown> | undefined)?.[key];
  const missing = issue.code === 'invalid_type' && value === undefined;
  if (missing) {
    const parent = path.slice(0, -1);
    let parentValue: unknown = body;
    for (const key of parent) parentValue = (parentValue as Record<string, unknown> | undefined)?.[key];
    throw new ApiError(
      400,
      `Invalid input for field/attribute ${parent.at(-1) ?? 'body'}. Value: ${JSON.stringify(parentValue)}. '${field}' is a required property`,
    );
  }
  throw new ApiError(400, `Invalid input for field/attribute ${field}. Value: ${JSON.stringify(value)}. ${issue.message}`);
}
