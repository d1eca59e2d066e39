// Nova at /compute: version discovery, then the API under /v2.1. Every response carries the
// microversion headers; every API request needs a token. Each resource registers its own
// routes below; anything not built yet answers 501.

import type { FastifyPluginAsync } from 'fastify';
import type { CloudPluginOptions } from '../../cloud';
import { computeEnvelope } from '../../http/envelopes';
import { installServiceErrors } from '../../http/service-errors';
import { registerNotImplemented } from '../../http/not-implemented';
import { installTokenCaller } from './api-caller';
import { COMPUTE_MAX_MICROVERSION, COMPUTE_MIN_MICROVERSION, installMicroversion } from './microversion';
import { registerFlavorExtraRoutes } from './flavor-extra-routes';
import { registerFlavorRoutes } from './flavor-routes';
import { registerKeypairRoutes } from './keypair-routes';
import { registerAvailabilityZoneRoutes } from './availability-zone-routes';
import { registerComputeServiceRoutes } from './compute-service-routes';
import { registerHypervisorRoutes } from './hypervisor-routes';
import { registerAggregateRoutes } from './aggregate-routes';
import { registerServerApi } from './server-routes';
import { registerVolumeAttachmentRoutes } from './volume-attachments';
import { registerInterfaceRoutes } from './interface-routes';

export { COMPUTE_MAX_MICROVERSION, COMPUTE_MIN_MICROVERSION };

export const computeRoutes: FastifyPluginAsync<CloudPluginOptions> = async (app, { cloud }) => {
  installServiceErrors(app, { envelope: computeEnvelope });
  installMicroversion(app);
  installTokenCaller(app, cloud, '/v2.1');

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

  registerFlavorRoutes(app, cloud);
  registerFlavorExtraRoutes(app, cloud);
  registerKeypairRoutes(app, cloud);
  registerAvailabilityZoneRoutes(app, cloud);
  registerHypervisorRoutes(app, cloud);
  registerComputeServiceRoutes(app, cloud);
  registerAggregateRoutes(app, cloud);
  registerServerApi(app, cloud);
  registerVolumeAttachmentRoutes(app, cloud);
  registerInterfaceRoutes(app, cloud);
  registerNotImplemented(app, cloud, '/v2.1', 'Compute');
};
