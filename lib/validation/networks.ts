import { z } from 'zod';

import { normaliseIp, parseIp } from '@/lib/network/cidr';

import { subnetInput } from './subnets';

/** The network and port forms and /api/networks, /api/ports share these; messages are i18n keys under "networks.errors". */
const name = z.string().trim().max(255, 'too_long');
const id = z.string().trim().max(64, 'too_long');

/** A network, and optionally its first subnet in the same form (as `openstack network create` then `subnet create`). */
export const createNetworkInput = z.object({
  name: name.default(''),
  description: name.default(''),
  adminStateUp: z.boolean().default(true),
  /** Admins only; the BFF refuses it for others before Neutron does. */
  shared: z.boolean().default(false),
  subnet: subnetInput.nullable().default(null),
});

export type CreateNetworkRequest = z.input<typeof createNetworkInput>;

export const updateNetworkInput = z.object({
  name: name.optional(),
  description: name.optional(),
  adminStateUp: z.boolean().optional(),
  shared: z.boolean().optional(),
});

export const createPortInput = z
  .object({
    networkId: id.min(1, 'network_required'),
    name: name.default(''),
    adminStateUp: z.boolean().default(true),
    /** '' lets Neutron pick a subnet of the network. */
    subnetId: id.default(''),
    /** '' lets Neutron pick an address from the subnet's pools. */
    ipAddress: z.string().trim().max(64, 'too_long').default(''),
    /** null: the project's default group; []: none (the port then passes no traffic unless port security is off). */
    securityGroupIds: z.array(id).max(50, 'too_many').nullable().default(null),
  })
  .superRefine((input, ctx) => {
    if (input.ipAddress && !parseIp(input.ipAddress)) ctx.addIssue({ code: 'custom', path: ['ipAddress'], message: 'not_an_ip' });
  })
  .transform((input) => ({ ...input, ipAddress: input.ipAddress ? (normaliseIp(input.ipAddress) ?? input.ipAddress) : '' }));

export type CreatePortRequest = z.input<typeof createPortInput>;

export const updatePortInput = z.object({ name: name.optional(), adminStateUp: z.boolean().optional() });
