// Gnocchi at /metric: version discovery and the v1 API (decision 012): capabilities, archive
// policies and rules, resource types, resources (instances follow Nova's servers), metrics,
// measures (simulated for instances) and the dynamic aggregates API. Every v1 call needs a token.

import type { FastifyPluginAsync } from 'fastify';
import type { CloudPluginOptions } from '../../cloud';
import { ApiError } from '../../http/api-error';
import { gnocchiEnvelope } from '../../http/envelopes';
import { installServiceErrors } from '../../http/service-errors';
import { registerNotImplemented } from '../../http/not-implemented';
import { installTokenCaller } from '../compute/api-caller';
import { registerAggregatesRoutes } from './aggregates-routes';
import { AGGREGATION_METHODS } from './aggregation';
import { ARCHIVE_POLICIES, ARCHIVE_POLICY_RULES, archivePolicyView, findArchivePolicy } from './archive-policies';
import { registerMetricRoutes } from './metric-routes';
import { registerResourceRoutes } from './resource-routes';

// Gnocchi reports its release as "build"; this is the release whose API is emulated.
const GNOCCHI_BUILD = '4.6.0';

export const metricRoutes: FastifyPluginAsync<CloudPluginOptions> = async (app, { cloud }) => {
  installServiceErrors(app, { envelope: gnocchiEnvelope });
  installTokenCaller(app, cloud, '/v1');

  const v1 = () => ({
    status: 'CURRENT',
    id: 'v1.0',
    updated: '2015-03-19',
    links: [{ rel: 'self', href: cloud.url(`${app.prefix}/v1/`) }],
  });

  app.get('/', async () => ({ build: GNOCCHI_BUILD, versions: [v1()] }));
  app.get('/v1', async () => ({ version: v1() }));

  app.get('/v1/capabilities', async () => ({
    aggregation_methods: AGGREGATION_METHODS,
    dynamic_aggregation_methods: ['metric', 'aggregate'],
  }));

  app.get('/v1/archive_policy', async () => ARCHIVE_POLICIES.map(archivePolicyView));
  app.get<{ Params: { name: string } }>('/v1/archive_policy/:name', async (request) => {
    const policy = findArchivePolicy(request.params.name);
    if (!policy) throw new ApiError(404, `Archive policy ${request.params.name} does not exist`);
    return archivePolicyView(policy);
  });
  app.get('/v1/archive_policy_rule', async () => ARCHIVE_POLICY_RULES);
  app.get<{ Params: { name: string } }>('/v1/archive_policy_rule/:name', async (request) => {
    const rule = ARCHIVE_POLICY_RULES.find((r) => r.name === request.params.name);
    if (!rule) throw new ApiError(404, `Archive policy rule ${request.params.name} does not exist`);
    return rule;
  });

  registerResourceRoutes(app, cloud);
  registerMetricRoutes(app, cloud);
  registerAggregatesRoutes(app, cloud);
  registerNotImplemented(app, cloud, '/v1', 'Metric');
};
