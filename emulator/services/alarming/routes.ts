// Aodh at /alarming: version discovery now; the API itself arrives in later issues.

import type { FastifyPluginAsync } from 'fastify';
import type { CloudPluginOptions } from '../../cloud';
import { aodhEnvelope } from '../../http/envelopes';
import { installServiceErrors } from '../../http/service-errors';
import { registerNotImplemented } from '../../http/not-implemented';

export const alarmingRoutes: FastifyPluginAsync<CloudPluginOptions> = async (app, { cloud }) => {
  installServiceErrors(app, { envelope: aodhEnvelope });

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
  registerNotImplemented(app, cloud, '/v2', 'Alarming');
};
