import { z } from 'zod';

/** The metrics routes and the simulate-load control share these; messages are i18n keys under "metrics.errors". */
export const cpuPercentSchema = z.coerce.number({ message: 'not_a_number' }).min(0, 'out_of_range').max(100, 'out_of_range');

export const loadRequestSchema = z.object({ cpuPercent: cpuPercentSchema });
export type LoadRequest = z.input<typeof loadRequestSchema>;

/** Server and stack ids as they appear in paths: UUIDs in practice; anything path-breaking is refused. */
export const resourceIdSchema = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9_.-]{0,127}$/, 'invalid_id');

/** `since` for a metric window: an ISO 8601 instant no older than 31 days (Gnocchi's policies keep 30). */
export const sinceSchema = z
  .string()
  .refine((value) => !Number.isNaN(Date.parse(value)), 'invalid_time')
  .transform((value) => new Date(Date.parse(value)).toISOString())
  .optional();

export const streamQuerySchema = z
  .object({ server: resourceIdSchema.optional(), stack: resourceIdSchema.optional() })
  .refine((q) => Boolean(q.server) !== Boolean(q.stack), { message: 'server_or_stack', path: ['server'] });
