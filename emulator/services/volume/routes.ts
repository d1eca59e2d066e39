// Cinder at /volume: version discovery at /volume and /volume/v3, then the v3 API under
// /volume/v3 and /volume/v3/{project_id}. Each resource registers its own routes; anything
// not built (backups, groups, transfers…) answers 501.

import type { FastifyPluginAsync } from 'fastify';
import type { CloudPluginOptions } from '../../cloud';
import { computeEnvelope } from '../../http/envelopes';
import { installServiceErrors } from '../../http/service-errors';
import { registerNotImplemented } from '../../http/not-implemented';
import { installTokenCaller } from '../compute/api-caller';
import { registerAttachmentRoutes } from './attachment-routes';
import { installVolumeMicroversion, VOLUME_MAX_MICROVERSION, VOLUME_MIN_MICROVERSION } from './microversion';
import { registerQuotaRoutes } from './quota-routes';
import { registerSnapshotRoutes } from './snapshot-routes';
import { registerTypeRoutes } from './type-routes';
import { registerVolumeActions } from './volume-actions';
import { registerVolumeRoutes } from './volume-routes';
import { registerZoneRoutes } from './zone-routes';
import { registerServiceRoutes } from './service-routes';

export { VOLUME_MAX_MICROVERSION, VOLUME_MIN_MICROVERSION };

export const volumeRoutes: FastifyPluginAsync<CloudPluginOptions> = async (app, { cloud }) => {
  // Cinder shares Nova's fault envelope.
  installServiceErrors(app, { envelope: computeEnvelope });
  installVolumeMicroversion(app, '/v3');
  installTokenCaller(app, cloud, '/v3');

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

  registerVolumeRoutes(app, cloud);
  registerVolumeActions(app, cloud);
  registerSnapshotRoutes(app, cloud);
  registerTypeRoutes(app, cloud);
  registerQuotaRoutes(app, cloud);
  registerAttachmentRoutes(app, cloud);
  registerZoneRoutes(app, cloud);
  registerServiceRoutes(app, cloud);
  registerNotImplemented(app, cloud, '/v3', 'Block Storage');
};
