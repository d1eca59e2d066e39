// Gnocchi at /metric: version discovery now; the API itself arrives in later issues.

import type { FastifyPluginAsync } from 'fastify';
import type { CloudPluginOptions } from '../../cloud';
import { gnocchiEnvelope } from '../../http/envelopes';
import { installServiceErrors } from '../../http/service-errors';
import { registerNotImplemented } from '../../http/not-implemented';

// Gnocchi reports its release as "build"; this is the release whose API is emulated.
const GNOCCHI_BUILD = '4.6.0';

export const metricRoutes: FastifyPluginAsync<CloudPluginOptions> = async (app, { cloud }) => {
  installServiceErrors(app, { envelope: gnocchiEnvelope });

  const v1 = () => ({
    status: 'CURRENT',
    id: 'v1.0',
    updated: '2015-03-19',
    links: [{ rel: 'self', href: cloud.url(`${app.prefix}/v1/`) }],
  });

  app.get('/', async () => ({ build: GNOCCHI_BUILD, versions: [v1()] }));
  app.get('/v1', async () => ({ version: v1() }));
  registerNotImplemented(app, cloud, '/v1', 'Metric');
};
