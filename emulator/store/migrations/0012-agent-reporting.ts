// Network agents report a heartbeat every few seconds while they run; the simulation derives
// each heartbeat from the clock. This column marks an agent that has stopped reporting
// (its process died): its heartbeat stays at that time and the agent turns dead, as in
// Neutron once agent_down_time has passed. NULL means the agent is still reporting.

import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('agents').addColumn('stopped_reporting_at', 'text').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('agents').dropColumn('stopped_reporting_at').execute();
}
