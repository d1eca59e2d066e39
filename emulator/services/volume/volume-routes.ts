// /v3/volumes: list (summary and detail), show, create, update, delete and metadata.

import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Cloud } from '../../cloud';
import type { Repositories } from '../../store/open-store';
import type { Volume } from '../../store/schema';
import type { VolumeSortKey } from '../../store/volumes';
import { volumeContext, type VolumeContext } from './context';
import { ApiError } from '../../http/api-error';
import { badRequest, invalidVolume, volumeNotFound } from './errors';
import { nextLinks, paginate, parsePage, parseSort } from './list-params';
import { cinderRoute, type Params, type Query } from './register';
import { createVolumeSchema, metadataSchema, metaItemSchema, parseCinderBody, updateVolumeSchema } from './schemas';
import { createVolumeFromRequest } from './volume-create';
import { volumeAtLeast } from './microversion';
import { volumeSummaryView, volumeView } from './views';

const SORT_KEYS: readonly VolumeSortKey[] = ['created_at', 'name', 'size', 'status', 'id', 'updated_at'];
const DELETABLE = ['available', 'error', 'error_restoring', 'error_extending', 'error_managing'];

/** The volume if the caller may see it (own project, or any for an admin), else Cinder's 404. */
export async function visibleVolume(repos: Repositories, context: VolumeContext, id: string): Promise<Volume> {
  const volume = await repos.volumes.get(id);
  if (!volume || (!context.admin && volume.projectId !== context.projectId)) throw volumeNotFound(id);
  return volume;
}

/** Renders volumes with their type names and attachments in two queries, not one per volume. */
export async function renderVolumes(request: FastifyRequest, cloud: Cloud, context: VolumeContext, volumes: Volume[]) {
  const types = new Map((await cloud.store.volumeTypes.list()).map((t) => [t.id, t.name]));
  const attachments = volumes.length === 0 ? [] : await cloud.store.volumeAttachments.list(
    volumes.length === 1 && volumes[0] ? { volumeId: volumes[0].id } : context.admin ? {} : { projectId: context.projectId },
  );
  return volumes.map((volume) =>
    volumeView(request, context, volume, types.get(volume.volumeTypeId) ?? '', attachments.filter((a) => a.volumeId === volume.id)),
  );
}

