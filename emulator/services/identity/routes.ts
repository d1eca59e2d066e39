// Keystone v3 at /identity: discovery, authentication and the identity resources.

import type { FastifyPluginAsync } from 'fastify';
import type { CloudPluginOptions } from '../../cloud';
import { keystoneEnvelope } from '../../http/envelopes';
import { installServiceErrors } from '../../http/service-errors';
import { registerAssignmentRoutes } from './assignment-routes';
import { registerAuthRoutes } from './auth-routes';
import { registerCatalogRoutes } from './catalog-routes';
import { registerDomainRoutes } from './domain-routes';
import { registerProjectRoutes } from './project-routes';
import { registerRoleRoutes } from './role-routes';
import { registerUserRoutes } from './user-routes';

export const identityRoutes: FastifyPluginAsync<CloudPluginOptions> = async (app, { cloud }) => {
  installServiceErrors(app, {
    envelope: keystoneEnvelope,
    // Keystone tells a client where to authenticate on every 401.
    onUnauthorized: (reply) => {
      reply.header('www-authenticate', `Keystone uri="${cloud.url(app.prefix)}"`);
    },
  });

  const v3 = () => ({
    id: 'v3.14',
    status: 'stable',
    updated: '2020-04-07T00:00:00Z',
    links: [{ rel: 'self', href: cloud.url(`${app.prefix}/v3/`) }],
    'media-types': [
      { base: 'application/json', type: 'application/vnd.openstack.identity-v3+json' },
    ],
  });

  // Keystone answers its root with 300 Multiple Choices, pointing at the preferred version.
  app.get('/', async (_request, reply) =>
    reply
      .code(300)
      .header('location', cloud.url(`${app.prefix}/v3/`))
      .send({ versions: { values: [v3()] } }),
  );
  app.get('/v3', async () => ({ version: v3() }));

  registerAuthRoutes(app, cloud);
  registerProjectRoutes(app, cloud);
  registerUserRoutes(app, cloud);
  registerDomainRoutes(app, cloud);
  registerRoleRoutes(app, cloud);
  registerAssignmentRoutes(app, cloud);
  registerCatalogRoutes(app, cloud);
};
