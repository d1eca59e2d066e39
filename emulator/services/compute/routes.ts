// Nova at /compute: version discovery now; the API itself arrives in later issues.

import type { FastifyPluginAsync } from 'fastify';
import type { CloudPluginOptions } from '../../cloud';
import { computeEnvelope } from '../../http/envelopes';
import { installServiceErrors } from '../../http/service-errors';
import { registerNotImplemented } from '../../http/not-implemented';

// Advertise only the microversions whose response shapes are rendered.
export const COMPUTE_MIN_MICROVERSION = '2.1';
export const COMPUTE_MAX_MICROVERSION = '2.1';

export const computeRoutes: FastifyPluginAsync<CloudPluginOptions> = async (app, { cloud }) => {
  installServiceErrors(app, { envelope: computeEnvelope });

  const v21 = () => ({
    id: 'v2.1',
    status: 'CURRENT',
    version: COMPUTE_MAX_MICROVERSION,
    min_version: COMPUTE_MIN_MICROVERSION,
    updated: '2013-07-23T11:33:21Z',
    links: [{ rel: 'self', href: cloud.url(`${app.prefix}/v2.1/`) }],
  });

  app.get('/', async () => ({ versions: [v21()] }));
  app.get('/v2.1', async () => ({
    version: {
      ...v21(),
      links: [
        { rel: 'self', href: cloud.url(`${app.prefix}/v2.1/`) },
        { rel: 'describedby', type: 'text/html', href: 'http://docs.openstack.org/' },
      ],
      'media-types': [
        { base: 'application/json', type: 'application/vnd.openstack.compute+json;version=2.1' },
      ],
    },
  }));
  registerNotImplemented(app, cloud, '/v2.1', 'Compute');
};
