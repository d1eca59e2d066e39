// Data access for Neutron's network agents (OVN controller and metadata agents). Liveness is
// not stored: the network service derives each heartbeat from the simulation clock unless
// the agent has stopped reporting.

import type { Kysely } from 'kysely';
import { parseJson } from './network-rows';
import type { Database } from './schema';

export interface Agent {
  id: string;
  agentType: string;
  binary: string;
  topic: string;
  host: string;
  availabilityZone: string | null;
  adminStateUp: boolean;
  description: string;
  configurations: Record<string, unknown>;
  /** Neutron timestamp of the first heartbeat; later ones come from the clock. */
  heartbeatTimestamp: string;
  startedAt: string;
  createdAt: string;
  /** Set when the agent stopped reporting (its process died); null while it reports. */
  stoppedReportingAt: string | null;
  seq: number;
}

export interface AgentChanges {
  adminStateUp?: boolean;
  description?: string;
}

export interface AgentStore {
  list(): Promise<Agent[]>;
  get(id: string): Promise<Agent | undefined>;
  create(agent: Agent): Promise<void>;
  update(id: string, changes: AgentChanges): Promise<void>;
  /** Stops (a time) or resumes (null) the agent's heartbeats. */
  setStoppedReporting(id: string, at: string | null): Promise<void>;
  delete(id: string): Promise<void>;
}

type AgentRow = Database['agents'];

function toAgent(row: AgentRow): Agent {
  return {
    id: row.id,
    agentType: row.agent_type,
    binary: row.binary,
    topic: row.topic,
    host: row.host,
    availabilityZone: row.availability_zone,
    adminStateUp: row.admin_state_up === 1,
    description: row.description,
    configurations: parseJson<Record<string, unknown>>(row.configurations),
    heartbeatTimestamp: row.heartbeat_timestamp,
    startedAt: row.started_at,
    createdAt: row.created_at,
    stoppedReportingAt: row.stopped_reporting_at,
    seq: row.seq,
  };
}

export function createAgentStore(db: Kysely<Database>): AgentStore {
  return {
    async list() {
      return (await db.selectFrom('agents').selectAll().orderBy('seq').execute()).map(toAgent);
    },
    async get(id) {
      const row = await db.selectFrom('agents').selectAll().where('id', '=', id).executeTakeFirst();
      return row && toAgent(row);
    },
    async create(agent) {
      await db
        .insertInto('agents')
        .values({
          id: agent.id,
          agent_type: agent.agentType,
          binary: agent.binary,
          topic: agent.topic,
          host: agent.host,
          availability_zone: agent.availabilityZone,
          admin_state_up: agent.adminStateUp ? 1 : 0,
          description: agent.description,
          configurations: JSON.stringify(agent.configurations),
          heartbeat_timestamp: agent.heartbeatTimestamp,
          started_at: agent.startedAt,
          created_at: agent.createdAt,
          stopped_reporting_at: agent.stoppedReportingAt,
          seq: agent.seq,
        })
        .execute();
    },
    async update(id, changes) {
      if (changes.adminStateUp === undefined && changes.description === undefined) return;
      await db
        .updateTable('agents')
        .set({
          ...(changes.adminStateUp === undefined ? {} : { admin_state_up: changes.adminStateUp ? 1 : 0 }),
          ...(changes.description === undefined ? {} : { description: changes.description }),
        })
        .where('id', '=', id)
        .execute();
    },
    async setStoppedReporting(id, at) {
      await db.updateTable('agents').set({ stopped_reporting_at: at }).where('id', '=', id).execute();
    },
    async delete(id) {
      await db.deleteFrom('agents').where('id', '=', id).execute();
    },
  };
}