export function registerVolumeRoutes(app: FastifyInstance, cloud: Cloud): void {
  const { store } = cloud;

  const list = (detail: boolean) => async (request: FastifyRequest) => {
    const context = await volumeContext(request, cloud);
    const query = request.query as Query;
    const page = parsePage(query);
    const allTenants = context.admin && ['1', 'true', 'True'].includes(query.all_tenants ?? '');
    const volumes = await store.volumes.list({
      projectId: allTenants ? query.project_id : context.projectId,
      name: query.name ?? query.display_name,
      status: query.status,
      bootable: query.bootable === undefined ? undefined : ['1', 'true', 'True'].includes(query.bootable),
      sort: parseSort(query, SORT_KEYS),
    });
    const { items, more } = paginate(volumes, page);
    const body: Record<string, unknown> = {
      volumes: detail
        ? await renderVolumes(request, cloud, context, items)
        : items.map((v) => volumeSummaryView(context, v)),
    };
    const links = nextLinks(cloud.url(request.url), items.at(-1)?.id, more, page.limit);
    if (links) body.volumes_links = links;
    return body;
  };
  cinderRoute(app, 'GET', '/volumes', list(false));
  cinderRoute(app, 'GET', '/volumes/detail', list(true));

  // 3.12: how many volumes and GiB the listing would cover.
  cinderRoute(app, 'GET', '/volumes/summary', async (request) => {
    if (!volumeAtLeast(request, '3.12')) throw new ApiError(404, 'The resource could not be found.');
    const context = await volumeContext(request, cloud);
    const allTenants = context.admin && ['1', 'true', 'True'].includes((request.query as Query).all_tenants ?? '');
    const volumes = await store.volumes.list(allTenants ? {} : { projectId: context.projectId });
    return {
      'volume-summary': { total_size: volumes.reduce((sum, v) => sum + v.size, 0), total_count: volumes.length },
    };
  });

  cinderRoute(app, 'GET', '/volumes/:id', async (request) => {
    const context = await volumeContext(request, cloud);
    const volume = await visibleVolume(store, context, (request.params as Params).id ?? '');
    const [view] = await renderVolumes(request, cloud, context, [volume]);
    return { volume: view };
  });

  cinderRoute(app, 'POST', '/volumes', async (request, reply) => {
    const context = await volumeContext(request, cloud);
    const { volume: input } = parseCinderBody(createVolumeSchema, request.body, 'volume');
    const volume = await store.transaction((repos) =>
      createVolumeFromRequest(repos, {
        projectId: context.projectId,
        userId: context.userId,
        admin: context.admin,
        size: input.size ?? undefined,
        name: input.name ?? input.display_name ?? null,
        description: input.description ?? input.display_description ?? null,
        volumeType: input.volume_type ?? undefined,
        imageRef: input.imageRef ?? input.image_id ?? undefined,
        snapshotId: input.snapshot_id ?? undefined,
        sourceVolid: input.source_volid ?? undefined,
        availabilityZone: input.availability_zone ?? undefined,
        metadata: input.metadata ?? {},
        now: context.now,
      }),
    );
    const [view] = await renderVolumes(request, cloud, context, [volume]);
    return reply.code(202).send({ volume: view });
  });

  cinderRoute(app, 'PUT', '/volumes/:id', async (request) => {
    const context = await volumeContext(request, cloud);
    const volume = await visibleVolume(store, context, (request.params as Params).id ?? '');
    const { volume: input } = parseCinderBody(updateVolumeSchema, request.body, 'volume');
    const name = input.name !== undefined ? input.name : input.display_name;
    const description = input.description !== undefined ? input.description : input.display_description;
    const updated = await store.volumes.update(volume.id, {
      ...(name !== undefined ? { name } : {}),
      ...(description !== undefined ? { description } : {}),
      ...(input.metadata != null ? { metadata: input.metadata } : {}),
      updatedAt: context.now,
    });
    const [view] = await renderVolumes(request, cloud, context, [updated ?? volume]);
    return { volume: view };
  });

  cinderRoute(app, 'DELETE', '/volumes/:id', async (request, reply) => {
    const context = await volumeContext(request, cloud);
    const cascade = ['1', 'true', 'True'].includes((request.query as Query).cascade ?? '');
    await store.transaction((repos) => deleteVolume(repos, context, (request.params as Params).id ?? '', { cascade, force: false }));
    return reply.code(202).send();
  });

  // Metadata: the whole set (GET, POST merges, PUT replaces) or one key.
  cinderRoute(app, 'GET', '/volumes/:id/metadata', async (request) => {
    const context = await volumeContext(request, cloud);
    const volume = await visibleVolume(store, context, (request.params as Params).id ?? '');
    return { metadata: volume.metadata };
  });
  for (const method of ['POST', 'PUT'] as const) {
    cinderRoute(app, method, '/volumes/:id/metadata', async (request) => {
      const context = await volumeContext(request, cloud);
      const volume = await visibleVolume(store, context, (request.params as Params).id ?? '');
      const { metadata } = parseCinderBody(metadataSchema, request.body, 'metadata');
      const merged = method === 'POST' ? { ...volume.metadata, ...metadata } : metadata;
      await store.volumes.update(volume.id, { metadata: merged, updatedAt: context.now });
      return { metadata: merged };
    });
  }
  cinderRoute(app, 'GET', '/volumes/:id/metadata/:key', async (request) => {
    const context = await volumeContext(request, cloud);
    const { id = '', key = '' } = request.params as Params;
    const volume = await visibleVolume(store, context, id);
    const value = volume.metadata[key];
    if (value === undefined) throw metadataNotFound(id, key);
    return { meta: { [key]: value } };
  });
  cinderRoute(app, 'PUT', '/volumes/:id/metadata/:key', async (request) => {
    const context = await volumeContext(request, cloud);
    const { id = '', key = '' } = request.params as Params;
    const volume = await visibleVolume(store, context, id);
    const { meta } = parseCinderBody(metaItemSchema, request.body, 'meta');
    const entries = Object.entries(meta);
    if (entries.length !== 1 || entries[0]?.[0] !== key) {
      throw badRequest('Request body and URI mismatch');
    }
    await store.volumes.update(volume.id, { metadata: { ...volume.metadata, ...meta }, updatedAt: context.now });
    return { meta };
  });
  cinderRoute(app, 'DELETE', '/volumes/:id/metadata/:key', async (request, reply) => {
    const context = await volumeContext(request, cloud);
    const { id = '', key = '' } = request.params as Params;
    const volume = await visibleVolume(store, context, id);
    if (volume.metadata[key] === undefined) throw metadataNotFound(id, key);
    const { [key]: _removed, ...rest } = volume.metadata;
    await store.volumes.update(volume.id, { metadata: rest, updatedAt: context.now });
    return reply.code(200).send();
  });
}

/**
 * Cinder's delete rules: a settled status (any status when an admin forces it), not attached,
 * and no snapshots unless they go too (cascade).
 */
export async function deleteVolume(
  repos: Repositories,
  context: VolumeContext,
  id: string,
  options: { cascade: boolean; force: boolean },
): Promise<void> {
  const volume = await visibleVolume(repos, context, id);
  const attached = (await repos.volumeAttachments.list({ volumeId: volume.id })).length > 0;
  if ((!options.force && !DELETABLE.includes(volume.status)) || attached) {
    throw invalidVolume(
      'Volume status must be available or error or error_restoring or error_extending or error_managing and must not be migrating, attached, belong to a group, have snapshots, awaiting a transfer, or be disassociated from snapshots after volume transfer.',
    );
  }
  const snapshots = await repos.snapshots.list({ volumeId: volume.id });
  if (snapshots.length > 0 && !options.cascade) {
    throw invalidVolume(`Volume still has ${snapshots.length} dependent snapshots.`);
  }
  for (const snapshot of snapshots) await repos.snapshots.delete(snapshot.id);
  await repos.volumes.delete(volume.id);
}

function metadataNotFound(volumeId: string, key: string): ApiError {
  return new ApiError(404, `Volume ${volumeId} has no metadata with key ${key}.`);
}
