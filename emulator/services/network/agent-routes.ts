// Neutron's agents (extension agent) and availability zones (extension availability_zone):
// GET /v2.0/agents with filters, GET/PUT/DELETE /v2.0/agents/{id} for admins, and
// GET /v2.0/availability_zones derived from the agents, as Neutron derives them.
// A running agent reports every REPORT_INTERVAL seconds of simulated time; one that has
// stopped reporting keeps its last heartbeat and is dead once AGENT_DOWN_TIME has passed.

import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Cloud } from '../../cloud';
import type { Agent } from '../../store/agents';
import { networkContext } from './context';
import { badRequest, invalidAttribute, notFound, policyDenied } from './errors';
import { listBody, showFields, project, toBoolean, type RawQuery, type WireObject } from './list-query';
import { neutronRoute, pathParam } from './register';

/** neutron.conf: report_interval and agent_down_time, in seconds. */
export const REPORT_INTERVAL_SECONDS = 30;
export const AGENT_DOWN_TIME_SECONDS = 75;

/** The agent's last heartbeat, epoch ms, at simulated time `now`. */
export function lastHeartbeat(agent: Agent, now: number): number {
  const started = Date.parse(agent.heartbeatTimestamp);
  if (agent.stoppedReportingAt !== null) return Date.parse(agent.stoppedReportingAt);
  const interval = REPORT_INTERVAL_SECONDS * 1000;
  return Math.max(started, Math.floor(now / interval) * interval);
}

export function agentIsAlive(agent: Agent, now: number): boolean {
  return now - lastHeartbeat(agent, now) <= AGENT_DOWN_TIME_SECONDS * 1000;
}

/** Agents' own timestamp format (api-ref): "2026-11-21 20:58:43", UTC without a zone. */
function agentTime(epochMs: number): string {
  return new Date(Math.floor(epochMs / 1000) * 1000).toISOString().slice(0, 19).replace('T', ' ');
}

export function agentView(agent: Agent, now: number): WireObject {
  return {
    id: agent.id,
    agent_type: agent.agentType,
    binary: agent.binary,
    topic: agent.topic,
    host: agent.host,
    availability_zone: agent.availabilityZone,
    admin_state_up: agent.adminStateUp,
    alive: agentIsAlive(agent, now),
    description: agent.description,
    configurations: agent.configurations,
    heartbeat_timestamp: agentTime(lastHeartbeat(agent, now)),
    started_at: agentTime(Date.parse(agent.startedAt)),
    created_at: agentTime(Date.parse(agent.createdAt)),
    resources_synced: null,
  };
}

const AGENT_ATTRIBUTES = [
  'id', 'agent_type', 'binary', 'topic', 'host', 'availability_zone', 'admin_state_up', 'alive',
  'description', 'heartbeat_timestamp', 'started_at', 'created_at',
] as const;

const AGENTS = { collection: 'agents', attributes: AGENT_ATTRIBUTES };

function parseAgentUpdate(body: unknown): { adminStateUp?: boolean; description?: string } {
  const input = (body as Record<string, unknown> | null)?.agent;
  if (input === null || typeof input !== 'object' || Array.isArray(input)) {
    throw badRequest("Unable to find 'agent' in request body", 'HTTPBadRequest');
  }
  const fields = input as Record<string, unknown>;
  const readOnly = Object.keys(fields).filter((key) => key !== 'admin_state_up' && key !== 'description');
  if (readOnly.length > 0) {
    const known = (AGENT_ATTRIBUTES as readonly string[]).includes(readOnly[0]!);
    throw badRequest(
      known ? `Cannot update read-only attribute ${readOnly[0]}` : `Unrecognized attribute(s) '${readOnly.join(', ')}'`,
      'HTTPBadRequest',
    );
  }
  const changes: { adminStateUp?: boolean; description?: string } = {};
  if (fields.admin_state_up !== undefined) {
    try {
      changes.adminStateUp = toBoolean(fields.admin_state_up);
    } catch {
      throw invalidAttribute('admin_state_up', `'${String(fields.admin_state_up)}' is not a valid boolean value`);
    }
  }
  if (fields.description !== undefined) {
    if (typeof fields.description !== 'string') {
      throw invalidAttribute('description', `'${String(fields.description)}' is not a valid string`);
    }
    if (fields.description.length > 255) {
      throw invalidAttribute('description', `'${fields.description}' exceeds maximum length of 255`);
    }
    changes.description = fields.description;
  }
  return changes;
}

export function registerAgentRoutes(app: FastifyInstance, cloud: Cloud): void {
  const { store } = cloud;
  const now = (): number => cloud.clock.now();

  // Agents are the cloud's own machinery: only admins see them (others get an empty list).
  neutronRoute(app, 'GET', '/agents', async (request) => {
    const context = networkContext(request, cloud);
    const agents = context.admin ? await store.agents.list() : [];
    const at = now();
    return listBody(
      agents.map((agent) => agentView(agent, at)),
      request.query as RawQuery,
      AGENTS,
      cloud.url(request.url),
      (id) => notFound('agent', id),
    );
  });

  const adminAgent = async (request: FastifyRequest): Promise<Agent> => {
    const context = networkContext(request, cloud);
    const id = pathParam(request, 'id');
    const agent = context.admin ? await store.agents.get(id) : undefined;
    if (!agent) throw notFound('agent', id);
    return agent;
  };

  neutronRoute(app, 'GET', '/agents/:id', async (request) => {
    const agent = await adminAgent(request);
    return { agent: project(agentView(agent, now()), showFields(request.query as RawQuery)) };
  });

  neutronRoute(app, 'PUT', '/agents/:id', async (request) => {
    const context = networkContext(request, cloud);
    if (!context.admin) throw policyDenied('update_agent');
    const agent = await adminAgent(request);
    await store.agents.update(agent.id, parseAgentUpdate(request.body));
    const updated = await store.agents.get(agent.id);
    return { agent: agentView(updated ?? agent, now()) };
  });

  neutronRoute(app, 'DELETE', '/agents/:id', async (request, reply) => {
    const context = networkContext(request, cloud);
    if (!context.admin) throw policyDenied('delete_agent');
    const agent = await adminAgent(request);
    await store.agents.delete(agent.id);
    return reply.code(204).send();
  });

  // Zones come from the agents that serve them: a gateway chassis in zone Z offers Z to
  // routers and networks; a zone whose agents are all dead or disabled is unavailable.
  neutronRoute(app, 'GET', '/availability_zones', async (request) => {
    networkContext(request, cloud);
    const at = now();
    const zones = new Map<string, boolean>();
    for (const agent of await store.agents.list()) {
      if (agent.availabilityZone === null || agent.availabilityZone === '') continue;
      const up = agent.adminStateUp && agentIsAlive(agent, at);
      zones.set(agent.availabilityZone, (zones.get(agent.availabilityZone) ?? false) || up);
    }
    const items = [...zones].flatMap(([name, available]) =>
      ['router', 'network'].map((resource) => ({ name, resource, state: available ? 'available' : 'unavailable' })),
    );
    return listBody(
      items,
      request.query as RawQuery,
      { collection: 'availability_zones', attributes: ['name', 'resource', 'state'] },
      cloud.url(request.url),
      (id) => notFound('agent', id),
    );
  });
}
