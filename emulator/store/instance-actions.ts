// Data access for Nova instance actions. Each action carries its one event; the event's finish
// time is when the simulated work ends, so a read before then shows it still running.

import type { Kysely } from 'kysely';
import type { Selectable } from 'kysely';
import type { Database, InstanceActionTable } from './schema';

export interface InstanceAction {
  requestId: string;
  serverId: string;
  projectId: string;
  userId: string;
  action: string;
  startTime: string;
  finishTime: string;
  event: string;
  result: 'Success' | 'Error';
  host: string | null;
}

export interface InstanceActionStore {
  insert(action: InstanceAction): Promise<void>;
  insertMany(actions: readonly InstanceAction[]): Promise<void>;
  /** Newest first, as Nova lists them. */
  listOfServer(serverId: string): Promise<InstanceAction[]>;
  get(serverId: string, requestId: string): Promise<InstanceAction | undefined>;
}

export function createInstanceActionStore(db: Kysely<Database>): InstanceActionStore {
  const toRow = (a: InstanceAction) => ({
    request_id: a.requestId,
    server_id: a.serverId,
    project_id: a.projectId,
    user_id: a.userId,
    action: a.action,
    start_time: a.startTime,
    finish_time: a.finishTime,
    event: a.event,
    result: a.result,
    host: a.host,
  });
  const fromRow = (r: Selectable<InstanceActionTable>): InstanceAction => ({
    requestId: r.request_id,
    serverId: r.server_id,
    projectId: r.project_id,
    userId: r.user_id,
    action: r.action,
    startTime: r.start_time,
    finishTime: r.finish_time,
    event: r.event,
    result: r.result === 'Error' ? 'Error' : 'Success',
    host: r.host,
  });
  return {
    async insert(action) {
      await db.insertInto('instance_actions').values(toRow(action)).execute();
    },
    async insertMany(actions) {
      for (let i = 0; i < actions.length; i += 1000) {
        await db.insertInto('instance_actions').values(actions.slice(i, i + 1000).map(toRow)).execute();
      }
    },
    async listOfServer(serverId) {
      const rows = await db.selectFrom('instance_actions').selectAll().where('server_id', '=', serverId).orderBy('start_time', 'desc').orderBy('request_id', 'desc').execute();
      return rows.map(fromRow);
    },
    async get(serverId, requestId) {
      const row = await db.selectFrom('instance_actions').selectAll().where('server_id', '=', serverId).where('request_id', '=', requestId).executeTakeFirst();
      return row && fromRow(row);
    },
  };
}
