// Glance at /image: version discovery, then the v2 API. Every API request needs a token;
// imports whose simulated time is up are settled before any API request is answered, so
// every reader sees the same state.

import type { FastifyPluginAsync } from 'fastify';
import type { CloudPluginOptions } from '../../cloud';
import { glanceEnvelope } from '../../http/envelopes';
import { installServiceErrors } from '../../http/service-errors';
import { registerNotImplemented } from '../../http/not-implemented';
import { formatIsoMicros } from '../../sim/clock';
import { installTokenCaller } from '../compute/api-caller';
import { registerImageDataRoutes } from './image-data-routes';
import { registerImageMemberRoutes } from './image-member-routes';
import { registerImageRoutes } from './image-routes';

// Glance lists every minor version of v2 it serves, newest first; all live under /v2/.
const NEWEST_MINOR = 16;

export const imageRoutes: FastifyPluginAsync<CloudPluginOptions> = async (app, { cloud }) => {
  installServiceErrors(app, { envelope: glanceEnvelope });
  installTokenCaller(app, cloud, '/v2');
  app.addHook('preHandler', async (request) => {
    if (request.url.startsWith(`${app.prefix}/v2/`)) {
      await cloud.store.images.settleImports(formatIsoMicros(cloud.clock.now()));
    }
  });

  const versions = () => ({
    versions: Array.from({ length: NEWEST_MINOR + 1 }, (_, index) => {
      const minor = NEWEST_MINOR - index;
      return {
        id: `v2.${minor}`,
        status: minor === NEWEST_MINOR ? 'CURRENT' : 'SUPPORTED',
        links: [{ href: cloud.url(`${app.prefix}/v2/`), rel: 'self' }],
      };
    }),
  });

  app.get('/', async (_request, reply) => reply.code(300).send(versions()));
  app.get('/versions', async () => versions());
  app.get('/v2', async (_request, reply) => reply.code(300).send(versions()));

  registerImageRoutes(app, cloud);
  registerImageDataRoutes(app, cloud);
  registerImageMemberRoutes(app, cloud);
  registerNotImplemented(app, cloud, '/v2', 'Image');
};
