import { z } from 'zod';

/**
 * The floating IP forms, the agents page and their routes share these; messages are i18n keys under
 * "floatingIps.errors".
 */
const id = z.string().trim().max(64, 'too_long');
const ipAddress = z
  .string()
  .trim()
  .max(45, 'too_long')
  .refine((v) => v === '' || /^[0-9a-fA-F:.]+$/.test(v), 'bad_address');

export const allocateFloatingIpSchema = z.object({
  networkId: id.min(1, 'pool_required'),
  description: z.string().trim().max(255, 'too_long').default(''),
});
export type AllocateFloatingIpRequest = z.input<typeof allocateFloatingIpSchema>;

/** A port and one of its fixed IPs (a port may carry several; Neutron wants to know which one). */
export const associateFloatingIpSchema = z.object({
  portId: id.min(1, 'port_required'),
  fixedIpAddress: ipAddress.default(''),
});
export type AssociateFloatingIpRequest = z.input<typeof associateFloatingIpSchema>;

export const releaseFloatingIpsSchema = z.object({
  ids: z.array(id.min(1, 'id_required')).min(1, 'none_selected').max(100, 'too_many'),
});

/** From the instance page: an existing unassociated address, or a new one from a pool, onto one of its ports. */
export const serverFloatingIpSchema = z
  .object({
    mode: z.enum(['existing', 'allocate']),
    floatingIpId: id.default(''),
    networkId: id.default(''),
    portId: id.min(1, 'port_required'),
    fixedIpAddress: ipAddress.default(''),
  })
  .superRefine((value, ctx) => {
    if (value.mode === 'existing' && !value.floatingIpId) ctx.addIssue({ code: 'custom', path: ['floatingIpId'], message: 'address_required' });
    if (value.mode === 'allocate' && !value.networkId) ctx.addIssue({ code: 'custom', path: ['networkId'], message: 'pool_required' });
  });
export type ServerFloatingIpRequest = z.input<typeof serverFloatingIpSchema>;

export const agentStateSchema = z.object({ adminStateUp: z.boolean({ message: 'state_required' }) });
