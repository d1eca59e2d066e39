import 'server-only';

import type { ServiceClient } from '../service-client';
import { type NeutronFilters, listAll } from './client';
import { type Agent, agentFromWire } from './types';

/** Neutron agents (admin only by default policy): GET /v2.0/agents and PUT admin_state_up. */
export async function listAgents(neutron: ServiceClient, filters: NeutronFilters = {}): Promise<Agent[]> {
  return listAll(neutron, 'agents', agentFromWire, filters);
}

export async function setAgentAdminState(neutron: ServiceClient, id: string, adminStateUp: boolean): Promise<Agent> {
  const { body } = await neutron.call<{ agent: Record<string, unknown> }>(`/agents/${encodeURIComponent(id)}`, {
    method: 'PUT',
    body: { agent: { admin_state_up: adminStateUp } },
  });
  return agentFromWire(body.agent);
}

/**
 * Neutron writes heartbeat_timestamp as "2024-05-01 10:00:00" (UTC, no zone); a few clouds add the "T" and
 * a "Z". Seconds since the last heartbeat as of `now`, or null when there is none to read.
 */
export function heartbeatAgeSeconds(heartbeat: string | null, now: number): number | null {
  if (!heartbeat) return null;
  const iso = heartbeat.trim().replace(' ', 'T');
  const hasZone = /(?:Z|[+-]\d{2}:?\d{2})$/.test(iso);
  const at = Date.parse(hasZone ? iso : `${iso}Z`);
  if (Number.isNaN(at)) return null;
  return Math.max(0, Math.round((now - at) / 1000));
}
