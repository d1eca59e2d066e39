// The control API at /_emulator: health, reset to a seed, and the simulation clock.
// It needs no token on purpose: it exists for tests and demos on one machine, and the
// server listens on loopback only (see main.ts). It is not part of any OpenStack API.

import type { FastifyPluginAsync } from 'fastify';
import { z } from 'zod';
import type { CloudPluginOptions } from '../cloud';
import { ApiError } from '../http/api-error';
import { keystoneEnvelope } from '../http/envelopes';
import { installServiceErrors } from '../http/service-errors';
import { applySeed, SEED_NAMES } from '../seeds/apply-seed';
import { registerLoadRoutes } from './load';

const regionId = z
  .string()
  .regex(/^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$/, 'a region id is 1-64 letters, digits, ".", "_" or "-"');

const resetSchema = z.object({
  seed: z.enum(SEED_NAMES),
  regions: z
    .array(regionId)
    .min(1)
    .max(16)
    .refine((ids) => new Set(ids).size === ids.length, 'region ids must be unique')
    .optional(),
});

const clockSchema = z.object({
  mode: z.enum(['manual', 'real']),
  speed: z.number().positive().max(1_000_000).optional(),
});

const advanceSchema = z.object({
  seconds: z.number().nonnegative().max(10 * 365 * 24 * 3600),
});

function parse<T>(schema: z.ZodType<T>, body: unknown): T {
  const result = schema.safeParse(body ?? {});
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const field = issue?.path.map(String).join('.') || 'body';
  throw new ApiError(400, `Invalid ${field}: ${issue?.message ?? 'invalid value'}`);
}

export const controlRoutes: FastifyPluginAsync<CloudPluginOptions> = async (app, { cloud }) => {
  installServiceErrors(app, { envelope: keystoneEnvelope });

  app.get('/health', async () => ({
    status: 'ok',
    seed: (await cloud.store.meta.get('seed')) ?? null,
    clock: cloud.clock.state(),
  }));

  app.post('/reset', async (request) => {
    const { seed, regions } = parse(resetSchema, request.body);
    await applySeed(cloud.store, seed, { ...cloud.seedOptions, regions });
    // A fresh cloud starts on real time, so no test inherits another's manual clock.
    return { status: 'ok', seed, regions: regions ?? ['RegionOne'], clock: cloud.clock.reset() };
  });

  registerLoadRoutes(app, cloud);

  app.get('/clock', async () => cloud.clock.state());

  app.post('/clock', async (request) => {
    const { mode, speed } = parse(clockSchema, request.body);
    return cloud.clock.configure({ mode, speed });
  });

  app.get('/requests', async () => cloud.requests.snapshot());

  app.post('/requests/reset', async () => {
    cloud.requests.reset();
    return cloud.requests.snapshot();
  });

  app.post('/clock/advance', async (request) => {
    const { seconds } = parse(advanceSchema, request.body);
    return cloud.clock.advance(seconds);
  });
};
