// /v3/os-availability-zone: Cinder's one zone, which every volume is created in.

import type { FastifyInstance } from 'fastify';
import type { Cloud } from '../../cloud';
import { volumeContext } from './context';
import { cinderRoute } from './register';
import { AVAILABILITY_ZONE } from './volume-create';

export function registerZoneRoutes(app: FastifyInstance, cloud: Cloud): void {
  cinderRoute(app, 'GET', '/os-availability-zone', async (request) => {
    await volumeContext(request, cloud);
    return { availabilityZoneInfo: [{ zoneName: AVAILABILITY_ZONE, zoneState: { available: true } }] };
  });
}
