import { z } from 'zod';

/**
 * The stack forms and /api/stacks/** share these; messages are i18n keys under "stacks.errors". Rollback is
 * off unless asked for, as with `openstack stack create` (Heat's disable_rollback defaults to true).
 */

/** Heat's stack name rule: a letter, then letters, digits, "_", "-" or ".", 255 at most. */
export const stackName = z
  .string()
  .trim()
  .min(1, 'name_required')
  .max(255, 'too_long')
  .regex(/^[a-zA-Z][a-zA-Z0-9_.-]*$/, 'name_rule');

// Heat's max_template_size (512 KiB), for the template and each file.
const MAX_TEMPLATE = 524_288;

export const templateBundleSchema = z.object({
  template: z.string().min(1, 'template_required').max(MAX_TEMPLATE, 'too_large').refine((t) => t.trim() !== '', 'template_required'),
  environment: z.string().max(MAX_TEMPLATE, 'too_large').nullable().optional(),
  files: z.record(z.string().min(1), z.string().max(MAX_TEMPLATE, 'too_large')).default({}),
});

export const stackParametersSchema = z.record(z.string(), z.string()).default({});

export const launchStackSchema = templateBundleSchema.extend({
  name: stackName,
  parameters: stackParametersSchema,
  timeoutMins: z.number('timeout_range').int('timeout_range').min(1, 'timeout_range').max(1440, 'timeout_range').nullable().default(null),
  rollback: z.boolean().default(false),
});

/** PATCH keeps the stack's template and sends changed parameters; PUT replaces the template. */
export const updateStackSchema = z.discriminatedUnion('mode', [
  z.object({
    mode: z.literal('existing'),
    parameters: stackParametersSchema,
    timeoutMins: z.number('timeout_range').int('timeout_range').min(1, 'timeout_range').max(1440, 'timeout_range').nullable().default(null),
    rollback: z.boolean().default(false),
  }),
  templateBundleSchema.extend({
    mode: z.literal('replace'),
    parameters: stackParametersSchema,
    timeoutMins: z.number('timeout_range').int('timeout_range').min(1, 'timeout_range').max(1440, 'timeout_range').nullable().default(null),
    rollback: z.boolean().default(false),
  }),
]);

export const STACK_ACTIONS = ['suspend', 'resume', 'check'] as const;
export type StackAction = (typeof STACK_ACTIONS)[number];
export const stackActionSchema = z.object({ action: z.enum(STACK_ACTIONS, 'action_unknown') });

export type TemplateBundleRequest = z.infer<typeof templateBundleSchema>;
export type LaunchStackRequest = z.infer<typeof launchStackSchema>;
export type UpdateStackRequest = z.infer<typeof updateStackSchema>;

/** A launch or update request body may carry a template, an environment and files (Heat's own limit is per file). */
export const STACK_BODY_LIMIT = 4 * 1024 * 1024;
