// Glance at /image: version discovery now; the API itself arrives in later issues.

import type { FastifyPluginAsync } from 'fastify';
import type { CloudPluginOptions } from '../../cloud';
import { glanceEnvelope } from '../../http/envelopes';
import { installServiceErrors } from '../../http/service-errors';
import { registerNotImplemented } from '../../http/not-implemented';

// Glance lists every minor version of v2 it serves, newest first; all live under /v2/.
const NEWEST_MINOR = 16;

export const imageRoutes: FastifyPluginAsync<CloudPluginOptions> = async (app, { cloud }) => {
  installServiceErrors(app, { envelope: glanceEnvelope });

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
  registerNotImplemented(app, cloud, '/v2', 'Image');
};
