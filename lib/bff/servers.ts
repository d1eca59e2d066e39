import 'server-only';

import { type ServerAction, actionBody, canPerform, canResize, canSnapshot } from '../compute/server-status';
import { glanceClient, listImagesByIds } from '../openstack/glance';
import { listProjects } from '../openstack/keystone';
import { novaClient } from '../openstack/nova/client';
import type { Server } from '../openstack/nova/server-model';
import {
  type InstanceAction,
  consoleOutput,
  deleteServer,
  getServer,
  listInstanceActions,
  listServers,
  renameServer,
  serverAction,
} from '../openstack/nova/servers';
import type { ServerListInput } from '../validation/servers';
import { ApiError, toApiError } from './api-error';
import type { ScopedContext } from './guard';

export interface ServerRow extends Server {
  imageName: string | null;
  projectName: string | null;
}

export interface ServerListView {
  servers: ServerRow[];
  nextMarker: string | null;
  allProjects: boolean;
  /** Names joined in could not be read (the list itself is fine): which service failed. */
  partial: { service: string; message: string; requestId: string | null }[];
}

/** Nova's name filter is a regular expression; a search box means "contains this text". */
export function literalPattern(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * One page of instances with image and (for admins) project names joined in: one Nova call, one
 * Glance call for the whole page, one Keystone call for admins. Never a call per row.
 */
export async function loadServerList(ctx: ScopedContext, input: ServerListInput): Promise<ServerListView> {
  if (input.all && !ctx.isAdmin) throw new ApiError({ code: 'admin_only', status: 403, message: 'Only admins can list every project’s instances' });
  const nova = novaClient(ctx.endpoint('compute'), ctx.token);
  const page = await listServers(nova, {
    limit: input.limit,
    marker: input.marker,
    name: input.name ? literalPattern(input.name) : null,
    status: input.status,
    allProjects: input.all,
  });
  const partial: ServerListView['partial'] = [];
  const [images, projects] = await Promise.all([
    joinImageNames(ctx, page.servers).catch((error) => {
      partial.push(describe(error));
      return new Map<string, string>();
    }),
    input.all
      ? listProjects(ctx.config.authUrl, ctx.token)
          .then((list) => new Map(list.map((p) => [p.id, p.name])))
          .catch((error) => {
            partial.push(describe(error));
            return new Map<string, string>();
          })
      : Promise.resolve(new Map([[ctx.project.id, ctx.project.name]])),
  ]);
  return {
    servers: page.servers.map((s) => ({
      ...s,
      imageName: s.imageId ? (images.get(s.imageId) ?? null) : null,
      projectName: projects.get(s.projectId) ?? null,
    })),
    nextMarker: page.nextMarker,
    allProjects: input.all,
    partial,
  };
}

async function joinImageNames(ctx: ScopedContext, servers: Server[]): Promise<Map<string, string>> {
  const ids = servers.map((s) => s.imageId).filter((id): id is string => !!id);
  if (ids.length === 0) return new Map();
  const images = await listImagesByIds(glanceClient(ctx.endpoint('image'), ctx.token), ids);
  return new Map(images.map((i) => [i.id, i.name]));
}

function describe(error: unknown): ServerListView['partial'][number] {
  const { payload } = toApiError(error);
  return { service: payload.service ?? 'unknown', message: payload.message, requestId: payload.requestId };
}

export interface ServerDetailView {
  server: ServerRow;
  actions: InstanceAction[];
}

export async function loadServerDetail(ctx: ScopedContext, id: string): Promise<ServerDetailView> {
  const nova = novaClient(ctx.endpoint('compute'), ctx.token);
  const [server, actions] = await Promise.all([getServer(nova, id), listInstanceActions(nova, id).catch(() => [])]);
  const images = await joinImageNames(ctx, [server]).catch(() => new Map<string, string>());
  return {
    server: {
      ...server,
      imageName: server.imageId ? (images.get(server.imageId) ?? null) : null,
      projectName: server.projectId === ctx.project.id ? ctx.project.name : null,
    },
    actions,
  };
}

/** Runs an action after checking the state rules here too: a stale page cannot send what Nova refuses. */
export async function runServerAction(ctx: ScopedContext, id: string, action: ServerAction): Promise<void> {
  const nova = novaClient(ctx.endpoint('compute'), ctx.token);
  const server = await getServer(nova, id);
  if (!canPerform(action, server, ctx.isAdmin)) throw stateConflict(server, action);
  if (action === 'delete') await deleteServer(nova, id);
  else await serverAction(nova, id, actionBody(action));
}

export async function renameInstance(ctx: ScopedContext, id: string, name: string): Promise<void> {
  await renameServer(novaClient(ctx.endpoint('compute'), ctx.token), id, name);
}

export async function loadConsoleLog(ctx: ScopedContext, id: string, lines: number): Promise<{ output: string; lines: number }> {
  const output = await consoleOutput(novaClient(ctx.endpoint('compute'), ctx.token), id, lines);
  return { output, lines };
}

function stateConflict(server: Server, what: string): ApiError {
  return new ApiError({
    code: 'action_not_allowed',
    status: 409,
    message: `Cannot ${what} instance ${server.name} while it is ${server.status.toLowerCase()}${server.taskState ? ` (${server.taskState})` : ''}${server.locked ? ', locked' : ''}`,
    service: 'compute',
  });
}

export async function resizeInstance(ctx: ScopedContext, id: string, flavorId: string): Promise<void> {
  const nova = novaClient(ctx.endpoint('compute'), ctx.token);
  const server = await getServer(nova, id);
  if (!canResize(server, ctx.isAdmin)) throw stateConflict(server, 'resize');
  await serverAction(nova, id, { resize: { flavorRef: flavorId } });
}

/** createImage: Nova answers with the new image's id in the Location header (and in the body from 2.45). */
export async function snapshotInstance(ctx: ScopedContext, id: string, name: string): Promise<void> {
  const nova = novaClient(ctx.endpoint('compute'), ctx.token);
  const server = await getServer(nova, id);
  if (!canSnapshot(server, ctx.isAdmin)) throw stateConflict(server, 'snapshot');
  await serverAction(nova, id, { createImage: { name } });
}
