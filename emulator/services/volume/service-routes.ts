// /v3/os-services (admin): the Cinder services behind the one simulated backend, so
// `openstack volume service list` and an admin's services page have something true to show.

import type { FastifyInstance } from 'fastify';
import type { Cloud } from '../../cloud';
import { volumeContext } from './context';
import { policyForbidden } from './errors';
import { cinderRoute, type Query } from './register';
import { cinderTime } from './views';
import { AVAILABILITY_ZONE } from './volume-create';

export const VOLUME_HOST = 'cinder';
export const VOLUME_BACKEND = `${VOLUME_HOST}@lvmdriver-1`;

export function registerServiceRoutes(app: FastifyInstance, cloud: Cloud): void {
  cinderRoute(app, 'GET', '/os-services', async (request) => {
    const context = await volumeContext(request, cloud);
    if (!context.admin) throw policyForbidden('volume_extension:services:index');
    const { host, binary } = request.query as Query;
    // Services report every few seconds; show the last report as just now.
    const updatedAt = cinderTime(context.now);
    const services = [
      { binary: 'cinder-scheduler', host: VOLUME_HOST },
      { binary: 'cinder-volume', host: VOLUME_BACKEND },
    ]
      .filter((s) => (host === undefined || s.host === host) && (binary === undefined || s.binary === binary))
      .map((s) => ({
        ...s,
        zone: AVAILABILITY_ZONE,
        status: 'enabled',
        state: 'up',
        updated_at: updatedAt,
        disabled_reason: null,
      }));
    return { services };
  });
}
