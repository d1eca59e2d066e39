// Builds the embedded cloud: one Fastify server, DevStack-style path prefixes per service,
// state in one SQLite file. It does not listen; main.ts does, tests use app.inject.

import { randomUUID } from 'node:crypto';
import Fastify, { type FastifyInstance, type FastifyReply } from 'fastify';
import type { Cloud } from './cloud';
import { createRequestCounter } from './control/request-counter';
import { controlRoutes } from './control/routes';
import { ApiError } from './http/api-error';
import { keystoneEnvelope } from './http/envelopes';
import { installServiceErrors } from './http/service-errors';
import { applySeed, type SeedName } from './seeds/apply-seed';
import { alarmingRoutes } from './services/alarming/routes';
import { computeRoutes } from './services/compute/routes';
import { identityRoutes } from './services/identity/routes';
import { imageRoutes } from './services/image/routes';
import { metricRoutes } from './services/metric/routes';
import { networkRoutes } from './services/network/routes';
import { cloudformationRoutes, orchestrationRoutes } from './services/orchestration/routes';
import { volumeRoutes } from './services/volume/routes';
import { installAlarmEvaluation } from './sim/alarm-evaluator-runtime';
import { createClock, type Clock } from './sim/clock';
import { openStore } from './store/open-store';

export interface BuildServerOptions {
  dbPath: string;
  /** Base URL clients use; every href and catalog URL is built from it. */
  publicUrl: string;
  /** Seed applied when the database is new (default demo). */
  seed?: SeedName;
  logger?: boolean;
  adminPassword?: string;
  demoPassword?: string;
  /** Keystone token lifetime in simulated seconds (default 3600). */
  tokenTtlSeconds?: number;
  clock?: Clock;
}

// Longer than any client's idle pool timeout, so the server is never the side that drops an
// idle keep-alive connection while a pooled client (requests/urllib3) is about to reuse it.
const KEEP_ALIVE_TIMEOUT_MS = 120_000;

export async function buildServer(options: BuildServerOptions): Promise<FastifyInstance> {
  const store = await openStore(options.dbPath);
  const publicUrl = options.publicUrl.replace(/\/+$/, '');
  const cloud: Cloud = {
    store,
    clock: options.clock ?? createClock(),
    publicUrl,
    tokenTtlSeconds: options.tokenTtlSeconds ?? 3600,
    seedOptions: {
      adminPassword: options.adminPassword ?? 'secret',
      demoPassword: options.demoPassword ?? 'secret',
    },
    url: (path) => `${publicUrl}${path.startsWith('/') ? '' : '/'}${path}`,
    requests: createRequestCounter(),
  };
  try {
    if ((await store.meta.get('seed')) === undefined) {
      await applySeed(store, options.seed ?? 'demo', cloud.seedOptions);
    }
  } catch (error) {
    await store.close();
    throw error;
  }

  const app = Fastify({
    logger: options.logger ? { level: 'info' } : false,
    genReqId: () => `req-${randomUUID()}`,
    requestIdHeader: false,
    keepAliveTimeout: KEEP_ALIVE_TIMEOUT_MS,
    routerOptions: { ignoreTrailingSlash: true, ignoreDuplicateSlashes: true },
    // Errors raised before routing (an undecodable URL) skip the hooks below; answer them in
    // the same shape, with the request id, too.
    frameworkErrors: (error, request, reply: FastifyReply) => {
      reply
        .code(400)
        .header('x-openstack-request-id', request.id)
        .send(keystoneEnvelope(400, error.message));
    },
  });
  app.addHook('onClose', async () => store.close());

  // Every response, errors included, carries the request id OpenStack clients log, and the cloud's
  // own time in Date (the simulation clock), as a real server's clock would give it.
  app.addHook('onRequest', async (request, reply) => {
    reply.header('x-openstack-request-id', request.id);
    reply.header('date', new Date(cloud.clock.now()).toUTCString());
    cloud.requests.record(request.url);
  });
  installBodyParsers(app);
  // Alarms are evaluated lazily: after any response (a clock advance included) once one is due.
  installAlarmEvaluation(app, cloud);

  await app.register(identityRoutes, { prefix: '/identity', cloud });
  await app.register(computeRoutes, { prefix: '/compute', cloud });
  await app.register(networkRoutes, { prefix: '/networking', cloud });
  await app.register(volumeRoutes, { prefix: '/volume', cloud });
  await app.register(imageRoutes, { prefix: '/image', cloud });
  await app.register(orchestrationRoutes, { prefix: '/heat-api', cloud });
  await app.register(cloudformationRoutes, { prefix: '/heat-api-cfn', cloud });
  await app.register(alarmingRoutes, { prefix: '/alarming', cloud });
  await app.register(metricRoutes, { prefix: '/metric', cloud });
  await app.register(controlRoutes, { prefix: '/_emulator', cloud });

  // Paths outside every service prefix.
  installServiceErrors(app, { envelope: keystoneEnvelope });
  return app;
}

/** What the JSON parser yields for a body that is not JSON; rejected before validation. */
class MalformedJson {}

function installBodyParsers(app: FastifyInstance): void {
  // Clients send `Content-Type: application/json` with empty bodies (DELETE, some POSTs);
  // Fastify's stock parser rejects those, real services accept them.
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (_request, body, done) => {
    const text = String(body).trim();
    if (text === '') return done(null, undefined);
    try {
      done(null, JSON.parse(text));
    } catch {
      // A parser error makes Fastify drop the connection; the body has been read in full,
      // so the 400 is raised in a hook instead and the connection stays usable.
      done(null, new MalformedJson());
    }
  });
  app.addHook('preValidation', async (request) => {
    if (request.body instanceof MalformedJson) {
      throw new ApiError(400, 'The request body is not valid JSON.');
    }
  });
  // Any other media type reaches the handler as raw bytes, so a service answers it in its
  // own envelope instead of Fastify's generic 415.
  app.addContentTypeParser('*', { parseAs: 'buffer' }, (_request, body, done) => done(null, body));
}
