// Registers a Cinder route under both URL forms: /v3/<path> (devstack's catalog today) and
// the legacy /v3/{project_id}/<path> that older clients build. The project always comes
// from the token, as in Cinder, so the URL's id is not used.

import type { FastifyInstance, RouteHandlerMethod } from 'fastify';

type Method = 'GET' | 'POST' | 'PUT' | 'DELETE';

export function cinderRoute(app: FastifyInstance, method: Method, path: string, handler: RouteHandlerMethod): void {
  app.route({ method, url: `/v3${path}`, handler });
  app.route({ method, url: `/v3/:urlProjectId${path}`, handler });
}

export type Params = Record<string, string>;
export type Query = Record<string, string | undefined>;
