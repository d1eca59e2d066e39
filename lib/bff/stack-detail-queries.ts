import { z } from 'zod';

/** The query strings of the stack page's BFF routes, parsed once (a bad value is a 400 at the field). */
export const resourceDepthSchema = z.coerce.number().int().min(0).max(5).default(0);

export const eventPageSchema = z.object({
  limit: z.coerce.number().int().min(1).max(500).default(100),
  marker: z.string().max(64).regex(/^[A-Za-z0-9-]+$/).optional(),
  resource: z.string().max(255).optional(),
});

export const outputKeySchema = z.string().min(1).max(255);
