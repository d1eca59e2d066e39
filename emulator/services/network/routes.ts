// Neutron at /networking (the catalog lists this unversioned root; clients append v2.0).

import type { FastifyPluginAsync } from 'fastify';
import type { CloudPluginOptions } from '../../cloud';
import { neutronEnvelope } from '../../http/envelopes';
import { installServiceErrors } from '../../http/service-errors';
import { registerNotImplemented } from '../../http/not-implemented';

export const networkRoutes: FastifyPluginAsync<CloudPluginOptions> = async (app, { cloud }) => {
  installServiceErrors(app, { envelope: neutronEnvelope });

  const v20 = () => ({
    status: 'CURRENT',
    id: 'v2.0',
    links: [{ href: cloud.url(`${app.prefix}/v2.0`), rel: 'self' }],
  });

  app.get('/', async () => ({ versions: [v20()] }));
  app.get('/v2.0', async () => ({ version: v20() }));
  registerNotImplemented(app, cloud, '/v2.0', 'Networking');
};
