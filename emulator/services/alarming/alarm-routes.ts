// Aodh v2 alarms: list (q.field/q.op/q.value), create, show, replace, delete, state get/set
// and history. Every call first settles the evaluator, then runs in its queue.

import { randomUUID } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Cloud } from '../../cloud';
import { ApiError } from '../../http/api-error';
import { formatIsoMicros } from '../../sim/clock';
import { alarmEvaluation } from '../../sim/alarm-evaluator-runtime';
import type { Alarm } from '../../store/schema';
import { apiCaller, callerProjectId, isAdmin } from '../compute/api-caller';
import { recordChange } from './alarm-history';
import { ALARM_STATES, readAlarmInput, type AlarmInput } from './alarm-input';
import { queryAlarms } from './alarm-query';
import { alarmView, changeView } from './alarm-views';
import { alarmNameExists, alarmNotFound, badRequest, notOneOf } from './errors';

const MANUAL_REASON = 'Manually set via API';
const QUERY_FIELDS = ['alarm_id', 'name', 'type', 'state', 'severity', 'enabled', 'project_id', 'user_id'] as const;

type Params = { id: string };
type Query = Record<string, string | string[] | undefined>;

interface Caller {
  userId: string;
  projectId: string;
  admin: boolean;
}

export function registerAlarmRoutes(app: FastifyInstance, cloud: Cloud): void {
  const evaluation = alarmEvaluation(cloud);
  const repos = cloud.store;
  const now = () => formatIsoMicros(cloud.clock.now());

  const route = <T>(fn: (caller: Caller, request: FastifyRequest, reply: FastifyReply) => Promise<T>) =>
    async (request: FastifyRequest, reply: FastifyReply) => {
      const token = apiCaller(request);
      const projectId = callerProjectId(token);
      if (projectId === null) throw new ApiError(403, 'RBAC Authorization Failed');
      const caller = { userId: token.user.id, projectId, admin: isAdmin(token) };
      return evaluation.settled(() => fn(caller, request, reply));
    };

  const visible = async (caller: Caller, id: string): Promise<Alarm> => {
    const alarm = await repos.alarms.get(id);
    if (!alarm || (!caller.admin && alarm.projectId !== caller.projectId)) throw alarmNotFound(id);
    return alarm;
  };

  const checkName = async (alarm: { id: string; name: string; projectId: string }) => {
    const sameName = (await repos.alarms.list({ projectId: alarm.projectId })).find(
      (other) => other.name === alarm.name && other.id !== alarm.id,
    );
    if (sameName) throw alarmNameExists(alarm.name);
  };

  app.get('/v2/alarms', route(async (caller, request) => {
    const terms = queryTerms(request.query as Query);
    let alarms = await repos.alarms.list(caller.admin ? {} : { projectId: caller.projectId });
    for (const term of terms) {
      alarms = alarms.filter((alarm) => {
        const actual = String(alarmView(alarm)[term.field]);
        return term.op === 'ne' ? actual !== term.value : actual === term.value;
      });
    }
    const limit = Number((request.query as Query).limit);
    if (Number.isInteger(limit) && limit > 0) alarms = alarms.slice(0, limit);
    return alarms.map(alarmView);
  }));

  app.post('/v2/query/alarms', route(async (caller, request) =>
    queryAlarms(await repos.alarms.list(caller.admin ? {} : { projectId: caller.projectId }), request.body),
  ));

  app.post('/v2/alarms', route(async (caller, request, reply) => {
    const input = readAlarmInput(request.body);
    const owner = ownerOf(caller, input);
    const at = now();
    const alarm: Alarm = {
      id: randomUUID(),
      ...owner,
      ...fieldsOf(input),
      stateReason: 'Not evaluated yet',
      stateTimestamp: at,
      timestamp: at,
      lastEvaluatedAt: null,
    };
    await checkName(alarm);
    await repos.alarms.insert(alarm);
    await recordChange(repos, alarm, 'creation', alarmView(alarm), caller, at);
    evaluation.invalidate();
    return reply.code(201).send(alarmView(alarm));
  }));

  app.get('/v2/alarms/:id', route(async (caller, request) => alarmView(await visible(caller, (request.params as Params).id))));

  app.put('/v2/alarms/:id', route(async (caller, request) => {
    const old = await visible(caller, (request.params as Params).id);
    const input = readAlarmInput(request.body);
    const at = now();
    const fields = fieldsOf(input);
    const updated: Alarm = {
      ...old,
      ...(caller.admin ? ownerOf(caller, input, old) : {}),
      ...fields,
      description: input.description ?? old.description,
      stateReason: fields.state === old.state ? old.stateReason : MANUAL_REASON,
      stateTimestamp: fields.state === old.state ? old.stateTimestamp : at,
      timestamp: at,
    };
    await checkName(updated);
    await repos.alarms.update(updated);
    const before = alarmView(old);
    const after = alarmView(updated);
    const changed = Object.fromEntries(
      Object.entries(after).filter(
        ([key, value]) => !['timestamp', 'state_timestamp'].includes(key) && JSON.stringify(value) !== JSON.stringify(before[key]),
      ),
    );
    await recordChange(repos, updated, 'rule change', changed, caller, at);
    evaluation.invalidate();
    return after;
  }));

  app.delete('/v2/alarms/:id', route(async (caller, request, reply) => {
    const alarm = await visible(caller, (request.params as Params).id);
    await repos.alarms.delete(alarm.id);
    await recordChange(repos, alarm, 'deletion', alarmView(alarm), caller, now());
    return reply.code(204).send();
  }));

  app.get('/v2/alarms/:id/state', route(async (caller, request, reply) => {
    const alarm = await visible(caller, (request.params as Params).id);
    return reply.type('application/json').send(JSON.stringify(alarm.state));
  }));

  app.put('/v2/alarms/:id/state', route(async (caller, request, reply) => {
    const alarm = await visible(caller, (request.params as Params).id);
    const state = request.body;
    if (typeof state !== 'string' || !ALARM_STATES.includes(state as Alarm['state'])) {
      throw notOneOf('state', state, ALARM_STATES);
    }
    const at = now();
    const updated: Alarm = {
      ...alarm,
      state: state as Alarm['state'],
      stateReason: MANUAL_REASON,
      stateTimestamp: at,
      timestamp: at,
    };
    await repos.alarms.update(updated);
    await recordChange(repos, updated, 'state transition', { state, state_reason: MANUAL_REASON }, caller, at);
    return reply.type('application/json').send(JSON.stringify(updated.state));
  }));

  app.get('/v2/alarms/:id/history', route(async (caller, request) => {
    const id = (request.params as Params).id;
    const alarm = await repos.alarms.get(id);
    let changes = await repos.alarms.history(id);
    // A deleted alarm's history stays readable by its project.
    const project = alarm?.projectId ?? changes[0]?.onBehalfOf;
    if (project === undefined || (!caller.admin && project !== caller.projectId)) throw alarmNotFound(id);
    const limit = Number((request.query as Query).limit);
    if (Number.isInteger(limit) && limit > 0) changes = changes.slice(0, limit);
    return changes.map(changeView);
  }));
}

