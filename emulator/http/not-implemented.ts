// Answers every request under a service's API root with 501 in that service's envelope,
// until the service is built. As with a real service behind keystonemiddleware, a request
// without a valid token gets 401 first. Discovery documents are registered separately and
// win, as Fastify prefers static routes over the wildcard.

import type { FastifyInstance } from 'fastify';
import type { Cloud } from '../cloud';
import { tokenAuth } from '../services/identity/token-auth';
import { ApiError } from './api-error';

export function registerNotImplemented(
  app: FastifyInstance,
  cloud: Cloud,
  apiRoot: string,
  service: string,
): void {
  app.all(`${apiRoot}/*`, { preHandler: tokenAuth(cloud) }, async (request) => {
    const path = request.url.split('?')[0];
    throw new ApiError(
      501,
      `The embedded cloud does not implement ${request.method} ${path} (${service}) yet.`,
      'NotImplemented',
    );
  });
}
