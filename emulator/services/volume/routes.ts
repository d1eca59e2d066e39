// Cinder at /volume: version discovery now; the API itself arrives in later issues.

import type { FastifyPluginAsync } from 'fastify';
import type { CloudPluginOptions } from '../../cloud';
import { computeEnvelope } from '../../http/envelopes';
import { installServiceErrors } from '../../http/service-errors';
import { registerNotImplemented } from '../../http/not-implemented';

// Advertise only the microversions whose response shapes are rendered.
export const VOLUME_MIN_MICROVERSION = '3.0';
export const VOLUME_MAX_MICROVERSION = '3.0';

export const volumeRoutes: FastifyPluginAsync<CloudPluginOptions> = async (app, { cloud }) => {
  // Cinder shares Nova's fault envelope.
  installServiceErrors(app, { envelope: computeEnvelope });

  const versions = () => ({
    versions: [
      {
        id: 'v3.0',
        status: 'CURRENT',
        version: VOLUME_MAX_MICROVERSION,
        min_version: VOLUME_MIN_MICROVERSION,
        updated: '2023-08-31T00:00:00Z',
        links: [
          { href: 'https://docs.openstack.org/', rel: 'describedby', type: 'text/html' },
          { href: cloud.url(`${app.prefix}/v3/`), rel: 'self' },
        ],
        'media-types': [
          { base: 'application/json', type: 'application/vnd.openstack.volume+json;version=3' },
        ],
      },
    ],
  });

  // Cinder answers its root with 300 Multiple Choices and the v3 root with 200.
  app.get('/', async (_request, reply) => reply.code(300).send(versions()));
  app.get('/v3', async () => versions());
  registerNotImplemented(app, cloud, '/v3', 'Block Storage');
};