/** The stored fields of an alarm read from a body (Aodh's default description); also used by Heat's alarm resources. */
export function fieldsOf(input: AlarmInput) {
  return {
    name: input.name,
    description: input.description ?? defaultDescription(input),
    type: input.type,
    enabled: input.enabled,
    state: input.state,
    severity: input.severity,
    repeatActions: input.repeatActions,
    alarmActions: input.alarmActions,
    okActions: input.okActions,
    insufficientDataActions: input.insufficientDataActions,
    timeConstraints: input.timeConstraints,
    rule: input.rule,
  };
}

function defaultDescription(input: AlarmInput): string {
  const r = input.rule;
  if (input.type === 'threshold') {
    return `Alarm when ${String(r.meter_name)} is ${String(r.comparison_operator)} a ${String(r.statistic)} of ${String(r.threshold)} over ${String(r.period)} seconds`;
  }
  return `${input.type} alarm rule`;
}

/** Only an admin may create an alarm for another project or user. */
function ownerOf(caller: Caller, input: AlarmInput, old?: Alarm): { projectId: string; userId: string } {
  const projectId = input.projectId ?? old?.projectId ?? caller.projectId;
  const userId = input.userId ?? old?.userId ?? caller.userId;
  if (!caller.admin && projectId !== caller.projectId) throw new ApiError(401, `Not Authorized to access project ${projectId}`);
  if (!caller.admin && userId !== caller.userId) throw new ApiError(401, `Not Authorized to access user ${userId}`);
  return { projectId, userId };
}

function queryTerms(query: Query): { field: string; op: string; value: string }[] {
  const list = (key: string): string[] => {
    const value = query[key];
    return value === undefined ? [] : Array.isArray(value) ? value : [value];
  };
  const fields = list('q.field');
  const ops = list('q.op');
  const values = list('q.value');
  if (values.length !== fields.length) throw badRequest('q.field and q.value must be given in pairs');
  return fields.map((field, index) => {
    if (!(QUERY_FIELDS as readonly string[]).includes(field)) {
      throw badRequest(`Unknown argument: "q": unrecognized field in query: ${field}, valid keys: ${QUERY_FIELDS.join(', ')}`);
    }
    const op = ops[index] || 'eq';
    if (op !== 'eq' && op !== 'ne') throw badRequest(`Operator ${op} is not supported. Only equality (eq, ne) is supported for alarms`);
    return { field, op, value: values[index] as string };
  });
}
