// Data access for Aodh's alarms and their change history. History outlives its alarm, as in
// Aodh (it is expired by a TTL there, never with the alarm).

import type { Kysely, Selectable } from 'kysely';
import type { Alarm, AlarmChange, AlarmHistoryTable, AlarmState, AlarmTable, Database } from './schema';

export interface AlarmStore {
  list(filter?: { projectId?: string }): Promise<Alarm[]>;
  /** Enabled alarms, in creation order, for the evaluator. */
  listEnabled(): Promise<Alarm[]>;
  get(id: string): Promise<Alarm | undefined>;
  insert(alarm: Alarm): Promise<void>;
  /** Replaces every column but the id and the creation order. */
  update(alarm: Alarm): Promise<void>;
  setEvaluated(id: string, at: string): Promise<void>;
  delete(id: string): Promise<boolean>;
  addChange(change: AlarmChange): Promise<void>;
  /** The alarm's changes, newest first. */
  history(alarmId: string): Promise<AlarmChange[]>;
}

export function createAlarmStore(db: Kysely<Database>): AlarmStore {
  return {
    async list(filter = {}) {
      let query = db.selectFrom('alarms').selectAll().orderBy('seq');
      if (filter.projectId !== undefined) query = query.where('project_id', '=', filter.projectId);
      return (await query.execute()).map(toAlarm);
    },
    async listEnabled() {
      const rows = await db.selectFrom('alarms').selectAll().where('enabled', '=', 1).orderBy('seq').execute();
      return rows.map(toAlarm);
    },
    async get(id) {
      const row = await db.selectFrom('alarms').selectAll().where('id', '=', id).executeTakeFirst();
      return row && toAlarm(row);
    },
    async insert(alarm) {
      const last = await db
        .selectFrom('alarms')
        .select((eb) => eb.fn.max('seq').as('seq'))
        .executeTakeFirst();
      await db
        .insertInto('alarms')
        .values({ id: alarm.id, ...toColumns(alarm), seq: Number(last?.seq ?? 0) + 1 })
        .execute();
    },
    async update(alarm) {
      await db.updateTable('alarms').set(toColumns(alarm)).where('id', '=', alarm.id).execute();
    },
    async setEvaluated(id, at) {
      await db.updateTable('alarms').set({ last_evaluated_at: at }).where('id', '=', id).execute();
    },
    async delete(id) {
      const result = await db.deleteFrom('alarms').where('id', '=', id).executeTakeFirst();
      return result.numDeletedRows > 0n;
    },
    async addChange(change) {
      const last = await db
        .selectFrom('alarm_history')
        .select((eb) => eb.fn.max('seq').as('seq'))
        .executeTakeFirst();
      await db
        .insertInto('alarm_history')
        .values({
          event_id: change.eventId,
          alarm_id: change.alarmId,
          type: change.type,
          detail: change.detail,
          user_id: change.userId,
          project_id: change.projectId,
          on_behalf_of: change.onBehalfOf,
          severity: change.severity,
          timestamp: change.timestamp,
          seq: Number(last?.seq ?? 0) + 1,
        })
        .execute();
    },
    async history(alarmId) {
      const rows = await db
        .selectFrom('alarm_history')
        .selectAll()
        .where('alarm_id', '=', alarmId)
        .orderBy('seq', 'desc')
        .execute();
      return rows.map(toChange);
    },
  };
}

function toColumns(alarm: Alarm): Omit<AlarmTable, 'id' | 'seq'> {
  return {
    project_id: alarm.projectId,
    user_id: alarm.userId,
    name: alarm.name,
    description: alarm.description,
    type: alarm.type,
    enabled: alarm.enabled ? 1 : 0,
    state: alarm.state,
    state_reason: alarm.stateReason,
    state_timestamp: alarm.stateTimestamp,
    severity: alarm.severity,
    repeat_actions: alarm.repeatActions ? 1 : 0,
    alarm_actions: JSON.stringify(alarm.alarmActions),
    ok_actions: JSON.stringify(alarm.okActions),
    insufficient_data_actions: JSON.stringify(alarm.insufficientDataActions),
    time_constraints: JSON.stringify(alarm.timeConstraints),
    rule: JSON.stringify(alarm.rule),
    timestamp: alarm.timestamp,
    last_evaluated_at: alarm.lastEvaluatedAt,
  };
}

function toAlarm(row: Selectable<AlarmTable>): Alarm {
  return {
    id: row.id,
    projectId: row.project_id,
    userId: row.user_id,
    name: row.name,
    description: row.description,
    type: row.type,
    enabled: row.enabled === 1,
    state: row.state as AlarmState,
    stateReason: row.state_reason,
    stateTimestamp: row.state_timestamp,
    severity: row.severity,
    repeatActions: row.repeat_actions === 1,
    alarmActions: JSON.parse(row.alarm_actions) as string[],
    okActions: JSON.parse(row.ok_actions) as string[],
    insufficientDataActions: JSON.parse(row.insufficient_data_actions) as string[],
    timeConstraints: JSON.parse(row.time_constraints) as Record<string, unknown>[],
    rule: JSON.parse(row.rule) as Record<string, unknown>,
    timestamp: row.timestamp,
    lastEvaluatedAt: row.last_evaluated_at,
  };
}

function toChange(row: Selectable<AlarmHistoryTable>): AlarmChange {
  return {
    eventId: row.event_id,
    alarmId: row.alarm_id,
    type: row.type as AlarmChange['type'],
    detail: row.detail,
    userId: row.user_id,
    projectId: row.project_id,
    onBehalfOf: row.on_behalf_of,
    severity: row.severity,
    timestamp: row.timestamp,
  };
}
