// GET /servers/{id}/os-instance-actions (+ /{request_id}): the action log. An action's
// event shows as finished only once the clock has passed its finish time.

import type { FastifyInstance } from 'fastify';
import type { Cloud } from '../../cloud';
import { ApiError } from '../../http/api-error';
import type { InstanceAction } from '../../store/instance-actions';
import { serverContext, visibleServer, type ServerContext } from './server-context';
import { novaNaiveTime } from './server-views';

type Params = { Params: { serverId: string; requestId?: string } };

function actionView(action: InstanceAction, context: ServerContext): Record<string, unknown> {
  const view: Record<string, unknown> = {
    action: action.action,
    instance_uuid: action.serverId,
    message: action.result === 'Error' ? 'Error' : null,
    project_id: action.projectId,
    request_id: action.requestId,
    start_time: novaNaiveTime(action.startTime),
    user_id: action.userId,
  };
  if (context.atLeast('2.58')) {
    view.updated_at = novaNaiveTime(action.finishTime <= context.nowIso ? action.finishTime : action.startTime);
  }
  return view;
}

function eventView(action: InstanceAction, context: ServerContext): Record<string, unknown> {
  const done = action.finishTime <= context.nowIso;
  const event: Record<string, unknown> = {
    event: action.event,
    start_time: novaNaiveTime(action.startTime),
    finish_time: done ? novaNaiveTime(action.finishTime) : null,
    result: done ? action.result : null,
  };
  if (context.admin) event.traceback = null;
  if (context.atLeast('2.62')) {
    event.hostId = '';
    if (context.admin) event.host = action.host;
  }
  return event;
}

export function registerInstanceActionRoutes(app: FastifyInstance, cloud: Cloud): void {
  app.get<Params>('/v2.1/servers/:serverId/os-instance-actions', async (request) => {
    const context = await serverContext(request, cloud);
    const server = await visibleServer(cloud, context, request.params.serverId);
    const actions = await cloud.store.instanceActions.listOfServer(server.id);
    return { instanceActions: actions.map((a) => actionView(a, context)) };
  });

  app.get<Params>('/v2.1/servers/:serverId/os-instance-actions/:requestId', async (request) => {
    const context = await serverContext(request, cloud);
    const server = await visibleServer(cloud, context, request.params.serverId);
    const action = await cloud.store.instanceActions.get(server.id, request.params.requestId ?? '');
    if (!action) throw new ApiError(404, `Action for request_id ${request.params.requestId} on instance ${server.id} not found`);
    return { instanceAction: { ...actionView(action, context), events: [eventView(action, context)] } };
  });
}
