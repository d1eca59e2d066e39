// Answers every request under a service's API root with 501 in that service's envelope,
// until the service is built. Discovery documents are registered separately and win, as
// Fastify prefers static routes over the wildcard.

import type { FastifyInstance } from 'fastify';
import { ApiError } from './api-error';

export function registerNotImplemented(app: FastifyInstance, apiRoot: string, service: string): void {
  app.all(`${apiRoot}/*`, async (request) => {
    const path = request.url.split('?')[0];
    throw new ApiError(
      501,
      `The embedded cloud does not implement ${request.method} ${path} (${service}) yet.`,
      'NotImplemented',
    );
  });
}
