import 'server-only';

import type { ServiceClient } from '../service-client';
import { type NetworkIpAvailability, networkIpAvailabilityFromWire } from './types';

/**
 * GET /v2.0/network-ip-availabilities/{network}: per-subnet totals (the allocation pools' size) and used
 * addresses. Neutron's default policy lets only admins read it; callers fall back to counting ports.
 */
export async function getNetworkIpAvailability(neutron: ServiceClient, networkId: string): Promise<NetworkIpAvailability> {
  const { body } = await neutron.call<{ network_ip_availability: Record<string, unknown> }>(
    `/network-ip-availabilities/${encodeURIComponent(networkId)}`,
  );
  return networkIpAvailabilityFromWire(body.network_ip_availability);
}
