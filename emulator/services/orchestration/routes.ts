// Heat at /heat-api (native) and /heat-api-cfn (CloudFormation-compatible): version discovery,
// and below /heat-api/v1/{tenant} the stacks, resources and events (token checked).

import type { FastifyPluginAsync } from 'fastify';
import type { CloudPluginOptions } from '../../cloud';
import { heatEnvelope } from '../../http/envelopes';
import { installServiceErrors } from '../../http/service-errors';
import { registerNotImplemented } from '../../http/not-implemented';
import { installTokenCaller } from '../compute/api-caller';
import { registerResourceRoutes } from './resource-routes';
import { registerResourceTypeRoutes } from './resource-types-routes';
import { registerStackRoutes } from './stack-routes';
import { registerStackActionRoutes } from './stack-actions';
import { registerStackUpdateRoutes } from './stack-update';
import { registerValidateRoute } from './template-validate';
import { signalPolicy, stackOfArn } from './scaling-signal';

/** Both Heat APIs answer discovery with 300 and one v1.0 entry; only the mount prefix differs. */
function heatApi(service: string, native: boolean): FastifyPluginAsync<CloudPluginOptions> {
  return async (app, { cloud }) => {
    installServiceErrors(app, { envelope: heatEnvelope });
    const versions = () => ({
      versions: [
        { id: 'v1.0', status: 'CURRENT', links: [{ rel: 'self', href: cloud.url(`${app.prefix}/v1/`) }] },
      ],
    });
    app.get('/', async (_request, reply) => reply.code(300).send(versions()));
    app.get('/v1', async (_request, reply) => reply.code(300).send(versions()));
    if (native) {
      installTokenCaller(app, cloud, '/v1');
      registerStackRoutes(app, cloud);
      registerResourceRoutes(app, cloud);
      registerValidateRoute(app, cloud);
      registerResourceTypeRoutes(app, cloud);
      registerStackUpdateRoutes(app, cloud);
      registerStackActionRoutes(app, cloud);
    } else {
      // The pre-signed alarm_url: no token, the ARN names the stack and the policy.
      // The ARN is one encoded path segment; the router may decode its slashes, so read it raw.
      app.post('/v1/signal/*', async (request, reply) => {
        const raw = (request.url.split('?')[0] ?? '').slice(`${app.prefix}/v1/signal/`.length);
        const { stack, resource } = await stackOfArn(cloud, decodeURIComponent(raw));
        await signalPolicy(cloud, stack, resource, request.body);
        return reply.code(200).send();
      });
    }
    registerNotImplemented(app, cloud, '/v1', service);
  };
}

export const orchestrationRoutes = heatApi('Orchestration', true);
export const cloudformationRoutes = heatApi('CloudFormation', false);
