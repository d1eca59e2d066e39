import { z } from 'zod';

import { contains, parseIp } from '@/lib/network/cidr';
import type { HostRoute } from '@/lib/openstack/neutron/types';

import { routesText } from './subnets';

/** The router forms and /api/routers share these; messages are i18n keys under "networks.errors". */
const name = z.string().trim().max(255, 'too_long');
const id = z.string().trim().max(64, 'too_long');

export const createRouterInput = z.object({
  name: name.default(''),
  description: name.default(''),
  adminStateUp: z.boolean().default(true),
  /** '' for a router without an external gateway. */
  externalNetworkId: id.default(''),
  enableSnat: z.boolean().default(true),
});

export type CreateRouterRequest = z.input<typeof createRouterInput>;

export const updateRouterInput = z.object({ name: name.optional(), description: name.optional(), adminStateUp: z.boolean().optional() });

/** Set the gateway (networkId) or clear it (''). */
export const routerGatewayInput = z.object({ networkId: id.default(''), enableSnat: z.boolean().default(true) });

export const routerInterfaceInput = z.object({ subnetId: id.min(1, 'subnet_required') });

export const routerRoutesInput = z.object({ routes: routesText });

export type RouterRoutesRequest = z.input<typeof routerRoutesInput>;

/**
 * Neutron accepts a static route only when its next hop lies in a subnet the router is connected to
 * (an interface or the gateway): the first route that does not, or null.
 */
export function unreachableNextHop(routes: HostRoute[], connectedCidrs: string[]): HostRoute | null {
  return routes.find((r) => !parseIp(r.nexthop) || !connectedCidrs.some((cidr) => contains(cidr, r.nexthop))) ?? null;
}
