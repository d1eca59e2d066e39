import { z } from 'zod';

/**
 * The security group forms and /api/security-groups share these; messages are i18n keys under
 * "securityGroups.errors". Neutron reserves the name "default" for the group it makes for each project.
 */
const description = z.string().trim().max(255, 'too_long');

export const securityGroupName = z
  .string()
  .trim()
  .min(1, 'name_required')
  .max(255, 'too_long')
  .refine((name) => name.toLowerCase() !== 'default', 'name_default_reserved');

export const createSecurityGroupSchema = z.object({
  name: securityGroupName,
  description: description.default(''),
});

export type CreateSecurityGroupRequest = z.input<typeof createSecurityGroupSchema>;

/** Renaming the default group is refused by Neutron too; the form does not offer it. */
export const updateSecurityGroupSchema = z
  .object({ name: securityGroupName.optional(), description: description.optional() })
  .refine((patch) => patch.name !== undefined || patch.description !== undefined, { message: 'nothing_to_change', path: ['form'] });

export type UpdateSecurityGroupRequest = z.input<typeof updateSecurityGroupSchema>;

/** Adding a group to, or removing it from, a running instance (Nova's addSecurityGroup / removeSecurityGroup). */
export const serverSecurityGroupSchema = z.object({
  action: z.enum(['add', 'remove'], { message: 'action_invalid' }),
  securityGroupId: z.string().trim().min(1, 'group_required').max(64, 'too_long'),
});

export type ServerSecurityGroupRequest = z.input<typeof serverSecurityGroupSchema>;
