// Aodh at /alarming: version discovery, then the v2 API under /alarming/v2 (token checked as
// keystonemiddleware does). Paths not built answer 501.

import type { FastifyPluginAsync } from 'fastify';
import type { CloudPluginOptions } from '../../cloud';
import { aodhEnvelope } from '../../http/envelopes';
import { installServiceErrors } from '../../http/service-errors';
import { registerNotImplemented } from '../../http/not-implemented';
import { installTokenCaller } from '../compute/api-caller';
import { registerAlarmRoutes } from './alarm-routes';
import { capabilities } from './capabilities';

export const alarmingRoutes: FastifyPluginAsync<CloudPluginOptions> = async (app, { cloud }) => {
  installServiceErrors(app, { envelope: aodhEnvelope });
  installTokenCaller(app, cloud, '/v2');

  const v2 = () => ({
    id: 'v2',
    status: 'stable',
    updated: '2013-02-13T00:00:00Z',
    links: [
      { href: cloud.url(`${app.prefix}/v2`), rel: 'self' },
      { href: 'https://docs.openstack.org/', rel: 'describedby', type: 'text/html' },
    ],
    'media-types': [
      { base: 'application/json', type: 'application/vnd.openstack.telemetry-v2+json' },
      { base: 'application/xml', type: 'application/vnd.openstack.telemetry-v2+xml' },
    ],
  });

  app.get('/', async () => ({ versions: { values: [v2()] } }));
  app.get('/v2', async () => ({ version: v2() }));
  app.get('/v2/capabilities', async () => capabilities());
  registerAlarmRoutes(app, cloud);
  registerNotImplemented(app, cloud, '/v2', 'Alarming');
};
