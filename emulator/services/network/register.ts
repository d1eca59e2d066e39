// Registers a Neutron route under /v2.0, with and without the `.json` suffix Neutron still
// accepts (`/v2.0/networks.json`, `/v2.0/networks/{id}.json`). Handlers read ids through
// pathParam, which drops the suffix.

import type { FastifyInstance, FastifyRequest, RouteHandlerMethod } from 'fastify';

type Method = 'GET' | 'POST' | 'PUT' | 'DELETE';

export function neutronRoute(app: FastifyInstance, method: Method, path: string, handler: RouteHandlerMethod): void {
  app.route({ method, url: `/v2.0${path}`, handler });
  // `/networks/:id` already matches `/networks/<id>.json`; collections need their own route.
  if (!/\/:[a-zA-Z_]+$/.test(path)) app.route({ method, url: `/v2.0${path}.json`, handler });
}

/** A path parameter without the optional `.json` suffix. */
export function pathParam(request: FastifyRequest, name: string): string {
  const value = (request.params as Record<string, string | undefined>)[name] ?? '';
  return value.endsWith('.json') ? value.slice(0, -'.json'.length) : value;
}
