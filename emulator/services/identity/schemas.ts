// Request bodies Keystone accepts, as zod schemas, and the 400 a bad body earns.

import { z } from 'zod';
import { badRequest } from './errors';

const id = z.string().min(1).max(64);
const name = z.string().trim().min(1).max(255);
const nullableText = z.string().max(65535).nullable();

const domainRef = z.object({ id: id.optional(), name: name.optional() });

export const authRequestSchema = z.object({
  auth: z.object({
    identity: z.object({
      methods: z.array(z.string()).min(1),
      password: z
        .object({
          user: z.object({
            id: id.optional(),
            name: name.optional(),
            domain: domainRef.optional(),
            password: z.string(),
          }),
        })
        .optional(),
      token: z.object({ id: z.string().min(1) }).optional(),
    }),
    scope: z
      .union([
        z.literal('unscoped'),
        z.object({
          project: z
            .object({ id: id.optional(), name: name.optional(), domain: domainRef.optional() })
            .optional(),
          domain: domainRef.optional(),
          system: z.unknown().optional(),
          'OS-TRUST:trust': z.unknown().optional(),
        }),
      ])
      .optional(),
  }),
});
export type AuthRequest = z.infer<typeof authRequestSchema>;
export type DomainRef = z.infer<typeof domainRef>;

export const createProjectSchema = z.object({
  project: z.object({
    name,
    domain_id: id.optional(),
    description: nullableText.optional(),
    enabled: z.boolean().optional(),
    parent_id: id.nullable().optional(),
    is_domain: z.literal(false).optional(),
    tags: z.array(z.string().max(255)).max(80).optional(),
  }),
});

export const updateProjectSchema = z.object({
  project: z.object({
    name: name.optional(),
    description: nullableText.optional(),
    enabled: z.boolean().optional(),
    tags: z.array(z.string().max(255)).max(80).optional(),
    domain_id: id.optional(),
  }),
});

export const createUserSchema = z.object({
  user: z.object({
    name,
    domain_id: id.optional(),
    password: z.string().nullable().optional(),
    enabled: z.boolean().optional(),
    default_project_id: id.nullable().optional(),
    description: nullableText.optional(),
    email: nullableText.optional(),
  }),
});

export const updateUserSchema = z.object({
  user: z.object({
    name: name.optional(),
    password: z.string().nullable().optional(),
    enabled: z.boolean().optional(),
    default_project_id: id.nullable().optional(),
    description: nullableText.optional(),
    email: nullableText.optional(),
    domain_id: id.optional(),
  }),
});

export const createDomainSchema = z.object({
  domain: z.object({
    name,
    description: nullableText.optional(),
    enabled: z.boolean().optional(),
  }),
});

export const updateDomainSchema = z.object({
  domain: z.object({
    name: name.optional(),
    description: nullableText.optional(),
    enabled: z.boolean().optional(),
  }),
});

export const createRoleSchema = z.object({
  role: z.object({
    name,
    description: nullableText.optional(),
    // Domain-specific roles are not modelled; only global roles can be created.
    domain_id: z.null().optional(),
  }),
});

/** Parses a request body or throws Keystone's 400, naming the offending field. */
export function parseBody<T>(schema: z.ZodType<T>, body: unknown): T {
  if (body === undefined || body === null) {
    throw badRequest('The request body is missing: a JSON object is required.');
  }
  const result = schema.safeParse(body);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const field = issue?.path.map(String).join('/') ?? '';
  throw badRequest(`Invalid input for field '${field}': ${issue?.message ?? 'invalid value'}.`);
}

/** Keystone's query-string booleans: "true"/"false" in any case, or 1/0. */
export function parseBooleanQuery(value: unknown, field: string): boolean | undefined {
  if (value === undefined) return undefined;
  const text = String(value).toLowerCase();
  if (text === 'true' || text === '1' || text === '') return true;
  if (text === 'false' || text === '0') return false;
  throw badRequest(`Invalid input for field '${field}': expected a boolean, got '${String(value)}'.`);
}
