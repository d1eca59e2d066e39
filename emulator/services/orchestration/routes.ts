// Heat at /heat-api (native) and /heat-api-cfn (CloudFormation-compatible): version
// discovery now; the APIs themselves arrive in later issues.

import type { FastifyPluginAsync } from 'fastify';
import type { CloudPluginOptions } from '../../cloud';
import { heatEnvelope } from '../../http/envelopes';
import { installServiceErrors } from '../../http/service-errors';
import { registerNotImplemented } from '../../http/not-implemented';

/** Both Heat APIs answer discovery with 300 and one v1.0 entry; only the mount prefix differs. */
function heatApi(service: string): FastifyPluginAsync<CloudPluginOptions> {
  return async (app, { cloud }) => {
    installServiceErrors(app, { envelope: heatEnvelope });
    const versions = () => ({
      versions: [
        { id: 'v1.0', status: 'CURRENT', links: [{ rel: 'self', href: cloud.url(`${app.prefix}/v1/`) }] },
      ],
    });
    app.get('/', async (_request, reply) => reply.code(300).send(versions()));
    app.get('/v1', async (_request, reply) => reply.code(300).send(versions()));
    registerNotImplemented(app, cloud, '/v1', service);
  };
}

export const orchestrationRoutes = heatApi('Orchestration');
export const cloudformationRoutes = heatApi('CloudFormation');
