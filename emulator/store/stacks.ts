// Data access for Heat's stacks. JSON columns are parsed here so the service sees the model.

import type { Kysely, Selectable } from 'kysely';
import type { Database, Stack, StackPhase, StackTable } from './schema';

const ACTIONS: ReadonlySet<string> = new Set(['CREATE', 'UPDATE', 'SUSPEND', 'RESUME', 'CHECK', 'DELETE']);

export interface StackStore {
  list(filter?: { projectId?: string; parentStackId?: string }): Promise<Stack[]>;
  get(id: string): Promise<Stack | undefined>;
  insert(stack: Stack): Promise<void>;
  /** Starts a new action on the stack. */
  setAction(id: string, action: Stack['action'], startedMs: number, updatedAt: string): Promise<void>;
  delete(id: string): Promise<boolean>;
  /** Writes what an action changes: template, environment, files, parameters, description, resources, history, action. */
  save(stack: Stack): Promise<void>;
  /** Replaces the stack's resource records (signals, group sizes). */
  setResources(id: string, resources: Stack['resources']): Promise<void>;
}

export function createStackStore(db: Kysely<Database>): StackStore {
  return {
    async list(filter = {}) {
      let query = db.selectFrom('stacks').selectAll().orderBy('seq');
      if (filter.projectId !== undefined) query = query.where('project_id', '=', filter.projectId);
      if (filter.parentStackId !== undefined) query = query.where('parent_stack_id', '=', filter.parentStackId);
      return (await query.execute()).map(toStack);
    },
    async get(id) {
      const row = await db.selectFrom('stacks').selectAll().where('id', '=', id).executeTakeFirst();
      return row && toStack(row);
    },
    async insert(s) {
      const last = await db.selectFrom('stacks').select((eb) => eb.fn.max('seq').as('seq')).executeTakeFirst();
      await db
        .insertInto('stacks')
        .values({
          id: s.id,
          project_id: s.projectId,
          user_id: s.userId,
          name: s.name,
          created_at: s.createdAt,
          ...savedColumns(s),
          seq: Number(last?.seq ?? 0) + 1,
          parent_stack_id: s.parent?.stackId ?? null,
          parent_resource: s.parent?.resource ?? null,
        })
        .execute();
    },
    async setAction(id, action, startedMs, updatedAt) {
      await db
        .updateTable('stacks')
        .set({ action, action_started_ms: startedMs, updated_at: updatedAt })
        .where('id', '=', id)
        .execute();
    },
    async save(s) {
      await db
        .updateTable('stacks')
        .set(savedColumns(s))
        .where('id', '=', s.id)
        .execute();
    },
    async setResources(id, resources) {
      await db.updateTable('stacks').set({ resources: JSON.stringify(resources) }).where('id', '=', id).execute();
    },
    async delete(id) {
      const result = await db.deleteFrom('stacks').where('id', '=', id).executeTakeFirst();
      return result.numDeletedRows > 0n;
    },
  };
}

/** The columns an action may change, written alike by insert and save. */
function savedColumns(s: Stack) {
  return {
    description: s.description,
    action: s.action,
    action_started_ms: s.actionStartedMs,
    updated_at: s.updatedAt,
    template: JSON.stringify(s.template),
    environment: JSON.stringify(s.environment),
    files: JSON.stringify(s.files),
    parameters: JSON.stringify(s.parameters),
    resources: JSON.stringify(s.resources),
    timeout_mins: s.timeoutMins,
    disable_rollback: s.disableRollback ? 1 : 0,
    tags: JSON.stringify(s.tags),
    history: JSON.stringify(s.history ?? []),
  };
}

function toStack(row: Selectable<StackTable>): Stack {
  return {
    id: row.id,
    projectId: row.project_id,
    userId: row.user_id,
    name: row.name,
    description: row.description,
    action: (ACTIONS.has(row.action) ? row.action : 'CREATE') as Stack['action'],
    actionStartedMs: Number(row.action_started_ms),
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    template: JSON.parse(row.template) as Stack['template'],
    environment: JSON.parse(row.environment) as Record<string, unknown>,
    files: JSON.parse(row.files) as Record<string, string>,
    parameters: JSON.parse(row.parameters) as Record<string, unknown>,
    resources: JSON.parse(row.resources) as Stack['resources'],
    timeoutMins: row.timeout_mins,
    disableRollback: row.disable_rollback === 1,
    tags: JSON.parse(row.tags) as string[],
    history: JSON.parse(row.history) as StackPhase[],
    parent: row.parent_stack_id === null ? null : { stackId: row.parent_stack_id, resource: row.parent_resource ?? '' },
  };
}
