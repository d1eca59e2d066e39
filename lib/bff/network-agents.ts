import 'server-only';

import { heartbeatAgeSeconds, listAgents, setAgentAdminState } from '../openstack/neutron/agents';
import { neutronClient } from '../openstack/neutron/client';
import type { Agent } from '../openstack/neutron/types';
import { agentStateSchema } from '../validation/floating-ips';
import type { ScopedContext } from './guard';
import { requireAdmin } from './identity';

/** Admin › Network agents: Neutron's agents with the age of their last heartbeat, down ones first. */
export interface AgentRow extends Agent {
  /** Seconds since the last heartbeat when the BFF answered; null when the agent never reported. */
  heartbeatAgeSeconds: number | null;
}

export interface NetworkAgentsView {
  agents: AgentRow[];
  hosts: string[];
  types: string[];
  /** When the ages were computed (ISO), so the page can say "as of". */
  checkedAt: string;
}

export async function loadNetworkAgents(ctx: ScopedContext, now: number = Date.now()): Promise<NetworkAgentsView> {
  requireAdmin(ctx);
  const agents = await listAgents(neutronClient(ctx.endpoint('network'), ctx.token));
  const rows = agents
    .map((agent) => ({ ...agent, heartbeatAgeSeconds: heartbeatAgeSeconds(agent.heartbeatTimestamp, now) }))
    .sort(byAttention);
  return {
    agents: rows,
    hosts: [...new Set(rows.map((a) => a.host))].sort(),
    types: [...new Set(rows.map((a) => a.agentType))].sort(),
    checkedAt: new Date(now).toISOString(),
  };
}

/** Down agents first (what an operator looks for), then by host and type. */
function byAttention(a: AgentRow, b: AgentRow): number {
  return Number(a.alive) - Number(b.alive) || a.host.localeCompare(b.host) || a.agentType.localeCompare(b.agentType);
}

export async function changeAgentAdminState(ctx: ScopedContext, id: string, raw: unknown): Promise<Agent> {
  requireAdmin(ctx);
  const { adminStateUp } = agentStateSchema.parse(raw);
  return setAgentAdminState(neutronClient(ctx.endpoint('network'), ctx.token), id, adminStateUp);
}
