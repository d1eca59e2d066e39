// Nova's /servers/{id}/metadata: read, merge (POST), replace (PUT), one item, delete. Changes
// need the server settled in a running or stopped state, unlocked for its owner, and within
// the metadata_items quota.

import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { Cloud } from '../../cloud';
import { ApiError } from '../../http/api-error';
import type { Server } from '../../store/servers';
import { serverContext, visibleServer, type ServerContext } from './server-context';
import { parseNovaBody } from './server-schemas';

type Params = { Params: { serverId: string; key?: string } };

const items = z.record(z.string().min(1).max(255), z.string().max(255));
const metadataSchema = z.object({ metadata: items });
const metaSchema = z.object({ meta: items });

const CHANGEABLE = ['active', 'paused', 'suspended', 'stopped'];

async function checkChange(cloud: Cloud, context: ServerContext, server: Server, action: string, metadata: Record<string, string>): Promise<void> {
  if (server.locked && !context.admin) throw new ApiError(409, `Instance ${server.id} is locked`);
  if (!CHANGEABLE.includes(server.vmState)) {
    throw new ApiError(409, `Cannot '${action}' instance ${server.id} while it is in vm_state ${server.vmState}`);
  }
  if (server.taskState !== null) {
    throw new ApiError(409, `Cannot '${action}' instance ${server.id} while it is in task_state ${server.taskState}`);
  }
  const limit = (await cloud.store.computeQuotas.limitsOf(server.projectId)).metadata_items;
  if (limit >= 0 && Object.keys(metadata).length > limit) {
    throw new ApiError(403, `Maximum number of metadata items exceeds ${limit}`);
  }
}

export function registerServerMetadataRoutes(app: FastifyInstance, cloud: Cloud): void {
  const load = async (request: Parameters<typeof serverContext>[0] & { params: { serverId: string } }) => {
    const context = await serverContext(request, cloud);
    return { context, server: await visibleServer(cloud, context, request.params.serverId) };
  };
  const save = async (context: ServerContext, server: Server, metadata: Record<string, string>) =>
    cloud.store.servers.update(server.id, { metadata, updatedAt: context.nowIso });

  app.get<Params>('/v2.1/servers/:serverId/metadata', async (request) => {
    const { server } = await load(request);
    return { metadata: server.metadata };
  });

  app.post<Params>('/v2.1/servers/:serverId/metadata', async (request) => {
    const { context, server } = await load(request);
    const { metadata } = parseNovaBody(metadataSchema, request.body);
    const merged = { ...server.metadata, ...metadata };
    await checkChange(cloud, context, server, 'update metadata', merged);
    await save(context, server, merged);
    return { metadata: merged };
  });

  app.put<Params>('/v2.1/servers/:serverId/metadata', async (request) => {
    const { context, server } = await load(request);
    const { metadata } = parseNovaBody(metadataSchema, request.body);
    await checkChange(cloud, context, server, 'update metadata', metadata);
    await save(context, server, metadata);
    return { metadata };
  });

  app.get<Params>('/v2.1/servers/:serverId/metadata/:key', async (request) => {
    const { server } = await load(request);
    const key = request.params.key ?? '';
    if (!(key in server.metadata)) throw new ApiError(404, 'Metadata item was not found');
    return { meta: { [key]: server.metadata[key] } };
  });

  app.put<Params>('/v2.1/servers/:serverId/metadata/:key', async (request) => {
    const { context, server } = await load(request);
    const { meta } = parseNovaBody(metaSchema, request.body);
    const key = request.params.key ?? '';
    const entries = Object.entries(meta);
    if (entries.length > 1) throw new ApiError(400, 'Request body contains too many items');
    if (entries.length === 0 || entries[0]![0] !== key) throw new ApiError(400, 'Request body and URI mismatch');
    const merged = { ...server.metadata, [key]: entries[0]![1] };
    await checkChange(cloud, context, server, 'update metadata', merged);
    await save(context, server, merged);
    return { meta };
  });

  app.delete<Params>('/v2.1/servers/:serverId/metadata/:key', async (request, reply) => {
    const { context, server } = await load(request);
    const key = request.params.key ?? '';
    if (!(key in server.metadata)) throw new ApiError(404, 'Metadata item was not found');
    const { [key]: _removed, ...rest } = server.metadata;
    await checkChange(cloud, context, server, 'delete metadata', rest);
    await save(context, server, rest);
    return reply.code(204).send();
  });
}
