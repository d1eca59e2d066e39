// GET /os-availability-zone (everyone: zones with an enabled compute service) and
// /os-availability-zone/detail (admins: every zone with its hosts and their services).

import type { FastifyInstance } from 'fastify';
import type { Cloud } from '../../cloud';
import { lastReport, novaNaiveTime, serviceIsUp } from './host-state';
import { novaCaller, requireNovaAdmin } from './nova-request';

export function registerAvailabilityZoneRoutes(app: FastifyInstance, cloud: Cloud): void {
  const { hosts } = cloud.store;

  app.get('/v2.1/os-availability-zone', async (request) => {
    novaCaller(request);
    const services = await hosts.listServices({ binary: 'nova-compute' });
    const zones = new Map<string, boolean>();
    for (const service of services) {
      zones.set(service.zone, (zones.get(service.zone) ?? false) || !service.disabled);
    }
    return {
      availabilityZoneInfo: [...zones].map(([zoneName, available]) => ({
        zoneName,
        zoneState: { available },
        hosts: null,
      })),
    };
  });

  app.get('/v2.1/os-availability-zone/detail', async (request) => {
    requireNovaAdmin(novaCaller(request), 'os_compute_api:os-availability-zone:detail');
    const services = await hosts.listServices();
    const now = cloud.clock.now();
    // zone -> host -> binary -> state, in listing order, internal zone first as Nova does.
    const zones = new Map<string, { available: boolean; hosts: Record<string, Record<string, unknown>> }>();
    for (const service of [...services].sort((a, b) => Number(b.zone === 'internal') - Number(a.zone === 'internal'))) {
      const zone = zones.get(service.zone) ?? { available: false, hosts: {} };
      zone.available ||= !service.disabled;
      const host = (zone.hosts[service.host] ??= {});
      host[service.binary] = {
        available: serviceIsUp(service, now),
        active: !service.disabled,
        updated_at: novaNaiveTime(lastReport(service, now)),
      };
      zones.set(service.zone, zone);
    }
    return {
      availabilityZoneInfo: [...zones].map(([zoneName, zone]) => ({
        zoneName,
        zoneState: { available: zone.available },
        hosts: zone.hosts,
      })),
    };
  });
}
