import 'server-only';

import type { ServiceClient } from '../service-client';

/** The zones a user may launch into (GET /os-availability-zone), available ones only. */
export async function listAvailabilityZones(nova: ServiceClient): Promise<string[]> {
  const response = await nova.call<{ availabilityZoneInfo?: { zoneName?: string; zoneState?: { available?: boolean } }[] }>(
    '/os-availability-zone',
  );
  return (response.body?.availabilityZoneInfo ?? [])
    .filter((z) => z.zoneState?.available !== false && typeof z.zoneName === 'string')
    .map((z) => z.zoneName!)
    .sort();
}
