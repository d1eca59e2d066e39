// Installs a service's error envelope on its Fastify scope: thrown ApiErrors, Fastify's own
// errors (bad JSON, body too large) and unknown paths under the service's prefix.

import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { ApiError } from './api-error';
import type { ErrorEnvelope } from './envelopes';

export interface ServiceErrorOptions {
  envelope: ErrorEnvelope;
  /** Called before a 401 is sent, e.g. for Keystone's WWW-Authenticate header. */
  onUnauthorized?: (reply: FastifyReply) => void;
}

export function installServiceErrors(app: FastifyInstance, options: ServiceErrorOptions): void {
  const send = (reply: FastifyReply, status: number, message: string, type?: string): FastifyReply => {
    if (status === 401) options.onUnauthorized?.(reply);
    return reply.code(status).send(options.envelope(status, message, type));
  };

  app.setErrorHandler((error: FastifyError | ApiError, request: FastifyRequest, reply) => {
    if (error instanceof ApiError) return send(reply, error.status, error.message, error.type);
    const status = error.statusCode ?? 500;
    if (status >= 500) {
      request.log.error({ err: error }, 'unexpected error');
      return send(reply, 500, 'An unexpected error prevented the server from fulfilling your request.');
    }
    return send(reply, status, error.message);
  });

  app.setNotFoundHandler((request, reply) =>
    send(reply, 404, `The resource could not be found: ${request.method} ${request.url.split('?')[0]}`),
  );
}
