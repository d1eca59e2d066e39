// Neutron at /networking (the catalog lists this unversioned root; clients append v2.0).
// Each resource registers its routes from its own file; anything not built answers 501.

import type { FastifyPluginAsync } from 'fastify';
import type { CloudPluginOptions } from '../../cloud';
import { neutronEnvelope } from '../../http/envelopes';
import { installServiceErrors } from '../../http/service-errors';
import { registerNotImplemented } from '../../http/not-implemented';
import { formatIsoMicros } from '../../sim/clock';
import { installTokenCaller } from '../compute/api-caller';
import { registerFloatingIpRoutes } from './floating-ip-routes';
import { registerIpAvailabilityRoutes } from './ip-availability-routes';
import { registerNetworkRoutes } from './network-routes';
import { registerPortRoutes } from './port-routes';
import { registerRouterRoutes } from './router-routes';
import { registerSubnetRoutes } from './subnet-routes';
import { registerAgentRoutes } from './agent-routes';
import { registerExtensionRoutes } from './extension-routes';
import { registerQuotaRoutes } from './quota-routes';
import { registerSecurityGroupRoutes } from './security-group-routes';

export const networkRoutes: FastifyPluginAsync<CloudPluginOptions> = async (app, { cloud }) => {
  installServiceErrors(app, { envelope: neutronEnvelope });
  installTokenCaller(app, cloud, '/v2.0');
  // Nova lets go of a deleted server's ports when its delete completes; settling first means
  // every Neutron read sees that, as Cinder's reads do for volumes.
  app.addHook('preHandler', async () => {
    await cloud.store.servers.settle(formatIsoMicros(cloud.clock.now()));
  });

  const v20 = () => ({
    status: 'CURRENT',
    id: 'v2.0',
    links: [{ href: cloud.url(`${app.prefix}/v2.0`), rel: 'self' }],
  });

  app.get('/', async () => ({ versions: [v20()] }));
  app.get('/v2.0', async () => ({ version: v20() }));

  // Core resources (networks, subnets, ports, routers, floating IPs, IP availability).
  registerNetworkRoutes(app, cloud);
  registerSubnetRoutes(app, cloud);
  registerPortRoutes(app, cloud);
  registerRouterRoutes(app, cloud);
  registerFloatingIpRoutes(app, cloud);
  registerIpAvailabilityRoutes(app, cloud);

  // Security groups, quotas, agents, extensions.
  registerSecurityGroupRoutes(app, cloud);
  registerQuotaRoutes(app, cloud);
  registerAgentRoutes(app, cloud);
  registerExtensionRoutes(app);

  registerNotImplemented(app, cloud, '/v2.0', 'Networking');
};
